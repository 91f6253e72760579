package org.webwatch.identity.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.webwatch.model.AccountKey;

class HabitLikelihoodTest {
  private static final int PER_SITE = 12;

  /**
   * 12 accounts on each of two sites; account i on site "a" and i on site "b" are one writer
   * (same ending and case, same tokens) except where {@code drift} makes the b-side ending differ.
   * Endings cycle over 4 values, cases over 2; each writer holds one private token (id 1000 + i)
   * and one shared by three writers (id 2000 + i / 3).
   */
  private static FeatureTable table(boolean drift) {
    FeatureTable.Builder b = new FeatureTable.Builder();
    for (String site : new String[] {"a", "b"}) {
      for (int i = 0; i < PER_SITE; i++) {
        int k = b.account(new AccountKey(site, String.format("u%02d", i)), "user" + i);
        b.style(k, new int[0], new float[0], 6, null);
        byte[] c = new byte[HabitTokens.CATEGORY_SLOTS];
        int ending = i % 4;
        if (drift && site.equals("b")) ending = (ending + 1) % 4;
        c[ending] = 100;
        c[HabitProfiler.ENDINGS.size() + i % 2] = 100;
        b.habitTokens(k, new int[] {1000 + i, 2000 + i / 3}, c);
        b.repeatedTokens(k, new int[] {1000 + i, 2000 + i / 3});
      }
    }
    return b.build();
  }

  /** Anchor pairs: writer i on site a with writer i on site b, for the first {@code n} writers. */
  private static long[] anchors(FeatureTable t, int n) {
    long[] out = new long[n];
    for (int i = 0; i < n; i++) out[i] = PairKeys.of(index(t, "a", i), index(t, "b", i));
    return out;
  }

  private static int index(FeatureTable t, String site, int i) {
    AccountKey key = new AccountKey(site, String.format("u%02d", i));
    for (int k = 0; k < t.size(); k++) if (t.key(k).equals(key)) return k;
    throw new AssertionError("no account " + key);
  }

  @Test
  void sameWriterScoresAboveOtherWriters() {
    FeatureTable t = table(false);
    HabitLikelihood h = HabitLikelihood.fit(t, anchors(t, 6));
    double[] same = h.features(index(t, "a", 7), index(t, "b", 7));
    // writer 7 and writer 4: different ending (3 vs 0), same case, different tokens
    double[] other = h.features(index(t, "a", 7), index(t, "b", 4));
    assertEquals(HabitLikelihood.NAMES.size(), same.length);
    assertTrue(same[0] > 0, "equal ending and case are evidence for: " + same[0]);
    assertTrue(other[0] < same[0], "a contradicting ending costs: " + other[0]);
    assertTrue(same[2] > 0 && other[2] < 0, "shared rare tokens for, tokens of one side only against: " + same[2] + " / " + other[2]);
    assertEquals(same[0] + same[1] + same[2] + same[3] + same[4], same[HabitLikelihood.TOTAL], 1e-12);
    assertEquals(0, same[1], "no timing: the offset category says nothing");
    assertEquals(0, same[3], "no slots fed: nothing");
    assertEquals(0, same[4], "no timing: the hour profile says nothing");
  }

  @Test
  void keepRatesAreLearnedFromTheAnchors() {
    FeatureTable kept = table(false);
    FeatureTable drifted = table(true);
    HabitLikelihood k = HabitLikelihood.fit(kept, anchors(kept, PER_SITE));
    HabitLikelihood d = HabitLikelihood.fit(drifted, anchors(drifted, PER_SITE));
    assertTrue(k.keep(0) > HabitLikelihood.PRIOR_KEEP, "anchors that keep their ending raise the rate: " + k.keep(0));
    assertTrue(d.keep(0) < HabitLikelihood.PRIOR_KEEP, "anchors that change it lower the rate: " + d.keep(0));
    assertEquals(k.keep(1), d.keep(1), 1e-12, "case kept in both");
    // so a contradicting ending costs more where writers are known to keep it
    int a = index(kept, "a", 7);
    int b = index(kept, "b", 4);
    assertTrue(k.features(a, b)[0] < d.features(a, b)[0]);
    assertEquals(PER_SITE, k.anchors());
  }

  @Test
  void withoutAnchorsThePriorsApply() {
    FeatureTable t = table(false);
    HabitLikelihood h = HabitLikelihood.fit(t, new long[0]);
    assertEquals(HabitLikelihood.PRIOR_KEEP, h.keep(0), 1e-12);
    assertEquals(HabitLikelihood.PRIOR_TOKEN_KEEP, h.tokenKeep(6), 1e-12);
    assertEquals(0, h.anchors());
  }

