package org.webwatch.media.internal;

import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * Exact-match table from fixed-width binary hash values (16 B MD5, 20 B SHA-1, 32 B SHA-256,
 * 144 B PhotoDNA) to entry ordinals, without a Java object per value: values live in one flat
 * {@code byte[]}, an open-addressing {@code int[]} (linear probing, load ≤ 0.5) indexes the rows
 * by their first 8 bytes, and a lookup compares the full value. Duplicates are allowed (one value
 * in many entries). O(1) expected per add and lookup; about {@code width + 12} bytes per value.
 * Not thread-safe; the owner guards it.
 */
public final class ExactHashTable {
  private final int width;
  private byte[] values;
  private int[] entryOf;
  private int rows;
  private int[] table;

  public ExactHashTable(int width) {
    if (width < 8) throw new IllegalArgumentException("width must be at least 8 bytes: " + width);
    this.width = width;
    this.values = new byte[16 * width];
    this.entryOf = new int[16];
    this.table = new int[32];
    Arrays.fill(table, -1);
  }

  public int width() {
    return width;
  }

  public int size() {
    return rows;
  }

  public void add(byte[] value, int entry) {
    check(value);
    if (rows == entryOf.length) {
      entryOf = Arrays.copyOf(entryOf, rows * 2);
      values = Arrays.copyOf(values, rows * 2 * width);
    }
    System.arraycopy(value, 0, values, rows * width, width);
    entryOf[rows] = entry;
    if (2 * (rows + 1) > table.length) rehash(table.length * 2);
    insert(rows, key(value, 0));
    rows++;
  }

  /** Calls {@code sink} with every entry stored under exactly {@code value}. */
  public void find(byte[] value, IntConsumer sink) {
    check(value);
    long k = key(value, 0);
    int mask = table.length - 1;
    for (int i = mix(k) & mask; table[i] >= 0; i = (i + 1) & mask) {
      int row = table[i];
      if (key(values, row * width) == k && Arrays.equals(values, row * width, row * width + width, value, 0, width)) {
        sink.accept(entryOf[row]);
      }
    }
  }

  public long memoryBytes() {
    return values.length + 4L * entryOf.length + 4L * table.length;
  }

  private void insert(int row, long k) {
    int mask = table.length - 1;
    int i = mix(k) & mask;
    while (table[i] >= 0) i = (i + 1) & mask;
    table[i] = row;
  }

  private void rehash(int size) {
    table = new int[size];
    Arrays.fill(table, -1);
    for (int r = 0; r < rows; r++) insert(r, key(values, r * width));
  }

  private void check(byte[] value) {
    if (value.length != width) throw new IllegalArgumentException("value must be " + width + " bytes, got " + value.length);
  }

  private static long key(byte[] b, int off) {
    long k = 0;
    for (int i = 0; i < 8; i++) k = (k << 8) | (b[off + i] & 0xff);
    return k;
  }

  private static int mix(long k) {
    k ^= k >>> 33;
    k *= 0xff51afd7ed558ccdL;
    k ^= k >>> 33;
    return (int) k;
  }
}
