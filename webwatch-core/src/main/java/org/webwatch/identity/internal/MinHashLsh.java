package org.webwatch.identity.internal;

/**
 * MinHash (Broder 1997) with banded locality-sensitive hashing (Indyk–Motwani; Leskovec,
 * Rajaraman &amp; Ullman, Mining of Massive Datasets ch. 3) over each account's most
 * distinctive style features (highest TF-IDF weight). Two accounts land in a common bucket
 * with probability 1 − (1 − J^r)^b for Jaccard similarity J, r = {@link #ROWS}, b =
 * {@link #BANDS}: ≈0.6 at J = 0.4, ≈0.002 at J = 0.05. Cost O(f · r · b) per account.
 */
public final class MinHashLsh {
  public static final int BANDS = 14;
  public static final int ROWS = 3;
  /** Features per account fed to MinHash (the highest-weighted ones). */
  public static final int LSH_FEATURES = 48;

  private MinHashLsh() {}

  /** Adds the band keys of one account's style vector to {@code blocker}. */
  public static void addBands(int account, int[] ids, float[] vals, Blocker blocker) {
    if (ids.length == 0) return;
    int[] chosen = topByWeight(ids, vals, LSH_FEATURES);
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

  static int[] topByWeight(int[] ids, float[] vals, int k) {
    if (ids.length <= k) return ids;
    long[] packed = new long[ids.length];
    for (int i = 0; i < ids.length; i++) {
      // weight descending (float bits of non-negative floats sort like ints), id ascending
      packed[i] = ((long) (Integer.MAX_VALUE - Float.floatToIntBits(Math.max(0f, vals[i]))) << 32) | (ids[i] & 0xffffffffL);
    }
    java.util.Arrays.sort(packed);
    int[] out = new int[k];
    for (int i = 0; i < k; i++) out[i] = (int) packed[i];
    return out;
  }
}
