package org.webwatch.payments.internal;

import java.util.Arrays;

/**
 * Outpoint index: txid → tx index, keyed by the txid's first 8 bytes in an open-addressing
 * table of primitives; a prefix hit is confirmed against the full txid held by the caller's
 * arena, so colliding prefixes cannot alias. A re-added txid (BIP-30 duplicate coinbases)
 * points at its newest transaction, as in Bitcoin Core. O(1) expected per operation.
 */
public final class TxidIndex {
  private long[] keys = new long[1 << 12];
  private int[] values = new int[1 << 12]; // tx index + 1; 0 = empty
  private int size;

  /** Reads the first 8 bytes of a 32-byte txid as a little-endian long. */
  public static long prefix(byte[] b, int off) {
    long v = 0;
    for (int i = 7; i >= 0; i--) v = v << 8 | (b[off + i] & 0xff);
    return v;
  }

  /** Adds {@code txid} (32 bytes) → {@code tx}; {@code arena} holds every indexed txid at 32·tx. */
  public void put(byte[] txid, int tx, byte[] arena) {
    if (size + 1 > keys.length * 3 / 4) rehash();
    long k = prefix(txid, 0);
    int mask = keys.length - 1;
    int i = slot(k) & mask;
    while (values[i] != 0) {
      if (keys[i] == k && sameTxid(arena, values[i] - 1, txid)) {
        values[i] = tx + 1;
        return;
      }
      i = (i + 1) & mask;
    }
    keys[i] = k;
    values[i] = tx + 1;
    size++;
  }

  /** Tx index of {@code txid}, or -1. */
  public int get(byte[] txid, byte[] arena) {
    long k = prefix(txid, 0);
    int mask = keys.length - 1;
    int i = slot(k) & mask;
    while (values[i] != 0) {
      if (keys[i] == k && sameTxid(arena, values[i] - 1, txid)) return values[i] - 1;
      i = (i + 1) & mask;
    }
    return -1;
  }

  private static boolean sameTxid(byte[] arena, int tx, byte[] txid) {
    return Arrays.equals(arena, tx * 32, tx * 32 + 32, txid, 0, 32);
  }

  private static int slot(long k) {
    long h = k * 0x9e3779b97f4a7c15L;
    return (int) (h ^ (h >>> 32));
  }

  private void rehash() {
    long[] nk = new long[keys.length * 2];
    int[] nv = new int[keys.length * 2];
    int mask = nk.length - 1;
    for (int j = 0; j < keys.length; j++) {
      if (values[j] == 0) continue;
      int i = slot(keys[j]) & mask;
      while (nv[i] != 0) i = (i + 1) & mask;
      nk[i] = keys[j];
      nv[i] = values[j];
    }
    keys = nk;
    values = nv;
  }
}
