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
