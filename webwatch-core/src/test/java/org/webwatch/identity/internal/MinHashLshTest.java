package org.webwatch.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MinHashLshTest {
  @Test
  void similarSetsCollideAndRandomOnesRarely() {
    Random r = new Random(3);
    int pairs = 200;
    Blocker b = new Blocker(50);
    for (int p = 0; p < pairs; p++) {
      int[] base = r.ints(48, 1, 1 << 30).toArray();
      int[] twin = Arrays.copyOf(base, 48);
      for (int i = 0; i < 12; i++) twin[i] = r.nextInt(1 << 30) + 1; // Jaccard ≈ 36/60 = 0.6
      MinHashLsh.addBands(2 * p, base, b);
      MinHashLsh.addBands(2 * p + 1, twin, b);
    }
    PairSet out = new PairSet();
    b.emit(out);
    long[] found = out.distinct();
    long twins = Arrays.stream(found).filter(k -> PairKeys.second(k) == PairKeys.first(k) + 1 && PairKeys.first(k) % 2 == 0).count();
    assertThat(twins).isGreaterThan(pairs * 9 / 10);
    assertThat(found.length - twins).isLessThan(pairs / 10); // unrelated random sets almost never collide
  }

  @Test
  void emptySetAddsNothing() {
    Blocker b = new Blocker(5);
    MinHashLsh.addBands(0, new int[0], b);
    PairSet out = new PairSet();
    b.emit(out);
    assertThat(out.distinct()).isEmpty();
  }
}
