package org.webwatch.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.function.IntSupplier;

/**
 * Companion to {@link SignalsBench} for a shared, overloaded machine: times the same batch
 * with the calling thread's CPU time (not wall time), so other processes' load does not count.
 * Prints MB/s per core for each benchmark after warm-up rounds. Run:
 * {@code java -cp webwatch-bench/target/benchmarks.jar org.webwatch.bench.SignalsCpuTime [rounds]}.
 */
public final class SignalsCpuTime {
  private SignalsCpuTime() {}

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 16;
    SignalsBench b = new SignalsBench();
    b.setup();
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    String[] names = {"baselineLowercaseScan", "rulesOnly", "rulesAndClassifier", "identifiers"};
    IntSupplier[] runs = {b::baselineLowercaseScan, b::rulesOnly, b::rulesAndClassifier, b::identifiers};
    double[] sum = new double[runs.length];
    int measured = 0;
    for (int r = 0; r < rounds; r++) {
      StringBuilder line = new StringBuilder("round " + r + ":");
      for (int k = 0; k < runs.length; k++) {
        long t0 = mx.getCurrentThreadCpuTime();
        runs[k].getAsInt();
        double secs = (mx.getCurrentThreadCpuTime() - t0) / 1e9;
        double mbs = b.batchMiB / secs;
        line.append(String.format(" %s=%.1f", names[k], mbs));
        if (r >= rounds / 2) sum[k] += mbs;
      }
      if (r >= rounds / 2) measured++;
      System.out.println(line);
    }
    System.out.println("mean of the last " + measured + " rounds, MiB/s per core (CPU time):");
    for (int k = 0; k < runs.length; k++) System.out.printf("  %-22s %8.1f%n", names[k], sum[k] / measured);
  }
}
