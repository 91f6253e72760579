package org.webwatch.identity.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HourProfileLikelihoodTest {
  /** 30 heavy accounts on three rhythms (peaks at 02, 10 and 18 UTC), then the light accounts under test. */
  private static float[][] population(float[]... light) {
    float[][] h = new float[30 + light.length][];
    for (int i = 0; i < 30; i++) {
      int peak = 2 + 8 * (i % 3);
      float[] v = new float[168];
      for (int day = 0; day < 7; day++) {
        v[day * 24 + peak] += 3;
        v[day * 24 + (peak + 1) % 24] += 1;
        v[day * 24 + (peak + 23) % 24] += 1;
      }
      h[i] = v;
    }
    System.arraycopy(light, 0, h, 30, light.length);
    return h;
  }

  private static float[] events(int... hours) {
    float[] v = new float[168];
    for (int k = 0; k < hours.length; k++) v[(k % 7) * 24 + hours[k]]++;
    return v;
  }

  @Test
  void fewEventsOnOneRhythmAreEvidenceForAndOnDifferentRhythmsAgainst() {
    HourProfileLikelihood l = HourProfileLikelihood.fit(population(events(2, 2, 3, 1), events(2, 3, 2), events(18, 18, 17, 19)));
    assertEquals(30, l.profiles());
    double same = l.llr(30, 31);
    double different = l.llr(30, 32);
    // one rhythm in three: agreement is worth at most ln 3
    assertTrue(same > 0.5 && same <= Math.log(3) + 1e-9, "same rhythm " + same);
    assertTrue(different < -3, "different rhythms " + different);
    assertEquals(same, l.llr(31, 30), 1e-9);
  }

  @Test
  void noEventsOrTooSmallAPriorScoresZero() {
    HourProfileLikelihood l = HourProfileLikelihood.fit(population(events(2, 2, 3), null));
    assertEquals(0, l.llr(30, 31));
    float[][] few = new float[5][];
    for (int i = 0; i < few.length; i++) few[i] = events(2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2);
    HourProfileLikelihood small = HourProfileLikelihood.fit(few);
    assertEquals(0, small.profiles());
    assertEquals(0, small.llr(0, 1));
  }

  @Test
  void aGivenPriorIsUsedAsIs() {
    double[][] prior = new double[2][24];
    for (int h = 0; h < 24; h++) {
      prior[0][h] = Math.log(h == 2 ? 0.77 : 0.01);
      prior[1][h] = Math.log(h == 14 ? 0.77 : 0.01);
    }
    HourProfileLikelihood l = HourProfileLikelihood.withPrior(new float[][] {events(2, 2), events(2), events(14)}, prior);
    assertEquals(2, l.profiles());
    assertTrue(l.llr(0, 1) > 0.6 && l.llr(0, 1) <= Math.log(2) + 1e-9, "same rhythm " + l.llr(0, 1));
    assertTrue(l.llr(0, 2) < -3, "different rhythms " + l.llr(0, 2));
    assertThrows(IllegalArgumentException.class, () -> HourProfileLikelihood.withPrior(new float[1][], new double[][] {new double[23]}));
  }

  @Test
  void overScoresOtherRowsAgainstTheFittedProfiles() {
    float[][] h = population(events(2, 2), events(3, 2), events(2, 2, 3, 1));
    HourProfileLikelihood l = HourProfileLikelihood.fit(h);
    HourProfileLikelihood same = l.over(h);
    assertEquals(l.profiles(), same.profiles());
    assertEquals(l.llr(30, 32), same.llr(30, 32), 1e-9);
    // rows 30 and 31 pooled into row 30: more events on one rhythm weigh more
    float[][] pooled = h.clone();
    pooled[30] = events(2, 2, 3, 2);
    pooled[31] = null;
    HourProfileLikelihood p = l.over(pooled);
    assertTrue(p.llr(30, 32) > l.llr(30, 32), p.llr(30, 32) + " vs " + l.llr(30, 32));
    assertEquals(0, p.llr(31, 32));
    assertThrows(IllegalArgumentException.class, () -> l.over(null));
  }

  @Test
  void rejectsMissingInput() {
    assertThrows(IllegalArgumentException.class, () -> HourProfileLikelihood.fit((float[][]) null));
    assertThrows(IllegalArgumentException.class, () -> HourProfileLikelihood.fit((FeatureTable) null));
  }
}
