package org.webwatch.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IntCounterTest {
  @Test
  void countsGrowsAndRanks() {
    IntCounter c = new IntCounter(100_000);
    for (int i = 1; i <= 1000; i++) c.add(i, i % 7);
    c.add(5, 100);
    assertThat(c.get(5)).isEqualTo(105);
    assertThat(c.size()).isEqualTo(1000);
    assertThat(c.top(2)).containsExactly(5, 6); // 105, then the smallest key with count 6
  }

  @Test
  void prunesSingletonsWhenFull() {
    IntCounter c = new IntCounter(16);
    c.add(1, 5);
    for (int i = 2; i <= 17; i++) c.add(i, 1);
    assertThat(c.get(1)).isEqualTo(4);
    assertThat(c.size()).isEqualTo(1);
    assertThatThrownBy(() -> c.add(0, 1)).isInstanceOf(IllegalArgumentException.class);
  }
}
