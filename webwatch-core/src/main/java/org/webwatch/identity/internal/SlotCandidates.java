package org.webwatch.identity.internal;

import java.util.Arrays;

/**
 * Which slot-block pairs ({@link CandidatePairs#slotPairs}) become candidates: a light writer's two accounts agree on
 * the exclusive values one person keeps, but so do many strangers, and every extra candidate of an account is a rival
 * in the weak stages' rankings (a stranger sharing a sign-off and an opener would hide a true, name-linked partner;
 * docs/identity.md, "Session 10"). So a slot-block pair is admitted only when the habit likelihood already speaks
 * for it: {@link #floor} nats or more, more on larger sites. O(s log p) for s slot pairs against p candidates, plus the likelihood of
 * each slot pair.
 */
final class SlotCandidates {
  /**
   * Habit log-likelihood ratio ({@link HabitLikelihood#TOTAL}, nats) from which a slot-block pair is admitted at the
   * reference site size ({@link SiteSizes}). Session 10 fixed 10 from a diagnostic (about two in three cross-site pairs
   * of light accounts scoring it were one person's on tuning seed 11); once the likelihood read own-name signatures
   * (session 12), 8 added recall on the 3,000-person tuning seeds 23–31 at equal precision (strict 0.7656 → 0.7697,
   * balanced 0.8491 → 0.8627) — but cost precision at 20,000 persons, where the same floor meets six times the strangers.
   */
  static final double MIN_LLR = 8.0;
  /**
   * Nats added to {@link #MIN_LLR} per e-fold of site size beyond the reference: 1, the prior-odds correction (k times
   * more accounts on a site, k times more strangers agreeing by chance). Not fitted: at 20,000 and 100,000 persons
   * (sites of 5,000–9,000 and 25,000–44,000 accounts, floors ≈ 9.7 and ≈ 11.4) precision and recall stay within 0.003 of
   * the flat floor of 10 (docs/identity.md, "Session 12").
   */
  static final double SIZE_SLOPE = 1.0;

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

  /** The habit likelihood a slot-block pair between accounts {@code a} and {@code b} needs: {@link #MIN_LLR} grown with their sites' size. */
  static double floor(SiteSizes sizes, int a, int b) {
    return MIN_LLR + SIZE_SLOPE * sizes.excess(a, b);
  }

  /** The slot-block pairs to add, ascending: cross-site, not among {@code candidates} (ascending), likelihood ≥ {@link #floor}. */
  static long[] admit(FeatureTable t, long[] slotPairs, long[] candidates, HabitLikelihood habits) {
    LongList out = new LongList();
    SiteSizes sizes = new SiteSizes(t.site);
    for (long p : slotPairs) {
      int a = PairKeys.first(p);
      int b = PairKeys.second(p);
      if (t.site[a] == t.site[b] || Arrays.binarySearch(candidates, p) >= 0) continue;
      if (habits.features(a, b)[HabitLikelihood.TOTAL] >= floor(sizes, a, b)) out.add(p);
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
