package org.webwatch.media.index;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.IntStream;
import org.webwatch.media.PdqHash;

/**
 * Multi-index hashing (Norouzi, Punjani &amp; Fleet, "Fast Search in Hamming Space with
 * Multi-Index Hashing", CVPR 2012) over {@code m} disjoint substrings of the 256 bits.
 * Pigeonhole: if two hashes are within {@code r}, at least one substring differs in at most
 * {@code t = floor(r/m)} bits, so probing, for every substring, the buckets within {@code t} flips
 * of the query's substring and verifying each candidate with the full 256-bit distance finds every
 * match: EXACT recall (tested against brute force).
 *
 * <p>Substring length follows the paper's rule {@code bits ≈ log2(n)}, so buckets hold about one
 * hash: at 10M hashes that is m = 11 substrings of 23–24 bits, t = 2 at r = 31, about 3,000 probes
 * and 3,600 candidates per query instead of 10M. The choice is remade at every (re)build, so the
 * index adapts as it grows. Layout: hashes in one flat {@code long[]} (4 per slot), per substring
 * a CSR table ({@code 2^bits + 1} offsets, n slot numbers) built by an O(m·n) sort,
 * parallel over substrings (LSD radix sort, 12-bit digits). Memory at 10M ≈ 32 (hashes) + 44 (postings) + 45 (offsets) + 8 (ids)
 * bytes per hash. Adds go to a small linear delta scanned with each query; removes set a
 * tombstone; when the delta passes {@code max(65,536, n/8)} it is folded in (amortised O(m) per
 * add, never a rebuild per add). When probing would cost more than scanning ({@code t > 3}) the
 * query falls back to a linear scan, exact as well.
 */
public final class MihPdqIndex implements PdqIndex {
  static final int MIN_BITS = 8;
  static final int MAX_BITS = 24;
  static final int MAX_PROBE_FLIPS = 3;
  static final int RADIX_BITS = 12;
  static final int MIN_DELTA = 65_536;

  /** XOR masks within 0..t flips of a {@code bits}-bit key, by [bits][t], built on first use. */
  private static final int[][][] MASKS = new int[MAX_BITS + 1][MAX_PROBE_FLIPS + 1][];

  private static synchronized int[] masks(int bits, int t) {
    int[] m = MASKS[bits][t];
    if (m == null) {
      List<Integer> out = new ArrayList<>();
      out.add(0);
      for (int a = 0; a < bits && t >= 1; a++) {
        out.add(1 << a);
        for (int b = a + 1; b < bits && t >= 2; b++) {
          out.add((1 << a) | (1 << b));
          for (int c = b + 1; c < bits && t >= 3; c++) out.add((1 << a) | (1 << b) | (1 << c));
        }
      }
      m = out.stream().mapToInt(Integer::intValue).toArray();
      MASKS[bits][t] = m;
    }
    return m;
  }

  /** Test hook: fixed substring length instead of log2(n) (0 = automatic). */
  private int forcedBits;
  private int words;
  private int[] start = new int[0];
  private int[] bits = new int[0];
  private long[] hashes = new long[0];
  private int[] ids = new int[0];
  private int n;
  private int removedInBase;
  private int[][] offsets = new int[0][];
  private int[][] postings = new int[0][];
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

