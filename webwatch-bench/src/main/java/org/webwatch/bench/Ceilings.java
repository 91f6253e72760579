package org.webwatch.bench;

import java.util.Arrays;
import java.util.Locale;

/** Sorted-score helpers of the linking diagnostics: counts above a threshold, quantiles, and the precision-0.95 ceiling. */
final class Ceilings {
  /** The precision target, at which the ceilings are read. */
  static final double TARGET_PRECISION = 0.95;

  private Ceilings() {}

  /** Index of the first element of {@code sorted} that is ≥ {@code x} (so {@code length − it} are at or above). */
  static int lowerBound(double[] sorted, double x) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The 10/25/50/75/90 % quantiles of sorted {@code v}, "-" when empty. */
  static String quantiles(double[] v) {
    if (v.length == 0) return "-";
    StringBuilder sb = new StringBuilder();
    for (double p : new double[] {0.1, 0.25, 0.5, 0.75, 0.9}) {
      double x = v[(int) Math.min(v.length - 1, Math.floor(p * v.length))];
      sb.append(sb.length() == 0 ? "" : "/").append(x == Double.NEGATIVE_INFINITY ? "-inf" : String.format(Locale.ROOT, "%.1f", x));
    }
    return sb.toString();
  }

  /**
   * Walks the threshold down over the sorted hard-pair scores {@code s} (unrelated pairs' scores {@code f}, sorted here):
   * links = the {@code granted} pairs plus the hard pairs above it, false links = the unrelated above it; prints the
   * counts at a few thresholds and the most hard pairs any threshold links at {@link #TARGET_PRECISION}.
   */
  static void report(String what, double[] s, double[] f, long granted, long hardTotal, long truePairs) {
    Arrays.sort(f);
    for (double thr : new double[] {6, 8, 10, 12, 14}) {
      System.out.printf("  %s >= %4.1f: hard true %d, unrelated %d%n", what, thr, s.length - lowerBound(s, thr), f.length - lowerBound(f, thr));
    }
    int best = 0;
    double bestThr = Double.NaN;
    for (int k = s.length - 1; k >= 0; k--) {
      int tp = s.length - lowerBound(s, s[k]);
      int fp = f.length - lowerBound(f, s[k]);
      if ((double) (granted + tp) / (granted + tp + fp) >= TARGET_PRECISION && tp > best) {
        best = tp;
        bestThr = s[k];
      }
    }
    System.out.printf("%s, best threshold at precision >= %.2f, every non-hard pair granted: hard pairs %d of %d (%.3f) at LLR >= %.2f -> total recall at most %.3f%n",
        what, TARGET_PRECISION, best, hardTotal, (double) best / hardTotal, bestThr, (double) (granted + best) / truePairs);
  }
}
