package org.webwatch.identity.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The stages for pairs too weak for the rules and the learned combiner, run after both:
 * {@link MutualBestMatcher} (on by default), then the opt-in {@link BoostedWeakStage}. Both rank
 * every cross-site candidate by the combiner's log-odds (a boosted model trained so adds the habit
 * likelihood: {@link BoostedWeakStage#ranksByHabits}), with the pairs already linked
 * dominating; only pairs without identifier evidence whose accounts both have enough text for
 * style and habits may be accepted — identifier pairs stay with the rules. A shared NEW file
 * the rules cannot link on alone (reposts spread it) is one more feature here (since session 11,
 * served to the unchanged 5.1.0 trees; docs/identity.md, "Session 11").
 * O(E + n) for E candidate pairs over n accounts, plus the boosted model's features for the
 * pairs it ranks.
 */
final class WeakPairStages {
  /** What a candidate pair is to these stages. */
  enum Role {
    /** Takes no part (same site, rejected by an analyst, or not scored by the combiner). */
    NONE,
    /** Already linked by stronger evidence: dominates its accounts' rankings. */
    LINKED,
    /** Competes with its log-odds but may not be accepted (it has identifier evidence). */
    COMPETES,
    /** Competes and may be accepted when both accounts have enough text. */
    ELIGIBLE
  }

  /**
   * The pairs each stage linked (a pair both would link belongs to mutual-best), and the
   * reciprocal-best pairs the boosted model scored from {@link BoostedWeakStage#SUGGEST_LOG_ODDS}
   * up to its threshold: suggestions for an analyst, never links.
   */
  record Links(Map<Long, MutualBestMatcher.Match> mutualBest, Map<Long, BoostedWeakStage.Link> boosted,
      Map<Long, BoostedWeakStage.Link> suggested) {
    static final Links NONE = new Links(Map.of(), Map.of(), Map.of());

    /** Every linked pair, mutual-best first. */
    List<Long> pairs() {
      List<Long> out = new ArrayList<>(mutualBest.keySet());
      out.addAll(boosted.keySet());
      return out;
    }
  }

  private final MutualBestMatcher mutualBest;
  private final BoostedWeakStage boosted;

  /** Either stage may be null (off). */
  WeakPairStages(MutualBestMatcher mutualBest, BoostedWeakStage boosted) {
    this.mutualBest = mutualBest;
    this.boosted = boosted;
  }

  /**
   * @param logit the combiner's log-odds of each candidate pair (read for COMPETES and ELIGIBLE pairs)
   * @param role what each pair is to these stages
   * @param pairFeatures the {@link PairFeatures} row of a pair, by index (for the boosted model)
   * @param habit the {@link HabitLikelihood#features} of a pair, by index (for a boosted model that reads them; else null)
   */
  Links select(FeatureTable t, long[] pairs, double[] logit, IntFunction<Role> role, IntFunction<double[]> pairFeatures, IntFunction<double[]> habit) {
    if (mutualBest == null && boosted == null) return Links.NONE;
    double[] score = new double[pairs.length];
    boolean[] eligible = new boolean[pairs.length];
    for (int i = 0; i < pairs.length; i++) {
      Role r = role.apply(i);
      score[i] = switch (r) {
        case NONE -> Double.NaN;
        case LINKED -> Double.POSITIVE_INFINITY;
        case COMPETES, ELIGIBLE -> logit[i];
      };
      eligible[i] = r == Role.ELIGIBLE
          && Math.min(t.texts[PairKeys.first(pairs[i])], t.texts[PairKeys.second(pairs[i])]) >= PairScorer.STYLE_MIN_TEXTS;
    }
    SiteRivals rivals = new SiteRivals(pairs, score, t.site); // by log-odds: the mutual-best rule, and boosted models without habit ranks
    Map<Long, MutualBestMatcher.Match> byMutualBest = new HashMap<>();
    if (mutualBest != null) for (MutualBestMatcher.Match m : mutualBest.match(pairs, score, eligible, rivals)) byMutualBest.put(m.pair(), m);
    Map<Long, BoostedWeakStage.Link> byBoosted = new HashMap<>();
    Map<Long, BoostedWeakStage.Link> suggested = new HashMap<>();
    if (boosted != null) {
      double[] rank = score;
      SiteRivals byRank = rivals;
      if (boosted.ranksByHabits()) { // the model was trained on gaps against rivals ranked this way
        if (habit == null) throw new IllegalArgumentException("model " + boosted.model().version() + " ranks rivals by the habit likelihood per pair");
        rank = WeakPairFeatures.rankByHabits(score, habit);
        byRank = new SiteRivals(pairs, rank, t.site);
      }
      for (BoostedWeakStage.Link l : boosted.select(pairs, score, rank, eligible, byRank, t.texts, pairFeatures, habit, BoostedWeakStage.SUGGEST_LOG_ODDS)) {
        if (byMutualBest.containsKey(l.pair())) continue;
        (boosted.accepts(l) ? byBoosted : suggested).put(l.pair(), l);
      }
    }
    return new Links(byMutualBest, byBoosted, suggested);
  }
}
