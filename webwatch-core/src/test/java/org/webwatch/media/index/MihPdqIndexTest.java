package org.webwatch.media.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.webwatch.media.PdqHash;

/** Exact recall of both PDQ indexes against a brute-force loop written here. */
class MihPdqIndexTest {
  static final int N = 40_000;

  static PdqHash random(Random r) {
    return new PdqHash(r.nextLong(), r.nextLong(), r.nextLong(), r.nextLong());
  }

  /** {@code h} with exactly {@code bits} distinct bits flipped. */
  static PdqHash flip(PdqHash h, int bits, Random r) {
    long[] w = {h.w0(), h.w1(), h.w2(), h.w3()};
    java.util.Set<Integer> chosen = new java.util.HashSet<>();
    while (chosen.size() < bits) chosen.add(r.nextInt(256));
    for (int b : chosen) w[b >> 6] ^= 1L << (b & 63);
    return new PdqHash(w[0], w[1], w[2], w[3]);
  }

  static Map<Integer, Integer> brute(List<PdqHash> stored, List<Boolean> alive, PdqHash q, int radius) {
    Map<Integer, Integer> m = new TreeMap<>();
    for (int i = 0; i < stored.size(); i++) {
      if (!alive.get(i)) continue;
      int d = stored.get(i).distance(q);
      if (d <= radius) m.put(i, d);
    }
    return m;
  }

  static Map<Integer, Integer> asMap(List<PdqIndex.Hit> hits) {
    Map<Integer, Integer> m = new TreeMap<>();
    for (PdqIndex.Hit h : hits) assertThat(m.put(h.id(), h.distance())).as("id reported twice: " + h.id()).isNull();
    return m;
  }

  void exactRecall(Supplier<PdqIndex> factory, boolean bulk) {
    exactRecall(factory, bulk, 0);
  }

  void exactRecall(Supplier<PdqIndex> factory, boolean bulk, int bits) {
    Random r = new Random(42);
    List<PdqHash> stored = new ArrayList<>();
    List<Boolean> alive = new ArrayList<>();
    List<PdqHash> queries = new ArrayList<>();
    for (int i = 0; i < N; i++) stored.add(random(r));
    // planted near neighbours of 40 query points at every distance 0..32, several per distance
    for (int qi = 0; qi < 40; qi++) {
      PdqHash q = random(r);
      queries.add(q);
      for (int d = 0; d <= 32; d++) stored.add(flip(q, d, r));
      stored.add(flip(q, 31, r));
      stored.add(flip(q, 16, r));
    }
    for (int i = 0; i < 20; i++) queries.add(random(r));
    for (int i = 0; i < stored.size(); i++) alive.add(true);
    PdqIndex idx;
    if (bulk) {
      long[] h = new long[4 * stored.size()];
      int[] ids = new int[stored.size()];
      for (int i = 0; i < ids.length; i++) {
        ids[i] = i;
        PdqHash s = stored.get(i);
        h[4 * i] = s.w0();
        h[4 * i + 1] = s.w1();
        h[4 * i + 2] = s.w2();
        h[4 * i + 3] = s.w3();
      }
      idx = bits == 0 ? MihPdqIndex.build(h, ids) : MihPdqIndex.buildWithBits(h, ids, bits);
    } else {
      idx = factory.get();
      for (int i = 0; i < stored.size(); i++) idx.add(i, stored.get(i));
    }
    assertThat(idx.size()).isEqualTo(stored.size());
    for (int radius : new int[] {0, 8, 15, 16, 31, 32, 40, 47, 48, 70}) {
      for (PdqHash q : queries) {
        assertThat(asMap(idx.search(q, radius))).as("radius " + radius).isEqualTo(brute(stored, alive, q, radius));
      }
    }
    // the planted neighbour at 31 is in, the one at 32 is out
    assertThat(asMap(idx.search(queries.get(0), 31)).values()).contains(31).doesNotContain(32);
    // remove a third of the planted hashes, add new ones, compact: still exact
    for (int i = N; i < stored.size(); i += 3) {
      assertThat(idx.remove(i)).isTrue();
      alive.set(i, false);
    }
    assertThat(idx.remove(N)).isFalse();
    for (int i = 0; i < 500; i++) {
      PdqHash h = flip(queries.get(i % 40), i % 33, r);
      idx.add(stored.size(), h);
      stored.add(h);
      alive.add(true);
    }
    for (int round = 0; round < 2; round++) {
      for (PdqHash q : queries) assertThat(asMap(idx.search(q, 31))).isEqualTo(brute(stored, alive, q, 31));
      List<List<PdqIndex.Hit>> batch = idx.searchAll(queries, 31);
      for (int i = 0; i < queries.size(); i++) {
        assertThat(asMap(batch.get(i))).isEqualTo(brute(stored, alive, queries.get(i), 31));
      }
      idx.compact();
    }
    long aliveCount = alive.stream().filter(a -> a).count();
    assertThat(idx.size()).isEqualTo((int) aliveCount);
  }

  @Test
  void multiIndexHasExactRecallWhenBuiltIncrementally() {
    exactRecall(MihPdqIndex::new, false);
  }

  @Test
  void multiIndexHasExactRecallWhenBulkBuilt() {
    exactRecall(null, true);
  }

  /** Long substrings (14 of 18–19 bits, crossing limb boundaries) as at national scale, on a small set. */
  @Test
  void multiIndexHasExactRecallWithLongSubstrings() {
    exactRecall(null, true, 19);
  }

  @Test
  void substringCountFollowsLog2OfSize() {
    assertThat(MihPdqIndex.build(new long[0], new int[0]).substrings()).isEqualTo(32);
    assertThat(MihPdqIndex.build(new long[4 * 70_000], java.util.stream.IntStream.range(0, 70_000).toArray()).substrings())
        .isEqualTo(16); // ceil(log2(70,000)) = 17 bits → ceil(256/17) = 16 substrings
  }

  @Test
  void linearScanHasExactRecall() {
    exactRecall(LinearPdqIndex::new, false);
  }

  @Test
  void blockSearchEqualsSingleSearches() {
    Random r = new Random(3);
    LinearPdqIndex idx = new LinearPdqIndex();
    PdqHash[] qs = new PdqHash[8];
    for (int i = 0; i < 8; i++) qs[i] = random(r);
    for (int i = 0; i < 5000; i++) idx.add(i, i < 800 && i % 10 == 0 ? flip(qs[(i / 10) % 8], (i / 10) % 40, r) : random(r));
    List<List<PdqIndex.Hit>> block = idx.searchBlock(qs, 31);
    for (int i = 0; i < 8; i++) assertThat(asMap(block.get(i))).isEqualTo(asMap(idx.search(qs[i], 31))).isNotEmpty();
  }

  @Test
  void rejectsBadArguments() {
    MihPdqIndex idx = new MihPdqIndex();
    idx.add(1, PdqHash.ZERO);
    assertThatThrownBy(() -> idx.add(1, PdqHash.ZERO)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> idx.add(-1, PdqHash.ZERO)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> idx.search(PdqHash.ZERO, 257)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MihPdqIndex.build(new long[3], new int[1])).isInstanceOf(IllegalArgumentException.class);
  }
}
