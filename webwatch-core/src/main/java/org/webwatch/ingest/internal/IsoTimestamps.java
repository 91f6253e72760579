package org.webwatch.ingest.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Parses capture timestamps ({@code 2019-03-02T21:14:00Z}, {@code 2019-03-02T22:14:00.5+01:00})
 * exactly as {@code OffsetDateTime.parse(s, ISO_OFFSET_DATE_TIME)} does, but the common
 * shape without the formatter's general machinery, which was a third of the parser's CPU on a
 * million-post capture (docs/benchmarks.md, "Ingest").
 *
 * <p>The fast path takes only {@code yyyy-MM-ddTHH:mm[:ss[.f{1,9}]](Z|±HH:MM)} with values in
 * range (strict calendar: no 30 February, hours 0–23, offsets up to ±18:00). Anything else, valid
 * or not, returns null from {@link #fastPath} and goes through the JDK formatter, so the set of
 * accepted strings, their values and the errors are the JDK's. O(length).
 */
public final class IsoTimestamps {
  private static final int[] DAYS_IN_MONTH = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

  private IsoTimestamps() {}

  /** The instant of {@code s}; throws {@code DateTimeParseException} as the JDK formatter does. */
  public static Instant parse(String s) {
    Instant fast = fastPath(s);
    return fast != null ? fast : OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
  }

  /** The instant of {@code s} when it has the common shape and is valid, else null. */
  static Instant fastPath(String s) {
    int n = s.length();
    if (n < 17 || n > 35) return null;
    if (s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':') return null;
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    int hour = digits(s, 11, 2);
    int minute = digits(s, 14, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59) return null;
    boolean leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    if (day > DAYS_IN_MONTH[month - 1] + (month == 2 && leap ? 1 : 0)) return null;
    int i = 16;
    int second = 0;
    int nanos = 0;
    if (i < n && s.charAt(i) == ':') {
      if (i + 3 > n) return null;
      second = digits(s, i + 1, 2);
      if (second < 0 || second > 59) return null;
      i += 3;
      if (i < n && s.charAt(i) == '.') {
        int start = ++i;
        while (i < n && i - start < 10 && isDigit(s.charAt(i))) i++;
        int len = i - start;
        if (len < 1 || len > 9) return null;
        nanos = digits(s, start, len);
        for (int k = len; k < 9; k++) nanos *= 10;
      }
    }
    if (i >= n) return null;
    int offsetSeconds;
    char c = s.charAt(i);
    if (c == 'Z') {
      if (i + 1 != n) return null;
      offsetSeconds = 0;
    } else if (c == '+' || c == '-') {
      if (i + 6 != n || s.charAt(i + 3) != ':') return null;
      int oh = digits(s, i + 1, 2);
      int om = digits(s, i + 4, 2);
      if (oh < 0 || om < 0 || om > 59 || oh > 18 || (oh == 18 && om > 0)) return null;
      offsetSeconds = (oh * 3600 + om * 60) * (c == '-' ? -1 : 1);
    } else {
      return null;
    }
    long epochDay = LocalDate.of(year, month, day).toEpochDay();
    return Instant.ofEpochSecond(epochDay * 86_400L + hour * 3600L + minute * 60L + second - offsetSeconds, nanos);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** The non-negative number in {@code s[from, from+len)}, or -1 when a character is not an ASCII digit. */
  private static int digits(String s, int from, int len) {
    int v = 0;
    for (int k = from; k < from + len; k++) {
      char c = s.charAt(k);
      if (!isDigit(c)) return -1;
      v = v * 10 + (c - '0');
    }
    return v;
  }
}