  /** As {@link #build(long[], int[])} with substrings of about {@code bitsPerSubstring} bits (tests). */
  static MihPdqIndex buildWithBits(long[] hashes, int[] ids, int bitsPerSubstring) {
    if (bitsPerSubstring < MIN_BITS || bitsPerSubstring > MAX_BITS) throw new IllegalArgumentException("bits out of range");
    MihPdqIndex idx = new MihPdqIndex();
    idx.forcedBits = bitsPerSubstring;
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
    // bits per substring ≈ log2(n) (ceiling): about one hash per bucket (MIH paper, §4)
    int log2 = 64 - Long.numberOfLeadingZeros(Math.max(1, count - 1));
    int target = forcedBits > 0 ? forcedBits : Math.max(MIN_BITS, Math.min(MAX_BITS, log2));
    int m = (256 + target - 1) / target;
    int[] st = new int[m];
    int[] bl = new int[m];
    for (int w = 0, pos = 0; w < m; w++) {
      bl[w] = 256 / m + (w < 256 % m ? 1 : 0);
      st[w] = pos;
      pos += bl[w];
    }
    int[][] off = new int[m][];
    int[][] post = new int[m][];
    // per substring: LSD radix sort of (key, slot) pairs in 12-bit digits (streaming, cache-friendly,
    // unlike a direct counting sort into 2^bits random buckets), then CSR offsets from the sorted keys.
    // Substrings run in parallel, at most one per core (each needs 16 bytes per hash of scratch).
    java.util.function.IntConsumer one = w -> {
      long[] a = new long[count];
      long[] b = new long[count];
      for (int s = 0; s < count; s++) a[s] = ((long) key(h, 4 * s, st[w], bl[w]) << 32) | s;
      long[] sorted = a;
      for (int shift = 0; shift < bl[w]; shift += RADIX_BITS) {
        radixPass(sorted, sorted == a ? b : a, 32 + shift, Math.min(RADIX_BITS, bl[w] - shift));
        sorted = sorted == a ? b : a;
      }
      int[] o = new int[(1 << bl[w]) + 1];
      int[] p = new int[count];
      for (int i = 0; i < count; i++) {
        o[(int) (sorted[i] >>> 32) + 1]++;
        p[i] = (int) sorted[i];
      }
      for (int k = 1; k < o.length; k++) o[k] += o[k - 1];
      off[w] = o;
        post[w] = p;
    };
    int cores = Math.max(1, Math.min(m, Runtime.getRuntime().availableProcessors()));
    if (count < 100_000 || cores == 1) {
      for (int w = 0; w < m; w++) one.accept(w);
    } else {
      buildParallel(one, m, cores);
    }
    words = m;
    start = st;
    bits = bl;
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
      int t = radius / words;
      if (t > MAX_PROBE_FLIPS) {
        scanBase(q, radius, out);
        return out;
      }
      long q0 = q.w0(), q1 = q.w1(), q2 = q.w2(), q3 = q.w3();
      long[] ql = {q0, q1, q2, q3};
      long[] found = null;
      int nFound = 0;
      for (int w = 0; w < words; w++) {
        int key = key(ql, 0, start[w], bits[w]);
        int[] o = offsets[w];
        int[] p = postings[w];
        for (int mask : masks(bits[w], t)) {
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

  private static void buildParallel(java.util.function.IntConsumer one, int m, int cores) {
    java.util.concurrent.ForkJoinPool pool = new java.util.concurrent.ForkJoinPool(cores);
    try {
      pool.submit(() -> IntStream.range(0, m).parallel().forEach(one)).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("index build interrupted", e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("index build failed", e.getCause());
    } finally {
      pool.shutdown();
    }
  }

  /** One stable counting pass of an LSD radix sort on {@code digitBits} bits at {@code shift}. */
  private static void radixPass(long[] src, long[] dst, int shift, int digitBits) {
    int[] pos = new int[1 << digitBits];
    int mask = (1 << digitBits) - 1;
    for (long x : src) pos[(int) (x >>> shift) & mask]++;
    for (int i = 0, sum = 0; i < pos.length; i++) {
      int c = pos[i];
      pos[i] = sum;
      sum += c;
    }
    for (long x : src) dst[pos[(int) (x >>> shift) & mask]++] = x;
  }

  /** Bits {@code [from, from+len)} of the 256-bit value in {@code limbs[off..off+3]}, len ≤ 32. */
  static int key(long[] limbs, int off, int from, int len) {
    int limb = from >>> 6;
    int shift = from & 63;
    long v = limbs[off + limb] >>> shift;
    if (shift + len > 64) v |= limbs[off + limb + 1] << (64 - shift);
    return (int) (v & ((1L << len) - 1));
  }

  /** Substrings in use (for tests and capacity planning). */
  public int substrings() {
    return words;
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
    for (int w = 0; w < words; w++) m += 4L * offsets[w].length + 4L * postings[w].length;
    return m;
  }
}
