package org.webwatch.bench;

import java.awt.image.BufferedImage;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.webwatch.media.ImageDecoder;
import org.webwatch.media.PdqHasher;
import org.webwatch.media.PdqPolicy;

/**
 * Companion of {@link PdqBench} for an oversubscribed shared box: the same operations timed by
 * this thread's CPU time (not wall clock), after a warm-up, so that time spent descheduled by
 * other builds does not count. Cache and memory-bandwidth contention still do.
 *
 * <p>Usage: {@code java -cp benchmarks.jar -Dwebwatch.shared=../shared org.webwatch.bench.PdqCpuBench [ITERATIONS]}
 */
public final class PdqCpuBench {
  private PdqCpuBench() {}

  public static void main(String[] args) {
    int iters = args.length > 0 ? Integer.parseInt(args[0]) : 40;
    BufferedImage synthetic = SyntheticImage.rgb(1600, 1004, 7);
    Path photo = Path.of(System.getProperty("webwatch.shared", "../shared")).resolve("testdata/pdq/pdq-data/bridge-mods/aaa-orig.jpg");
    PdqHasher hasher = new PdqHasher();
    ImageDecoder decoder = new ImageDecoder();
    System.out.printf("1600x1004 (1.6 MP), %d iterations each, ms of thread CPU time per operation%n", iters);
    double base = time("baseline: reference-style blur+decimate only", iters, () -> ReferenceStylePdq.dctInput(synthetic));
    double full = time("core full (luma..hash)", iters, () -> hasher.hash(synthetic, PdqPolicy.FULL, false));
    time("core full + 8 dihedral", iters, () -> hasher.hash(synthetic, PdqPolicy.FULL, true));
    time("core nn512", iters, () -> hasher.hash(synthetic, PdqPolicy.NN512, false));
    double dec = time("decode JPEG (aaa-orig.jpg)", iters, () -> decoder.decode(photo));
    double e2eFull = time("end-to-end full (decode + hash)", iters, () -> hasher.hash(decoder.decode(photo), PdqPolicy.FULL, false));
    double e2eNn = time("end-to-end nn512 (decode + hash)", iters, () -> hasher.hash(decoder.decode(photo), PdqPolicy.NN512, false));
    System.out.printf("baseline/core-full ratio %.1fx; end-to-end images/s per core: full %.0f, nn512 %.0f; decode share %.0f%%%n",
        base / full, 1000 / e2eFull, 1000 / e2eNn, 100 * dec / e2eFull);
  }

  static double time(String name, int iters, Supplier<?> op) {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    for (int i = 0; i < Math.max(5, iters / 2); i++) op.get();
    long c = mx.getCurrentThreadCpuTime();
    long w = System.nanoTime();
    Object sink = null;
    for (int i = 0; i < iters; i++) sink = op.get();
    double ms = (mx.getCurrentThreadCpuTime() - c) / 1e6 / iters;
    double wall = (System.nanoTime() - w) / 1e6 / iters;
    System.out.printf("  %-48s %8.2f ms CPU  (%8.2f ms wall)%s%n", name, ms, wall, sink == null ? "?" : "");
    return ms;
  }
}
