package org.webwatch.generate.internal;

import java.util.SplittableRandom;

/**
 * Independent random streams per (seed, purpose, index), so each person and each site draws
 * the same numbers whatever the thread count or generation order. SplitMix64 finaliser.
 */
public final class Seeds {
  public static final int GLOBAL = 1;
  public static final int PERSON = 2;
  public static final int ACTIVITY = 3;
  public static final int SITE = 5;
  public static final int BROKEN = 6;

  private Seeds() {}

  public static SplittableRandom stream(long seed, int purpose, long index) {
    return new SplittableRandom(mix(mix(seed ^ 0x5DEECE66DL) + purpose * 0x9E3779B97F4A7C15L + index));
  }

  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
