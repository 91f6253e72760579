package org.webwatch.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ConstrainedClusteringTest {
  static final double T = 4.0;

  static int[] run(int[] site, Set<Long> strong, Set<Long> rejected, long[] confirmed, long[] edges, double[] scores) {
    return new ConstrainedClustering(site, strong, rejected, T).cluster(confirmed, edges, scores, new LongList());
  }

  @Test
  void oneWeakEdgeCannotFuseTwoGroups() {
    // group {0,1,2} and group {3,4,5}, each tied by strong edges, on different sites; one weak edge 2-3
    int[] site = {0, 1, 2, 3, 4, 5};
    long[] edges = {PairKeys.of(0, 1), PairKeys.of(1, 2), PairKeys.of(3, 4), PairKeys.of(4, 5), PairKeys.of(2, 3)};
    double[] scores = {9, 9, 9, 9, 5.5};
    int[] c = run(site, Set.of(), Set.of(), new long[0], edges, scores);
    assertThat(c).containsExactly(0, 0, 0, 3, 3, 3);
  }

  @Test
  void severalCorroboratingEdgesDoFuseGroups() {
    int[] site = {0, 1, 2, 3};
    long[] edges = {PairKeys.of(0, 1), PairKeys.of(2, 3), PairKeys.of(0, 2), PairKeys.of(1, 3)};
    double[] scores = {9, 9, 5, 5}; // support 10 >= 4·(1+log2 2) = 8
    assertThat(run(site, Set.of(), Set.of(), new long[0], edges, scores)).containsExactly(0, 0, 0, 0);
  }

  @Test
  void sameSiteAccountsStayApartUnlessStronglyTied() {
    int[] site = {0, 1, 0};
    long[] edges = {PairKeys.of(0, 1), PairKeys.of(1, 2)};
    double[] scores = {9, 8};
    assertThat(run(site, Set.of(), Set.of(), new long[0], edges, scores)).containsExactly(0, 0, 2);
    assertThat(run(site, Set.of(PairKeys.of(0, 2)), Set.of(), new long[0], edges, scores)).containsExactly(0, 0, 0);
  }

  @Test
  void analystDecisionsWin() {
    int[] site = {0, 1, 2};
    long[] edges = {PairKeys.of(0, 1)};
    double[] scores = {20};
    // rejection beats the strongest edge; confirmation joins with no edge at all
    int[] c = run(site, Set.of(), Set.of(PairKeys.of(0, 1)), new long[] {PairKeys.of(1, 2)}, edges, scores);
    assertThat(c).containsExactly(0, 1, 1);
  }

  @Test
  void rejectionAlsoBlocksTransitiveChains() {
    int[] site = {0, 1, 2};
    long[] edges = {PairKeys.of(0, 1), PairKeys.of(1, 2)};
    double[] scores = {9, 9};
    int[] c = run(site, Set.of(), Set.of(PairKeys.of(0, 2)), new long[0], edges, scores);
    assertThat(c[0]).isNotEqualTo(c[2]);
  }

  @Test
  void personSizeIsCapped() {
    int n = ConstrainedClustering.MAX_PERSON_ACCOUNTS + 5;
    int[] site = new int[n];
    long[] edges = new long[n - 1];
    double[] scores = new double[n - 1];
    for (int i = 0; i < n; i++) site[i] = i;
    for (int i = 0; i + 1 < n; i++) {
      edges[i] = PairKeys.of(0, i + 1);
      scores[i] = 9;
    }
    int[] c = run(site, Set.of(), Set.of(), new long[0], edges, scores);
    assertThat(java.util.Arrays.stream(c).filter(x -> x == 0).count()).isEqualTo(ConstrainedClustering.MAX_PERSON_ACCOUNTS);
  }
}
