package org.webwatch.identity.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SiteSizesTest {
  /** Site 0 has {@code a} accounts, site 1 {@code b}; accounts 0 and a are the first of each. */
  static int[] sites(int a, int b) {
    int[] site = new int[a + b];
    Arrays.fill(site, a, a + b, 1);
    return site;
  }

  @Test
  void noExcessUpToTheReferenceSize() {
    assertEquals(0, new SiteSizes(sites(800, 1_000)).excess(0, 800), 1e-12);
    assertEquals(0, new SiteSizes(sites(3, 2)).excess(0, 3), 1e-12);
  }

  @Test
  void theExcessIsTheLogOfTheGeometricMeanOverTheReference() {
    int ref = (int) SiteSizes.REFERENCE_SITE_ACCOUNTS;
    SiteSizes s = new SiteSizes(sites(10 * ref, 40 * ref));
    assertEquals(Math.log(20), s.excess(0, 10 * ref), 1e-9);
    assertEquals(Math.log(10), s.excess(0, 1), 1e-9, "two accounts of one site: that site's size");
    assertEquals(s.excess(0, 10 * ref), s.excess(10 * ref, 0), 1e-12);
  }

  @Test
  void badSitesAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> new SiteSizes(null));
    assertThrows(IllegalArgumentException.class, () -> new SiteSizes(new int[] {0, -1}));
  }
}
