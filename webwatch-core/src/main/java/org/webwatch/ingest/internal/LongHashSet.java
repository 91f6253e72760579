package org.webwatch.ingest.internal;

/**
 * An open-addressing set of 64-bit keys (16 bytes per element at most): the reader's memory
 * for duplicate and reference checks, so those checks cost O(records) small words, not
 * strings. Keys are {@link #key(String, String)} hashes; two different ids collide with
 * probability about n²/2⁶⁵ (1e-7 for 1M records), which is documented in docs/ingest.md.
 */
public final class LongHashSet {
  private long[] table = new long[1024];
  private int size;
  private boolean hasZero;

  /** A 64-bit key of {@code (site, id)}: FNV-1a over both strings, then a SplitMix64 finaliser. */
  public static long key(String site, String id) {
    long h = 0xcbf29ce484222325L;
    h = mix(h, site);
    h ^= 0xff;
    h *= 0x100000001b3L;
    h = mix(h, id);
    h ^= (h >>> 30);
    h *= 0xbf58476d1ce4e5b9L;
    h ^= (h >>> 27);
    h *= 0x94d049bb133111ebL;
    h ^= (h >>> 31);
    return h;
  }

  private static long mix(long h, String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      h ^= (c & 0xff);
      h *= 0x100000001b3L;
      h ^= (c >>> 8);
      h *= 0x100000001b3L;
    }
    return h;
  }

  /** Adds {@code k}; false when it was already present. */
  public boolean add(long k) {
    if (k == 0) {
      if (hasZero) return false;
      hasZero = true;
      return true;
    }
    if ((size + 1) * 2 > table.length) grow();
    if (!insert(table, k)) return false;
    size++;
    return true;
  }

  public boolean contains(long k) {
    if (k == 0) return hasZero;
    int mask = table.length - 1;
    int i = (int) (k ^ (k >>> 32)) & mask;
    while (true) {
      long v = table[i];
      if (v == 0) return false;
      if (v == k) return true;
      i = (i + 1) & mask;
    }
  }

  private static boolean insert(long[] t, long k) {
    int mask = t.length - 1;
    int i = (int) (k ^ (k >>> 32)) & mask;
    while (true) {
      long v = t[i];
      if (v == 0) {
        t[i] = k;
        return true;
      }
      if (v == k) return false;
      i = (i + 1) & mask;
    }
  }

  private void grow() {
    long[] t = new long[table.length * 2];
    for (long v : table) if (v != 0) insert(t, v);
    table = t;
  }
}
