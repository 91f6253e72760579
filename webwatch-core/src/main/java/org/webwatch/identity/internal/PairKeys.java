package org.webwatch.identity.internal;

/** Packs an unordered pair of account indexes into one {@code long} (smaller index high). */
public final class PairKeys {
  private PairKeys() {}

  public static long of(int a, int b) {
    int lo = Math.min(a, b);
    int hi = Math.max(a, b);
    return ((long) lo << 32) | (hi & 0xffffffffL);
  }

  public static int first(long key) {
    return (int) (key >>> 32);
  }

  public static int second(long key) {
    return (int) key;
  }

  /** SplitMix64 finaliser: a cheap, well-mixed 64-bit hash used for blocking keys and MinHash. */
  public static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  /** 64-bit FNV-1a of a string, mixed; stable across JVMs (unlike {@link String#hashCode()}). */
  public static long hash(CharSequence s) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < s.length(); i++) {
      h ^= s.charAt(i);
      h *= 0x100000001b3L;
    }
    return mix(h);
  }
}
