package org.webwatch.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.webwatch.generate.GenerateOptions;
import org.webwatch.generate.PopulationGenerator;
import org.webwatch.ingest.CaptureReader;
import org.webwatch.ingest.CaptureVisitor;
import org.webwatch.ingest.ReadReport;
import org.webwatch.ingest.internal.SyntheticCaptureWriter;
import org.webwatch.model.Post;
import org.webwatch.store.ImportResult;
import org.webwatch.store.ImportService;
import org.webwatch.store.WebwatchStore;

/**
 * Ingest throughput, in one run: a capture is (1) read parse-only, (2) imported into a fresh
 * store with the full-text index. Prints posts/s of each, their ratio, CPU by thread and the
 * peak heap of each phase. A plain main (not JMH): one import of a million posts is the unit of
 * work, and its warm-up is part of what users see.
 *
 * <p>Two captures: the default is {@code SyntheticCaptureWriter}'s (N posts, gzip, 12–41 words
 * from a 30-word vocabulary: cheap to analyse); {@code --population PERSONS} writes the
 * population generator's capture instead (seed 42; 100,000 persons give 1.1M posts with the
 * generator's real vocabulary, plus 267,000 private messages, all indexed too) — the harder and
 * more honest one. posts/s counts posts only, whatever else the capture holds.
 *
 * <pre>java -Xmx1g -XX:+UseParallelGC -XX:-TieredCompilation -cp webwatch-bench/target/benchmarks.jar org.webwatch.bench.IngestBench [posts | --population PERSONS] [workdir] [index-ram-buffer-mb]</pre>
 */
public final class IngestBench {
  private IngestBench() {}

  public static void main(String[] args) throws IOException {
    boolean population = args.length > 0 && args[0].equals("--population");
    if (population) args = java.util.Arrays.copyOfRange(args, 1, args.length);
    long n = args.length > 0 ? Long.parseLong(args[0]) : population ? 100_000 : 1_000_000;
    Path work = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("webwatch-ingest-bench");
    double ramMb = args.length > 2 ? Double.parseDouble(args[2]) : org.webwatch.store.search.FullTextIndex.DEFAULT_RAM_BUFFER_MB;
    Path cap = population ? work.resolve("population").resolve("capture") : work.resolve("capture");
    long t0 = System.nanoTime();
    if (!Files.exists(cap.resolve("capture.json"))) {
      if (population) {
        new PopulationGenerator(2).generate(new GenerateOptions((int) n, 42L, GenerateOptions.DEFAULT_POSTS_PER_PERSON_MEAN,
            GenerateOptions.DEFAULT_SITES, GenerateOptions.OutputFormat.DIR), work.resolve("population"));
      } else {
        SyntheticCaptureWriter.write(cap, "bench-" + n, 4, 20_000, 5_000, n, true, 1);
      }
    }
    System.out.printf("capture: %s, %,d bytes on disk, ready in %.1f s%n", population ? "population generator, " + n + " persons, seed 42"
        : "synthetic, " + n + " posts", size(cap), secs(t0));

    resetPeaks();
    long c1 = cpu();
    long t1 = System.nanoTime();
    long[] seen = new long[2];
    ThreadCpu parseThreads = new ThreadCpu();
    ReadReport parse = new CaptureReader().read(cap, new CaptureVisitor() {
      @Override
      public void post(Post p) {
        seen[0] += p.text().length();
        seen[1]++;
      }
    });
    double parseSecs = secs(t1);
    double parseCpu = (cpu() - c1) / 1e9;
    long parseHeap = peakHeap();
    var parseByThread = parseThreads.stop();
    long posts = seen[1];
    System.out.printf("parse-only: %,d records in %.2f s = %,.0f posts/s (process CPU %.2f s), peak heap %,d MiB%n",
        parse.accepted(), parseSecs, posts / parseSecs, parseCpu, parseHeap >> 20);

    Path data = work.resolve("data");
    deleteTree(data);
    System.gc();
    resetPeaks();
    long c2 = cpu();
    long t2 = System.nanoTime();
    ImportResult r;
    ThreadCpu importThreads = new ThreadCpu();
    try (WebwatchStore store = WebwatchStore.open(data)) {
      long[] lastProgress = new long[1];
      r = new ImportService(store).importCapture(cap, org.webwatch.store.ImportOptions.defaults().withIndexRamBufferMb(ramMb)
          .withProgress(done -> lastProgress[0] = System.nanoTime()));
      System.out.printf("records read and handed over after %.2f s; commit tail (deferred SQL indexes, SQL commit, last Lucene flush) %.2f s%n",
          (lastProgress[0] - t2) / 1e9, secs(lastProgress[0]));
    }
    double importSecs = secs(t2);
    double importCpu = (cpu() - c2) / 1e9;
    long importHeap = peakHeap();
    var importByThread = importThreads.stop();
    System.out.printf("import (SQLite + Lucene): %,d records, %,d documents in %.2f s = %,.0f posts/s, %,.0f records/s (process CPU %.2f s), peak heap %,d MiB%n",
        r.accepted(), r.indexed(), importSecs, posts / importSecs, r.accepted() / importSecs, importCpu, importHeap >> 20);
    System.out.println("parse-only CPU by thread: " + ThreadCpu.describe(parseByThread, parseCpu));
    System.out.println("import CPU by thread: " + ThreadCpu.describe(importByThread, importCpu));
    System.out.printf("import / parse-only: wall %.2f, CPU %.2f; store %,d bytes%n", importSecs / parseSecs, importCpu / parseCpu, size(data));
    System.out.printf("load average during the run: %.1f on %d cores%n",
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), Runtime.getRuntime().availableProcessors());
  }

  /** Process CPU time in ns (all threads). */
  static long cpu() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private static double secs(long start) {
    return (System.nanoTime() - start) / 1e9;
  }

  private static void resetPeaks() {
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) if (p.getType() == MemoryType.HEAP) p.resetPeakUsage();
  }

  private static long peakHeap() {
    long sum = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) sum += p.getPeakUsage().getUsed();
    }
    return sum;
  }

  private static long size(Path p) throws IOException {
    if (!Files.exists(p)) return 0;
    try (Stream<Path> s = Files.walk(p)) {
      return s.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
    }
  }

  static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) return;
    try (Stream<Path> s = Files.walk(p)) {
      for (Path f : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(f);
    }
  }
}
