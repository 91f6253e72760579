package org.webwatch.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.webwatch.model.AccountKey;

class SlotCandidatesTest {

  /**
   * 40 light accounts (3 texts, no tokens, a name too short to block), each with four exclusive values of its own,
   * except that accounts u00 and u01 share all four: rare agreements worth ln(0.85 / (2/40)) ≈ 2.8 nats each.
   */
  private static FeatureTable table(boolean sameSite) {
    FeatureTable.Builder b = new FeatureTable.Builder();
    for (int i = 0; i < 40; i++) {
      String site = sameSite && i == 1 ? "s00" : String.format("s%02d", i);
      int a = b.account(new AccountKey(site, String.format("u%02d", i)), "q");
      b.style(a, new int[0], new float[0], 3, null);
      b.habitTokens(a, new int[0], new byte[HabitTokens.CATEGORY_SLOTS]);
      int v = i == 1 ? 0 : i;
      b.habitSlots(a, new int[] {1000 + v, 2000 + v, 3000 + v, 4000 + v});
    }
    return b.build();
  }

  private static HabitLikelihood habits(FeatureTable t) {
    return HabitLikelihood.fit(t, new long[0]);
  }

  @Test
  void aSlotPairTheHabitsSpeakForIsAdmittedAndBecomesACandidate() {
    FeatureTable t = table(false);
    long pair = PairKeys.of(0, 1); // keys sort s00, s01, ...
    assertThat(new CandidatePairs(t).slotPairs()).containsExactly(pair);
    assertThat(habits(t).features(0, 1)[HabitLikelihood.TOTAL]).isGreaterThanOrEqualTo(SlotCandidates.MIN_LLR);
    assertThat(SlotCandidates.admit(t, new long[] {pair}, new long[0], habits(t))).containsExactly(pair);
    assertThat(new LinkingPipeline(t, null).candidates().pairs()).containsExactly(pair);
  }

  @Test
  void aPairAlreadyACandidateOrWithinOneSiteIsNotAddedAgain() {
    FeatureTable t = table(false);
    long pair = PairKeys.of(0, 1);
    assertThat(SlotCandidates.admit(t, new long[] {pair}, new long[] {pair}, habits(t))).isEmpty();
    FeatureTable oneSite = table(true);
    assertThat(SlotCandidates.admit(oneSite, new long[] {pair}, new long[0], habits(oneSite))).isEmpty();
  }

  @Test
  void theFloorGrowsWithTheSitesSizeAsPriorOdds() {
    int ref = (int) SiteSizes.REFERENCE_SITE_ACCOUNTS;
    assertThat(SlotCandidates.floor(new SiteSizes(SiteSizesTest.sites(800, ref)), 0, 800)).isEqualTo(SlotCandidates.MIN_LLR);
    // sites of 10x and 40x the reference: twenty times the strangers, ln 20 nats more
    double big = SlotCandidates.floor(new SiteSizes(SiteSizesTest.sites(10 * ref, 40 * ref)), 0, 10 * ref);
    assertThat(big).isCloseTo(SlotCandidates.MIN_LLR + SlotCandidates.SIZE_SLOPE * Math.log(20), org.assertj.core.data.Offset.offset(1e-9));
    // so the pair the small world admits (about 12.6 nats) is not admitted between sites of 300x the reference (13.7)
    FeatureTable t = table(false);
    long pair = PairKeys.of(0, 1);
    double llr = habits(t).features(0, 1)[HabitLikelihood.TOTAL];
    assertThat(llr).isGreaterThanOrEqualTo(SlotCandidates.floor(new SiteSizes(t.site), 0, 1))
        .isLessThan(SlotCandidates.floor(new SiteSizes(SiteSizesTest.sites(300 * ref, 300 * ref)), 0, 300 * ref));
  }

  @Test
  void twoSortedListsMergeInOrderAndSayWhereEachPairCameFrom() {
    assertThat(SlotCandidates.mergeOrder(new long[] {1, 4, 9}, new long[] {2, 3, 10})).containsExactly(0, -1, -2, 1, 2, -3);
    assertThat(SlotCandidates.mergeOrder(new long[0], new long[] {5})).containsExactly(-1);
    assertThat(SlotCandidates.mergeOrder(new long[] {5}, new long[0])).containsExactly(0);
  }
}
