package org.webwatch.identity.internal;

import java.util.Arrays;

/**
 * Per candidate pair and side (0 = the pair's first account): the best score among that
 * account's OTHER candidates on the other account's site — the rival the pair must beat — and
 * that rival's account. What both weak-pair stages rank by: {@link MutualBestMatcher} accepts a
 * pair that beats both rivals by a gap, {@link WeakPairFeatures#gaps} turns the margins into
 * model inputs. Computed once per run ({@link WeakPairStages}).
 *
 * <p>Scores: NaN = the pair takes no part (neither rival nor ranked); +∞ = already linked (a rival
 * that dominates). Ties: of two equal scores the first in pair order ranks best, so each is the
 * other's rival and neither stands out. O(E + n) time and memory for E pairs over n accounts
 * (a compressed adjacency per account, one pass per account with a best/second slot per site).
 */
final class SiteRivals {
  private final double[][] score = new double[2][];
  private final int[][] account = new int[2][];

  /**
   * @param pairs candidate pair keys ({@link PairKeys})
   * @param pairScore score of each pair
   * @param site site index of each account
   */
  SiteRivals(long[] pairs, double[] pairScore, int[] site) {
    if (pairScore.length != pairs.length) throw new IllegalArgumentException("one score per pair");
    int n = site.length;
    int[] start = new int[n + 1];
    for (int i = 0; i < pairs.length; i++) {
      if (Double.isNaN(pairScore[i])) continue;
      start[PairKeys.first(pairs[i]) + 1]++;
      start[PairKeys.second(pairs[i]) + 1]++;
    }
    for (int i = 0; i < n; i++) start[i + 1] += start[i];
    int[] fill = Arrays.copyOf(start, n);
    int[] edge = new int[start[n]];
    for (int i = 0; i < pairs.length; i++) {
      if (Double.isNaN(pairScore[i])) continue;
      edge[fill[PairKeys.first(pairs[i])]++] = i;
      edge[fill[PairKeys.second(pairs[i])]++] = i;
    }
    for (int side = 0; side < 2; side++) {
      score[side] = new double[pairs.length];
      account[side] = new int[pairs.length];
      Arrays.fill(score[side], Double.NaN);
      Arrays.fill(account[side], -1);
    }
    int sites = Arrays.stream(site).max().orElse(-1) + 1;
    int[] best = new int[sites];
    int[] second = new int[sites];
    Arrays.fill(best, -1);
    Arrays.fill(second, -1);
    for (int a = 0; a < n; a++) {
      for (int k = start[a]; k < start[a + 1]; k++) {
        int i = edge[k];
        int s = site[other(pairs[i], a)];
        if (best[s] < 0 || pairScore[i] > pairScore[best[s]]) {
          second[s] = best[s];
          best[s] = i;
        } else if (second[s] < 0 || pairScore[i] > pairScore[second[s]]) {
          second[s] = i;
        }
      }
      for (int k = start[a]; k < start[a + 1]; k++) {
        int i = edge[k];
        int s = site[other(pairs[i], a)];
        int rival = best[s] == i ? second[s] : best[s];
        int side = PairKeys.first(pairs[i]) == a ? 0 : 1;
        score[side][i] = rival < 0 ? Double.NEGATIVE_INFINITY : pairScore[rival];
        account[side][i] = rival < 0 ? -1 : other(pairs[rival], a);
      }
      for (int k = start[a]; k < start[a + 1]; k++) {
        int s = site[other(pairs[edge[k]], a)];
        best[s] = -1;
        second[s] = -1;
      }
    }
  }

  /** The rival's score for {@code side} of pair {@code i}: −∞ when there is none, NaN when the pair takes no part. */
  double score(int side, int i) {
    return score[side][i];
  }

  /** The rival's account index for {@code side} of pair {@code i}, or −1 when there is none. */
  int account(int side, int i) {
    return account[side][i];
  }

  private static int other(long pair, int a) {
    int f = PairKeys.first(pair);
    return f == a ? PairKeys.second(pair) : f;
  }
}
