package org.webwatch.identity.internal;

import java.util.Arrays;

/** A growable list of primitive longs. */
public final class LongList {
  private long[] a = new long[16];
  private int size;

  public void add(long v) {
    if (size == a.length) a = Arrays.copyOf(a, size * 2);
    a[size++] = v;
  }

  public long get(int i) {
    if (i >= size) throw new IndexOutOfBoundsException(i);
    return a[i];
  }

  public int size() {
    return size;
  }

  public long[] toArray() {
    return Arrays.copyOf(a, size);
  }
}
