package org.webwatch.identity.internal;

/**
 * MinHash (Broder 1997) with banded locality-sensitive hashing (Indyk–Motwani; Leskovec,
 * Rajaraman &amp; Ullman, Mining of Massive Datasets ch. 3) over each account's most
 * frequent style features that are not common to many accounts (chosen by the caller). Two accounts land in a common bucket
 * with probability 1 − (1 − J^r)^b for Jaccard similarity J, r = {@link #ROWS}, b =
 * {@link #BANDS}: ≈0.6 at J = 0.4, ≈0.002 at J = 0.05. Cost O(f · r · b) per account.
 */
public final class MinHashLsh {
  public static final int BANDS = 20;
  public static final int ROWS = 2;
  /** Features per account fed to MinHash. */
  public static final int LSH_FEATURES = 48;

  private MinHashLsh() {}

  /** Adds the band keys of one account's style vector to {@code blocker}. */
  public static void addBands(int account, int[] chosen, Blocker blocker) {
    if (chosen.length == 0) return;
    for (int band = 0; band < BANDS; band++) {
      long key = 0x9e3779b97f4a7c15L * (band + 1);
      for (int row = 0; row < ROWS; row++) {
        long seed = PairKeys.mix(((long) band * ROWS + row) * 0x632be59bd9b4e019L + 17);
        long min = Long.MAX_VALUE;
        for (int f : chosen) {
          long h = PairKeys.mix(f ^ seed);
          if (h < min) min = h;
        }
        key = PairKeys.mix(key ^ min);
      }
      blocker.add(key >>> Blocker.ACCOUNT_BITS, account);
    }
  }
}
