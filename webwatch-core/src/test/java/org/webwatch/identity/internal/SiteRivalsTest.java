package org.webwatch.identity.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SiteRivalsTest {
  // accounts 0 (site 0), 1 and 2 (site 1), 3 (site 2)
  private static final int[] SITE = {0, 1, 1, 2};
  private static final long[] PAIRS = {PairKeys.of(0, 1), PairKeys.of(0, 2), PairKeys.of(0, 3), PairKeys.of(1, 3), PairKeys.of(2, 3), PairKeys.of(1, 2)};
  private static final double[] SCORE = {5, 1, 2, Double.POSITIVE_INFINITY, 3, Double.NaN};

  @Test
  void theRivalIsTheBestOtherCandidateOnTheOtherAccountsSite() {
    SiteRivals r = new SiteRivals(PAIRS, SCORE, SITE);
    // 0~1: account 0's other site-1 candidate is 2 (score 1); account 1 has no other site-0 candidate
    assertEquals(1, r.score(0, 0));
    assertEquals(2, r.account(0, 0));
    assertEquals(Double.NEGATIVE_INFINITY, r.score(1, 0));
    assertEquals(-1, r.account(1, 0));
    // 0~2 is beaten by 0~1 on account 0's side
    assertEquals(5, r.score(0, 1));
    assertEquals(1, r.account(0, 1));
    // 0~3: both accounts have no other candidate on the other's site
    assertEquals(Double.NEGATIVE_INFINITY, r.score(0, 2));
    assertEquals(Double.NEGATIVE_INFINITY, r.score(1, 2));
    // an already linked pair (+inf) is a dominating rival, and is ranked itself
    assertEquals(Double.POSITIVE_INFINITY, r.score(1, 4));
    assertEquals(1, r.account(1, 4));
    assertEquals(3, r.score(1, 3));
    // a pair that takes no part is neither ranked nor a rival
    assertTrue(Double.isNaN(r.score(0, 5)) && Double.isNaN(r.score(1, 5)));
    assertEquals(-1, r.account(0, 5));
  }

  @Test
  void twoEqualScoresAreEachOthersRival() {
    long[] pairs = {PairKeys.of(0, 1), PairKeys.of(0, 2)};
    SiteRivals r = new SiteRivals(pairs, new double[] {2, 2}, SITE);
    assertEquals(2, r.score(0, 0));
    assertEquals(2, r.account(0, 0));
    assertEquals(2, r.score(0, 1));
    assertEquals(1, r.account(0, 1));
  }

  @Test
  void rejectsOneScoreShort() {
    assertThrows(IllegalArgumentException.class, () -> new SiteRivals(PAIRS, new double[2], SITE));
  }
}
