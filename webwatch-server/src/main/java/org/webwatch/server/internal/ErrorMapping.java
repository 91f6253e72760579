package org.webwatch.server.internal;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.io.InputStream;
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

  /** The most of a refused request's body read and dropped so that the client sees the refusal. */
  static final long DISCARD_LIMIT = 8L << 20;

  private ErrorMapping() {}

  public static void install(RoutesConfig routes, Templates templates) {
    routes.exception(NotAuthenticated.class, (e, ctx) -> {
      discardUnreadBody(ctx);
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
    discardUnreadBody(ctx);
    ctx.status(status);
    if (Security.isApi(ctx)) {
      ctx.json(Map.of("error", message == null ? "" : message, "status", status));
    } else {
      templates.render(ctx, "error.jte", "Error " + status, "", new ErrorView(status, message));
    }
  }

  /**
   * Reads and drops what is left of a refused request's body, up to {@link #DISCARD_LIMIT} bytes.
   * Why: a request refused before its body is read (a viewer's upload, an expired session's form)
   * leaves bytes in the socket; the server then closes the connection, the kernel answers the
   * client's remaining bytes with a reset, and the client (a browser, curl, Java's HttpClient) may
   * lose the error response it was sent. Larger bodies are not read for nothing: the connection is
   * closed as before (clients that send {@code Expect: 100-continue}, as curl does for large
   * uploads, never send such a body at all).
   */
  static void discardUnreadBody(Context ctx) {
    if (!Security.isStateChanging(ctx.method())) return;
    long declared = ctx.contentLength();
    if (declared == 0 || declared > DISCARD_LIMIT) return;
    try {
      InputStream in = ctx.req().getInputStream();
      byte[] buf = new byte[8192];
      long left = DISCARD_LIMIT;
      for (int n; left > 0 && (n = in.read(buf, 0, (int) Math.min(buf.length, left))) > 0; ) left -= n;
    } catch (IOException | IllegalStateException | UnsupportedOperationException e) {
      // already read as parts or text, or the client went away: nothing left to discard
    }
  }

  /** What the error page shows. */
  public record ErrorView(int status, String message) {}
}
