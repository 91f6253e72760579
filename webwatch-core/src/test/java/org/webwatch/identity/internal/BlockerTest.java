package org.webwatch.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BlockerTest {
  @Test
  void pairsWithinBlocksAndSkipsOversizedOnes() {
    Blocker b = new Blocker(3);
    b.add(7, 1);
    b.add(7, 2);
    b.add(7, 2); // duplicate entry is one account
    b.add(9, 3);
    for (int i = 10; i < 14; i++) b.add(11, i); // 4 accounts > cap 3
    PairSet out = new PairSet();
    b.emit(out);
    assertThat(out.distinct()).containsExactly(PairKeys.of(1, 2));
    assertThat(b.oversizedBlocks()).isEqualTo(1);
  }

  @Test
  void reportsTheKeysOfOversizedBlocks() {
    Blocker b = new Blocker(2);
    for (int i = 0; i < 3; i++) b.add(42, i);
    b.add(5, 7);
    b.add(5, 8);
    LongList big = new LongList();
    PairSet out = new PairSet();
    b.emit(out, big);
    assertThat(big.toArray()).containsExactly(42L);
    assertThat(out.distinct()).containsExactly(PairKeys.of(7, 8));
  }

  @Test
  void pairSetDeduplicatesAndOrders() {
    PairSet p = new PairSet();
    p.add(5, 2);
    p.add(2, 5);
    p.add(1, 9);
    p.add(3, 3);
    assertThat(p.distinct()).containsExactly(PairKeys.of(1, 9), PairKeys.of(2, 5));
    assertThat(PairKeys.first(PairKeys.of(9, 4))).isEqualTo(4);
    assertThat(PairKeys.second(PairKeys.of(9, 4))).isEqualTo(9);
  }

  @Test
  void rejectsBadArguments() {
    assertThatThrownBy(() -> new Blocker(1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Blocker(2).add(1, -1)).isInstanceOf(IllegalArgumentException.class);
  }
}
