package org.webwatch.server.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Two-decimal rendering of scores and confidences for templates: the same text as
 * {@code String.format(Locale.ROOT, "%.2f", x)} (half-up rounding of {@link Double#toString}'s
 * digits, as {@link java.util.Formatter} documents) without building a {@code Formatter} and
 * parsing the pattern per call, which was a quarter of the queue page's rendering time. Always a
 * '.' separator, whatever the JVM's default locale.
 */
public final class Decimals {
  private Decimals() {}

  public static String two(double x) {
    if (!Double.isFinite(x)) return Double.toString(x);
    String r = BigDecimal.valueOf(x).setScale(2, RoundingMode.HALF_UP).toPlainString();
    // Formatter keeps the sign of values that round to zero (-0.001 → "-0.00") and of -0.0
    boolean negative = x < 0 || (x == 0 && 1 / x < 0);
    return negative && r.charAt(0) != '-' ? "-" + r : r;
  }
}
