package org.webwatch.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HabitBlockerTest {
  @Test
  void accountsSharingTwoRareHabitsBecomeCandidates() {
    HabitBlocker hb = new HabitBlocker(1000);
    Blocker b = new Blocker(HabitBlocker.BLOCK_CAP);
    // tokens 1 and 2 are held by 40 accounts each: together expected 1000·0.04·0.04 = 1.6 accounts
    assertThat(hb.addKeys(0, new int[] {1, 2, 9}, new int[] {40, 40, 900}, b)).isGreaterThanOrEqualTo(1);
    hb.addKeys(1, new int[] {2, 1}, new int[] {40, 40}, b); // same habits, other order
    hb.addKeys(2, new int[] {1, 3}, new int[] {40, 40}, b); // only one habit in common
    PairSet out = new PairSet();
    b.emit(out);
    assertThat(out.distinct()).containsExactly(PairKeys.of(0, 1));
  }

  @Test
  void commonHabitsNeedAThirdAndUniqueOnesNothing() {
    HabitBlocker hb = new HabitBlocker(100_000);
    Blocker b = new Blocker(HabitBlocker.BLOCK_CAP);
    // two habits of 5 % each: 250 expected accounts, too many; with a third of 5 %: 12.5 > 4; with 0.5 %: 1.25
    assertThat(hb.addKeys(0, new int[] {1, 2}, new int[] {5000, 5000}, b)).isZero();
    assertThat(hb.addKeys(0, new int[] {1, 2, 3}, new int[] {5000, 5000, 500}, b)).isEqualTo(1);
    hb.addKeys(1, new int[] {3, 2, 1, 7}, new int[] {500, 5000, 5000, 1}, b); // token 7 is its own: ignored
    PairSet out = new PairSet();
    b.emit(out);
    assertThat(out.distinct()).containsExactly(PairKeys.of(0, 1));
    assertThat(hb.addKeys(2, new int[] {7, 8}, new int[] {1, 1}, b)).isZero();
  }

  @Test
  void keysPerAccountAreBounded() {
    HabitBlocker hb = new HabitBlocker(1_000_000);
    Blocker b = new Blocker(HabitBlocker.BLOCK_CAP);
    int[] tokens = new int[30];
    int[] df = new int[30];
    for (int i = 0; i < 30; i++) {
      tokens[i] = i;
      df[i] = 2;
    }
    assertThat(hb.addKeys(0, tokens, df, b)).isEqualTo(HabitBlocker.MAX_KEYS);
    assertThatThrownBy(() -> new HabitBlocker(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> hb.addKeys(0, new int[] {1}, new int[0], b)).isInstanceOf(IllegalArgumentException.class);
  }
}
