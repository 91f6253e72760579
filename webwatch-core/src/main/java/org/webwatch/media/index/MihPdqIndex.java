package org.webwatch.media.index;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.IntStream;
import org.webwatch.media.PdqHash;

/**
 * Multi-index hashing (Norouzi, Punjani &amp; Fleet, "Fast Search in Hamming Space with
 * Multi-Index Hashing", CVPR 2012) over 16 substrings of 16 bits. Pigeonhole: if two hashes are
 * within {@code r}, at least one of the 16 words differs in at most {@code t = floor(r/16)} bits,
 * so probing, for every word, the buckets within {@code t} flips of the query's word and
 * verifying the candidates with the full 256-bit distance finds every match: EXACT recall. At the
 * PDQ threshold 31 (t = 1) a query probes 16·17 buckets; with n random hashes that is about
 * 272·n/65536 candidates (≈41k at 10M) instead of n.
 *
 * <p>Layout: hashes in one flat {@code long[]} (4 per slot); per word a CSR table (65,537 offsets,
 * n slot numbers) built by counting sort, O(16n). Memory ≈ 32 + 64 + 8 bytes per hash. Adds go
 * to a small linear delta scanned with each query; removes set a tombstone; when the delta passes
 * {@code max(65,536, n/8)} it is folded in (amortised O(16) per add, never a rebuild per add).
 * Radii with t ≥ 3 (r ≥ 48) fall back to a linear scan, which is then cheaper.
 */
public final class MihPdqIndex implements PdqIndex {
  static final int WORDS = 16;
  static final int BUCKETS = 1 << 16;
  static final int MIN_DELTA = 65_536;
  static final int MAX_MIH_RADIUS = 47;

  /** XOR masks of the keys within 0, 1 and 2 flips of a 16-bit word. */
  private static final int[] MASKS_T0 = {0};
  private static final int[] MASKS_T1 = new int[17];
  private static final int[] MASKS_T2 = new int[137];

  static {
    int i = 1;
    for (int b = 0; b < 16; b++) MASKS_T1[i++] = 1 << b;
    System.arraycopy(MASKS_T1, 0, MASKS_T2, 0, 17);
    for (int b1 = 0; b1 < 16; b1++) for (int b2 = b1 + 1; b2 < 16; b2++) MASKS_T2[i++] = (1 << b1) | (1 << b2);
  }

  private long[] hashes = new long[0];
  private int[] ids = new int[0];
  private int n;
  private int removedInBase;
  private int[][] offsets = new int[WORDS][];
  private int[][] postings = new int[WORDS][];
  private final IdMap baseSlot = new IdMap();
  private LinearPdqIndex delta = new LinearPdqIndex();
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

  public MihPdqIndex() {
    build(new long[0], new int[0], 0);
  }

  /** Bulk build from parallel arrays ({@code hashes} holds 4 limbs per id). O(16n), parallel over words. */
  public static MihPdqIndex build(long[] hashes, int[] ids) {
    if (hashes.length != 4L * ids.length) throw new IllegalArgumentException("need 4 limbs per id");
    MihPdqIndex idx = new MihPdqIndex();
    idx.build(hashes, ids, ids.length);
    return idx;
  }

  private void build(long[] h, int[] idArr, int count) {
    for (int s = 0; s < count; s++) {
      if (baseSlot.get(idArr[s]) >= 0) throw new IllegalArgumentException("duplicate id " + idArr[s]);
      baseSlot.put(idArr[s], s);
    }
    hashes = h;
    ids = idArr;
    n = count;
    removedInBase = 0;
    int[][] off = new int[WORDS][];
    int[][] post = new int[WORDS][];
    IntStream.range(0, WORDS).parallel().forEach(w -> {
      int[] o = new int[BUCKETS + 1];
      int limb = w >> 2;
      int shift = (w & 3) * 16;
      for (int s = 0; s < count; s++) o[(int) (h[4 * s + limb] >>> shift) & 0xffff]++;
      int sum = 0;
      for (int b = 0; b < BUCKETS; b++) {
        int c = o[b];
        o[b] = sum;
        sum += c;
      }
      o[BUCKETS] = sum;
      int[] cursor = Arrays.copyOf(o, BUCKETS);
      int[] p = new int[count];
      for (int s = 0; s < count; s++) p[cursor[(int) (h[4 * s + limb] >>> shift) & 0xffff]++] = s;
      off[w] = o;
      post[w] = p;
    });
    offsets = off;
    postings = post;
  }

