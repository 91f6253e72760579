package org.webwatch.server.internal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * Activity charts as data for server-rendered SVG bars (no JavaScript): posts and messages per
 * ISO week (UTC, the last {@link #MAX_WEEKS} weeks with activity) and per hour of day (UTC).
 */
public final class Charts {
  public static final int MAX_WEEKS = 104;
  public static final int WIDTH = 720;
  public static final int HEIGHT = 120;

  /** One bar; x/y/w/h in SVG user units. */
  public record Bar(int x, int y, int w, int h, String label, long count) {}

  /** A bar chart with its title and axis labels (first and last). */
  public record Chart(String title, int width, int height, List<Bar> bars, String firstLabel, String lastLabel, long max) {
    public boolean empty() {
      return max == 0;
    }
  }

  private static final String[] HOUR_LABELS = new String[24];

  static {
    for (int h = 0; h < 24; h++) HOUR_LABELS[h] = (h < 10 ? "0" : "") + h + ":00";
  }

  private Charts() {}

  /** Bars per ISO week from counts keyed by the epoch day of each week's Monday (UTC); empty weeks between are zero. */
  public static Chart perWeek(SortedMap<Long, Long> countsByMonday) {
    if (countsByMonday.isEmpty()) return chart("Posts and messages per week (UTC)", new long[0], new String[0]);
    LocalDate last = LocalDate.ofEpochDay(countsByMonday.lastKey());
    LocalDate first = LocalDate.ofEpochDay(countsByMonday.firstKey());
    long span = ChronoUnit.WEEKS.between(first, last) + 1;
    if (span > MAX_WEEKS) {
      first = last.minusWeeks(MAX_WEEKS - 1);
      span = MAX_WEEKS;
    }
    long[] counts = new long[(int) span];
    String[] labels = new String[(int) span];
    for (int i = 0; i < span; i++) labels[i] = "week of " + first.plusWeeks(i);
    for (Map.Entry<Long, Long> e : countsByMonday.entrySet()) {
      long i = ChronoUnit.WEEKS.between(first, LocalDate.ofEpochDay(e.getKey()));
      if (i >= 0 && i < span) counts[(int) i] += e.getValue();
    }
    return chart("Posts and messages per week (UTC)", counts, labels);
  }

  /** Bars per hour of day (UTC) from 24 counts. */
  public static Chart perHour(long[] countsByHour) {
    if (countsByHour.length != 24) throw new IllegalArgumentException("24 hourly counts expected, got " + countsByHour.length);
    return chart("Posts and messages by hour of day (UTC)", countsByHour.clone(), HOUR_LABELS);
  }

  /** Monday (UTC) of the week of {@code t}, as an epoch day. */
  static long mondayOf(long t) {
    return week(t).toEpochDay();
  }

  private static LocalDate week(long t) {
    return Instant.ofEpochMilli(t).atZone(ZoneOffset.UTC).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
  }

  private static Chart chart(String title, long[] counts, String[] labels) {
    long max = 0;
    for (long c : counts) max = Math.max(max, c);
    List<Bar> bars = new ArrayList<>();
    int n = Math.max(counts.length, 1);
    int slot = Math.max(WIDTH / n, 1);
    int w = Math.max(slot - 1, 1);
    for (int i = 0; i < counts.length; i++) {
      int h = max == 0 ? 0 : (int) Math.round((HEIGHT - 4) * (double) counts[i] / max);
      bars.add(new Bar(i * slot, HEIGHT - h, w, h, labels[i] + ": " + counts[i], counts[i]));
    }
    return new Chart(title, Math.max(slot * n, 1), HEIGHT, bars, labels.length > 0 ? labels[0] : "",
        labels.length > 0 ? labels[labels.length - 1] : "", max);
  }
}
