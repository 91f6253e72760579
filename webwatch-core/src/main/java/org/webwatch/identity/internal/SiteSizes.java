package org.webwatch.identity.internal;

/**
 * How much larger than the tuning populations' sites two accounts' sites are, as a prior-odds correction: with k times
 * more accounts on a site, k times more strangers can share an account's habits, so the same likelihood ratio means
 * k times less. Floors fitted on populations whose sites hold about {@link #REFERENCE_SITE_ACCOUNTS} accounts grow by
 * a slope times {@link #excess} (the natural log of the two sites' geometric mean size over the reference, never
 * below 0). O(n) to count, O(1) per pair.
 */
final class SiteSizes {
  /** Accounts per site of the 3,000-person tuning populations the models and floors were fitted on (750–1,317; rounded). */
  static final double REFERENCE_SITE_ACCOUNTS = 1_000;

  private final int[] siteAccounts;
  private final int[] site;

  /** @param site site index of each account (0-based, dense) */
  SiteSizes(int[] site) {
    if (site == null) throw new IllegalArgumentException("site is required");
    this.site = site;
    int sites = 0;
    for (int s : site) {
      if (s < 0) throw new IllegalArgumentException("site index must be >= 0, was " + s);
      sites = Math.max(sites, s + 1);
    }
    siteAccounts = new int[sites];
    for (int s : site) siteAccounts[s]++;
  }

  /** {@code max(0, ln(√(n_a · n_b) / REFERENCE_SITE_ACCOUNTS))} for the sites of accounts {@code a} and {@code b}. */
  double excess(int a, int b) {
    double size = Math.sqrt((double) siteAccounts[site[a]] * siteAccounts[site[b]]);
    return Math.max(0, Math.log(size / REFERENCE_SITE_ACCOUNTS));
  }
}
