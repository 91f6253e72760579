package org.webwatch.generate.internal;


/**
 * How one synthetic site writes ids and timestamps. Styles cycle with the site index:
 * 0 phpBB (integer ids, ISO-8601 "Z"), 1 SMF (string ids "u-123", ISO-8601 "+02:00"),
 * 2 custom (UUID-like string ids, integer Unix seconds, integer site id), 3 phpBB mirror
 * (integer ids, Unix seconds for accounts and ISO "-05:00" for posts).
 */
public final class SiteStyle {
  private static final String[] SOFTWARE = {"phpbb", "smf", "custom", "phpbb"};
  private static final String[] NAMES = {"Hidden Garden", "Quiet Harbour", "Blue Lantern", "Old Mill", "North Star"};

  public final int index;
  public final int style;
  public final String siteId; // as a string (truth files)
  public final boolean siteIdIsInt;
  public final String software;
  public final String name;

  public SiteStyle(int index) {
    this.index = index;
    this.style = index % 4;
    this.software = SOFTWARE[style];
    this.name = NAMES[index % NAMES.length] + (index >= NAMES.length ? " " + (index / NAMES.length + 1) : "");
    this.siteIdIsInt = style == 2;
    this.siteId = siteIdIsInt ? String.valueOf(100 + index) : (style == 1 ? "smf-" + (index + 1) : "s" + (index + 1));
  }

  /** JSON literal of the site id. */
  public String siteJson() {
    return siteIdIsInt ? siteId : "\"" + siteId + "\"";
  }

  /** Id text for record number n (1-based) of a kind ('u','p','t','b','m','a'). */
  public String id(char kind, long n) {
    return switch (style) {
      case 1 -> kind + "-" + n;
      case 2 -> uuidish(kind, n);
      default -> Long.toString(n);
    };
  }

  /** Whether ids of this site are written as JSON integers. */
  public boolean intIds() {
    return style == 0 || style == 3;
  }

  public String idJson(String id) {
    return intIds() ? id : "\"" + id + "\"";
  }

  /** A deterministic UUID-shaped id: a bijective mix of (kind, n), so ids are unique. */
  static String uuidish(char kind, long n) {
    long x = n * 0x9E3779B97F4A7C15L + kind;
    x ^= x >>> 31;
    x *= 0xBF58476D1CE4E5B9L;
    x ^= x >>> 29;
    char[] h = new char[32];
    hex(h, 0, x, 16);
    hex(h, 16, n & 0xffffffffL, 8);
    hex(h, 24, (long) kind * 2654435761L & 0xffffffffL, 8);
    StringBuilder sb = new StringBuilder(36).append(h, 0, 8).append('-').append(h, 8, 4).append("-4").append(h, 13, 3)
        .append('-').append(h, 16, 4).append('-').append(h, 20, 12);
    return sb.toString();
  }

  private static void hex(char[] out, int off, long v, int digits) {
    for (int i = digits - 1; i >= 0; i--) {
      out[off + i] = "0123456789abcdef".charAt((int) (v & 15));
      v >>>= 4;
    }
  }

  /** JSON value of a timestamp; {@code accountField} selects the account-style variant. */
  public String timeJson(long epochSeconds, boolean accountField) {
    return switch (style) {
      case 0 -> iso(epochSeconds, 0);
      case 1 -> iso(epochSeconds, 2);
      case 2 -> Long.toString(epochSeconds);
      default -> accountField ? Long.toString(epochSeconds) : iso(epochSeconds, -5);
    };
  }

  /**
   * Quoted ISO-8601 at a whole-hour offset ("Z" for 0). Hand-rolled (civil-from-days,
   * Hinnant's algorithm) because java.time formatting dominated the profile.
   */
  static String iso(long epochSeconds, int offsetHours) {
    long local = epochSeconds + offsetHours * 3600L;
    long days = Math.floorDiv(local, 86400L);
    int secs = (int) Math.floorMod(local, 86400L);
    long z = days + 719468;
    long era = Math.floorDiv(z, 146097);
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    int d = (int) (doy - (153 * mp + 2) / 5 + 1);
    int m = (int) (mp < 10 ? mp + 3 : mp - 9);
    long y = yoe + era * 400 + (m <= 2 ? 1 : 0);
    StringBuilder sb = new StringBuilder(28).append('"').append(y).append('-');
    two(sb, m).append('-');
    two(sb, d).append('T');
    two(sb, secs / 3600).append(':');
    two(sb, secs / 60 % 60).append(':');
    two(sb, secs % 60);
    if (offsetHours == 0) sb.append('Z');
    else {
      sb.append(offsetHours < 0 ? '-' : '+');
      two(sb, Math.abs(offsetHours)).append(":00");
    }
    return sb.append('"').toString();
  }

  private static StringBuilder two(StringBuilder sb, int v) {
    return sb.append((char) ('0' + v / 10)).append((char) ('0' + v % 10));
  }
}