  @Test
  void signatureHoldsDominantValuesOnly() {
    FeatureTable t = table(false);
    HabitLikelihood h = HabitLikelihood.fit(t, new long[0]);
    int[] s = h.signature(index(t, "a", 5));
    assertEquals(1, s[0]);
    assertEquals(HabitProfiler.ENDINGS.size() + 1, s[1]);
    assertEquals(0, s[2], "no line breaks");
    assertEquals(-1, s[3], "no timing");
  }

  @Test
  void exclusiveSlotsCountAgreementForAndADifferentValueAgainst() {
    FeatureTable.Builder b = new FeatureTable.Builder();
    for (String site : new String[] {"a", "b"}) {
      for (int i = 0; i < PER_SITE; i++) {
        int k = b.account(new AccountKey(site, String.format("u%02d", i)), "user" + i);
        // sign-off: one of six; opener: writer 0 shows none; variant: writers 0..2 misspell
        b.habitSlots(k, new int[] {100 + i % 6, i == 0 ? -1 : 200 + i % 4, i < 3 ? HabitSlots.HAS : HabitSlots.LACKS});
      }
    }
    FeatureTable t = b.build();
    HabitLikelihood h = HabitLikelihood.fit(t, anchors(t, 8));
    double same = h.slotLlr(index(t, "a", 7), index(t, "b", 7));
    double[] byKind = h.slotLlrByKind(index(t, "a", 1), index(t, "b", 1));
    assertTrue(same > 0, "same sign-off, opener and spelling: " + same);
    assertTrue(byKind[2] > h.slotLlrByKind(index(t, "a", 7), index(t, "b", 7))[2], "a shared rare misspelling says more than a shared common spelling");
    // writer 7 and writer 1: another sign-off (1 vs 7 % 6 = 1: same), so compare 7 with 8
    assertTrue(h.slotLlrByKind(index(t, "a", 7), index(t, "b", 8))[0] < 0, "another sign-off is evidence against");
    assertTrue(h.slotLlrByKind(index(t, "a", 7), index(t, "b", 1))[2] < -1, "the misspelling on one side, the plain word on the other");
    assertEquals(0, h.slotLlrByKind(index(t, "a", 0), index(t, "b", 0))[1], "an opener shown on one side only says nothing");
    assertTrue(h.slotKeep(0) > HabitLikelihood.PRIOR_KEEP, "every anchor keeps its sign-off: " + h.slotKeep(0));
    assertEquals(same, h.features(index(t, "a", 7), index(t, "b", 7))[3], 1e-12);
  }

  @Test
  void pooledViewWeighsEachAccountAsItsWholePerson() {
    FeatureTable t = table(false);
    HabitLikelihood h = HabitLikelihood.fit(t, anchors(t, 6));
    int[] alone = new int[t.size()];
    for (int i = 0; i < alone.length; i++) alone[i] = i;
    int a7 = index(t, "a", 7);
    int b7 = index(t, "b", 7);
    int b4 = index(t, "b", 4);
    assertArrayEquals(h.features(a7, b7), h.pooled(t, alone).features(a7, b7), 1e-12, "persons of one account compare as accounts");
    // writer a7 and writer b4 in one provisional person: a7 ~ b7 now weighs b7 against both
    int[] group = alone.clone();
    group[Math.max(a7, b4)] = Math.min(a7, b4);
    HabitLikelihood p = h.pooled(t, group);
    assertArrayEquals(h.features(a7, b4), p.features(a7, b4), 1e-12, "two accounts of one person compare as accounts");
    double[] f = p.features(a7, b7);
    assertTrue(f[2] < h.features(a7, b7)[2], "the person's repeated tokens that b7 lacks count against: " + f[2]);
    assertArrayEquals(f, p.features(b4, b7), 1e-12, "each account of a person stands for all of it");
    assertArrayEquals(p.signature(a7), p.signature(b4));
    assertThrows(IllegalStateException.class, () -> p.pooled(t, group));
  }

  @Test
  void anchorsAndArgumentsAreChecked() {
    double[] f = new double[PairFeatures.NAMES.size()];
    f[PairFeatures.NAMES.indexOf("identifier_llr")] = 8;
    assertTrue(HabitLikelihood.isAnchor(f, false));
    assertFalse(HabitLikelihood.isAnchor(f, true), "same-site pairs are no anchors");
    f[PairFeatures.NAMES.indexOf("identifier_llr")] = 3;
    assertFalse(HabitLikelihood.isAnchor(f, false));
    FeatureTable t = table(false);
    assertThrows(IllegalArgumentException.class, () -> HabitLikelihood.fit(t, null));
    assertThrows(IllegalArgumentException.class, () -> HabitLikelihood.fit(null, new long[0]));
    assertThrows(IllegalArgumentException.class, () -> HabitLikelihood.fit(t, new long[] {PairKeys.of(0, 999)}));
  }
}
