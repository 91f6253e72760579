package org.webwatch.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.webwatch.media.PdqHash;
import org.webwatch.media.index.LinearPdqIndex;
import org.webwatch.media.index.MihPdqIndex;
import org.webwatch.media.index.PdqIndex;

/**
 * National-scale PDQ index benchmark, a plain main method because building 10M-hash indexes per
 * JMH fork is too slow on the shared 2-core box. Builds a multi-index (MIH) and a brute-force
 * linear index over the same N random hashes plus planted near neighbours (distances 0–32) of the
 * queries, checks that MIH returns exactly what brute force returns for every query (exact
 * recall), and reports build time, index memory and single-thread queries/s at radius 31 for
 * single hashes and for 8-hash (dihedral) queries.
 *
 * <p>Usage: {@code java -Xmx4g -cp benchmarks.jar org.webwatch.bench.PdqIndexBench [N] [QUERIES]}
 */
public final class PdqIndexBench {
  private PdqIndexBench() {}

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000_000;
    int nq = args.length > 1 ? Integer.parseInt(args[1]) : 400;
    int radius = 31;
    Random r = new Random(1);
    PdqHash[] queries = new PdqHash[nq];
    for (int i = 0; i < nq; i++) queries[i] = new PdqHash(r.nextLong(), r.nextLong(), r.nextLong(), r.nextLong());
    long[] limbs = new long[4 * n];
    int[] ids = new int[n];
    for (int i = 0; i < n; i++) {
      ids[i] = i;
      PdqHash h = i < nq * 2 ? near(queries[i % nq], (i / nq) * 16 + i % 17, r)
          : new PdqHash(r.nextLong(), r.nextLong(), r.nextLong(), r.nextLong());
      limbs[4 * i] = h.w0();
      limbs[4 * i + 1] = h.w1();
      limbs[4 * i + 2] = h.w2();
      limbs[4 * i + 3] = h.w3();
    }
    System.out.printf("N=%,d random hashes (+%d planted near neighbours), %d queries, radius %d, %d cores%n",
        n, nq * 2, nq, radius, Runtime.getRuntime().availableProcessors());

    gc();
    long before = used();
    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    long t0 = System.nanoTime();
    MihPdqIndex mih = MihPdqIndex.build(limbs.clone(), ids.clone());
    double mihBuild = (System.nanoTime() - t0) / 1e9;
    gc();
    System.out.printf("MIH build %.2f s, index memory %,d MB (heap delta %,d MB)%n", mihBuild, mih.memoryBytes() >> 20,
        (used() - before) >> 20);

    t0 = System.nanoTime();
    LinearPdqIndex linear = new LinearPdqIndex();
    for (int i = 0; i < n; i++) linear.add(i, PdqHash.fromLimbs(limbs, 4 * i));
    double linBuild = (System.nanoTime() - t0) / 1e9;
    System.out.printf("Linear build %.2f s, index memory %,d MB%n", linBuild, linear.memoryBytes() >> 20);
    limbs = null;

    // exact recall: MIH must equal brute force on every query
    long hits = 0;
    for (PdqHash q : queries) {
      List<PdqIndex.Hit> a = sorted(mih.search(q, radius));
      List<PdqIndex.Hit> b = sorted(linear.search(q, radius));
      if (!a.equals(b)) throw new AssertionError("MIH differs from brute force for " + q + ": " + a + " vs " + b);
      hits += a.size();
    }
    System.out.printf("exact recall: MIH == brute force on all %d queries (%d hits)%n", nq, hits);

    double mihQps = rate(() -> { for (PdqHash q : queries) mih.search(q, radius); }, nq);
    double mihCpu = lastCpuRate;
    int linQ = Math.max(4, nq / 20);
    double linQps = rate(() -> { for (int i = 0; i < linQ; i++) linear.search(queries[i], radius); }, linQ);
    double linCpu = lastCpuRate;
    System.out.printf("single-thread queries/s at %d: MIH %.0f, brute force %.1f (ratio %.0fx) [wall clock]%n", radius, mihQps, linQps, mihQps / linQps);
    System.out.printf("single-thread queries per CPU-second at %d: MIH %.0f, brute force %.1f (ratio %.0fx)%n", radius, mihCpu, linCpu, mihCpu / linCpu);

    int groups = nq / 8;
    double mih8 = rate(() -> {
      for (int g = 0; g < groups; g++) for (int k = 0; k < 8; k++) mih.search(queries[g * 8 + k], radius);
    }, groups);
    double mih8Cpu = lastCpuRate;
    int linGroups = Math.max(2, groups / 20);
    double lin8 = rate(() -> {
      for (int g = 0; g < linGroups; g++) {
        PdqHash[] block = new PdqHash[8];
        System.arraycopy(queries, g * 8, block, 0, 8);
        linear.searchBlock(block, radius);
      }
    }, linGroups);
    System.out.printf("single-thread 8-dihedral queries per CPU-second: MIH %.0f, brute force %.1f%n", mih8Cpu, lastCpuRate);
    System.out.printf("single-thread 8-dihedral queries/s: MIH %.0f, brute force (blocked scan) %.1f [wall clock]%n", mih8, lin8);

    List<PdqHash> batch = List.of(queries);
    double par = rate(() -> mih.searchAll(batch, radius), nq);
    System.out.printf("parallel batch (common pool) queries/s: MIH %.0f%n", par);
  }

  /** Wall-clock rate; also records the rate per second of this thread's CPU time in {@link #lastCpuRate}. */
  static double rate(Runnable work, int count) {
    work.run(); // warm-up
    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    long c = mx.getCurrentThreadCpuTime();
    long t = System.nanoTime();
    work.run();
    long wall = System.nanoTime() - t;
    lastCpuRate = count / ((mx.getCurrentThreadCpuTime() - c) / 1e9);
    return count / (wall / 1e9);
  }

  /** On a shared, oversubscribed box the thread's CPU time is the fairer per-core measure. */
  static double lastCpuRate;

  static PdqHash near(PdqHash q, int bits, Random r) {
    long[] w = {q.w0(), q.w1(), q.w2(), q.w3()};
    java.util.Set<Integer> chosen = new java.util.HashSet<>();
    while (chosen.size() < Math.min(bits, 32)) chosen.add(r.nextInt(256));
    for (int b : chosen) w[b >> 6] ^= 1L << (b & 63);
    return new PdqHash(w[0], w[1], w[2], w[3]);
  }

  static List<PdqIndex.Hit> sorted(List<PdqIndex.Hit> h) {
    List<PdqIndex.Hit> c = new ArrayList<>(h);
    c.sort(Comparator.comparingInt(PdqIndex.Hit::id));
    return c;
  }

  static void gc() {
    for (int i = 0; i < 3; i++) System.gc();
  }

  static long used() {
    Runtime rt = Runtime.getRuntime();
    return rt.totalMemory() - rt.freeMemory();
  }
}
