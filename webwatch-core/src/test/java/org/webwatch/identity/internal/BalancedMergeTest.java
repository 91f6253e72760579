package org.webwatch.identity.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class BalancedMergeTest {
  /** Site sizes: site 0 has {@code a} accounts, site 1 {@code b}; accounts 0 and a are the first of each. */
  private static int[] sites(int a, int b) {
    int[] site = new int[a + b];
    Arrays.fill(site, a, a + b, 1);
    return site;
  }

  @Test
  void theFloorIsTheSuggestionsOwnUpToTheReferenceSiteSize() {
    BalancedMerge small = new BalancedMerge(sites(800, 1_000));
    assertEquals(BoostedWeakStage.SUGGEST_LOG_ODDS, small.floor(0, 800), 1e-12);
    assertEquals(BalancedMerge.BASE_LOG_ODDS, new BalancedMerge(sites(3, 2)).floor(0, 3), 1e-12);
  }

  @Test
  void theFloorGrowsWithTheLogarithmOfTheSitesGeometricMeanSize() {
    int ref = (int) SiteSizes.REFERENCE_SITE_ACCOUNTS;
    // sites of 10x and 40x the reference: geometric mean 20x
    BalancedMerge big = new BalancedMerge(sites(10 * ref, 40 * ref));
    assertEquals(BalancedMerge.BASE_LOG_ODDS + BalancedMerge.SIZE_SLOPE * Math.log(20), big.floor(0, 10 * ref), 1e-9);
    // about what a 100,000-person population asks (sites of ~25,000–44,000 accounts): 2.3–2.7 nats
    double f = new BalancedMerge(sites(25_000, 44_000)).floor(0, 25_000);
    assertEquals(2.5, f, 0.2);
  }

  @Test
  void keepsTheSuggestionsAtOrAboveTheFloorBestFirst() {
    int ref = (int) SiteSizes.REFERENCE_SITE_ACCOUNTS;
    BalancedMerge m = new BalancedMerge(sites(ref * 10, ref * 10)); // floor 0.7 · ln 10 ≈ 1.61
    long p1 = PairKeys.of(0, ref * 10);
    long p2 = PairKeys.of(1, ref * 10 + 1);
    long p3 = PairKeys.of(2, ref * 10 + 2);
    long p4 = PairKeys.of(3, ref * 10 + 3);
    List<BoostedWeakStage.Link> in = List.of(new BoostedWeakStage.Link(p1, 1.0, List.of()), new BoostedWeakStage.Link(p2, 2.5, List.of()),
        new BoostedWeakStage.Link(p3, 1.7, List.of()), new BoostedWeakStage.Link(p4, 2.5, List.of()));
    assertEquals(List.of(p2, p4, p3), m.select(in).stream().map(BoostedWeakStage.Link::pair).toList(), "1.0 < floor; ties by pair key");
    assertThrows(IllegalArgumentException.class, () -> new BalancedMerge(null));
  }
}
