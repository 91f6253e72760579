package org.webwatch.identity;

/**
 * Where account linking stops on its precision–recall curve (docs/identity.md, "Operating points").
 * Both points use the same evidence, models and clustering constraints; they differ only in what
 * happens to the boosted weak-pair model's suggestions (reciprocal-best pairs it holds more likely
 * than not, below its merge threshold).
 */
public enum OperatingPoint {
  /**
   * Precision first (default): only what the rules and models link is merged; the suggestions go
   * to an analyst ({@code link-suggestions.csv}). Measured precision ≈ 0.99 on 3,000-person
   * held-out populations, 0.97 at 100,000 persons.
   */
  STRICT,
  /**
   * Aimed at the target of precision ≥ 0.95 at recall ≥ 0.85 (measured 0.95–0.98 at 0.80–0.87 per 3,000-person
   * held-out population, 0.96 at 0.64 at 100,000 persons: docs/identity.md, "Session 11"): the suggestions are merged too,
   * best first, as weak links under the clustering's constraints (one account per site, never
   * fusing two groups on one weak edge), from a log-odds floor that grows with the size of the two
   * accounts' sites, where strangers with the same habits are more common. Every such link says so
   * in its evidence and carries its lower confidence; analysts can reject it like any other.
   */
  BALANCED;

  /** The name used on the command line and in summary.json: {@code strict} or {@code balanced}. */
  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * The versions a run records (summary.json {@code versions}): {@code others} plus {@code linking} = {@link #code()} when
   * this is not the default, so a run at the default reads as before. A new map.
   */
  public java.util.Map<String, String> recordedIn(java.util.Map<String, String> others) {
    java.util.Map<String, String> v = new java.util.TreeMap<>(others);
    if (this != STRICT) v.put("linking", code());
    return v;
  }

  /** Parses {@link #code()}; unknown names are a clear error naming the accepted ones. */
  public static OperatingPoint parse(String code) {
    for (OperatingPoint p : values()) if (p.code().equals(code)) return p;
    throw new IllegalArgumentException("unknown linking operating point '" + code + "' (strict or balanced)");
  }
}
