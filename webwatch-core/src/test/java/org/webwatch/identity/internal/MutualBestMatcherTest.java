package org.webwatch.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.webwatch.model.AccountKey;
import org.webwatch.model.Evidence;

class MutualBestMatcherTest {
  // accounts 0..2 on site 0, accounts 3..5 on site 1, account 6 on site 2
  private static final int[] SITE = {0, 0, 0, 1, 1, 1, 2};
  private final MutualBestMatcher matcher = new MutualBestMatcher(0.0, 3.0, -5.0);

  private static long[] pairs(int[][] p) {
    long[] out = new long[p.length];
    for (int i = 0; i < p.length; i++) out[i] = PairKeys.of(p[i][0], p[i][1]);
    return out;
  }

  private static boolean[] all(int n) {
    boolean[] e = new boolean[n];
    java.util.Arrays.fill(e, true);
    return e;
  }

  @Test
  void mutualBestWithBigGapIsAccepted() {
    long[] p = pairs(new int[][] {{0, 3}, {0, 4}, {1, 3}, {1, 4}});
    double[] s = {2.0, -4.0, -3.0, -1.0};
    List<MutualBestMatcher.Match> m = matcher.match(p, s, all(4), SITE);
    assertThat(m).extracting(MutualBestMatcher.Match::pair).containsExactly(PairKeys.of(0, 3));
    MutualBestMatcher.Match x = m.get(0);
    assertThat(x.score()).isEqualTo(2.0);
    assertThat(x.runnerUpA()).isEqualTo(-4.0); // account 0's runner-up on site 1: account 4
    assertThat(x.runnerUpAccountA()).isEqualTo(4);
    assertThat(x.runnerUpB()).isEqualTo(-3.0); // account 3's runner-up on site 0: account 1
    assertThat(x.runnerUpAccountB()).isEqualTo(1);
    assertThat(x.gap()).isEqualTo(5.0); // min(2 - -4, 2 - -3)
    // 1 ~ 4 is a mutual best too (-1 beats -3 and -4), but under the floor
  }

  @Test
  void closeRunnerUpIsRefused() {
    long[] p = pairs(new int[][] {{0, 3}, {0, 4}});
    double[] s = {2.0, 0.5}; // account 0 cannot tell 3 from 4
    assertThat(matcher.match(p, s, all(2), SITE)).isEmpty();
    // the same gap on the other side: account 3 cannot tell 0 from 1
    long[] q = pairs(new int[][] {{0, 3}, {1, 3}});
    assertThat(matcher.match(q, s, all(2), SITE)).isEmpty();
  }

  @Test
  void nonReciprocalBestIsRefused() {
    // 0's best on site 1 is 3, but 3 prefers 1
    long[] p = pairs(new int[][] {{0, 3}, {1, 3}});
    double[] s = {2.0, 9.0};
    List<MutualBestMatcher.Match> m = matcher.match(p, s, all(2), SITE);
    assertThat(m).extracting(MutualBestMatcher.Match::pair).containsExactly(PairKeys.of(1, 3));
  }

  @Test
  void accountWithoutPartnerGetsNothing() {
    // all scores low: the best is someone, but under the floor
    long[] p = pairs(new int[][] {{2, 3}, {2, 4}, {2, 5}, {2, 6}});
    double[] s = {-2.0, -6.0, -7.0, -0.5};
    assertThat(matcher.match(p, s, all(4), SITE)).isEmpty();
  }

