package org.webwatch.server.internal;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.webwatch.WebwatchException;
import org.webwatch.media.HashSetInfo;
import org.webwatch.media.HashSetOptions;
import org.webwatch.media.hashset.HashSetSpec;
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
    UploadedFile f = ctx.isMultipartFormData() ? ctx.uploadedFile("file") : null;
    if (f == null || f.size() == 0) throw new WebwatchException(WebwatchException.Kind.INVALID_INPUT, "no file (multipart field 'file')");
    String name = param(ctx, "name");
    if (!name.matches("[A-Za-z0-9._-]{1,64}")) {
      throw new WebwatchException(WebwatchException.Kind.INVALID_INPUT, "name must be 1-64 letters, digits, '.', '_' or '-'");
    }
    String type = param(ctx, "list_type").toLowerCase(Locale.ROOT);
    int threshold = parseThreshold(param(ctx, "pdq_threshold"));
    boolean negative = "on".equals(ctx.formParam("negative")) || "true".equals(ctx.formParam("negative"));
    Path staging = s.store().dataDir().resolve(STAGING_DIR);
    Path tmp = null;
    try {
      Files.createDirectories(staging);
      tmp = Files.createTempFile(staging, "hashset-", ".upload");
      try (InputStream in = f.content()) {
        Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
      }
      HashSetSpec spec = type.isEmpty() ? HashSetSpec.detect(tmp) : HashSetSpec.parse(type + ":" + tmp);
      String source = param(ctx, "source").isEmpty() ? f.filename() : param(ctx, "source");
      HashSetOptions options = new HashSetOptions(name, source, negative, threshold);
      HashSetInfo info = repository().importSet(spec, options).info();
      s.audit(ctx, "hashset.import", "hashset:" + name,
          Map.of("file", f.filename(), "entries", info.entries(), "rejected", info.rejected(), "negative", negative));
      return info;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot stage the upload: " + e.getMessage(), e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // a leftover staging file holds hashes only; the next import overwrites nothing of it
        }
      }
    }
  }

  private static Map<String, Object> json(HashSetInfo h) {
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

  private static String param(Context ctx, String name) {
    String v = ctx.formParam(name);
    return v == null ? "" : v.strip();
  }

  private static int parseThreshold(String v) {
    if (v.isEmpty()) return HashSetOptions.DEFAULT_PDQ_THRESHOLD;
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new WebwatchException(WebwatchException.Kind.INVALID_INPUT, "pdq_threshold must be a number 0-256");
    }
  }
}
