package org.webwatch.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.webwatch.casework.AuditEntry;
import org.webwatch.store.WebwatchStore;
import org.webwatch.store.audit.AuditLog;
import org.webwatch.store.users.UserRepository;

class SecurityTest {
  @TempDir static Path dir;
  static WebwatchStore store;
  static UserRepository users;
  static WebwatchServer server;

  @BeforeAll
  static void start() throws Exception {
    store = WebwatchStore.open(dir.resolve("data"));
    users = Fixture.seed(store, dir);
    server = WebwatchServer.create(store, users, WebwatchServer.defaultOptions(store, false)).start("127.0.0.1", 0);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static Client as(String role) {
    return Client.loggedIn(server.port(), role);
  }

  @Test
  void everyRouteDeclaresAnAccessLevelAndOnlyLoginIsPublic() {
    List<WebwatchServer.Route> routes = server.routes();
    assertThat(routes).hasSizeGreaterThan(30);
    assertThat(routes).allSatisfy(r -> assertThat(r.access()).isNotEqualTo("NONE"));
    assertThat(routes).filteredOn(r -> r.access().equals("PUBLIC")).extracting(WebwatchServer.Route::path).containsOnly("/login");
  }

  @Test
  void unauthenticatedAccessToEveryRouteIsRefused() {
    Client anon = new Client(server.port());
    for (WebwatchServer.Route r : server.routes()) {
      if (r.access().equals("PUBLIC")) continue;
      String path = r.path().replaceAll("\\{[^}]+}", "x");
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
      HttpRequest req = switch (r.method()) {
        case "GET" -> b.GET().build();
        default -> b.method(r.method(), HttpRequest.BodyPublishers.ofString("{}")).header("Content-Type", "application/json").build();
      };
      HttpResponse<String> resp = anon.send(req);
      boolean api = path.startsWith("/api/") || path.startsWith("/h/") || path.startsWith("/m/");
      if (api || !r.method().equals("GET")) {
        assertThat(resp.statusCode()).as(r.method() + " " + path).isEqualTo(401);
      } else {
        assertThat(resp.statusCode()).as(r.method() + " " + path).isEqualTo(302);
        assertThat(resp.headers().firstValue("Location").orElse("")).startsWith("/login");
      }
      assertThat(resp.body()).as(path).doesNotContain("P1").doesNotContain("alpha");
    }
    // a wrong bearer token is refused too
    assertThat(new Client(server.port()).bearer("ww_nope").get("/api/queue/persons").statusCode()).isEqualTo(401);
  }

  @Test
  void csrfIsRequiredOnStateChangingSessionRequests() {
    Client inv = as("investigator");
    Map<String, String> decision = Map.of("kind", "referred", "subject", "P2", "back", "/person/P2");
    assertThat(inv.post("/decisions", decision, false).statusCode()).isEqualTo(403);
    assertThat(inv.post("/decisions", Map.of("kind", "referred", "subject", "P2", "_csrf", "forged"), false).statusCode()).isEqualTo(403);
    assertThat(inv.postJson("/api/decisions", "{\"kind\":\"referred\",\"subject\":\"P2\"}", false).statusCode()).isEqualTo(403);
    assertThat(inv.post("/logout", Map.of(), false).statusCode()).isEqualTo(403);
    HttpResponse<String> ok = inv.post("/decisions", decision, true);
    assertThat(ok.statusCode()).isEqualTo(303);
    assertThat(ok.headers().firstValue("Location")).hasValue("/person/P2");
    assertThat(inv.postJson("/api/decisions", "{\"kind\":\"referred\",\"subject\":\"P2\"}", true).statusCode()).isEqualTo(201);
    // the login form has its own token
    Client anon = new Client(server.port());
    anon.get("/login");
    assertThat(anon.post("/login", Map.of("username", "admin", "password", Fixture.password("admin"), "_csrf", "x"), false).statusCode())
        .isEqualTo(403);
  }

  @Test
  void roleMatrix() {
    Client viewer = as("viewer");
    assertThat(viewer.get("/queue").statusCode()).isEqualTo(200);
    assertThat(viewer.get("/person/P1").statusCode()).isEqualTo(200);
    assertThat(viewer.post("/decisions", Map.of("kind", "referred", "subject", "P1"), true).statusCode()).isEqualTo(403);
    assertThat(viewer.postJson("/api/notes", "{\"kind\":\"person\",\"subject\":\"P1\",\"text\":\"x\"}", true).statusCode()).isEqualTo(403);
    assertThat(viewer.get("/cases/export?person=P1").statusCode()).isEqualTo(403);
    assertThat(viewer.get("/admin/users").statusCode()).isEqualTo(403);
    assertThat(viewer.get("/person/P1").body()).doesNotContain("Record decision").doesNotContain("Export JSON");

    Client inv = as("investigator");
    assertThat(inv.get("/cases/export?person=P1&format=csv").statusCode()).isEqualTo(200);
    assertThat(inv.get("/admin/users").statusCode()).isEqualTo(403);
    assertThat(inv.post("/admin/users", Map.of("name", "mallory", "role", "admin", "password", "a long password 1"), true).statusCode())
        .isEqualTo(403);
    assertThat(inv.get("/audit").statusCode()).isEqualTo(403);
    assertThat(inv.get("/hashsets").statusCode()).isEqualTo(403);

    Client admin = as("admin");
    assertThat(admin.get("/admin/users").statusCode()).isEqualTo(200);
    assertThat(admin.get("/audit").statusCode()).isEqualTo(200);
    assertThat(admin.post("/admin/users", Map.of("name", "newbie", "role", "viewer", "password", "a long password 1"), true).statusCode())
        .isEqualTo(303);
    assertThat(users.find("newbie")).isPresent();
  }

  @Test
  void apiTokensAuthenticateWithoutCsrfAndKeepTheRole() {
    String viewerToken = users.newApiToken("viewer", 1);
    String invToken = users.newApiToken("investigator", 1);
    Client v = new Client(server.port()).bearer(viewerToken);
    assertThat(v.get("/api/queue/persons").statusCode()).isEqualTo(200);
    assertThat(v.postJson("/api/decisions", "{\"kind\":\"referred\",\"subject\":\"P1\"}", false).statusCode()).isEqualTo(403);
    Client i = new Client(server.port()).bearer(invToken);
    HttpResponse<String> r = i.postJson("/api/decisions", "{\"kind\":\"dismissed\",\"subject\":\"P2\",\"reason\":\"known case\"}", false);
    assertThat(r.statusCode()).isEqualTo(201);
    assertThat(r.body()).contains("\"kind\":\"DISMISSED\"").contains("known case");
    assertThat(i.postJson("/api/decisions", "{\"kind\":\"dismissed\",\"subject\":\"P2\"}", false).statusCode()).isEqualTo(400);
  }

  @Test
  void lockoutAfterRepeatedFailures() {
    users.add("locky", org.webwatch.casework.Role.VIEWER, Fixture.password("locky"), 1);
    Client c = new Client(server.port());
    for (int i = 0; i < UserRepository.MAX_FAILURES; i++) assertThat(c.login("locky", "wrong password").statusCode()).isEqualTo(401);
    HttpResponse<String> r = c.login("locky", Fixture.password("locky"));
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.body()).contains("Sign-in failed");
    AuditLog log = new AuditLog(store);
    assertThat(log.page(Long.MAX_VALUE, 500, "login.failed")).extracting(AuditEntry::detail).anyMatch(d -> d.contains("locked"));
  }

  @Test
  void headersAndCookies() {
    Client anon = new Client(server.port());
    HttpResponse<String> login = anon.get("/login");
    assertThat(login.headers().firstValue("Content-Security-Policy").orElse("")).contains("default-src 'self'")
        .contains("frame-ancestors 'none'").doesNotContain("unsafe-inline");
    assertThat(login.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(login.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
    assertThat(login.body()).doesNotContain("<script>").doesNotContain("style=");
    Client c = new Client(server.port());
    c.get("/login");
    HttpResponse<String> r = c.login("viewer", Fixture.password("viewer"));
    String cookie = r.headers().allValues("Set-Cookie").stream().filter(s -> s.startsWith("ww_session=")).findFirst().orElseThrow();
    assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Strict").doesNotContain("Secure");
    assertThat(anon.get("/static/app.js").statusCode()).isEqualTo(200);
    assertThat(anon.get("/webjars/htmx.org/2.0.10/dist/htmx.min.js").statusCode()).isEqualTo(200);
  }

  @Test
  void logoutEndsTheSession() {
    Client c = as("viewer");
    assertThat(c.post("/logout", Map.of(), true).statusCode()).isEqualTo(302);
    assertThat(c.get("/queue").statusCode()).isEqualTo(302);
  }
}
