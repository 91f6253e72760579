package org.webwatch.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * CPU seconds per Java thread over a phase, so a benchmark can say WHERE its CPU went even on a
 * loaded machine (thread CPU time does not count time spent waiting for a core). Threads that
 * end during the phase are caught by sampling every {@link #PERIOD_MS} ms (their last sample is
 * kept, so up to one period of a finished thread's work is missed). What the process used
 * beyond the Java threads (garbage collection, JIT compilation) is reported as the remainder.
 */
final class ThreadCpu implements AutoCloseable {
  static final long PERIOD_MS = 100;

  private final ThreadMXBean mx = ManagementFactory.getThreadMXBean();
  private final Map<Long, long[]> start = new ConcurrentHashMap<>();
  private final Map<Long, long[]> last = new ConcurrentHashMap<>();
  private final Map<Long, String> names = new ConcurrentHashMap<>();
  private final Thread sampler;
  private volatile boolean running = true;

  ThreadCpu() {
    sample(true);
    sampler = new Thread(() -> {
      while (running) {
        sample(false);
        try {
          Thread.sleep(PERIOD_MS);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "bench-thread-cpu");
    sampler.setDaemon(true);
    sampler.start();
  }

  private void sample(boolean first) {
    for (ThreadInfo ti : mx.getThreadInfo(mx.getAllThreadIds())) {
      if (ti == null) continue;
      long id = ti.getThreadId();
      long cpu = mx.getThreadCpuTime(id);
      if (cpu < 0) continue;
      names.putIfAbsent(id, ti.getThreadName());
      if (first) start.put(id, new long[] {cpu});
      last.put(id, new long[] {cpu});
    }
  }

  /** Stops sampling; CPU seconds per thread name (numbered workers summed under their prefix). */
  Map<String, Double> stop() {
    sample(false);
    running = false;
    sampler.interrupt();
    Map<String, Double> out = new TreeMap<>();
    for (var e : last.entrySet()) {
      String name = names.get(e.getKey());
      if (name.equals("bench-thread-cpu")) continue;
      long from = start.getOrDefault(e.getKey(), new long[] {0})[0];
      double s = (e.getValue()[0] - from) / 1e9;
      if (s < 0.05) continue;
      out.merge(name.replaceAll("-\\d+$", ""), s, Double::sum);
    }
    return out;
  }

  @Override
  public void close() {
    running = false;
    sampler.interrupt();
  }

  /** One line: {@code name s, name s, ..., other s} against the process CPU of the phase. */
  static String describe(Map<String, Double> perThread, double processCpu) {
    StringBuilder b = new StringBuilder();
    double sum = 0;
    for (var e : perThread.entrySet()) {
      b.append(String.format("%s %.2f s, ", e.getKey(), e.getValue()));
      sum += e.getValue();
    }
    return b.append(String.format("GC/JIT/VM %.2f s", Math.max(0, processCpu - sum))).toString();
  }
}
