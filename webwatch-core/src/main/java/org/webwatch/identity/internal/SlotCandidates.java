package org.webwatch.identity.internal;

import java.util.Arrays;

/**
 * Which slot-block pairs ({@link CandidatePairs#slotPairs}) become candidates: a light writer's two accounts agree on
 * the exclusive values one person keeps, but so do many strangers, and every extra candidate of an account is a rival
 * in the weak stages' rankings (a stranger sharing a sign-off and an opener would hide a true, name-linked partner;
 * docs/identity.md, "Session 10"). So a slot-block pair is admitted only when the habit likelihood already speaks
 * for it: {@link #MIN_LLR} nats or more. O(s log p) for s slot pairs against p candidates, plus the likelihood of
 * each slot pair.
 */
final class SlotCandidates {
  /**
   * Habit log-likelihood ratio ({@link HabitLikelihood#TOTAL}, nats) from which a slot-block pair is admitted: on
   * tuning seed 11 about two in three cross-site pairs of light accounts scoring this are one person's (fixed from
   * that diagnostic before any model was trained on it).
   */
  static final double MIN_LLR = 10.0;

  private SlotCandidates() {}

  /**
   * The habit likelihood of a run: frequencies over every account, keep rates fitted on the cross-site candidate
   * pairs linked by identifiers ({@link HabitLikelihood#isAnchor}, strong evidence ≥ {@link HabitLikelihood#ANCHOR_LLR}).
   */
  static HabitLikelihood fitHabits(FeatureTable t, long[] pairs, PairScorer.Score[] scores, PairFeatures features) {
    LongList anchors = new LongList();
    for (int i = 0; i < pairs.length; i++) {
      int a = PairKeys.first(pairs[i]);
      int b = PairKeys.second(pairs[i]);
      if (scores[i].strong() >= HabitLikelihood.ANCHOR_LLR && HabitLikelihood.isAnchor(features.of(a, b), t.site[a] == t.site[b])) {
        anchors.add(pairs[i]);
      }
    }
    return HabitLikelihood.fit(t, anchors.toArray());
  }

  /** The slot-block pairs to add, ascending: cross-site, not among {@code candidates} (ascending), likelihood ≥ {@link #MIN_LLR}. */
  static long[] admit(FeatureTable t, long[] slotPairs, long[] candidates, HabitLikelihood habits) {
    LongList out = new LongList();
    for (long p : slotPairs) {
      int a = PairKeys.first(p);
      int b = PairKeys.second(p);
      if (t.site[a] == t.site[b] || Arrays.binarySearch(candidates, p) >= 0) continue;
      if (habits.features(a, b)[HabitLikelihood.TOTAL] >= MIN_LLR) out.add(p);
    }
    long[] admitted = out.toArray();
    Arrays.sort(admitted);
    return admitted;
  }

  /**
   * Where each pair of the merged, ascending list of two disjoint ascending lists comes from: {@code i ≥ 0} is
   * {@code first[i]}, {@code −1 − j} is {@code second[j]}. O(|first| + |second|).
   */
  static int[] mergeOrder(long[] first, long[] second) {
    int[] from = new int[first.length + second.length];
    int i = 0;
    int j = 0;
    for (int k = 0; k < from.length; k++) from[k] = j >= second.length || i < first.length && first[i] < second[j] ? i++ : -1 - j++;
    return from;
  }
}
