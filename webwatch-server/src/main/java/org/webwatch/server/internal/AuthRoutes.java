package org.webwatch.server.internal;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import io.javalin.http.TooManyRequestsResponse;
import org.webwatch.store.users.LoginResult;
import org.webwatch.store.users.NewSession;

/**
 * Login and logout. The login form carries its own CSRF token (double submit: a random value in
 * an HttpOnly SameSite=Strict cookie and in the form) because there is no session yet. Every
 * attempt is audited; failures count towards the per-address throttle and the account lockout,
 * and all failures show the same message.
 */
public final class AuthRoutes {
  private static final SecureRandom RANDOM = new SecureRandom();
  private final Services s;
  private final LoginThrottle throttle;

  AuthRoutes(Services s) {
    this.s = s;
    this.throttle = new LoginThrottle(s.options().loginFailuresPerAddress(), s.options().throttleWindowMillis());
  }

  /** What the login page shows. */
  public record LoginView(String loginCsrf, String next, String error) {}

  void register(RoutesConfig r) {
    r.get("/login", this::form, Access.PUBLIC);
    r.post("/login", this::login, Access.PUBLIC);
    r.post("/logout", this::logout, Access.READ);
  }

  private void form(Context ctx) {
    showForm(ctx, null);
  }

  private void showForm(Context ctx, String error) {
    byte[] b = new byte[24];
    RANDOM.nextBytes(b);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    ctx.cookie(s.security().cookie(Security.LOGIN_CSRF_COOKIE, token, 1800));
    String next = Services.localPath(ctx.queryParam("next"), "/queue");
    if (ctx.formParam("next") != null) next = Services.localPath(ctx.formParam("next"), "/queue");
    s.templates().render(ctx, "login.jte", "Sign in", "login", new LoginView(token, next, error));
  }

  private void login(Context ctx) {
    Security.requireCsrf(ctx, ctx.cookie(Security.LOGIN_CSRF_COOKIE));
    long now = System.currentTimeMillis();
    String address = ctx.ip();
    String name = ctx.formParam("username");
    if (throttle.blocked(address, now)) {
      s.audit().append(now, name == null ? "-" : name, "login.throttled", "address:" + address, Map.of());
      throw new TooManyRequestsResponse("too many failed sign-ins from your address; wait and retry", Map.of());
    }
    LoginResult result = s.users().authenticate(name, ctx.formParam("password"), now);
    if (!result.ok()) {
      throttle.failed(address, now);
      s.audit().append(now, name == null ? "-" : name, "login.failed", "user:" + name,
          Map.of("reason", result.outcome().name().toLowerCase(java.util.Locale.ROOT), "address", address));
      ctx.status(401);
      showForm(ctx, "Sign-in failed: wrong name or password, or the account is locked or disabled.");
      return;
    }
    NewSession session = s.users().createSession(name, now);
    s.audit().append(now, name, "login.ok", "user:" + name, Map.of("address", address));
    ctx.cookie(s.security().cookie(Security.SESSION_COOKIE, session.id(), (int) (s.options().sessionAbsoluteMillis() / 1000)));
    ctx.cookie(s.security().cookie(Security.LOGIN_CSRF_COOKIE, "", 0));
    ctx.redirect(Services.localPath(ctx.formParam("next"), "/queue"));
  }

  private void logout(Context ctx) {
    String sid = ctx.cookie(Security.SESSION_COOKIE);
    if (sid != null) s.users().endSession(sid);
    s.audit(ctx, "logout", "user:" + Security.principal(ctx).user().name(), Map.of());
    ctx.cookie(s.security().cookie(Security.SESSION_COOKIE, "", 0));
    ctx.redirect("/login");
  }
}
