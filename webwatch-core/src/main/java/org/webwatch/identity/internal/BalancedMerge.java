package org.webwatch.identity.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Which suggested links the balanced operating point ({@link org.webwatch.identity.OperatingPoint#BALANCED})
 * merges: a suggestion (reciprocal best, model log-odds from {@link BoostedWeakStage#SUGGEST_LOG_ODDS} up to the
 * model's threshold) whose log-odds reach {@link #floor}. The model was trained on populations whose sites hold
 * about {@link SiteSizes#REFERENCE_SITE_ACCOUNTS} accounts; with k times more accounts on a site, k times more strangers
 * can share an account's habits and name stem, so the same log-odds mean less. The floor therefore grows with the
 * logarithm of the two sites' size (their geometric mean), {@link #SIZE_SLOPE} nats per e-fold — a prior-odds
 * correction fitted on tuning populations of three sizes (3,000, 20,000 and 100,000 persons, precision ≈ 0.96 at
 * each; docs/identity.md, "Session 11"). The clustering then adds them best first as weak edges
 * ({@link ConstrainedClustering}: one account per site, no fusing of two groups on one weak edge). O(s log s) for
 * s suggestions.
 */
final class BalancedMerge {
  /** Floor at or below the reference site size: the suggestions' own floor (more likely than not). */
  static final double BASE_LOG_ODDS = BoostedWeakStage.SUGGEST_LOG_ODDS;
  /** Nats added to the floor per e-fold of site size beyond the reference ({@link SiteSizes}; fitted: 0.66–0.79 across sizes). */
  static final double SIZE_SLOPE = 0.7;

  private final SiteSizes sizes;

  /** @param site site index of each account */
  BalancedMerge(int[] site) {
    this.sizes = new SiteSizes(site);
  }

  /** The log-odds from which a suggestion between accounts {@code a} and {@code b} is merged. */
  double floor(int a, int b) {
    return BASE_LOG_ODDS + SIZE_SLOPE * sizes.excess(a, b);
  }

  /** The suggestions to merge, best first (ties by pair key, so runs are reproducible). */
  List<BoostedWeakStage.Link> select(Collection<BoostedWeakStage.Link> suggested) {
    List<BoostedWeakStage.Link> out = new ArrayList<>();
    for (BoostedWeakStage.Link l : suggested) if (l.score() >= floor(PairKeys.first(l.pair()), PairKeys.second(l.pair()))) out.add(l);
    out.sort(Comparator.comparingDouble(BoostedWeakStage.Link::score).reversed().thenComparingLong(BoostedWeakStage.Link::pair));
    return out;
  }
}
