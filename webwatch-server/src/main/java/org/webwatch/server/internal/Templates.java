package org.webwatch.server.internal;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;

/**
 * Renders precompiled JTE templates (compiled to classes by jte-maven-plugin at build time; no
 * template compiler at run time). HTML content type: every {@code ${}} is escaped.
 */
public final class Templates {
  private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

  /** Renders {@code name} with {@code page} (the {@link PageContext}) and {@code view}. */
  public void render(Context ctx, String name, String title, String nav, Object view) {
    Map<String, Object> params = new HashMap<>();
    params.put("page", PageContext.of(ctx, title, nav));
    params.put("view", view);
    StringOutput out = new StringOutput();
    engine.render(name, params, out);
    ctx.html(out.toString());
  }
}
