package org.webwatch.identity.internal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * Activity-timing evidence: an hour-of-week histogram (168 bins, UTC) per account. Two
 * accounts are compared by Jensen–Shannon divergence (Lin 1991, base 2, in [0,1]) of their
 * Laplace-smoothed hour-of-day profiles (weight {@link #HOUR_OF_DAY_WEIGHT}) and day-of-week
 * profiles; similarity = 1 − weighted JSD. The UTC offset is inferred from the circular mean
 * of activity (reported in link details). O(168) per comparison.
 */
public final class TimingSimilarity {
  public static final int BINS = 168;
  public static final double HOUR_OF_DAY_WEIGHT = 0.75;
  public static final int ASSUMED_ACTIVITY_CENTRE_HOUR = 20;
  /** Pseudo-count added to every bin, so sparse profiles are not over-confident. */
  public static final double SMOOTHING = 0.5;

  private TimingSimilarity() {}

  public static int bin(Instant t) {
    ZonedDateTime z = t.atZone(ZoneOffset.UTC);
    int dow = z.getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue();
    return dow * 24 + z.getHour();
  }

  /** Similarity in [0,1] of two hour-of-week count histograms. */
  public static double similarity(float[] a, float[] b) {
    double jsdHour = jsd(hours(a), hours(b));
    double jsdDay = jsd(days(a), days(b));
    return 1 - (HOUR_OF_DAY_WEIGHT * jsdHour + (1 - HOUR_OF_DAY_WEIGHT) * jsdDay);
  }

  static double[] hours(float[] how) {
    double[] h = new double[24];
    for (int i = 0; i < BINS; i++) h[i % 24] += how[i];
    return h;
  }

  static double[] days(float[] how) {
    double[] d = new double[7];
    for (int i = 0; i < BINS; i++) d[i / 24] += how[i];
    return d;
  }

  /** Jensen–Shannon divergence (base 2) of two smoothed count vectors of equal length. */
  static double jsd(double[] p, double[] q) {
    double sp = 0;
    double sq = 0;
    for (int i = 0; i < p.length; i++) {
      sp += p[i] + SMOOTHING;
      sq += q[i] + SMOOTHING;
    }
    double d = 0;
    for (int i = 0; i < p.length; i++) {
      double pi = (p[i] + SMOOTHING) / sp;
      double qi = (q[i] + SMOOTHING) / sq;
      double m = (pi + qi) / 2;
      d += 0.5 * pi * Math.log(pi / m) + 0.5 * qi * Math.log(qi / m);
    }
    return Math.max(0, Math.min(1, d / Math.log(2)));
  }

  /**
   * Inferred UTC offset in hours (−11..+12): the offset that puts the circular mean of the
   * account's activity at {@link #ASSUMED_ACTIVITY_CENTRE_HOUR} local time (forum activity
   * peaks in the evening). Reported in link details; a coarse hint, not evidence by itself.
   */
  public static int inferredUtcOffset(float[] how) {
    double[] h = hours(how);
    double x = 0;
    double y = 0;
    for (int i = 0; i < 24; i++) {
      x += h[i] * Math.cos(2 * Math.PI * i / 24);
      y += h[i] * Math.sin(2 * Math.PI * i / 24);
    }
    double meanUtc = Math.atan2(y, x) * 24 / (2 * Math.PI);
    int offset = (int) Math.floorMod(Math.round(ASSUMED_ACTIVITY_CENTRE_HOUR - meanUtc), 24L);
    return offset > 12 ? offset - 24 : offset;
  }
}
