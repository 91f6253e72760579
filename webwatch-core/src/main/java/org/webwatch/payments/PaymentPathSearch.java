package org.webwatch.payments;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Shortest money path between two addresses over the cluster flow graph: nodes are wallet
 * clusters, a directed edge is an output of a transaction paying cluster Y from inputs of
 * cluster X (X ≠ Y). Breadth-first search (Moore 1959) up to {@code maxDepth} hops; clusters
 * with more than {@code degreeCap} outgoing edges (exchanges, services) are not expanded
 * through — they may still end a path. The graph is built once (CSR arrays, O(outputs)); each
 * search is O(edges visited).
 */
public final class PaymentPathSearch {
  public static final int DEFAULT_MAX_DEPTH = 6;
  public static final int DEFAULT_DEGREE_CAP = 1_000;

  private final ChainStore store;
  private final WalletClusters clusters;
  private final int[] offsets; // by address-id root: CSR over roots (indexed by address id)
  private final int[] edgeOut; // output index of each edge
  private final int[] edgeIn; // one input address of the paying cluster

  public PaymentPathSearch(ChainStore store, WalletClusters clusters) {
    if (store == null || clusters == null) throw new IllegalArgumentException("store and clusters required");
    this.store = store;
    this.clusters = clusters;
    int n = store.addressCount();
    int[] degree = new int[n + 1];
    forEachEdge((src, in, out) -> degree[src]++);
    offsets = new int[n + 1];
    for (int i = 0; i < n; i++) offsets[i + 1] = offsets[i] + degree[i];
    edgeOut = new int[offsets[n]];
    edgeIn = new int[offsets[n]];
    int[] fill = Arrays.copyOf(offsets, n);
    forEachEdge((src, in, out) -> {
      edgeOut[fill[src]] = out;
      edgeIn[fill[src]++] = in;
    });
  }

  private interface EdgeSink {
    void edge(int srcRoot, int inputAddr, int output);
  }

  private void forEachEdge(EdgeSink sink) {
    int[] roots = new int[16];
    int[] reps = new int[16];
    for (int tx = 0; tx < store.txCount(); tx++) {
      int k = 0;
      int from = store.firstInput(tx);
      int to = store.endInput(tx);
      if (to - from > roots.length) {
        roots = new int[to - from];
        reps = new int[to - from];
      }
      for (int in = from; in < to; in++) {
        int s = store.spentOutput(in);
        if (s < 0 || store.outputAddress(s) < 0) continue;
        int r = clusters.root(store.outputAddress(s));
        boolean dup = false;
        for (int j = 0; j < k && !dup; j++) dup = roots[j] == r;
        if (!dup) {
          roots[k] = r;
          reps[k++] = store.outputAddress(s);
        }
      }
      for (int o = store.firstOutput(tx); o < store.endOutput(tx); o++) {
        int b = store.outputAddress(o);
        if (b < 0) continue;
        int rb = clusters.root(b);
        for (int j = 0; j < k; j++) if (roots[j] != rb) sink.edge(roots[j], reps[j], o);
      }
    }
  }

  /** Out-degree (edges) of the cluster of address id {@code a}. */
  public int degree(int a) {
    int r = clusters.root(a);
    return offsets[r + 1] - offsets[r];
  }

  /**
   * Shortest path of payments from address {@code from} to address {@code to}; empty when
   * none within {@code maxDepth} hops avoiding hubs above {@code degreeCap}.
   */
  public Optional<List<PathHop>> find(String from, String to, int maxDepth, int degreeCap) {
    if (maxDepth < 1 || degreeCap < 1) throw new IllegalArgumentException("maxDepth and degreeCap must be ≥ 1");
    int a = store.addressId(from);
    int b = store.addressId(to);
    if (a < 0 || b < 0) return Optional.empty();
    int src = clusters.root(a);
    int dst = clusters.root(b);
    if (src == dst) return Optional.of(List.of());
    int n = store.addressCount();
    int[] viaEdge = new int[n];
    Arrays.fill(viaEdge, -2);
    int[] depth = new int[n];
    viaEdge[src] = -1;
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    queue.add(src);
    while (!queue.isEmpty()) {
      int x = queue.poll();
      if (depth[x] >= maxDepth) continue;
      if (x != src && offsets[x + 1] - offsets[x] > degreeCap) continue; // hub: do not pass through
      for (int e = offsets[x]; e < offsets[x + 1]; e++) {
        int y = clusters.root(store.outputAddress(edgeOut[e]));
        if (viaEdge[y] != -2) continue;
        viaEdge[y] = e;
        depth[y] = depth[x] + 1;
        if (y == dst) return Optional.of(path(viaEdge, dst));
        queue.add(y);
      }
    }
    return Optional.empty();
  }

  private List<PathHop> path(int[] viaEdge, int dst) {
    List<PathHop> hops = new ArrayList<>();
    for (int y = dst; viaEdge[y] >= 0; ) {
      int e = viaEdge[y];
      int out = edgeOut[e];
      int tx = store.txOfOutput(out);
      int in = edgeIn[e];
      hops.add(new PathHop(store.address(in), clusters.label(in), store.address(store.outputAddress(out)),
          clusters.label(store.outputAddress(out)), store.txid(tx), store.txTime(tx), store.outputValue(out)));
      y = clusters.root(in);
    }
    Collections.reverse(hops);
    return hops;
  }
}
