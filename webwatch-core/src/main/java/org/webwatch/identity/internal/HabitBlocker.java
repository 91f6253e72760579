package org.webwatch.identity.internal;

import java.util.Arrays;

/**
 * Candidate generation from discrete writing habits ({@link HabitTokens}): accounts that share
 * a COMBINATION of two or three rare habits (a filler word and a personal misspelling; a
 * sign-off, an ending and the inferred time zone) are proposed as pairs. One habit alone is
 * shared by thousands of accounts; a combination whose expected block size
 * {@code N · Π(df_i / N)} (independence assumed) is at most {@link #TARGET_BLOCK} is as
 * selective as a rare user name. This is conjunctive blocking over habit "keys" in the sense of
 * Christen, "A survey of indexing techniques for scalable record linkage" (IEEE TKDE 2012),
 * with the key length chosen per account by frequency, so it adapts to the population size:
 * at 3,000 accounts two tokens suffice, at 1M accounts three are needed.
 *
 * <p>Per account the {@link #RAREST} rarest tokens (held by ≥ 2 accounts) plus the inferred
 * UTC-offset bucket are combined: every pair under the target, else every triple under the
 * target that contains no emitted pair, at most {@link #MAX_KEYS} keys. Blocks over the cap are
 * skipped by {@link Blocker}. Cost O(RAREST³) per account; candidate pairs ≤ MAX_KEYS · cap per
 * account, in expectation ≈ MAX_KEYS · TARGET_BLOCK.
 */
public final class HabitBlocker {
  /** Texts an account needs before its habits propose candidates. */
  public static final int MIN_TEXTS = 3;
  /** Rarest tokens per account that are combined. */
  public static final int RAREST = 6;
  /** Expected accounts per combination key at most this. */
  public static final double TARGET_BLOCK = 4.0;
  /** Keys per account at most. */
  public static final int MAX_KEYS = 12;
  /** Accounts per habit block before it is skipped. */
  public static final int BLOCK_CAP = 16;

  private static final long NS = 0x5851f42d4c957f2dL;
  private final int accounts;

  /** @param accounts accounts the document frequencies count over (N) */
  public HabitBlocker(int accounts) {
    if (accounts < 1) throw new IllegalArgumentException("accounts must be >= 1, was " + accounts);
    this.accounts = accounts;
  }

  /**
   * Adds the combination keys of one account to {@code into}.
   *
   * @param tokens the account's token codes (any ints, e.g. dense token ids and an offset code)
   * @param df     document frequency of each token (same order), accounts holding it
   * @return number of keys added
   */
  public int addKeys(int account, int[] tokens, int[] df, Blocker into) {
    if (tokens.length != df.length) throw new IllegalArgumentException("tokens and df differ in length");
    Integer[] order = new Integer[tokens.length];
    int m = 0;
    for (int i = 0; i < tokens.length; i++) if (df[i] >= 2) order[m++] = i;
    order = Arrays.copyOf(order, m);
    Arrays.sort(order, (x, y) -> df[x] != df[y] ? Integer.compare(df[x], df[y]) : Integer.compare(tokens[x], tokens[y]));
    int k = Math.min(RAREST, order.length);
    int[] t = new int[k];
    double[] p = new double[k];
    for (int i = 0; i < k; i++) {
      t[i] = tokens[order[i]];
      p[i] = (double) df[order[i]] / accounts;
    }
    int keys = 0;
    boolean[][] pairEmitted = new boolean[k][k];
    for (int i = 0; i < k && keys < MAX_KEYS; i++) {
      for (int j = i + 1; j < k && keys < MAX_KEYS; j++) {
        if (accounts * p[i] * p[j] <= TARGET_BLOCK) {
          into.add(key(t[i], t[j], Integer.MIN_VALUE), account);
          pairEmitted[i][j] = true;
          keys++;
        }
      }
    }
    for (int i = 0; i < k && keys < MAX_KEYS; i++) {
      for (int j = i + 1; j < k && keys < MAX_KEYS; j++) {
        if (pairEmitted[i][j]) continue;
        for (int l = j + 1; l < k && keys < MAX_KEYS; l++) {
          if (pairEmitted[i][l] || pairEmitted[j][l]) continue;
          if (accounts * p[i] * p[j] * p[l] <= TARGET_BLOCK) {
            into.add(key(t[i], t[j], t[l]), account);
            keys++;
          }
        }
      }
    }
    return keys;
  }

  /** Block key of a combination (codes in the account's rarity order, made order-free by sorting). */
  static long key(int a, int b, int c) {
    int[] s = c == Integer.MIN_VALUE ? new int[] {a, b} : new int[] {a, b, c};
    Arrays.sort(s);
    long h = NS;
    for (int x : s) h = PairKeys.mix(h ^ (x * 0x9e3779b97f4a7c15L) + s.length);
    return h >>> Blocker.ACCOUNT_BITS;
  }
}
