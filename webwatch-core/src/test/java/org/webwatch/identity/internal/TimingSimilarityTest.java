package org.webwatch.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimingSimilarityTest {
  static float[] active(int fromUtcHour, int hours) {
    float[] h = new float[TimingSimilarity.BINS];
    for (int d = 0; d < 7; d++) for (int k = 0; k < hours; k++) h[d * 24 + (fromUtcHour + k) % 24] += 3;
    return h;
  }

  @Test
  void binIsHourOfWeekFromMondayUtc() {
    assertThat(TimingSimilarity.bin(Instant.parse("2026-11-23T00:30:00Z"))).isZero(); // a Monday
    assertThat(TimingSimilarity.bin(Instant.parse("2026-11-29T23:59:00Z"))).isEqualTo(167); // a Sunday
  }

  @Test
  void samePatternIsSimilarShiftedIsNot() {
    assertThat(TimingSimilarity.similarity(active(18, 5), active(18, 5))).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(TimingSimilarity.similarity(active(18, 5), active(19, 5))).isGreaterThan(0.8);
    assertThat(TimingSimilarity.similarity(active(18, 5), active(6, 5))).isLessThan(0.5);
  }

  @Test
  void inferredOffsetPutsActivityInTheEvening() {
    // active 19:00-23:00 UTC: UTC+0; active 01:00-05:00 UTC: evening at UTC-6
    assertThat(TimingSimilarity.inferredUtcOffset(active(19, 3))).isEqualTo(0);
    assertThat(TimingSimilarity.inferredUtcOffset(active(1, 3))).isEqualTo(-6);
  }
}
