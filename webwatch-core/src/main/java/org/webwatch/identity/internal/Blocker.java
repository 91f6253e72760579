package org.webwatch.identity.internal;

import java.util.Arrays;

/**
 * Candidate generation by blocking: each account is put under one or more 64-bit block keys
 * (identifier value, username stem variant, MinHash band…); every two accounts under the same
 * key become a candidate pair, unless the block holds more than {@code cap} accounts (a value
 * or shingle shared by that many accounts is not evidence of one person, and pairing them all
 * would be quadratic). Keys and account indexes are packed into one sorted {@code long[]}
 * (key in the high 39 bits, account in the low 25 bits), so a block costs no objects.
 * Complexity: O(k log k) for k (key, account) entries plus the pairs emitted (≤ cap² per block).
 */
public final class Blocker {
  /** Account indexes must fit in this many bits (33,554,432 accounts). */
  public static final int ACCOUNT_BITS = 25;

  private static final long ACCOUNT_MASK = (1L << ACCOUNT_BITS) - 1;
  private final int cap;
  private long[] entries = new long[1024];
  private int size;
  private long oversizedBlocks;

  public Blocker(int cap) {
    if (cap < 2) throw new IllegalArgumentException("cap must be >= 2, was " + cap);
    this.cap = cap;
  }

  public void add(long key, int account) {
    if (account < 0 || account > ACCOUNT_MASK) throw new IllegalArgumentException("account index out of range: " + account);
    if (size == entries.length) entries = Arrays.copyOf(entries, entries.length * 2);
    entries[size++] = (key << ACCOUNT_BITS) | account;
  }

  /** Emits the pairs of every block of 2..cap distinct accounts into {@code out}. */
  public void emit(PairSet out) {
    emit(out, null);
  }

  /**
   * Like {@link #emit(PairSet)}, and adds the key of every block skipped as oversized to
   * {@code oversizedKeys} (when not null), so the caller can split those blocks by a second key.
   */
  public void emit(PairSet out, LongList oversizedKeys) {
    Arrays.sort(entries, 0, size);
    int start = 0;
    while (start < size) {
      long block = entries[start] >>> ACCOUNT_BITS;
      int end = start + 1;
      while (end < size && (entries[end] >>> ACCOUNT_BITS) == block) end++;
      int distinct = 0;
      for (int i = start; i < end; i++) if (i == start || entries[i] != entries[i - 1]) distinct++;
      if (distinct > cap) {
        oversizedBlocks++;
        if (oversizedKeys != null) oversizedKeys.add(block);
      } else if (distinct >= 2) {
        for (int i = start; i < end; i++) {
          for (int j = i + 1; j < end; j++) {
            out.add((int) (entries[i] & ACCOUNT_MASK), (int) (entries[j] & ACCOUNT_MASK));
          }
        }
      }
      start = end;
    }
    entries = new long[0];
    size = 0;
  }

  /** Blocks skipped because they held more than {@code cap} accounts. */
  public long oversizedBlocks() {
    return oversizedBlocks;
  }
}
