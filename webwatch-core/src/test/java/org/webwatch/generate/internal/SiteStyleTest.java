package org.webwatch.generate.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SiteStyleTest {
  @Test
  void handRolledIsoMatchesJavaTime() {
    SplittableRandom r = new SplittableRandom(4);
    for (int i = 0; i < 20_000; i++) {
      long t = r.nextLong(-2_000_000_000L, 4_000_000_000L);
      int off = new int[] {0, 2, -5}[i % 3];
      String expected = "\"" + DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(Instant.ofEpochSecond(t).atOffset(ZoneOffset.ofHours(off))) + "\"";
      assertThat(SiteStyle.iso(t, off)).isEqualTo(expected);
    }
  }

  @Test
  void stylesDifferPerSiteAndIdsAreUnique() {
    SiteStyle phpbb = new SiteStyle(0);
    SiteStyle smf = new SiteStyle(1);
    SiteStyle custom = new SiteStyle(2);
    assertThat(phpbb.idJson(phpbb.id('u', 7))).isEqualTo("7");
    assertThat(smf.idJson(smf.id('u', 7))).isEqualTo("\"u-7\"");
    assertThat(custom.id('u', 7)).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}");
    assertThat(custom.siteJson()).isEqualTo("102");
    assertThat(phpbb.timeJson(0, false)).isEqualTo("\"1970-01-01T00:00:00Z\"");
    assertThat(smf.timeJson(0, false)).isEqualTo("\"1970-01-01T02:00:00+02:00\"");
    assertThat(custom.timeJson(0, false)).isEqualTo("0");
    Set<String> ids = new HashSet<>();
    for (int n = 1; n <= 50_000; n++) assertThat(ids.add(custom.id('p', n))).isTrue();
  }
}
