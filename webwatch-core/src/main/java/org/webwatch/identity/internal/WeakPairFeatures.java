package org.webwatch.identity.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The input row of the boosted weak-pair model ({@link BoostedTrees}, trained by
 * {@code webwatch-bench WeakPairTrain}): the 25 {@link PairFeatures}, the combiner's log-odds,
 * the smaller and larger per-side gap of that log-odds over the pair's rivals, and the smaller
 * and larger text count. The gaps carry what the pair features cannot: how much this partner
 * stands out among the other candidates of its site (the mutual-best idea of
 * {@link MutualBestMatcher}, as a number rather than a rule). Gaps cost O(E) time and memory
 * for E candidate pairs.
 */
public final class WeakPairFeatures {
  /** Gaps are clamped to ±this, so a rival already linked (+∞) gives a finite, very negative gap. */
  public static final double GAP_CLAMP = 20.0;
  /** Row of model 1.x: pair features, log-odds, gaps, text counts. */
  public static final List<String> NAMES;
  /** Row of models with the habit-signature likelihood ({@link HabitLikelihood#NAMES}) appended to {@link #NAMES}. */
  public static final List<String> NAMES_HABIT;
  /** {@link #NAMES} followed by {@link HabitLikelihood#NAMES_PERSON}: the habit likelihood of provisional persons. */
  public static final List<String> NAMES_PERSON_HABIT;

  static {
    List<String> n = new ArrayList<>(PairFeatures.NAMES);
    n.addAll(List.of("combiner_logit", "min_gap", "max_gap", "min_texts", "max_texts"));
    NAMES = List.copyOf(n);
    n.addAll(HabitLikelihood.NAMES);
    NAMES_HABIT = List.copyOf(n);
    n.subList(NAMES.size(), n.size()).clear();
    n.addAll(HabitLikelihood.NAMES_PERSON);
    NAMES_PERSON_HABIT = List.copyOf(n);
  }

  private WeakPairFeatures() {}

  /** One model row from a pair's {@link PairFeatures} vector, its log-odds, both gaps and both text counts. */
  public static double[] row(double[] pairFeatures, double logit, double gapA, double gapB, int textsA, int textsB) {
    if (pairFeatures.length != PairFeatures.NAMES.size()) throw new IllegalArgumentException("expected " + PairFeatures.NAMES.size() + " pair features, got " + pairFeatures.length);
    double[] r = Arrays.copyOf(pairFeatures, NAMES.size());
    int k = pairFeatures.length;
    r[k] = logit;
    r[k + 1] = Math.min(gapA, gapB);
    r[k + 2] = Math.max(gapA, gapB);
    r[k + 3] = Math.min(textsA, textsB);
    r[k + 4] = Math.max(textsA, textsB);
    return r;
  }

  /** A {@link #NAMES_HABIT} (or {@link #NAMES_PERSON_HABIT}) row: {@link #row} followed by the pair's {@link HabitLikelihood#features}. */
  public static double[] row(double[] pairFeatures, double logit, double gapA, double gapB, int textsA, int textsB, double[] habitLlr) {
    if (habitLlr.length != HabitLikelihood.NAMES.size()) throw new IllegalArgumentException("expected " + HabitLikelihood.NAMES.size() + " habit features");
    double[] base = row(pairFeatures, logit, gapA, gapB, textsA, textsB);
    double[] r = Arrays.copyOf(base, NAMES_HABIT.size());
    System.arraycopy(habitLlr, 0, r, base.length, habitLlr.length);
    return r;
  }

  /**
   * Per pair and side (index 0 = the pair's first account): its score minus the best score of
   * any OTHER candidate of that account on the other account's site, or minus {@code unseen}
   * when there is none or it scores lower, clamped to ±{@link #GAP_CLAMP}. Positive on both
   * sides exactly when the pair is reciprocal best (as {@link MutualBestMatcher} ranks). Scores:
   * NaN = no part (same site, rejected); +∞ = already linked (competes, gets NaN gaps itself).
   */
  public static double[][] gaps(long[] pairs, double[] score, int[] site, double unseen) {
    return gaps(pairs, score, new SiteRivals(pairs, score, site), unseen);
  }

  /** {@link #gaps(long[], double[], int[], double)} over rivals already ranked on the same scores. */
  static double[][] gaps(long[] pairs, double[] score, SiteRivals rivals, double unseen) {
    if (score.length != pairs.length) throw new IllegalArgumentException("one score per pair");
    if (!Double.isFinite(unseen)) throw new IllegalArgumentException("unseen must be finite");
    double[][] gap = new double[2][pairs.length];
    for (int i = 0; i < pairs.length; i++) {
      for (int side = 0; side < 2; side++) {
        double g = score[i] - Math.max(rivals.score(side, i), unseen);
        gap[side][i] = Double.isFinite(score[i]) ? Math.max(-GAP_CLAMP, Math.min(GAP_CLAMP, g)) : Double.NaN;
      }
    }
    return gap;
  }
}
