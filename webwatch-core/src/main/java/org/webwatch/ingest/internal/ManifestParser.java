package org.webwatch.ingest.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import org.webwatch.ingest.CaptureRefusedException;
import org.webwatch.model.CaptureManifest;

/** Reads {@code capture.json}; any problem refuses the whole capture. */
public final class ManifestParser {
  public static final String FORMAT = "webwatch-capture";
  /** The newest capture format version this reader understands. */
  public static final int SUPPORTED_VERSION = 1;
  static final int MAX_BYTES = 1 << 20;
  private static final Set<String> KNOWN = Set.of("format", "version", "id", "collected_at", "collector", "notes");

  private final ObjectMapper mapper;

  public ManifestParser(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  public CaptureManifest parse(InputStream in) throws IOException {
    byte[] b = in.readNBytes(MAX_BYTES + 1);
    if (b.length > MAX_BYTES) throw refuse("larger than " + MAX_BYTES + " bytes");
    int off = b.length >= 3 && (b[0] & 0xff) == 0xef && (b[1] & 0xff) == 0xbb && (b[2] & 0xff) == 0xbf ? 3 : 0;
    int bad = Utf8.firstInvalid(b, off, b.length - off);
    if (bad >= 0) throw refuse("invalid UTF-8 at byte " + (bad + off + 1));
    JsonNode o;
    try {
      o = mapper.readTree(b, off, b.length - off);
    } catch (JsonProcessingException e) {
      throw refuse("invalid JSON: " + e.getOriginalMessage());
    }
    if (o == null || !o.isObject()) throw refuse("expected one JSON object");
    try {
      String format = Fields.string(o, "format", "format", true);
      if (!FORMAT.equals(format)) {
        throw new Reject("format", "expected \"" + FORMAT + "\", got \"" + Fields.clip(format) + "\"");
      }
      JsonNode v = o.get("version");
      if (v == null || v.isNull()) throw new Reject("version", "missing required field");
      if (!v.isIntegralNumber() || !v.canConvertToInt()) throw new Reject("version", "expected an integer, got " + Fields.describe(v));
      int version = v.intValue();
      if (version > SUPPORTED_VERSION) {
        throw new CaptureRefusedException("capture.json: version: capture format version " + version
            + " is newer than this Webwatch reads (version " + SUPPORTED_VERSION + "); upgrade Webwatch to import it; capture refused");
      }
      if (version < 1) throw new Reject("version", "unknown version " + version);
      String id = Fields.id(o, "id", "id", true);
      return new CaptureManifest(
          id,
          version,
          Fields.time(o, "collected_at", "collected_at", false),
          Fields.string(o, "collector", "collector", false),
          Fields.string(o, "notes", "notes", false),
          Fields.extra(mapper, o, KNOWN));
    } catch (Reject r) {
      throw new CaptureRefusedException("capture.json: " + r.field + ": " + r.problem + "; capture refused");
    }
  }

  private static CaptureRefusedException refuse(String problem) {
    return new CaptureRefusedException("capture.json: " + problem + "; capture refused");
  }
}
