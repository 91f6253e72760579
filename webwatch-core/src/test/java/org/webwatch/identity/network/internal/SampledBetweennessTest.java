package org.webwatch.identity.network.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SampledBetweennessTest {
  /** CSR from an undirected edge list. */
  static int[][] csr(int n, List<int[]> edges) {
    List<List<Integer>> adj = new ArrayList<>();
    for (int i = 0; i < n; i++) adj.add(new ArrayList<>());
    for (int[] e : edges) {
      adj.get(e[0]).add(e[1]);
      adj.get(e[1]).add(e[0]);
    }
    int[] start = new int[n + 1];
    for (int i = 0; i < n; i++) start[i + 1] = start[i] + adj.get(i).size();
    int[] a = new int[start[n]];
    for (int i = 0, k = 0; i < n; i++) for (int v : adj.get(i)) a[k++] = v;
    return new int[][] {start, a};
  }

  @Test
  void exactOnStarAndPath() {
    int[][] star = csr(5, List.of(new int[] {0, 1}, new int[] {0, 2}, new int[] {0, 3}, new int[] {0, 4}));
    double[] b = SampledBetweenness.compute(star[0], star[1], 100, 10);
    assertThat(b[0]).isCloseTo(1.0, offset(1e-9));
    assertThat(b[1]).isZero();
    int[][] path = csr(3, List.of(new int[] {0, 1}, new int[] {1, 2}));
    assertThat(SampledBetweenness.compute(path[0], path[1], 100, 10)[1]).isCloseTo(1.0, offset(1e-9));
  }

  @Test
  void sampledFindsTheSameBridges() {
    // two random clusters of 300 joined through node 0
    Random r = new Random(1);
    List<int[]> edges = new ArrayList<>();
    int n = 601;
    for (int c = 0; c < 2; c++) {
      int base = 1 + c * 300;
      for (int i = 0; i < 1500; i++) edges.add(new int[] {base + r.nextInt(300), base + r.nextInt(300)});
      edges.add(new int[] {0, base});
    }
    edges.removeIf(e -> e[0] == e[1]);
    int[][] g = csr(n, edges);
    double[] exact = SampledBetweenness.compute(g[0], g[1], 10_000, 1);
    double[] sampled = SampledBetweenness.compute(g[0], g[1], 100, 64);
    int argExact = 0;
    int argSampled = 0;
    for (int i = 0; i < n; i++) {
      if (exact[i] > exact[argExact]) argExact = i;
      if (sampled[i] > sampled[argSampled]) argSampled = i;
    }
    // the articulation points (0 and the two cluster entry nodes) carry all cross traffic
    assertThat(argExact).isIn(0, 1, 301);
    assertThat(argSampled).isIn(0, 1, 301);
    assertThat(sampled[0]).isCloseTo(exact[0], offset(exact[0] * 0.3));
    assertThat(exact[0]).isGreaterThan(0.4);
  }
}
