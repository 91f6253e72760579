package org.webwatch.identity.internal;

import java.util.Arrays;

/**
 * A growable bag of candidate pairs that is sorted and de-duplicated once at the end, so that
 * millions of candidate pairs cost 8 bytes each and no hashing (O(p log p) for p pairs).
 */
public final class PairSet {
  private long[] keys = new long[1024];
  private int size;
  private boolean frozen;

  public void add(int a, int b) {
    if (a == b) return;
    if (frozen) throw new IllegalStateException("pair set already frozen");
    if (size == keys.length) keys = Arrays.copyOf(keys, keys.length * 2);
    keys[size++] = PairKeys.of(a, b);
  }

  /** Sorts, removes duplicates and returns the distinct pair keys in ascending order. */
  public long[] distinct() {
    frozen = true;
    Arrays.sort(keys, 0, size);
    int w = 0;
    for (int r = 0; r < size; r++) if (w == 0 || keys[w - 1] != keys[r]) keys[w++] = keys[r];
    size = w;
    return Arrays.copyOf(keys, w);
  }

  public int rawSize() {
    return size;
  }
}
