package org.webwatch.media.index;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.webwatch.media.PdqHash;

/**
 * Brute-force PDQ index: hashes as four longs each in one flat {@code long[]}, scanned with
 * {@link Long#bitCount} (a POPCNT instruction), the first two limbs first so that almost every
 * random candidate is rejected after 128 bits. Exact by construction, and the reference the
 * multi-index is tested against. O(n) per query, 32 bytes + 4 (id) + 4 (id map) per hash.
 */
public final class LinearPdqIndex implements PdqIndex {
  private long[] hashes = new long[64];
  private int[] ids = new int[16];
  private int slots;
  private int live;
  private final IdMap slotOf = new IdMap();
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

  @Override
  public void add(int id, PdqHash hash) {
    lock.writeLock().lock();
    try {
      if (slotOf.get(id) >= 0) throw new IllegalArgumentException("id already present: " + id);
      if (slots == ids.length) {
        ids = Arrays.copyOf(ids, slots * 2);
        hashes = Arrays.copyOf(hashes, slots * 8);
      }
      int s = slots++;
      hashes[4 * s] = hash.w0();
      hashes[4 * s + 1] = hash.w1();
      hashes[4 * s + 2] = hash.w2();
      hashes[4 * s + 3] = hash.w3();
      ids[s] = id;
      slotOf.put(id, s);
      live++;
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public boolean remove(int id) {
    lock.writeLock().lock();
    try {
      int s = slotOf.get(id);
      if (s < 0) return false;
      ids[s] = -1;
      slotOf.put(id, -1);
      live--;
      return true;
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public int size() {
    return live;
  }

  @Override
  public List<Hit> search(PdqHash q, int radius) {
    checkRadius(radius);
    lock.readLock().lock();
    try {
      List<Hit> out = new ArrayList<>();
      long q0 = q.w0(), q1 = q.w1(), q2 = q.w2(), q3 = q.w3();
      long[] h = hashes;
      int n = slots;
      for (int s = 0, p = 0; s < n; s++, p += 4) {
        int d = Long.bitCount(q0 ^ h[p]) + Long.bitCount(q1 ^ h[p + 1]);
        if (d > radius) continue;
        d += Long.bitCount(q2 ^ h[p + 2]) + Long.bitCount(q3 ^ h[p + 3]);
        if (d <= radius && ids[s] >= 0) out.add(new Hit(ids[s], d));
      }
      return out;
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * Searches many queries in one pass over memory (query blocking): with 8 dihedral variants the
   * table is read once instead of eight times. Result {@code i} belongs to query {@code i}.
   */
  public List<List<Hit>> searchBlock(PdqHash[] qs, int radius) {
    checkRadius(radius);
    lock.readLock().lock();
    try {
      int m = qs.length;
      long[] q = new long[4 * m];
      for (int i = 0; i < m; i++) {
        q[4 * i] = qs[i].w0();
        q[4 * i + 1] = qs[i].w1();
        q[4 * i + 2] = qs[i].w2();
        q[4 * i + 3] = qs[i].w3();
      }
      List<List<Hit>> out = new ArrayList<>(m);
      for (int i = 0; i < m; i++) out.add(new ArrayList<>());
      long[] h = hashes;
      int n = slots;
      for (int s = 0, p = 0; s < n; s++, p += 4) {
        long h0 = h[p], h1 = h[p + 1];
        for (int i = 0, k = 0; i < m; i++, k += 4) {
          int d = Long.bitCount(q[k] ^ h0) + Long.bitCount(q[k + 1] ^ h1);
          if (d > radius) continue;
          d += Long.bitCount(q[k + 2] ^ h[p + 2]) + Long.bitCount(q[k + 3] ^ h[p + 3]);
          if (d <= radius && ids[s] >= 0) out.get(i).add(new Hit(ids[s], d));
        }
      }
      return out;
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Live ids in slot order (for folding into another index). */
  int[] liveIds() {
    lock.readLock().lock();
    try {
      int[] out = new int[live];
      int k = 0;
      for (int s = 0; s < slots; s++) if (ids[s] >= 0) out[k++] = ids[s];
      return out;
    } finally {
      lock.readLock().unlock();
    }
  }

  /** The hash stored under a live id. */
  PdqHash hashOf(int id) {
    lock.readLock().lock();
    try {
      int s = slotOf.get(id);
      if (s < 0) throw new IllegalArgumentException("no such id: " + id);
      return PdqHash.fromLimbs(hashes, 4 * s);
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public void compact() {
    lock.writeLock().lock();
    try {
      int w = 0;
      for (int s = 0; s < slots; s++) {
        if (ids[s] < 0) continue;
        System.arraycopy(hashes, 4 * s, hashes, 4 * w, 4);
        ids[w] = ids[s];
        slotOf.put(ids[w], w);
        w++;
      }
      slots = w;
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public long memoryBytes() {
    return 8L * hashes.length + 4L * ids.length + slotOf.memoryBytes();
  }

  static void checkRadius(int radius) {
    if (radius < 0 || radius > 256) throw new IllegalArgumentException("radius must be 0–256: " + radius);
  }
}
