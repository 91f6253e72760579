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
  /**
   * {@link #NAMES_PERSON_HABIT} with the gaps taken against rivals ranked by {@link #rankByHabits} ({@code min_habit_gap},
   * {@code max_habit_gap}): a model trained on these rows is served rivals ranked the same way.
   */
  public static final List<String> NAMES_PERSON_HABIT_RANKED;

  static {
    List<String> n = new ArrayList<>(PairFeatures.NAMES);
    n.addAll(List.of("combiner_logit", "min_gap", "max_gap", "min_texts", "max_texts"));
    NAMES = List.copyOf(n);
    n.addAll(HabitLikelihood.NAMES);
    NAMES_HABIT = List.copyOf(n);
    n.subList(NAMES.size(), n.size()).clear();
    n.addAll(HabitLikelihood.NAMES_PERSON);
    NAMES_PERSON_HABIT = List.copyOf(n);
    n.replaceAll(x -> x.equals("min_gap") ? "min_habit_gap" : x.equals("max_gap") ? "max_habit_gap" : x);
    NAMES_PERSON_HABIT_RANKED = List.copyOf(n);
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

  /** Clamp of the habit likelihood added to the log-odds when ranking rivals (nats): habits order partners, they do not outvote identifiers. */
  public static final double RANK_HABIT_CLAMP = 10.0;

  /**
   * Scores to rank an account's partners on a site by: the combiner's log-odds plus the pair's habit likelihood
   * ({@link HabitLikelihood#TOTAL}) clamped to ±{@link #RANK_HABIT_CLAMP}; infinite and NaN scores stay. The combiner
   * sees little of the habits, so by its log-odds alone a stranger agreeing on a name fragment outranks a light
   * account's true partner that agrees on every habit (docs/identity.md, "Session 10"). O(pairs) likelihoods.
   */
  public static double[] rankByHabits(double[] score, java.util.function.IntFunction<double[]> habit) {
    double[] rank = score.clone();
    java.util.stream.IntStream.range(0, score.length).parallel().forEach(i -> {
      if (Double.isFinite(score[i])) {
        double h = habit.apply(i)[HabitLikelihood.TOTAL];
        rank[i] = score[i] + Math.max(-RANK_HABIT_CLAMP, Math.min(RANK_HABIT_CLAMP, h));
      }
    });
    return rank;
  }
}