  @Test
  void loneCandidateWithEnoughMarginIsAccepted() {
    long[] p = pairs(new int[][] {{0, 3}});
    // no runner-up on either side: the gap is taken over the unseen score -5
    assertThat(matcher.match(p, new double[] {-1.0}, all(1), SITE)).isEmpty(); // under the floor
    assertThat(matcher.match(p, new double[] {0.5}, all(1), SITE)).hasSize(1); // 0.5 - -5 = 5.5 >= 3
    MutualBestMatcher strict = new MutualBestMatcher(0.0, 6.0, -5.0);
    assertThat(strict.match(p, new double[] {0.5}, all(1), SITE)).isEmpty(); // 5.5 < 6
    List<MutualBestMatcher.Match> m = strict.match(p, new double[] {1.5}, all(1), SITE);
    assertThat(m).hasSize(1);
    assertThat(m.get(0).runnerUpAccountA()).isEqualTo(-1);
    assertThat(m.get(0).runnerUpA()).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(m.get(0).gap()).isEqualTo(6.5);
  }

  @Test
  void linkedPairDominatesAndIneligiblePairsOnlyCompete() {
    // 0 is already linked to 4 on site 1: 0 ~ 3 must not add a second site-1 account to 0's person
    long[] p = pairs(new int[][] {{0, 3}, {0, 4}});
    double[] s = {5.0, Double.POSITIVE_INFINITY};
    assertThat(matcher.match(p, s, all(2), SITE)).isEmpty();
    // an ineligible pair (e.g. a shared identifier below the rule threshold) is never accepted, yet is a runner-up
    long[] q = pairs(new int[][] {{0, 3}, {0, 4}, {1, 5}});
    double[] t = {5.0, 4.0, 5.0};
    boolean[] eligible = {true, true, false};
    assertThat(matcher.match(q, t, eligible, SITE)).isEmpty(); // 0 ~ 3 gap 1; 1 ~ 5 ineligible
  }

  @Test
  void pairsWithoutScoreAndTiesTakeNoPart() {
    long[] p = pairs(new int[][] {{0, 3}, {0, 4}, {0, 6}});
    double[] s = {4.0, Double.NaN, 4.0};
    List<MutualBestMatcher.Match> m = matcher.match(p, s, all(3), SITE);
    // sites are ranked separately: 0 ~ 3 on site 1 and 0 ~ 6 on site 2 are both accepted; NaN is ignored
    assertThat(m).extracting(MutualBestMatcher.Match::pair).containsExactly(PairKeys.of(0, 3), PairKeys.of(0, 6));
    // an exact tie for the best is refused (gap 0)
    long[] q = pairs(new int[][] {{0, 3}, {0, 4}});
    assertThat(matcher.match(q, new double[] {4.0, 4.0}, all(2), SITE)).isEmpty();
  }

  @Test
  void evidenceNamesScoreRunnerUpsAndGap() {
    long[] p = pairs(new int[][] {{0, 3}, {0, 4}});
    MutualBestMatcher.Match m = matcher.match(p, new double[] {2.0, -2.0}, all(2), SITE).get(0);
    AccountKey[] keys = new AccountKey[7];
    for (int i = 0; i < keys.length; i++) keys[i] = new AccountKey("s" + SITE[i], "u" + i);
    Evidence e = matcher.evidence(m, keys[0], keys[3], i -> keys[i], "2.2.0", "habit_token_idf=9.000 (+1.20)");
    assertThat(e.code()).isEqualTo("mutual-best");
    assertThat(e.value()).isEqualTo("score=2.000 runner-up=-2.000 gap=4.000");
    assertThat(e.weight()).isEqualTo(4.0);
    assertThat(e.detail()).contains("runner-up of s0:u0: s1:u4 at -2.000").contains("none proposed (counted as -5.0)")
        .contains("gap 4.000 >= 3.0").contains("habit_token_idf=9.000");
  }

  @Test
  void constructorRejectsBadArguments() {
    assertThatThrownBy(() -> new MutualBestMatcher(0, 0, -5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new MutualBestMatcher(0, -1, -5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new MutualBestMatcher(Double.NaN, 1, -5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new MutualBestMatcher(0, 1, Double.NEGATIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> matcher.match(new long[1], new double[2], new boolean[1], SITE)).isInstanceOf(IllegalArgumentException.class);
  }
}
