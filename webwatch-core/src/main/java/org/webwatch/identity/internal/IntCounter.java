package org.webwatch.identity.internal;

import java.util.Arrays;

/**
 * Open-addressing int→int counter (keys must be non-zero). Bounded: when it holds more than
 * {@code maxDistinct} keys, keys seen once are dropped (lossy counting), which keeps a
 * prolific account's style profile small while its frequent features survive.
 */
public final class IntCounter {
  private int[] keys = new int[64];
  private int[] counts = new int[64];
  private int size;
  private final int maxDistinct;

  public IntCounter(int maxDistinct) {
    if (maxDistinct < 16) throw new IllegalArgumentException("maxDistinct must be >= 16");
    this.maxDistinct = maxDistinct;
  }

  public void add(int key, int delta) {
    if (key == 0) throw new IllegalArgumentException("key 0 is reserved");
    if ((size + 1) * 2 > keys.length) rehash(keys.length * 2);
    int mask = keys.length - 1;
    int i = (int) (PairKeys.mix(key) & mask);
    while (keys[i] != 0 && keys[i] != key) i = (i + 1) & mask;
    if (keys[i] == 0) {
      keys[i] = key;
      size++;
    }
    counts[i] += delta;
    if (size > maxDistinct) prune();
  }

  public int get(int key) {
    int mask = keys.length - 1;
    int i = (int) (PairKeys.mix(key) & mask);
    while (keys[i] != 0) {
      if (keys[i] == key) return counts[i];
      i = (i + 1) & mask;
    }
    return 0;
  }

  public int size() {
    return size;
  }

  /** Calls {@code f} for every key with its count, in no particular order. */
  public void forEach(IntIntConsumer f) {
    for (int i = 0; i < keys.length; i++) if (keys[i] != 0) f.accept(keys[i], counts[i]);
  }

  /** The keys, sorted by count descending then key ascending, at most {@code limit}. */
  public int[] top(int limit) {
    long[] packed = new long[size];
    int n = 0;
    for (int i = 0; i < keys.length; i++) {
      // count descending, key ascending: negate the count in the high half
      if (keys[i] != 0) packed[n++] = ((long) (Integer.MAX_VALUE - counts[i]) << 32) | (keys[i] & 0xffffffffL);
    }
    Arrays.sort(packed, 0, n);
    int k = Math.min(limit, n);
    int[] out = new int[k];
    for (int i = 0; i < k; i++) out[i] = (int) packed[i];
    return out;
  }

  private void prune() {
    int[] ok = keys;
    int[] oc = counts;
    keys = new int[ok.length];
    counts = new int[ok.length];
    size = 0;
    for (int i = 0; i < ok.length; i++) if (ok[i] != 0 && oc[i] > 1) put(ok[i], oc[i] - 1);
  }

  private void rehash(int capacity) {
    int[] ok = keys;
    int[] oc = counts;
    keys = new int[capacity];
    counts = new int[capacity];
    size = 0;
    for (int i = 0; i < ok.length; i++) if (ok[i] != 0) put(ok[i], oc[i]);
  }

  private void put(int key, int count) {
    int mask = keys.length - 1;
    int i = (int) (PairKeys.mix(key) & mask);
    while (keys[i] != 0) i = (i + 1) & mask;
    keys[i] = key;
    counts[i] = count;
    size++;
  }

  /** Primitive (key, count) callback. */
  @FunctionalInterface
  public interface IntIntConsumer {
    void accept(int key, int count);
  }
}
