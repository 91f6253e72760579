package org.webwatch.payments.internal;

import java.util.Arrays;

/**
 * Disjoint sets over dense int ids with union by size and path halving (Tarjan 1975);
 * amortised O(α(n)) per operation. Also tracks each set's smallest member, used as a
 * stable cluster label. Grows on demand.
 */
public final class UnionFind {
  private int[] parent = new int[0];
  private int[] size = new int[0];
  private int[] min = new int[0];
  private int n;

  public void ensure(int count) {
    if (count <= n) return;
    if (count > parent.length) {
      int cap = Math.max(count, parent.length * 2);
      parent = Arrays.copyOf(parent, cap);
      size = Arrays.copyOf(size, cap);
      min = Arrays.copyOf(min, cap);
    }
    for (int i = n; i < count; i++) {
      parent[i] = i;
      size[i] = 1;
      min[i] = i;
    }
    n = count;
  }

  public int count() {
    return n;
  }

  public int find(int x) {
    while (parent[x] != x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  }

  /** Joins the sets of a and b; returns false when they were already one set. */
  public boolean union(int a, int b) {
    int ra = find(a);
    int rb = find(b);
    if (ra == rb) return false;
    if (size[ra] < size[rb]) {
      int t = ra;
      ra = rb;
      rb = t;
    }
    parent[rb] = ra;
    size[ra] += size[rb];
    min[ra] = Math.min(min[ra], min[rb]);
    return true;
  }

  public int sizeOf(int x) {
    return size[find(x)];
  }

  /** Smallest id in x's set. */
  public int minOf(int x) {
    return min[find(x)];
  }
}
