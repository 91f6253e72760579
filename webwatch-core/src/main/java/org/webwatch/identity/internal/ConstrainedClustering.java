package org.webwatch.identity.internal;

import java.util.Arrays;
import java.util.Set;

/**
 * Constrained agglomerative clustering of accounts into persons. Edges (qualified links) are
 * merged in descending score order (ties by account index) with union–find, but a merge of two
 * clusters A and B is refused when
 * <ul>
 *   <li>any pair across them is a cannot-link: an analyst rejection, or two accounts of the
 *       same site not tied by strong evidence ({@code strongPairs});</li>
 *   <li>the merged person would exceed {@link #MAX_PERSON_ACCOUNTS} accounts;</li>
 *   <li>both sides hold ≥ 2 accounts and the summed score of all edges across them is below
 *       {@code threshold · (1 + log2 min(|A|,|B|))} — so one weak edge cannot fuse two groups,
 *       while a strong identifier edge or several corroborating edges can.</li>
 * </ul>
 * Analyst-confirmed pairs are merged first and only rejections can stop them. Passes repeat
 * (at most {@link #MAX_PASSES}) because a refused merge may gain support once clusters grow.
 * Complexity O(E log E + passes · E · s²) for E edges and cluster size s ≤ the cap.
 */
public final class ConstrainedClustering {
  public static final int MAX_PERSON_ACCOUNTS = 40;
  public static final int MAX_PASSES = 3;

  private final int[] site;
  private final Set<Long> strongPairs;
  private final Set<Long> rejected;
  private final double threshold;
  private final int[] parent;
  private final int[][] members;
  private int[] adjStart;
  private int[] adjOther;
  private double[] adjScore;

  /**
   * @param site site index of each account
   * @param strongPairs pair keys (see {@link PairKeys}) strong enough to join two accounts of one site
   * @param rejected pair keys an analyst rejected
   */
  public ConstrainedClustering(int[] site, Set<Long> strongPairs, Set<Long> rejected, double threshold) {
    if (threshold <= 0) throw new IllegalArgumentException("threshold must be > 0");
    this.site = site;
    this.strongPairs = strongPairs;
    this.rejected = rejected;
    this.threshold = threshold;
    this.parent = new int[site.length];
    this.members = new int[site.length][];
    for (int i = 0; i < parent.length; i++) parent[i] = i;
  }

  /**
   * Clusters; returns for each account the smallest account index of its cluster.
   *
   * @param confirmed analyst-confirmed pair keys (merged first)
   * @param edges qualified pair keys, {@code scores} aligned
   * @param merges receives, per merge, the pair key of the edge that caused it
   */
  public int[] cluster(long[] confirmed, long[] edges, double[] scores, LongList merges) {
    buildAdjacency(edges, scores);
    long[] sortedConfirmed = confirmed.clone();
    Arrays.sort(sortedConfirmed);
    for (long c : sortedConfirmed) {
      int ra = find(PairKeys.first(c));
      int rb = find(PairKeys.second(c));
      if (ra != rb && !crossViolates(ra, rb, true)) {
        union(ra, rb);
        merges.add(c);
      }
    }
    Integer[] order = new Integer[edges.length];
    for (int i = 0; i < order.length; i++) order[i] = i;
    Arrays.sort(order, (x, y) -> {
      int c = Double.compare(scores[y], scores[x]);
      return c != 0 ? c : Long.compare(edges[x], edges[y]);
    });
    for (int pass = 0; pass < MAX_PASSES; pass++) {
      boolean merged = false;
      for (int e : order) {
        int ra = find(PairKeys.first(edges[e]));
        int rb = find(PairKeys.second(edges[e]));
        if (ra == rb) continue;
        if (size(ra) + size(rb) > MAX_PERSON_ACCOUNTS) continue;
        if (crossViolates(ra, rb, false)) continue;
        if (Math.min(size(ra), size(rb)) >= 2 && crossSupport(ra, rb) < requiredSupport(ra, rb)) continue;
        union(ra, rb);
        merges.add(edges[e]);
        merged = true;
      }
      if (!merged) break;
    }
    int[] out = new int[parent.length];
    for (int i = 0; i < out.length; i++) {
      int r = find(i);
      out[i] = members[r] == null ? r : members[r][0];
    }
    return out;
  }

  private double requiredSupport(int ra, int rb) {
    int small = Math.min(size(ra), size(rb));
    return threshold * (1 + Math.log(small) / Math.log(2));
  }

  private boolean crossViolates(int ra, int rb, boolean analyst) {
    int[] ma = membersOf(ra);
    int[] mb = membersOf(rb);
    for (int x : ma) {
      for (int y : mb) {
        long k = PairKeys.of(x, y);
        if (rejected.contains(k)) return true;
        if (!analyst && site[x] == site[y] && !strongPairs.contains(k)) return true;
      }
    }
    return false;
  }

  private double crossSupport(int ra, int rb) {
    int[] ma = membersOf(ra);
    int[] mb = membersOf(rb);
    int[] small = ma.length <= mb.length ? ma : mb;
    int other = ma.length <= mb.length ? rb : ra;
    double sum = 0;
    for (int x : small) {
      for (int k = adjStart[x]; k < adjStart[x + 1]; k++) if (find(adjOther[k]) == other) sum += adjScore[k];
    }
    return sum;
  }

  private void buildAdjacency(long[] edges, double[] scores) {
    int n = parent.length;
    adjStart = new int[n + 1];
    for (long e : edges) {
      adjStart[PairKeys.first(e) + 1]++;
      adjStart[PairKeys.second(e) + 1]++;
    }
    for (int i = 0; i < n; i++) adjStart[i + 1] += adjStart[i];
    int[] fill = Arrays.copyOf(adjStart, n);
    adjOther = new int[edges.length * 2];
    adjScore = new double[edges.length * 2];
    for (int i = 0; i < edges.length; i++) {
      int a = PairKeys.first(edges[i]);
      int b = PairKeys.second(edges[i]);
      adjOther[fill[a]] = b;
      adjScore[fill[a]++] = scores[i];
      adjOther[fill[b]] = a;
      adjScore[fill[b]++] = scores[i];
    }
  }

  private int size(int root) {
    return members[root] == null ? 1 : members[root].length;
  }

  private int[] membersOf(int root) {
    return members[root] == null ? new int[] {root} : members[root];
  }

  private void union(int ra, int rb) {
    int[] ma = membersOf(ra);
    int[] mb = membersOf(rb);
    int[] all = Arrays.copyOf(ma, ma.length + mb.length);
    System.arraycopy(mb, 0, all, ma.length, mb.length);
    Arrays.sort(all);
    int root = Math.min(ra, rb);
    int child = Math.max(ra, rb);
    parent[child] = root;
    members[child] = null;
    members[root] = all;
  }

  private int find(int x) {
    while (parent[x] != x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  }
}
