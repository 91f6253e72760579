package org.webwatch.server.internal;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HandlerType;
import io.javalin.http.SameSite;
import io.javalin.security.RouteRole;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;
import org.webwatch.WebwatchException;
import org.webwatch.server.ServerOptions;
import org.webwatch.store.users.Session;
import org.webwatch.store.users.UserRepository;

/**
 * Authentication, authorisation and CSRF for every matched route, plus the security headers of
 * every response. Order per request: headers (all responses) → route's {@link Access} (exactly
 * one, else refused) → principal from {@code Authorization: Bearer} token or session cookie →
 * permission check → CSRF synchronizer token on state-changing requests of sessions.
 */
public final class Security {
  public static final String SESSION_COOKIE = "ww_session";
  public static final String LOGIN_CSRF_COOKIE = "ww_login";
  public static final String CSRF_HEADER = "X-CSRF-Token";
  public static final String CSRF_FIELD = "_csrf";
  static final String PRINCIPAL = "ww.principal";
  /**
   * SHA-256 of the one fixed stylesheet Cytoscape.js 3.33.1 injects for its container (the
   * {@code .__________cytoscape_container} position rule). Allowing exactly this hash keeps
   * 'unsafe-inline' out of the policy; a different Cytoscape version needs its hash here
   * (BrowserEndToEndTest fails on any CSP violation).
   */
  public static final String CYTOSCAPE_STYLE_HASH = "'sha256-pgvDUBa4IjFA2yuSJ2cqcyxmNYJMborsd0ORcRv9vw8='";
  /** Content-Security-Policy: nothing inline (bar one hashed library stylesheet), nothing from elsewhere, no framing. */
  public static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' " + CYTOSCAPE_STYLE_HASH
      + "; img-src 'self' data:; "
      + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

  private final UserRepository users;
  private final ServerOptions options;

  public Security(UserRepository users, ServerOptions options) {
    this.users = users;
    this.options = options;
  }

  /** Runs before every request (static files too). */
  public void headers(Context ctx) {
    ctx.header("Content-Security-Policy", CSP);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("Cross-Origin-Opener-Policy", "same-origin");
    ctx.header("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    if (!ctx.path().startsWith("/static/") && !ctx.path().startsWith("/webjars/")) ctx.header("Cache-Control", "no-store");
  }

  /** Runs before every matched route. */
  public void check(Context ctx) {
    Set<RouteRole> roles = ctx.routeRoles();
    if (roles.isEmpty() && isStaticAsset(ctx)) return;
    if (roles.size() != 1 || !(roles.iterator().next() instanceof Access access)) {
      throw new WebwatchException(WebwatchException.Kind.FORBIDDEN, "route declares no access level");
    }
    Principal p = authenticate(ctx);
    if (p != null) ctx.attribute(PRINCIPAL, p);
    if (access == Access.PUBLIC) return;
    if (p == null) throw new NotAuthenticated();
    if (!p.may(access.permission)) {
      throw new WebwatchException(WebwatchException.Kind.FORBIDDEN,
          "your role (" + p.user().role().code() + ") may not do this");
    }
    if (isStateChanging(ctx.method()) && !p.viaToken()) requireCsrf(ctx, p.csrfToken());
  }

  /** Our CSS/JS and the WebJars (htmx, Cytoscape.js): public, read-only, no data. */
  static boolean isStaticAsset(Context ctx) {
    return (ctx.method() == HandlerType.GET || ctx.method() == HandlerType.HEAD)
        && (ctx.path().startsWith("/static/") || ctx.path().startsWith("/webjars/"));
  }

  static boolean isStateChanging(HandlerType m) {
    return m != HandlerType.GET && m != HandlerType.HEAD && m != HandlerType.OPTIONS;
  }

  /** Compares the request's CSRF token (header or form field) with the expected one in constant time. */
  static void requireCsrf(Context ctx, String expected) {
    String got = ctx.header(CSRF_HEADER);
    if (got == null) got = ctx.formParam(CSRF_FIELD);
    if (got == null || expected == null
        || !MessageDigest.isEqual(got.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8))) {
      throw new WebwatchException(WebwatchException.Kind.FORBIDDEN, "CSRF token missing or wrong: reload the page");
    }
  }

  private Principal authenticate(Context ctx) {
    String auth = ctx.header("Authorization");
    if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return users.userForToken(auth.substring(7).strip()).map(u -> new Principal(u, null))
          .orElseThrow(NotAuthenticated::new);
    }
    String sid = ctx.cookie(SESSION_COOKIE);
    if (sid == null) return null;
    Session s = users.session(sid, System.currentTimeMillis(), options.sessionIdleMillis(), options.sessionAbsoluteMillis())
        .orElse(null);
    return s == null ? null : new Principal(s.user(), s.csrfToken());
  }

  /** The principal of an authenticated request. */
  public static Principal principal(Context ctx) {
    Principal p = ctx.attribute(PRINCIPAL);
    if (p == null) throw new NotAuthenticated();
    return p;
  }

  public static Principal principalOrNull(Context ctx) {
    return ctx.attribute(PRINCIPAL);
  }

  Cookie cookie(String name, String value, int maxAgeSeconds) {
    return new Cookie(name, value, "/", maxAgeSeconds, options.secureCookies(), true, null, SameSite.STRICT);
  }

  static boolean isApi(Context ctx) {
    String p = ctx.path();
    return p.startsWith("/api/") || p.startsWith("/h/") || p.startsWith("/m/");
  }
}
