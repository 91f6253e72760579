package org.webwatch.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.webwatch.model.AccountKey;

class LinkingPipelineTest {
  private static final int ACCOUNTS = 60; // one stem, far over USERNAME_BLOCK_CAP

  /** 60 accounts named "quiet_heron…" on 60 sites; account i ends its sentences with ending (i % 8), accounts 0 and 1 with "...". */
  private static FeatureTable table(boolean habits) {
    FeatureTable.Builder b = new FeatureTable.Builder();
    for (int i = 0; i < ACCOUNTS; i++) {
      int a = b.account(new AccountKey(String.format("s%02d", i), "u" + i), "quiet_heron" + (100 + i));
      if (!habits) continue;
      b.style(a, new int[0], new float[0], 5, null);
      byte[] c = new byte[HabitTokens.CATEGORY_SLOTS];
      c[i < 2 ? 0 : 1 + i % 8] = 100; // slot 0 = "...": only accounts 0 and 1
      b.habitTokens(a, new int[0], c);
    }
    return b.build();
  }

  private static Set<Long> candidates(FeatureTable t) {
    Set<Long> s = new HashSet<>();
    for (long p : new LinkingPipeline(t, null).candidates().pairs()) s.add(p);
    return s;
  }

  @Test
  void oversizedUsernameBlockIsSplitByTheDominantEnding() {
    assertThat(CandidatePairs.USERNAME_BLOCK_CAP).isLessThan(ACCOUNTS);
    Set<Long> with = candidates(table(true));
    // indexes follow the key order s00..s59, so account i has index i
    assertThat(with).contains(PairKeys.of(0, 1));
    assertThat(with).doesNotContain(PairKeys.of(0, 2), PairKeys.of(1, 9));
    assertThat(with).contains(PairKeys.of(2, 10)); // same ending (slot 3), same stem
    // far fewer than all pairs of the block
    assertThat(with.size()).isLessThan(ACCOUNTS * (ACCOUNTS - 1) / 2 / 4);
    // without any second key the block is skipped as before
    assertThat(candidates(table(false))).isEmpty();
  }

  /** 40 light accounts on 40 sites (3 texts, no tokens, a name too short to block): sign-off 100 + i % 5, opener 200 + i / 8. */
  private static FeatureTable slotTable() {
    FeatureTable.Builder b = new FeatureTable.Builder();
    for (int i = 0; i < 40; i++) {
      int a = b.account(new AccountKey(String.format("s%02d", i), "u" + i), "q");
      b.style(a, new int[0], new float[0], 3, null);
      b.habitTokens(a, new int[0], new byte[HabitTokens.CATEGORY_SLOTS]);
      b.habitSlots(a, new int[] {100 + i % 5, 200 + i / 8});
    }
    return b.build();
  }

  @Test
  void lightAccountsAgreeingOnSeveralExclusiveHabitsShareASlotBlock() {
    Set<Long> c = new HashSet<>();
    for (long p : new CandidatePairs(slotTable()).slotPairs()) c.add(p);
    // indexes follow the key order s00..s39
    assertThat(c).contains(PairKeys.of(0, 5), PairKeys.of(8, 13)); // same sign-off and opener
    assertThat(c).doesNotContain(PairKeys.of(0, 1), PairKeys.of(0, 8)); // one of the two differs
    // in each opener group of 8 consecutive accounts three sign-offs occur twice: 5 groups x 3 pairs, nothing else
    assertThat(c).hasSize(15);
  }

  @Test
  void aSlotBlockPairIsACandidateOnlyWhenTheHabitsSpeakForIt() {
    FeatureTable t = slotTable();
    // two values each shared by a fifth of the accounts are far below the floor: no candidate at all
    assertThat(new HabitLikelihoodProbe(t).total(0, 5)).isLessThan(SlotCandidates.MIN_LLR);
    assertThat(candidates(t)).isEmpty();
  }

  /** The habit likelihood as the pipeline fits it without identifier anchors. */
  private record HabitLikelihoodProbe(FeatureTable t) {
    double total(int a, int b) {
      return HabitLikelihood.fit(t, new long[0]).features(a, b)[HabitLikelihood.TOTAL];
    }
  }

  @Test
  void provisionalPersonsHoldTheRuleLinksOnly() {
    FeatureTable.Builder b = new FeatureTable.Builder();
    for (int i = 0; i < 4; i++) b.account(new AccountKey("s" + i, "u" + i), "name" + i);
    for (int i = 0; i < 2; i++) {
      b.value(i, "shared-pgp", "key", "post" + i);
      b.value(i, "shared-btc", "wallet", "post" + i);
    }
    b.value(3, "shared-btc", "elsewhere", "post3");
    int[] persons = new LinkingPipeline(b.build()).provisionalPersons();
    // indexes follow the key order s0..s3; each account names the smallest account of its person
    assertThat(persons).containsExactly(0, 0, 2, 3);
  }
}
