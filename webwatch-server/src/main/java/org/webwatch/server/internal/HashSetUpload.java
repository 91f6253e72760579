package org.webwatch.server.internal;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Map;
import org.webwatch.WebwatchException;
import org.webwatch.media.HashSetInfo;
import org.webwatch.media.HashSetOptions;
import org.webwatch.media.hashset.HashSetSpec;
import org.webwatch.store.media.HashSetRepository;

/**
 * One uploaded hash-set file staged under the data directory ({@code staging/}) with the form's
 * options, validated before anything is stored. The synchronous {@code POST /hashsets} and the
 * hash-set import job both go through {@link #stage} and {@link #importInto}, so both behave the
 * same (same checks, same replace-by-name, same audit row {@code hashset.import}).
 */
record HashSetUpload(Path staged, String filename, String listType, HashSetOptions options) {

  /** Reads and checks the multipart form ({@code file}, {@code name}, {@code source}, {@code list_type}, {@code pdq_threshold}, {@code negative}) and stages the file. */
  static HashSetUpload stage(Context ctx, Path dataDir) {
    UploadedFile f = ctx.isMultipartFormData() ? ctx.uploadedFile("file") : null;
    if (f == null || f.size() == 0) throw new WebwatchException(WebwatchException.Kind.INVALID_INPUT, "no file (multipart field 'file')");
    String name = param(ctx, "name");
    if (!name.matches("[A-Za-z0-9._-]{1,64}")) {
      throw new WebwatchException(WebwatchException.Kind.INVALID_INPUT, "name must be 1-64 letters, digits, '.', '_' or '-'");
    }
    String type = param(ctx, "list_type").toLowerCase(Locale.ROOT);
    if (!type.isEmpty() && !type.matches("md5|sha1|sha256|pdq|photodna")) {
      throw new WebwatchException(WebwatchException.Kind.INVALID_INPUT, "list_type must be md5, sha1, sha256, pdq or photodna");
    }
    int threshold = parseThreshold(param(ctx, "pdq_threshold"));
    boolean negative = "on".equals(ctx.formParam("negative")) || "true".equals(ctx.formParam("negative"));
    String source = param(ctx, "source").isEmpty() ? f.filename() : param(ctx, "source");
    HashSetOptions options = new HashSetOptions(name, source, negative, threshold);
    Path staging = dataDir.resolve(HashSetRoutes.STAGING_DIR);
    Path tmp = null;
    try {
      Files.createDirectories(staging);
      tmp = Files.createTempFile(staging, "hashset-", ".upload");
      try (InputStream in = f.content()) {
        Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
      }
      return new HashSetUpload(tmp, f.filename(), type, options);
    } catch (IOException e) {
      new HashSetUpload(tmp, f.filename(), type, options).delete();
      throw new UncheckedIOException("cannot stage the upload: " + e.getMessage(), e);
    }
  }

  /** Imports the staged file (replacing a set of the same name) and appends {@code hashset.import} as {@code actor}. */
  HashSetRepository.ImportResult importInto(Services s, String actor) {
    HashSetSpec spec = listType.isEmpty() ? HashSetSpec.detect(staged) : HashSetSpec.parse(listType + ":" + staged);
    HashSetRepository.ImportResult r = new HashSetRepository(s.store()).importSet(spec, options);
    HashSetInfo info = r.info();
    s.audit().append(System.currentTimeMillis(), actor, "hashset.import", "hashset:" + options.name(),
        Map.of("file", filename, "entries", info.entries(), "rejected", info.rejected(), "negative", options.negative()));
    return r;
  }

  /** Deletes the staged file; a leftover holds hashes only and is never read again. */
  void delete() {
    if (staged == null) return;
    try {
      Files.deleteIfExists(staged);
    } catch (IOException ignored) {
      // see above
    }
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
