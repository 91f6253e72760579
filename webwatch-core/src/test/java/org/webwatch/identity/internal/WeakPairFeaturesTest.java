package org.webwatch.identity.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class WeakPairFeaturesTest {
  // accounts 0 (site 0), 1 and 2 (site 1), 3 (site 2)
  private static final int[] SITE = {0, 1, 1, 2};
  private static final long[] PAIRS = {PairKeys.of(0, 1), PairKeys.of(0, 2), PairKeys.of(0, 3), PairKeys.of(1, 3), PairKeys.of(2, 3), PairKeys.of(1, 2)};
  private static final double[] SCORE = {5, 1, 2, Double.POSITIVE_INFINITY, 3, Double.NaN};

  @Test
  void gapsAreOverTheBestOtherCandidateOfThatSite() {
    double[][] g = WeakPairFeatures.gaps(PAIRS, SCORE, SITE, -7);
    // 0~1: account 0's other site-1 candidate scores 1; account 1 has no other site-0 candidate (unseen -7)
    assertEquals(4, g[0][0]);
    assertEquals(12, g[1][0]);
    // 0~2 is not account 0's best on site 1: negative gap
    assertEquals(-4, g[0][1]);
    assertEquals(8, g[1][1]);
    assertEquals(9, g[0][2]);
    assertEquals(9, g[1][2]);
    // 2~3: account 3's rival 1~3 is already linked (+inf): clamped, finite
    assertEquals(10, g[0][4]);
    assertEquals(-WeakPairFeatures.GAP_CLAMP, g[1][4]);
    // linked and non-participating pairs get no gaps
    assertTrue(Double.isNaN(g[0][3]) && Double.isNaN(g[1][5]));
  }

  @Test
  void habitsReorderRivalsWithinTheirClampAndLeaveLinkedPairsAlone() {
    // pair 0~2 agrees on every habit (+30 nats, clamped to +10), 0~1 contradicts them (-3)
    double[] habit = {-3, 30, 0, 50, 0, 0};
    double[] rank = WeakPairFeatures.rankByHabits(SCORE, i -> {
      double[] h = new double[HabitLikelihood.NAMES.size()];
      h[HabitLikelihood.TOTAL] = habit[i];
      return h;
    });
    assertArrayEquals(new double[] {2, 1 + WeakPairFeatures.RANK_HABIT_CLAMP, 2}, java.util.Arrays.copyOf(rank, 3));
    assertEquals(Double.POSITIVE_INFINITY, rank[3]);
    assertTrue(Double.isNaN(rank[5]));
    // by log-odds 0~1 was account 0's best on site 1; with the habits 0~2 is
    double[][] g = WeakPairFeatures.gaps(PAIRS, rank, SITE, -7);
    assertTrue(g[0][0] < 0 && g[0][1] > 0);
  }

  @Test
  void theRankedRowNamesOnlyRenameTheGaps() {
    List<String> plain = WeakPairFeatures.NAMES_PERSON_HABIT;
    List<String> ranked = WeakPairFeatures.NAMES_PERSON_HABIT_RANKED;
    assertEquals(plain.size(), ranked.size());
    assertEquals(plain.indexOf("min_gap"), ranked.indexOf("min_habit_gap"));
    assertEquals(plain.indexOf("max_gap"), ranked.indexOf("max_habit_gap"));
    for (int k = 0; k < plain.size(); k++) if (!plain.get(k).endsWith("_gap")) assertEquals(plain.get(k), ranked.get(k));
  }

  @Test
  void positiveGapsOnBothSidesExactlyWhenMutualBestAcceptsAtTinyGap() {
    double[][] g = WeakPairFeatures.gaps(PAIRS, SCORE, SITE, -7);
    boolean[] eligible = {true, true, true, false, true, false};
    List<MutualBestMatcher.Match> m = new MutualBestMatcher(-100, 1e-9, -7).match(PAIRS, SCORE, eligible, SITE);
    for (int i = 0; i < PAIRS.length; i++) {
      if (!eligible[i]) continue;
      long pair = PAIRS[i];
      boolean accepted = m.stream().anyMatch(x -> x.pair() == pair);
      assertEquals(accepted, Math.min(g[0][i], g[1][i]) > 0, "pair " + i);
    }
  }

  @Test
  void rowAppendsLogitGapsAndTexts() {
    double[] f = new double[PairFeatures.NAMES.size()];
    f[3] = 1.5;
    double[] r = WeakPairFeatures.row(f, -0.5, 7, 3, 12, 4);
    assertEquals(WeakPairFeatures.NAMES.size(), r.length);
    assertEquals(1.5, r[3]);
    int k = PairFeatures.NAMES.size();
    assertArrayEquals(new double[] {-0.5, 3, 7, 4, 12}, java.util.Arrays.copyOfRange(r, k, k + 5));
    assertEquals("min_gap", WeakPairFeatures.NAMES.get(k + 1));
    assertThrows(IllegalArgumentException.class, () -> WeakPairFeatures.row(new double[3], 0, 0, 0, 0, 0));
    double[] h = WeakPairFeatures.row(f, -0.5, 7, 3, 12, 4, new double[] {1, 2, 3, 0, 0, 6});
    assertEquals(WeakPairFeatures.NAMES_HABIT.size(), h.length);
    assertArrayEquals(r, java.util.Arrays.copyOf(h, r.length));
    assertEquals(6.0, h[WeakPairFeatures.NAMES_HABIT.indexOf("nb_total_llr")]);
    assertThrows(IllegalArgumentException.class, () -> WeakPairFeatures.row(f, 0, 0, 0, 0, 0, new double[2]));
    assertThrows(IllegalArgumentException.class, () -> WeakPairFeatures.gaps(PAIRS, new double[2], SITE, -7));
    assertThrows(IllegalArgumentException.class, () -> WeakPairFeatures.gaps(PAIRS, SCORE, SITE, Double.NEGATIVE_INFINITY));
  }
}
