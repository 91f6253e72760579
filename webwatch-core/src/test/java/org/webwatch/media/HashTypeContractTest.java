package org.webwatch.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.webwatch.WebwatchException;

/** One contract every hash type passes (as ThreatExchange's SignalType tests). */
class HashTypeContractTest {
  static String sample(HashType t, long seed) {
    Random r = new Random(seed);
    int len =
        switch (t) {
          case MD5 -> 32;
          case SHA1 -> 40;
          case SHA256, PDQ -> 64;
          case PHOTODNA -> 288;
        };
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < len; i++) sb.append(Character.forDigit(r.nextInt(16), 16));
    return sb.toString();
  }

  @ParameterizedTest
  @EnumSource(HashType.class)
  void parseFormatRoundTripIsCanonicalAndCaseInsensitive(HashType t) {
    String v = sample(t, 1);
    assertThat(t.normalize(v)).isEqualTo(v);
    assertThat(t.normalize("  " + v.toUpperCase(Locale.ROOT) + "\n")).isEqualTo(v);
    assertThat(t.normalize(t.normalize(v))).isEqualTo(t.normalize(v));
    assertThat(HashType.fromCode(t.code())).isEqualTo(t);
  }

  @ParameterizedTest
  @EnumSource(HashType.class)
  void distanceIsZeroOnlyForIdentityAndSymmetric(HashType t) {
    String a = sample(t, 2);
    String b = sample(t, 3);
    assertThat(t.distance(a, a)).isZero();
    assertThat(t.distance(a, a.toUpperCase(Locale.ROOT))).isZero();
    assertThat(t.distance(a, b)).isEqualTo(t.distance(b, a)).isPositive().isLessThanOrEqualTo(t.maxDistance());
  }

  @ParameterizedTest
  @EnumSource(HashType.class)
  void rejectsBadInputWithAnExplanation(HashType t) {
    String v = sample(t, 4);
    for (String bad : new String[] {"", v.substring(1), v + "0", v.substring(1) + "g", "x".repeat(100_000)}) {
      assertThat(t.isValid(bad)).as(bad.length() + " chars").isFalse();
      assertThatThrownBy(() -> t.normalize(bad))
          .isInstanceOf(WebwatchException.class)
          .hasMessageContaining("invalid " + t.code());
    }
    assertThat(t.isValid(null)).isFalse();
  }

  @ParameterizedTest
  @EnumSource(value = HashType.class, names = {"PDQ"})
  void pdqDistanceIsHammingOnTheParsedBits(HashType t) {
    String a = sample(t, 5);
    PdqHash h = PdqHash.parse(a);
    assertThat(h.toHex()).isEqualTo(a);
    PdqHash flipped = new PdqHash(h.w0() ^ 0b1011, h.w1(), h.w2(), h.w3() ^ Long.MIN_VALUE);
    assertThat(t.distance(a, flipped.toHex())).isEqualTo(4);
    // bit 255 is the most significant hex digit's top bit
    assertThat(flipped.toHex().charAt(0)).isNotEqualTo(a.charAt(0));
  }
}
