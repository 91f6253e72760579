package org.webwatch.server.internal;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.webwatch.WebwatchException;
import org.webwatch.server.FileHasher;
import org.webwatch.server.HashLookup;
import org.webwatch.server.HashMatch;

/**
 * Hash matching: the match form, and the endpoints platforms integrated with Meta's
 * Hasher-Matcher-Actioner call: {@code /h/hash} (hash a file) and {@code /m/lookup} (look a
 * signal up). Uploaded bytes are hashed in memory and discarded; fetching by URL is refused
 * (no network at run time). Lookups are audited.
 */
public final class HashRoutes {
  public static final long MAX_UPLOAD = 50L * 1024 * 1024;
  private final Services s;
  private final HashLookup lookup;
  private final FileHasher hasher;

  HashRoutes(Services s) {
    this.s = s;
    this.lookup = s.options().hashLookup();
    this.hasher = s.options().fileHasher();
  }

  /** What the match form shows after a lookup. */
  public record MatchView(Map<String, String> hashes, List<HashMatch> matches, boolean searched, List<String> signalTypes) {}

  void register(RoutesConfig r) {
    r.get("/hash", ctx -> s.templates().render(ctx, "hash.jte", "Match a hash", "hash",
        new MatchView(Map.of(), List.of(), false, lookup.signalTypes())), Access.READ);
    r.post("/hash", ctx -> s.templates().render(ctx, "hash.jte", "Match a hash", "hash", match(ctx)), Access.READ);
    r.get("/h/hash", ctx -> {
      throw new WebwatchException(WebwatchException.Kind.INVALID_INPUT, "fetching by URL is disabled: POST the file as multipart field 'file'");
    }, Access.READ);
    r.post("/h/hash", ctx -> ctx.json(hashUpload(ctx)), Access.READ);
    r.get("/m/lookup", ctx -> ctx.json(lookupResponse(ctx, ctx.queryParam("signal_type"), ctx.queryParam("signal"))), Access.READ);
    r.post("/m/lookup", ctx -> {
      if (ctx.isMultipartFormData() && ctx.uploadedFile("file") != null) {
        MatchView v = match(ctx);
        ctx.json(Map.of("hashes", v.hashes(), "matches", v.matches()));
      } else {
        ctx.json(lookupResponse(ctx, ctx.formParam("signal_type"), ctx.formParam("signal")));
      }
    }, Access.READ);
  }

  private Map<String, Object> lookupResponse(Context ctx, String type, String signal) {
    List<HashMatch> m = lookup.lookup(type, signal);
    s.audit(ctx, "hash.lookup", "", Map.of("signal_type", type == null ? "" : type, "signal", signal == null ? "" : signal, "matches", m.size()));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("signal_type", type);
    out.put("signal", signal);
    out.put("matches", m);
    return out;
  }

  private Map<String, String> hashUpload(Context ctx) {
    UploadedFile f = ctx.isMultipartFormData() ? ctx.uploadedFile("file") : null;
    if (f == null) throw new WebwatchException(WebwatchException.Kind.INVALID_INPUT, "no file (multipart field 'file')");
    if (f.size() > MAX_UPLOAD) throw new WebwatchException(WebwatchException.Kind.INVALID_INPUT, "file larger than " + MAX_UPLOAD + " bytes");
    byte[] bytes;
    try (InputStream in = f.content()) {
      bytes = in.readNBytes((int) MAX_UPLOAD + 1);
    } catch (IOException e) {
      throw new WebwatchException(WebwatchException.Kind.INVALID_INPUT, "cannot read upload: " + e.getMessage(), e);
    }
    Map<String, String> hashes = hasher.hash(bytes);
    java.util.Arrays.fill(bytes, (byte) 0);
    s.audit(ctx, "hash.file", "", Map.of("size", f.size(), "sha256", hashes.getOrDefault("sha256", "")));
    return hashes;
  }

  private MatchView match(Context ctx) {
    Map<String, String> hashes = new LinkedHashMap<>();
    List<HashMatch> matches = new ArrayList<>();
    if (ctx.isMultipartFormData() && ctx.uploadedFile("file") != null && ctx.uploadedFile("file").size() > 0) {
      hashes.putAll(hashUpload(ctx));
    } else {
      String type = ctx.formParam("signal_type");
      String signal = ctx.formParam("signal");
      if (type == null || signal == null || signal.isBlank()) {
        throw new WebwatchException(WebwatchException.Kind.INVALID_INPUT, "give a file, or a signal type and a hash");
      }
      hashes.put(type, signal.strip().toLowerCase(java.util.Locale.ROOT));
    }
    for (Map.Entry<String, String> h : hashes.entrySet()) {
      if (lookup.signalTypes().contains(h.getKey())) matches.addAll(lookup.lookup(h.getKey(), h.getValue()));
    }
    s.audit(ctx, "hash.lookup", "", Map.of("hashes", hashes, "matches", matches.size()));
    return new MatchView(hashes, matches, true, lookup.signalTypes());
  }
}
