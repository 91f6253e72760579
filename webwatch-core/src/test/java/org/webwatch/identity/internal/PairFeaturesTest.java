package org.webwatch.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.webwatch.model.AccountKey;

class PairFeaturesTest {
  @Test
  void numbersAreTheNamesOwnAndPrefixesMatch() {
    assertThat(PairFeatures.number("amber_walker575")).isEqualTo("575");
    assertThat(PairFeatures.number("h4ppy_w0lf")).isNull(); // single digits are leetspeak
    assertThat(PairFeatures.sameNumber("575", "57512")).isTrue();
    assertThat(PairFeatures.sameNumber("575", "576")).isFalse();
    assertThat(PairFeatures.sameNumber(null, "575")).isFalse();
    assertThat(PairFeatures.differentNumber("194", "139")).isTrue();
    assertThat(PairFeatures.differentNumber("575", "57512")).isFalse();
    assertThat(PairFeatures.differentNumber(null, "139")).isFalse(); // a name without a number says nothing
  }

  @Test
  void equalNamesWithDifferentNumbersCountAgainst() {
    FeatureTable.Builder b = new FeatureTable.Builder();
    b.account(new AccountKey("s1", "1"), "redstorm194");
    b.account(new AccountKey("s2", "2"), "red_storm139");
    b.account(new AccountKey("s3", "3"), "red_storm194");
    FeatureTable t = b.build();
    int[] freq = {1, 1, 1};
    PairScorer scorer = new PairScorer(t, freq);
    PairFeatures f = new PairFeatures(t, scorer, freq);
    int i = PairFeatures.NAMES.indexOf("username_x_diffnum");
    double[] other = f.of(0, 1); // 194 / 139
    assertThat(other[i]).isEqualTo(other[PairFeatures.NAMES.indexOf("username_llr")]).isPositive();
    assertThat(f.of(0, 2)[i]).isZero(); // 194 / 194: the same person's variant
    assertThat(PairFeatures.signs()[i]).isEqualTo(-1);
  }

  @Test
  void missingEvidenceIsZeroAndSharedEvidenceIsCounted() {
    FeatureTable.Builder b = new FeatureTable.Builder();
    int a = b.account(new AccountKey("s1", "1"), "amber_walker575");
    int c = b.account(new AccountKey("s2", "9"), "the_amber_walker575");
    int d = b.account(new AccountKey("s1", "5"), "quiet_heron");
    b.value(a, "shared-btc", "bc1qa", "s1/post/1");
    b.value(c, "shared-btc", "bc1qa", "s2/post/2");
    FeatureTable t = b.build();
    int[] freq = {1, 1, 1};
    PairScorer scorer = new PairScorer(t, freq);
    PairFeatures f = new PairFeatures(t, scorer, freq);
    double[] x = f.of(0, 2); // sorted by key: s1:1, s1:5, s2:9
    assertThat(x).hasSize(PairFeatures.NAMES.size());
    assertThat(x[PairFeatures.NAMES.indexOf("identifier_llr")]).isEqualTo(PairScorer.LLR_BTC);
    assertThat(x[PairFeatures.NAMES.indexOf("stem_jw_high")]).isEqualTo(1.0);
    assertThat(x[PairFeatures.NAMES.indexOf("same_number")]).isEqualTo(1.0);
    assertThat(x[PairFeatures.NAMES.indexOf("same_site")]).isZero();
    // no texts and no times: style, habit and timing features say nothing either way
    for (String n : new String[] {"style_llr", "style_cos_rel", "timing_llr", "timing_sim_rel", "offset_agree_rel", "habit_cos_rel"}) {
      assertThat(x[PairFeatures.NAMES.indexOf(n)]).as(n).isZero();
    }
    double[] y = f.of(0, 1);
    assertThat(y[PairFeatures.NAMES.indexOf("same_site")]).isEqualTo(1.0);
    assertThat(y[PairFeatures.NAMES.indexOf("identifier_llr")]).isZero();
    assertThat(PairFeatures.signs()[PairFeatures.NAMES.indexOf("same_site")]).isEqualTo(-1);
    assertThatThrownBy(() -> new PairFeatures(t, scorer, new int[1])).isInstanceOf(IllegalArgumentException.class);
  }
}
