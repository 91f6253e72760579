package org.webwatch.triage.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Pure metric functions of the evaluation (definitions in docs/evaluation.md). */
public final class Metrics {
  private Metrics() {}

  /** A scored item with its truth label. */
  public record Scored(double score, boolean positive) {}

  /** Share of positives among the first {@code k} of {@code ranked} (already in rank order); NaN when k = 0. */
  public static double precisionAtK(List<Boolean> ranked, int k) {
    if (k <= 0) return Double.NaN;
    int hits = 0;
    for (int i = 0; i < Math.min(k, ranked.size()); i++) if (ranked.get(i)) hits++;
    return (double) hits / k;
  }

  /**
   * Area under the ROC curve = probability that a random positive outscores a random negative,
   * ties counting one half (Mann–Whitney U via average ranks; O(n log n)). NaN without both classes.
   */
  public static double auc(List<Scored> items) {
    List<Scored> s = new ArrayList<>(items);
    s.sort(Comparator.comparingDouble(Scored::score));
    long pos = s.stream().filter(Scored::positive).count();
    long neg = s.size() - pos;
    if (pos == 0 || neg == 0) return Double.NaN;
    double rankSum = 0;
    int i = 0;
    while (i < s.size()) {
      int j = i;
      while (j + 1 < s.size() && Double.compare(s.get(j + 1).score(), s.get(i).score()) == 0) j++;
      double avgRank = (i + j) / 2.0 + 1;
      for (int t = i; t <= j; t++) if (s.get(t).positive()) rankSum += avgRank;
      i = j + 1;
    }
    return (rankSum - pos * (pos + 1) / 2.0) / ((double) pos * neg);
  }

  public static double ratio(long num, long den) {
    return den == 0 ? Double.NaN : (double) num / den;
  }

  /**
   * Pairwise linking figures: over all unordered pairs of accounts, a pair is predicted when both
   * are in one predicted person and true when both are in one truth person. Computed from the
   * contingency table (O(accounts)), never by listing pairs. Returns {tp, predictedPairs, truePairs}.
   */
  public static long[] pairCounts(Map<String, String> predictedPersonOf, Map<String, String> truthPersonOf) {
    Map<String, Long> pred = new HashMap<>(), truth = new HashMap<>(), cell = new HashMap<>();
    for (var e : truthPersonOf.entrySet()) {
      String p = predictedPersonOf.getOrDefault(e.getKey(), "\u0000solo:" + e.getKey());
      pred.merge(p, 1L, Long::sum);
      truth.merge(e.getValue(), 1L, Long::sum);
      cell.merge(p + "\u0001" + e.getValue(), 1L, Long::sum);
    }
    return new long[] {pairs(cell), pairs(pred), pairs(truth)};
  }

  private static long pairs(Map<String, Long> sizes) {
    long n = 0;
    for (long s : sizes.values()) n += s * (s - 1) / 2;
    return n;
  }

  /** Spans match when they overlap by at least half of the shorter one. */
  public static boolean overlapMatch(int s1, int e1, int s2, int e2) {
    int overlap = Math.min(e1, e2) - Math.max(s1, s2);
    int shorter = Math.min(e1 - s1, e2 - s2);
    if (shorter <= 0) return s1 == s2 && e1 == e2;
    return overlap * 2 >= shorter;
  }
}
