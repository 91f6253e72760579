package org.webwatch.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.webwatch.model.AccountKey;

class PairScorerTest {
  static PairScorer scorer(FeatureTable t) {
    int[] freq = new int[t.size()];
    java.util.Arrays.fill(freq, 1);
    return new PairScorer(t, freq);
  }

  @Test
  void sharedValueWeightFallsWithUseAndVanishesAboveTheCap() {
    FeatureTable.Builder b = new FeatureTable.Builder();
    for (int i = 0; i < 12; i++) b.account(new AccountKey(String.format("s%02d", i), "a"), null);
    b.value(0, "shared-btc", "pair", "x");
    b.value(1, "shared-btc", "pair", "y");
    for (int i = 0; i < 6; i++) b.value(i, "shared-pgp", "six", null); // 6 accounts on 6 sites
    for (int i = 0; i < 10; i++) b.value(i, "shared-eth", "ten", null); // above the cap
    FeatureTable t = b.build();
    PairScorer s = scorer(t);
    assertThat(s.score(0, 1).strong()).isEqualTo(PairScorer.LLR_BTC + PairScorer.LLR_PGP * 3 / 6);
    assertThat(s.score(2, 3).strong()).isEqualTo(PairScorer.LLR_PGP * 3 / 6);
    assertThat(s.score(8, 9).strong()).isZero();
    assertThat(s.explain(0, 1)).extracting(e -> e.code()).containsExactly("shared-btc", "shared-pgp");
    assertThat(s.explain(0, 1).get(0).detail()).contains("x").contains("y");
  }

  @Test
  void valueSharedByAccountsOfOneSiteIsDiscounted() {
    FeatureTable.Builder b = new FeatureTable.Builder();
    for (int i = 0; i < 3; i++) b.account(new AccountKey("s1", "a" + i), null);
    for (int i = 0; i < 3; i++) b.value(i, "shared-btc", "donate", null);
    PairScorer s = scorer(b.build());
    assertThat(s.score(0, 1).strong()).isCloseTo(PairScorer.LLR_BTC / 3, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void weakSignalsNeedCorroborationAndTheHigherThreshold() {
    assertThat(new PairScorer.Score(0, 3.0, 0, 0).qualifies()).isFalse(); // username alone
    assertThat(new PairScorer.Score(0, 0, 4.0, 0).qualifies()).isFalse(); // style alone
    assertThat(new PairScorer.Score(0, 3.0, 0, 1.5).qualifies()).isFalse(); // 4.5 < weak-only threshold
    assertThat(new PairScorer.Score(0, 3.0, 2.5, 0).qualifies()).isTrue();
    assertThat(new PairScorer.Score(8.0, 0, -2.0, 0).qualifies()).isTrue();
    assertThat(new PairScorer.Score(3.0, 0, 0, 0).qualifies()).isFalse();
    assertThat(new PairScorer.Score(8.0, 0, 0, 0).confidence()).isGreaterThan(0.99);
    // strong = identifiers + capped media: a pair with media only has no identifier part (the weak stages may take it)
    assertThat(new PairScorer.Score(3.5, 0, 0, 0, 3.5).identifiers()).isZero();
    assertThat(new PairScorer.Score(9.5, 0, 0, 0, 3.5).identifiers()).isEqualTo(6.0);
    assertThat(new PairScorer.Score(6.0, 0, 0, 0).identifiers()).isEqualTo(6.0);
  }

  @Test
  void identicalUsernameStemsAreEvidenceUnlessTooShortOrCommon() {
    FeatureTable.Builder b = new FeatureTable.Builder();
    b.account(new AccountKey("s1", "1"), "NightOwl");
    b.account(new AccountKey("s2", "1"), "n1ght_0wl77");
    b.account(new AccountKey("s1", "2"), "bob");
    b.account(new AccountKey("s2", "2"), "bob1");
    FeatureTable t = b.build();
    int[] freq = {1, 1, 1, 1};
    PairScorer s = new PairScorer(t, freq);
    assertThat(s.usernameLlr(0, 2)).isEqualTo(PairScorer.LLR_USERNAME_EXACT);
    assertThat(s.usernameLlr(1, 3)).isZero();
    int[] common = {50, 1, 50, 1};
    assertThat(new PairScorer(t, common).usernameLlr(0, 2)).isLessThan(PairScorer.LLR_USERNAME_EXACT / 2);
  }
}
