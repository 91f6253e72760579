package org.webwatch.server.internal;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.webwatch.WebwatchException;

/**
 * The one place where failures become HTTP responses: {@link WebwatchException.Kind#httpStatus}
 * for typed errors, 401 (API) or a redirect to the login page (browser) when not authenticated,
 * 500 with a generic message (details only in the server log) for anything else.
 */
public final class ErrorMapping {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);

  private ErrorMapping() {}

  public static void install(RoutesConfig routes, Templates templates) {
    routes.exception(NotAuthenticated.class, (e, ctx) -> {
      if (Security.isApi(ctx) || !ctx.method().name().equals("GET")) {
        ctx.status(401).header("WWW-Authenticate", "Bearer").json(Map.of("error", "authentication required"));
      } else {
        String next = ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
        ctx.redirect("/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
      }
    });
    routes.exception(WebwatchException.class, (e, ctx) -> respond(ctx, templates, e.kind().httpStatus, e.getMessage()));
    routes.exception(HttpResponseException.class, (e, ctx) -> respond(ctx, templates, e.getStatus(), e.getMessage()));
    routes.exception(Exception.class, (e, ctx) -> {
      LOG.error("internal error on {} {}", ctx.method(), ctx.path(), e);
      respond(ctx, templates, 500, "internal error (see the server log)");
    });
  }

  static void respond(Context ctx, Templates templates, int status, String message) {
    ctx.status(status);
    if (Security.isApi(ctx)) {
      ctx.json(Map.of("error", message == null ? "" : message, "status", status));
    } else {
      templates.render(ctx, "error.jte", "Error " + status, "", new ErrorView(status, message));
    }
  }

  /** What the error page shows. */
  public record ErrorView(int status, String message) {}
}
