package org.webwatch.media;

import java.util.Locale;
import java.util.regex.Pattern;
import org.webwatch.WebwatchException;

/**
 * The hash types Webwatch matches, with one contract for all (as ThreatExchange's SignalType):
 * {@link #normalize} validates and returns the canonical form (hex lower-cased; PhotoDNA hex
 * lower-cased, base64 kept as is), {@link #distance} is 0 for identical values. Exact types have
 * distance 0 or 1; PDQ has the Hamming distance 0–256.
 */
public enum HashType {
  MD5("md5", Pattern.compile("[0-9a-f]{32}")),
  SHA1("sha1", Pattern.compile("[0-9a-f]{40}")),
  SHA256("sha256", Pattern.compile("[0-9a-f]{64}")),
  PDQ("pdq", Pattern.compile("[0-9a-f]{64}")),
  /** Opaque: base64 of 144 bytes (192 characters) or 288 hex digits; matched only for equality. */
  PHOTODNA("photodna", Pattern.compile("[0-9a-f]{288}|[A-Za-z0-9+/]{190}[A-Za-z0-9+/=]{2}"));

  private final String code;
  private final Pattern canonical;

  HashType(String code, Pattern canonical) {
    this.code = code;
    this.canonical = canonical;
  }

  public String code() {
    return code;
  }

  public boolean perceptual() {
    return this == PDQ;
  }

  /** Largest possible distance: 256 bits for PDQ, 1 (different) for exact hashes. */
  public int maxDistance() {
    return this == PDQ ? PdqHash.BITS : 1;
  }

  /** Canonical form of {@code raw} (trimmed; hex lower-cased) or an INVALID_INPUT error saying why. */
  public String normalize(String raw) {
    if (raw == null) throw invalid("nothing");
    String v = raw.trim();
    if (this != PHOTODNA || v.length() == 288) v = v.toLowerCase(Locale.ROOT);
    if (!canonical.matcher(v).matches()) throw invalid(shown(raw));
    return v;
  }

  public boolean isValid(String raw) {
    try {
      normalize(raw);
      return true;
    } catch (WebwatchException e) {
      return false;
    }
  }

  /** Distance between two values of this type (both are normalised first). */
  public int distance(String a, String b) {
    String x = normalize(a);
    String y = normalize(b);
    if (this == PDQ) return PdqHash.parse(x).distance(PdqHash.parse(y));
    return x.equals(y) ? 0 : 1;
  }

  public static HashType fromCode(String code) {
    if (code != null) {
      String c = code.trim().toLowerCase(Locale.ROOT).replace("-", "");
      for (HashType t : values()) if (t.code.equals(c)) return t;
    }
    throw new WebwatchException(
        WebwatchException.Kind.INVALID_INPUT,
        "unknown hash type \"" + code + "\" (use md5, sha1, sha256, pdq or photodna)");
  }

  private WebwatchException invalid(String what) {
    String expected =
        switch (this) {
          case MD5 -> "32 hex digits";
          case SHA1 -> "40 hex digits";
          case SHA256, PDQ -> "64 hex digits";
          case PHOTODNA -> "192 base64 characters or 288 hex digits";
        };
    return new WebwatchException(
        WebwatchException.Kind.INVALID_INPUT, "invalid " + code + " hash: expected " + expected + ", got " + what);
  }

  private static String shown(String s) {
    String t = s.length() > 80 ? s.substring(0, 80) + "…" : s;
    return "\"" + t + "\" (" + s.length() + " characters)";
  }
}
