package org.webwatch.server.internal;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Map;
import org.webwatch.WebwatchException;
import org.webwatch.media.HashSetInfo;
import org.webwatch.store.media.HashSetRepository;

/**
 * Known-material hash sets (admin only): list, import an uploaded VICS / CSV / plain-list file,
 * remove. The uploaded hash-set file is staged under the data directory only for the streaming
 * import and deleted afterwards; a set with the same name is replaced atomically.
 */
public final class HashSetRoutes {
  /** Hash-set files can be national-scale; the upload limit is set by the server's multipart config. */
  static final String STAGING_DIR = "staging";

  private final Services s;

  HashSetRoutes(Services s) {
    this.s = s;
  }

  public record HashSetsView(List<HashSetInfo> sets, String message) {}

  void register(RoutesConfig r) {
    r.get("/hashsets", ctx -> render(ctx, null), Access.MANAGE_HASH_SETS);
    r.get("/api/hashsets", ctx -> ctx.json(repository().list().stream().map(HashSetRoutes::json).toList()), Access.MANAGE_HASH_SETS);
    r.post("/hashsets", ctx -> {
      HashSetInfo info = importUpload(ctx);
      render(ctx, "Imported " + info.name() + ": " + info.entries() + " entries, " + info.rejected() + " rejected.");
    }, Access.MANAGE_HASH_SETS);
    r.post("/hashsets/{name}/remove", ctx -> {
      String name = ctx.pathParam("name");
      if (!repository().remove(name)) throw new WebwatchException(WebwatchException.Kind.NOT_FOUND, "no hash set " + name);
      s.audit(ctx, "hashset.remove", "hashset:" + name, Map.of());
      ctx.redirect("/hashsets", HttpStatus.SEE_OTHER);
    }, Access.MANAGE_HASH_SETS);
  }

  private HashSetRepository repository() {
    return new HashSetRepository(s.store());
  }

  private void render(Context ctx, String message) {
    s.templates().render(ctx, "hashsets.jte", "Hash sets", "hashsets", new HashSetsView(repository().list(), message));
  }

  private HashSetInfo importUpload(Context ctx) {
    HashSetUpload upload = HashSetUpload.stage(ctx, s.store().dataDir());
    try {
      return upload.importInto(s, Security.principal(ctx).user().name()).info();
    } finally {
      upload.delete();
    }
  }

  static Map<String, Object> json(HashSetInfo h) {
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("name", h.name());
    m.put("source", h.options().source());
    m.put("negative", h.options().negative());
    m.put("pdq_threshold", h.options().pdqThreshold());
    m.put("format", String.valueOf(h.format()));
    m.put("version", h.version());
    m.put("profile", h.profile());
    m.put("imported_at", h.importedAt().toString());
    m.put("entries", h.entries());
    m.put("rejected", h.rejected());
    return m;
  }
}