  @Override
  public void add(int id, PdqHash hash) {
    lock.writeLock().lock();
    try {
      if (baseSlot.get(id) >= 0) throw new IllegalArgumentException("id already present: " + id);
      delta.add(id, hash);
      if (delta.size() > Math.max(MIN_DELTA, n / 8)) foldDelta();
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public boolean remove(int id) {
    lock.writeLock().lock();
    try {
      int s = baseSlot.get(id);
      if (s >= 0) {
        ids[s] = -1;
        baseSlot.put(id, -1);
        removedInBase++;
        return true;
      }
      return delta.remove(id);
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public int size() {
    lock.readLock().lock();
    try {
      return n - removedInBase + delta.size();
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public void compact() {
    lock.writeLock().lock();
    try {
      foldDelta();
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Rebuilds the base from its live hashes plus the delta (caller holds the write lock). */
  private void foldDelta() {
    int total = n - removedInBase + delta.size();
    long[] h = new long[4 * total];
    int[] idArr = new int[total];
    int w = 0;
    for (int s = 0; s < n; s++) {
      if (ids[s] < 0) continue;
      System.arraycopy(hashes, 4 * s, h, 4 * w, 4);
      idArr[w++] = ids[s];
      baseSlot.put(ids[s], -1);
    }
    for (int id : delta.liveIds()) {
      PdqHash ph = delta.hashOf(id);
      h[4 * w] = ph.w0();
      h[4 * w + 1] = ph.w1();
      h[4 * w + 2] = ph.w2();
      h[4 * w + 3] = ph.w3();
      idArr[w++] = id;
    }
    delta = new LinearPdqIndex();
    build(h, idArr, total);
  }

  @Override
  public List<Hit> search(PdqHash q, int radius) {
    LinearPdqIndex.checkRadius(radius);
    lock.readLock().lock();
    try {
      List<Hit> out = delta.size() == 0 ? new ArrayList<>() : new ArrayList<>(delta.search(q, radius));
      if (radius > MAX_MIH_RADIUS) {
        scanBase(q, radius, out);
        return out;
      }
      long q0 = q.w0(), q1 = q.w1(), q2 = q.w2(), q3 = q.w3();
      int[] masks = radius < WORDS ? MASKS_T0 : radius < 2 * WORDS ? MASKS_T1 : MASKS_T2;
      long[] found = null;
      int nFound = 0;
      for (int w = 0; w < WORDS; w++) {
        int key = (int) (q.limb(w >> 2) >>> ((w & 3) * 16)) & 0xffff;
        int[] o = offsets[w];
        int[] p = postings[w];
        for (int mask : masks) {
          int k = key ^ mask;
          for (int i = o[k], end = o[k + 1]; i < end; i++) {
            int s = p[i];
            int base = s << 2;
            int d = Long.bitCount(q0 ^ hashes[base]) + Long.bitCount(q1 ^ hashes[base + 1]);
            if (d > radius) continue;
            d += Long.bitCount(q2 ^ hashes[base + 2]) + Long.bitCount(q3 ^ hashes[base + 3]);
            if (d > radius || ids[s] < 0) continue;
            if (found == null) found = new long[8];
            else if (nFound == found.length) found = Arrays.copyOf(found, nFound * 2);
            found[nFound++] = ((long) s << 32) | d;
          }
        }
      }
      if (nFound > 0) {
        // a true match is met once per word within t flips: keep each slot once
        Arrays.sort(found, 0, nFound);
        long prev = -1;
        for (int i = 0; i < nFound; i++) {
          long slot = found[i] >>> 32;
          if (slot == prev) continue;
          prev = slot;
          out.add(new Hit(ids[(int) slot], (int) found[i]));
        }
      }
      return out;
    } finally {
      lock.readLock().unlock();
    }
  }

  private void scanBase(PdqHash q, int radius, List<Hit> out) {
    for (int s = 0; s < n; s++) {
      if (ids[s] < 0) continue;
      int d = q.distance(PdqHash.fromLimbs(hashes, 4 * s));
      if (d <= radius) out.add(new Hit(ids[s], d));
    }
  }

  @Override
  public long memoryBytes() {
    long m = 8L * hashes.length + 4L * ids.length + baseSlot.memoryBytes() + delta.memoryBytes();
    for (int w = 0; w < WORDS; w++) m += 4L * offsets[w].length + 4L * postings[w].length;
    return m;
  }
}
