package org.webwatch.server;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A cookie-keeping HTTP client that behaves like one browser (redirects not followed). */
public final class Client {
  private static final Pattern CSRF_META = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]*)\">");
  private static final Pattern LOGIN_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]*)\"");
  private final String base;
  private final HttpClient http;
  private String csrf = "";
  private String bearer;

  public Client(int port) {
    this.base = "http://127.0.0.1:" + port;
    CookieManager cm = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    this.http = HttpClient.newBuilder().cookieHandler(cm).followRedirects(HttpClient.Redirect.NEVER).build();
  }

  public Client bearer(String token) {
    this.bearer = token;
    return this;
  }

  public String csrf() {
    return csrf;
  }

  private HttpRequest.Builder req(String path) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
    if (bearer != null) b.header("Authorization", "Bearer " + bearer);
    return b;
  }

  public HttpResponse<String> get(String path) {
    return send(req(path).GET().build());
  }

  public HttpResponse<String> send(HttpRequest r) {
    try {
      return http.send(r, HttpResponse.BodyHandlers.ofString());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String form(Map<String, String> f) {
    return f.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
  }

  /** Posts a form; adds the session's CSRF token unless {@code withCsrf} is false. */
  public HttpResponse<String> post(String path, Map<String, String> fields, boolean withCsrf) {
    Map<String, String> f = new LinkedHashMap<>(fields);
    if (withCsrf) f.put("_csrf", csrf);
    return send(req(path).header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form(f))).build());
  }

  public HttpResponse<String> postJson(String path, String json, boolean withCsrf) {
    HttpRequest.Builder b = req(path).header("Content-Type", "application/json");
    if (withCsrf) b.header("X-CSRF-Token", csrf);
    return send(b.POST(HttpRequest.BodyPublishers.ofString(json)).build());
  }

  /** Logs in through the form; returns the login POST response. Picks up the page's CSRF token on success. */
  /** A client on {@code port} signed in as the fixture user {@code user} ({@link Fixture#password}); fails if refused. */
  public static Client loggedIn(int port, String user) {
    Client c = new Client(port);
    int status = c.login(user, Fixture.password(user)).statusCode();
    if (status != 302) throw new AssertionError("login as " + user + " answered " + status + ", expected 302");
    return c;
  }

  public HttpResponse<String> login(String user, String password) {
    HttpResponse<String> page = get("/login");
    Matcher m = LOGIN_FIELD.matcher(page.body());
    if (!m.find()) throw new IllegalStateException("no login CSRF field");
    Map<String, String> f = new LinkedHashMap<>();
    f.put("_csrf", m.group(1));
    f.put("username", user);
    f.put("password", password);
    f.put("next", "/queue");
    HttpResponse<String> r = send(req("/login").header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form(f))).build());
    if (r.statusCode() == 302 || r.statusCode() == 303) {
      Matcher c = CSRF_META.matcher(get("/queue").body());
      if (c.find()) csrf = c.group(1);
    }
    return r;
  }
}
