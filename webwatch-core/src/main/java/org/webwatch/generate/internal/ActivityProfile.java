package org.webwatch.generate.internal;

import java.util.SplittableRandom;

/**
 * When a person is online: a UTC offset and an hour-of-week preference (one or two peak
 * hours, a weekday/weekend bias), shared by all their accounts so timing analysis can link
 * them. Sampling is O(1).
 */
public record ActivityProfile(int utcOffsetHours, int peakHour, int secondPeak, double weekendBias, int spread) {
  private static final int[] OFFSETS = {-8, -7, -6, -5, -4, -3, 0, 0, 1, 1, 1, 2, 2, 3, 5, 7, 8, 9, 10};

  public static ActivityProfile random(SplittableRandom rnd) {
    int peak = rnd.nextInt(4) == 0 ? 10 + rnd.nextInt(6) : 19 + rnd.nextInt(6);
    int second = rnd.nextBoolean() ? -1 : (peak + 6 + rnd.nextInt(10)) % 24;
    return new ActivityProfile(
        OFFSETS[rnd.nextInt(OFFSETS.length)], peak % 24, second, 0.2 + rnd.nextDouble() * 0.6, 1 + rnd.nextInt(3));
  }

  /**
   * A UTC epoch second on the given UTC day (days since epoch) or the next, at a local hour
   * drawn from this profile. Weekend bias shifts the chosen day forward to a weekend day.
   */
  public long sample(long epochDay, SplittableRandom rnd) {
    long day = epochDay;
    int dow = (int) Math.floorMod(day + 3, 7); // 0 = Monday
    if (dow < 5 && rnd.nextDouble() < weekendBias * 0.5) day += 5 - dow + rnd.nextInt(2);
    int center = secondPeak >= 0 && rnd.nextInt(3) == 0 ? secondPeak : peakHour;
    int offset = (int) Math.round(rnd.nextGaussian() * spread);
    int localHour = Math.floorMod(center + offset, 24);
    long localSeconds = day * 86400L + localHour * 3600L + rnd.nextInt(3600);
    return localSeconds - utcOffsetHours * 3600L;
  }
}
