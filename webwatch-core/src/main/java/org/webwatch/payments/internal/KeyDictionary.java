package org.webwatch.payments.internal;

import java.util.Arrays;

/**
 * Dictionary of short byte keys (address keys) to dense int ids 0…n-1: keys live back to back
 * in one byte arena, the table is open addressing with linear probing over id+1. About
 * (key length + 12) bytes per key; no per-key objects. O(key length) expected per operation.
 */
public final class KeyDictionary {
  private static final int INITIAL_CAPACITY = 1 << 12;
  private byte[] arena = new byte[1 << 14];
  private int arenaUsed;
  private int[] starts = new int[INITIAL_CAPACITY + 1];
  private int[] table = new int[INITIAL_CAPACITY * 2];
  private int size;

  public int size() {
    return size;
  }

  /** Id of {@code key}, adding it when absent. */
  public int intern(byte[] key) {
    int mask = table.length - 1;
    int i = hash(key) & mask;
    while (true) {
      int slot = table[i];
      if (slot == 0) break;
      if (equalsAt(slot - 1, key)) return slot - 1;
      i = (i + 1) & mask;
    }
    int id = size++;
    if (arenaUsed + key.length > arena.length) {
      long grown = Math.max((long) arena.length * 2, (long) arenaUsed + key.length);
      if (grown > Integer.MAX_VALUE - 16) throw new IllegalStateException("address dictionary full");
      arena = Arrays.copyOf(arena, (int) grown);
    }
    System.arraycopy(key, 0, arena, arenaUsed, key.length);
    if (id + 2 > starts.length) starts = Arrays.copyOf(starts, starts.length * 2);
    starts[id] = arenaUsed;
    arenaUsed += key.length;
    starts[id + 1] = arenaUsed;
    table[i] = id + 1;
    if (size > table.length * 3 / 4) rehash();
    return id;
  }

  /** Total bytes of all keys (for persistence). */
  public int arenaBytes() {
    return arenaUsed;
  }

  /** Writes the keys' bytes ({@link #arenaBytes()} of them) then the {@code size + 1} key starts. */
  public void writeTo(java.io.DataOutputStream out) throws java.io.IOException {
    out.write(arena, 0, arenaUsed);
    for (int i = 0; i <= size; i++) out.writeInt(starts[i]);
  }

  /**
   * Rebuilds a dictionary from {@code writeTo} data; rejects starts that are not
   * non-decreasing within the arena (corrupt file) with IllegalArgumentException.
   */
  public static KeyDictionary of(byte[] arena, int[] starts, int size) {
    if (starts.length < size + 1 || starts[0] != 0 || starts[size] != arena.length) {
      throw new IllegalArgumentException("key starts do not cover the key bytes");
    }
    for (int i = 0; i < size; i++) {
      if (starts[i + 1] <= starts[i]) throw new IllegalArgumentException("key " + i + " is empty or out of order");
    }
    KeyDictionary d = new KeyDictionary();
    d.arena = arena;
    d.arenaUsed = arena.length;
    d.starts = java.util.Arrays.copyOf(starts, Math.max(size + 2, INITIAL_CAPACITY + 1));
    d.size = size;
    int cap = INITIAL_CAPACITY * 2;
    while (size > cap * 3 / 4) cap *= 2;
    d.table = new int[cap];
    int mask = cap - 1;
    for (int id = 0; id < size; id++) {
      int i = d.hashAt(id) & mask;
      while (d.table[i] != 0) i = (i + 1) & mask;
      d.table[i] = id + 1;
    }
    return d;
  }

  /** Id of {@code key}, or -1 when absent. */
  public int find(byte[] key) {
    int mask = table.length - 1;
    int i = hash(key) & mask;
    while (true) {
      int slot = table[i];
      if (slot == 0) return -1;
      if (equalsAt(slot - 1, key)) return slot - 1;
      i = (i + 1) & mask;
    }
  }

  /** Copy of the key with id {@code id}. */
  public byte[] key(int id) {
    if (id < 0 || id >= size) throw new IndexOutOfBoundsException("address id " + id);
    return Arrays.copyOfRange(arena, starts[id], starts[id + 1]);
  }

  /** First byte (kind) of the key with id {@code id}. */
  public byte kind(int id) {
    return arena[starts[id]];
  }

  private boolean equalsAt(int id, byte[] key) {
    int s = starts[id];
    int len = starts[id + 1] - s;
    return len == key.length && Arrays.equals(arena, s, s + len, key, 0, len);
  }

  private void rehash() {
    int[] t = new int[table.length * 2];
    int mask = t.length - 1;
    for (int id = 0; id < size; id++) {
      int i = hashAt(id) & mask;
      while (t[i] != 0) i = (i + 1) & mask;
      t[i] = id + 1;
    }
    table = t;
  }

  private int hashAt(int id) {
    return mix(arena, starts[id], starts[id + 1]);
  }

  private static int hash(byte[] key) {
    return mix(key, 0, key.length);
  }

  /** 8 bytes at a time, multiply-xorshift, then MurmurHash3's fmix64 so every bit reaches the low bits. */
  private static int mix(byte[] b, int from, int to) {
    long h = 0x9e3779b97f4a7c15L ^ (to - from);
    int i = from;
    for (; i + 8 <= to; i += 8) {
      long v = (b[i] & 0xffL) | (b[i + 1] & 0xffL) << 8 | (b[i + 2] & 0xffL) << 16 | (b[i + 3] & 0xffL) << 24
          | (b[i + 4] & 0xffL) << 32 | (b[i + 5] & 0xffL) << 40 | (b[i + 6] & 0xffL) << 48 | (b[i + 7] & 0xffL) << 56;
      h = Long.rotateLeft(h ^ v * 0xc2b2ae3d27d4eb4fL, 31) * 0x9e3779b97f4a7c15L;
    }
    for (; i < to; i++) h = (h ^ (b[i] & 0xffL)) * 0x100000001b3L;
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return (int) h;
  }
}
