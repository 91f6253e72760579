package org.webwatch.identity.network.internal;

import java.util.Arrays;
import java.util.Random;

/**
 * Betweenness centrality by Brandes' algorithm (Brandes 2001, "A faster algorithm for
 * betweenness centrality") on an unweighted undirected graph in CSR form. Exact (all sources)
 * up to {@code exactLimit} nodes, O(V·E); above, sampled with {@code pivots} source nodes
 * drawn by a seeded shuffle and scaled by V/pivots (Brandes &amp; Pich 2007), O(pivots·E).
 * Results are normalised by (V−1)(V−2)/2, so they lie in [0,1].
 */
public final class SampledBetweenness {
  public static final int DEFAULT_EXACT_LIMIT = 2000;
  public static final int DEFAULT_PIVOTS = 256;
  public static final long SEED = 0x5eed_b7_77L;

  private SampledBetweenness() {}

  public static double[] compute(int[] start, int[] adj, int exactLimit, int pivots) {
    int n = start.length - 1;
    if (exactLimit < 1 || pivots < 1) throw new IllegalArgumentException("exactLimit and pivots must be >= 1");
    double[] cb = new double[n];
    if (n < 3) return cb;
    int[] sources = new int[n];
    for (int i = 0; i < n; i++) sources[i] = i;
    int k = n;
    if (n > exactLimit) {
      Random r = new Random(SEED);
      for (int i = n - 1; i > 0; i--) {
        int j = r.nextInt(i + 1);
        int t = sources[i];
        sources[i] = sources[j];
        sources[j] = t;
      }
      k = Math.min(pivots, n);
    }
    int[] stack = new int[n];
    int[] queue = new int[n];
    int[] dist = new int[n];
    double[] sigma = new double[n];
    double[] delta = new double[n];
    for (int si = 0; si < k; si++) {
      int s = sources[si];
      Arrays.fill(dist, -1);
      Arrays.fill(sigma, 0);
      Arrays.fill(delta, 0);
      dist[s] = 0;
      sigma[s] = 1;
      int head = 0;
      int tail = 0;
      int top = 0;
      queue[tail++] = s;
      while (head < tail) {
        int v = queue[head++];
        stack[top++] = v;
        for (int e = start[v]; e < start[v + 1]; e++) {
          int w = adj[e];
          if (dist[w] < 0) {
            dist[w] = dist[v] + 1;
            queue[tail++] = w;
          }
          if (dist[w] == dist[v] + 1) sigma[w] += sigma[v];
        }
      }
      while (top > 0) {
        int w = stack[--top];
        for (int e = start[w]; e < start[w + 1]; e++) {
          int v = adj[e];
          if (dist[v] == dist[w] - 1) delta[v] += sigma[v] / sigma[w] * (1 + delta[w]);
        }
        if (w != s) cb[w] += delta[w];
      }
    }
    double scale = (double) n / k / 2.0; // each undirected pair is counted from both ends
    double norm = (n - 1.0) * (n - 2.0) / 2.0;
    for (int i = 0; i < n; i++) cb[i] = cb[i] * scale / norm;
    return cb;
  }
}
