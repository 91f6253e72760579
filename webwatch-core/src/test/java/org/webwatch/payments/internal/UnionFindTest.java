package org.webwatch.payments.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnionFindTest {
  @Test
  void unionsSizesAndSmallestMember() {
    UnionFind u = new UnionFind();
    u.ensure(10);
    assertThat(u.union(7, 8)).isTrue();
    assertThat(u.union(8, 7)).isFalse();
    assertThat(u.union(3, 8)).isTrue();
    assertThat(u.find(7)).isEqualTo(u.find(3));
    assertThat(u.sizeOf(8)).isEqualTo(3);
    assertThat(u.minOf(7)).isEqualTo(3);
    assertThat(u.find(0)).isZero();
    u.ensure(100_000);
    for (int i = 10; i < 100_000; i++) u.union(i - 1, i);
    assertThat(u.sizeOf(99_999)).isEqualTo(100_000 - 9);
    assertThat(u.minOf(99_999)).isEqualTo(9);
    assertThat(u.union(99_999, 7)).isTrue();
    assertThat(u.sizeOf(9)).isEqualTo(100_000 - 9 + 3);
    assertThat(u.minOf(99_999)).isEqualTo(3);
    assertThat(u.count()).isEqualTo(100_000);
  }
}
