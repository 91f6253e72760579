package org.webwatch.media.hashset;

import java.util.Locale;

/**
 * A hash-set category kept in its own scheme ({@code capture-format.md}, Hash sets): Project VIC
 * US ({@code vic-us}: 0 non-pertinent, 1 child abuse material, 2 child exploitive / age difficult,
 * 3 CGI/animation, 4 comparison, {@code uncategorised} when null), VICS UK / CAID
 * ({@code vics-uk}: numeric codes as given, their meaning is not verified), UK sentencing
 * ({@code uk}: A, B, C), NCMEC industry ({@code ncmec}: A1, A2, B1, B2), anything else
 * ({@code custom}). Schemes are never converted into each other.
 */
public record Category(String scheme, String code) {
  public static final String VIC_US = "vic-us";
  public static final String VICS_UK = "vics-uk";
  public static final String UK = "uk";
  public static final String NCMEC = "ncmec";
  public static final String CUSTOM = "custom";
  public static final String UNCATEGORISED = "uncategorised";

  public Category {
    if (scheme == null || scheme.isBlank() || code == null || code.isBlank()) {
      throw new IllegalArgumentException("category needs a scheme and a code");
    }
  }

  /** Project VIC US: null is uncategorised, 0 is non-pertinent (never conflated). */
  public static Category vicUs(Integer code) {
    if (code == null) return new Category(VIC_US, UNCATEGORISED);
    return new Category(VIC_US, Integer.toString(code));
  }

  /** A category written as text in a CSV: the scheme is recognised from the value itself. */
  public static Category fromText(String raw) {
    if (raw == null || raw.isBlank()) return null;
    String v = raw.trim();
    int colon = v.indexOf(':');
    if (colon > 0) return new Category(v.substring(0, colon).toLowerCase(Locale.ROOT), v.substring(colon + 1));
    String u = v.toUpperCase(Locale.ROOT);
    if (u.matches("[ABC]")) return new Category(UK, u);
    if (u.matches("CATEGORY [ABC]")) return new Category(UK, u.substring(9));
    if (u.matches("[AB][12]")) return new Category(NCMEC, u);
    if (v.matches("[0-4]")) return new Category(VIC_US, v);
    return new Category(CUSTOM, v);
  }

  /** Label used in outputs, e.g. {@code vic-us:1}, {@code uk:A}, {@code ncmec:B2}. */
  @Override
  public String toString() {
    return scheme + ":" + code;
  }
}
