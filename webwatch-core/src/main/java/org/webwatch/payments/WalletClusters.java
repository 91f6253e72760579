package org.webwatch.payments;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.webwatch.payments.internal.UnionFind;

/**
 * Wallet clusters by the common-input-ownership heuristic (Meiklejohn et al. 2013, "A
 * Fistful of Bitcoins"): all addresses spent together in one transaction belong to one
 * wallet. Union-find over address ids, amortised O(α) per input; every merge that joined two
 * clusters is recorded with its transaction, so any two addresses of a cluster are linked by
 * a unique chain of merges ({@link #mergePath}). CoinJoin-like transactions are detected and
 * NOT merged on: at least {@value #COINJOIN_MIN_INPUT_CLUSTERS} inputs from distinct prior
 * clusters and at least {@value #COINJOIN_MIN_EQUAL_OUTPUTS} outputs of one equal value
 * (the Wasabi/Whirlpool/JoinMarket pattern). Incremental: {@link #update()} processes the
 * transactions added to the store since the last call. Not thread-safe.
 */
public final class WalletClusters {
  public static final int COINJOIN_MIN_INPUT_CLUSTERS = 3;
  public static final int COINJOIN_MIN_EQUAL_OUTPUTS = 3;
  /** Clusters above this many merges are not walked for evidence chains (huge services). */
  public static final int MAX_MERGES_WALKED = 1_000_000;
  public static final String METHOD = "common-input-ownership";
  public static final String VERSION = "1";

  private final ChainStore store;
  private final UnionFind sets = new UnionFind();
  private final BitSet coinJoins = new BitSet();
  private int processed;
  private int[] mergeTx = new int[1024];
  private int[] mergeA = new int[1024];
  private int[] mergeB = new int[1024];
  private int merges;
  private final Map<Integer, Map<Integer, List<int[]>>> mergeGraphs = new HashMap<>();

  public WalletClusters(ChainStore store) {
    if (store == null) throw new IllegalArgumentException("store is null");
    this.store = store;
  }

  /** Clusters the transactions added to the store since the last call. */
  public void update() {
    sets.ensure(store.addressCount());
    int[] roots = new int[16];
    for (int tx = processed; tx < store.txCount(); tx++) {
      int first = -1;
      int distinct = 0;
      int from = store.firstInput(tx);
      int to = store.endInput(tx);
      if (to - from > roots.length) roots = new int[to - from];
      for (int in = from; in < to; in++) {
        int out = store.spentOutput(in);
        if (out < 0) continue;
        int a = store.outputAddress(out);
        if (a < 0) continue;
        if (first < 0) first = a;
        int r = sets.find(a);
        boolean seen = false;
        for (int k = 0; k < distinct && !seen; k++) seen = roots[k] == r;
        if (!seen) roots[distinct++] = r;
      }
      if (distinct < 2) continue;
      if (distinct >= COINJOIN_MIN_INPUT_CLUSTERS && hasEqualOutputs(tx)) {
        coinJoins.set(tx);
        continue;
      }
      for (int in = from; in < to; in++) {
        int out = store.spentOutput(in);
        if (out < 0 || store.outputAddress(out) < 0) continue;
        int a = store.outputAddress(out);
        if (sets.union(first, a)) record(tx, first, a);
      }
    }
    processed = store.txCount();
    mergeGraphs.clear();
  }

  private boolean hasEqualOutputs(int tx) {
    int from = store.firstOutput(tx);
    int n = store.endOutput(tx) - from;
    if (n < COINJOIN_MIN_EQUAL_OUTPUTS) return false;
    long[] values = new long[n];
    for (int i = 0; i < n; i++) values[i] = store.outputValue(from + i);
    Arrays.sort(values);
    int run = 1;
    for (int i = 1; i < n; i++) {
      run = values[i] == values[i - 1] && values[i] > 0 ? run + 1 : 1;
      if (run >= COINJOIN_MIN_EQUAL_OUTPUTS) return true;
    }
    return false;
  }

  private void record(int tx, int a, int b) {
    if (merges == mergeTx.length) {
      int cap = merges * 2;
      mergeTx = Arrays.copyOf(mergeTx, cap);
      mergeA = Arrays.copyOf(mergeA, cap);
      mergeB = Arrays.copyOf(mergeB, cap);
    }
    mergeTx[merges] = tx;
    mergeA[merges] = a;
    mergeB[merges] = b;
    merges++;
  }

  /** Cluster root of an address id (changes as clusters merge; use {@link #label} to show). */
  public int root(int address) {
    sets.ensure(store.addressCount());
    return sets.find(address);
  }

  /** Stable label of the address's cluster: {@code c} + the smallest address id in it. */
  public String label(int address) {
    sets.ensure(store.addressCount());
    return "c" + sets.minOf(address);
  }

  public int size(int address) {
    sets.ensure(store.addressCount());
    return sets.sizeOf(address);
  }

  public boolean isCoinJoin(int tx) {
    return coinJoins.get(tx);
  }

  public int coinJoinCount() {
    return coinJoins.cardinality();
  }

  public int mergeCount() {
    return merges;
  }

  /**
   * The merges linking two addresses of one cluster, in order along the path from {@code a}
   * to {@code b}; empty when a == b; null when they are in different clusters or the
   * cluster is too large to walk.
   */
  public List<ClusterMerge> mergePath(int a, int b) {
    if (a == b) return List.of();
    int root = root(a);
    if (root(b) != root) return null;
    Map<Integer, List<int[]>> graph = mergeGraphs.computeIfAbsent(root, this::mergeGraph);
    if (graph == null) return null;
    Map<Integer, int[]> via = new HashMap<>(); // node -> {previous node, merge index}
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    queue.add(a);
    via.put(a, new int[] {-1, -1});
    while (!queue.isEmpty()) {
      int x = queue.poll();
      if (x == b) break;
      for (int[] e : graph.getOrDefault(x, List.of())) {
        if (via.containsKey(e[0])) continue;
        via.put(e[0], new int[] {x, e[1]});
        queue.add(e[0]);
      }
    }
    if (!via.containsKey(b)) return null;
    List<ClusterMerge> path = new ArrayList<>();
    for (int x = b; via.get(x)[0] >= 0; x = via.get(x)[0]) {
      int m = via.get(x)[1];
      path.add(new ClusterMerge(store.txid(mergeTx[m]), store.txTime(mergeTx[m]),
          store.address(mergeA[m]), store.address(mergeB[m])));
    }
    Collections.reverse(path);
    return path;
  }

  private Map<Integer, List<int[]>> mergeGraph(int root) {
    if (sets.sizeOf(root) > MAX_MERGES_WALKED) return null;
    Map<Integer, List<int[]>> g = new HashMap<>();
    for (int m = 0; m < merges; m++) {
      if (sets.find(mergeA[m]) != root) continue;
      g.computeIfAbsent(mergeA[m], k -> new ArrayList<>()).add(new int[] {mergeB[m], m});
      g.computeIfAbsent(mergeB[m], k -> new ArrayList<>()).add(new int[] {mergeA[m], m});
    }
    return g;
  }
}
