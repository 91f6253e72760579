package org.webwatch.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UsernameSimilarityTest {
  @Test
  void stemFoldsCaseLeetDigitsSeparatorsAndAffixes() {
    String s = UsernameSimilarity.stem("ShadowWalker");
    assertThat(UsernameSimilarity.stem("sh4d0w_walker99")).isEqualTo(s);
    assertThat(UsernameSimilarity.stem("xX_Shadow.Walker_Xx")).isEqualTo(s);
    assertThat(UsernameSimilarity.stem("TheShadowWalker1987")).isEqualTo(s);
    assertThat(UsernameSimilarity.stem("ŠhadowWalker")).isEqualTo(s);
    assertThat(UsernameSimilarity.stem("moonlight")).isNotEqualTo(s);
  }

  @Test
  void numbersTagsAndWrapsAreAffixesButLeetStays() {
    String s = UsernameSimilarity.stem("happy_wolf");
    assertThat(UsernameSimilarity.stem("happy_wolf763_n")).isEqualTo(s); // number inside, then a one-letter tag
    assertThat(UsernameSimilarity.stem("happy-wolf_k")).isEqualTo(s);
    assertThat(UsernameSimilarity.stem("xhappy_wolf503x")).isEqualTo(s); // x..x wrap around a numbered name
    assertThat(UsernameSimilarity.stem("h4ppy_w0lf")).isEqualTo(s); // single digits are letters in disguise
    assertThat(UsernameSimilarity.stem("n1ght_0wl")).isEqualTo(UsernameSimilarity.stem("nightowl"));
    assertThat(UsernameSimilarity.stem("c00lcat")).isEqualTo(UsernameSimilarity.stem("coolcat")); // a pair between letters too
    assertThat(UsernameSimilarity.stem("happy_wolfman")).isNotEqualTo(s);
  }

  @Test
  void shortOrEmptyNamesKeepNoAffixStripping() {
    assertThat(UsernameSimilarity.stem("99")).isEmpty();
    assertThat(UsernameSimilarity.stem(null)).isEmpty();
    assertThat(UsernameSimilarity.stem("thebob")).isEqualTo("thebob"); // stripping would leave < 4 letters
  }

  @Test
  void jaroWinklerMatchesKnownValues() {
    // textbook values (Winkler 1990): MARTHA/MARHTA 0.961, DWAYNE/DUANE 0.84, DIXON/DICKSONX 0.813
    assertThat(UsernameSimilarity.jaroWinkler("martha", "marhta")).isCloseTo(0.961, org.assertj.core.data.Offset.offset(0.001));
    assertThat(UsernameSimilarity.jaroWinkler("dwayne", "duane")).isCloseTo(0.84, org.assertj.core.data.Offset.offset(0.001));
    assertThat(UsernameSimilarity.jaroWinkler("dixon", "dicksonx")).isCloseTo(0.813, org.assertj.core.data.Offset.offset(0.001));
    assertThat(UsernameSimilarity.jaroWinkler("abc", "abc")).isEqualTo(1.0);
    assertThat(UsernameSimilarity.jaroWinkler("abc", "xyz")).isZero();
  }

  @Test
  void blockingKeysShareAKeyWithinOneEdit() {
    var a = UsernameSimilarity.blockingKeys("shadowwaiker");
    var b = UsernameSimilarity.blockingKeys("shadowaiker");
    assertThat(a).containsAnyElementsOf(b);
    assertThat(UsernameSimilarity.blockingKeys("abc")).isEmpty();
  }
}
