package org.webwatch.identity.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.webwatch.model.AccountKey;

class PooledHabitsTest {
  private static final int CASE0 = HabitProfiler.ENDINGS.size();

  /**
   * Accounts 0 and 1 (sites a, b) are one light writer: 2 texts each ending with ending 0, two
   * and three events at 02 UTC, slots (sign-off 100 on both, opener 201 on account 1 only,
   * spelling HAS vs LACKS). Account 2 writes 6 texts with ending 1 and 5 events at 02 UTC; account 3
   * 2 texts with ending 0 (6 : 2 shares); account 4 has nothing.
   */
  private static FeatureTable table() {
    FeatureTable.Builder b = new FeatureTable.Builder();
    int[] texts = {2, 2, 6, 2, 0};
    int[] ending = {0, 0, 1, 0, -1};
    int[] events = {2, 3, 5, 0, 0};
    for (int i = 0; i < texts.length; i++) {
      int k = b.account(new AccountKey("s" + i, "u" + i), "user" + i);
      b.style(k, new int[0], new float[0], texts[i], null);
      if (ending[i] >= 0) {
        byte[] c = new byte[HabitTokens.CATEGORY_SLOTS];
        c[ending[i]] = 100;
        c[CASE0] = 100;
        b.habitTokens(k, new int[] {10 + i, 99}, c);
        b.repeatedTokens(k, new int[] {10 + i, 99});
      }
      if (events[i] > 0) {
        float[] h = new float[TimingSimilarity.BINS];
        h[2] = events[i];
        b.timing(k, h, events[i]);
      }
    }
    b.habitSlots(0, new int[] {100, -1, HabitSlots.HAS});
    b.habitSlots(1, new int[] {100, 201, HabitSlots.LACKS});
    return b.build();
  }

  @Test
  void aPersonsAccountsArePooledIntoItsRootRow() {
    FeatureTable t = table();
    PooledHabits p = PooledHabits.of(t, new int[] {0, 0, 2, 3, 4});
    assertArrayEquals(new int[] {-1, -1, -1, -1}, HabitSignature.of(t, 0), "alone too light for a signature");
    int[] pooled = p.value[0];
    assertEquals(0, pooled[0], "4 texts ending the same: the ending is shown");
    assertEquals(CASE0, pooled[1]);
    assertEquals(Math.floorMod(TimingSimilarity.inferredUtcOffset(p.timing[0]) + 12, 24), pooled[3], "5 events: the offset is inferred");
    assertEquals(4, p.texts[0]);
    assertEquals(5f, p.timing[0][2]);
    java.util.TreeSet<Integer> union = new java.util.TreeSet<>();
    for (int i = 0; i < 2; i++) for (int x : t.repeatedTokens[i]) union.add(x);
    assertArrayEquals(union.stream().mapToInt(Integer::intValue).toArray(), p.tokens[0]);
    assertEquals(t.repeatedTokens[0].length + 1, p.tokens[0].length, "the token both show counts once");
    assertArrayEquals(new int[] {100, 201, -1}, p.slots[0], "agreeing, shown once, tied");
    assertNull(p.value[1], "a non-root row stays empty");
  }

  @Test
  void categorySharesAreWeightedByTexts() {
    FeatureTable t = table();
    PooledHabits p = PooledHabits.of(t, new int[] {0, 1, 2, 2, 4});
    // account 2: 6 texts ending 1; account 3: 2 texts ending 0: shares 75 : 25
    assertEquals(1, p.value[2][0]);
    assertEquals(8, p.texts[2]);
    assertEquals(5, p.timing[2][2], 0, "events of the account that has them");
  }

  @Test
  void aPersonOfOneAccountKeepsItsAccountsRow() {
    FeatureTable t = table();
    PooledHabits p = PooledHabits.of(t, new int[] {0, 1, 2, 3, 4});
    for (int i = 0; i < t.size(); i++) {
      assertArrayEquals(HabitSignature.of(t, i), p.value[i]);
      assertEquals(t.texts(i), p.texts[i]);
      assertSame(t.timing[i], p.timing[i]);
      assertSame(t.repeatedTokens[i], p.tokens[i]);
    }
    assertNull(p.tokens[4]);
    assertNull(p.slots[4]);
  }

  @Test
  void groupsMustNameRootAccounts() {
    FeatureTable t = table();
    assertThrows(IllegalArgumentException.class, () -> PooledHabits.of(t, null));
    assertThrows(IllegalArgumentException.class, () -> PooledHabits.of(t, new int[] {0, 0}));
    assertThrows(IllegalArgumentException.class, () -> PooledHabits.of(t, new int[] {1, 0, 2, 3, 4}), "1's root is 0, not itself");
    assertThrows(IllegalArgumentException.class, () -> PooledHabits.of(t, new int[] {0, 0, 2, 3, 7}));
  }
}
