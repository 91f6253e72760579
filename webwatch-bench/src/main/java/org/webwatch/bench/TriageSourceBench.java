package org.webwatch.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.webwatch.generate.GenerateOptions;
import org.webwatch.generate.PopulationGenerator;
import org.webwatch.identity.EvidenceAccountLinker;
import org.webwatch.identity.network.GraphNetworkAnalyzer;
import org.webwatch.ingest.CaptureVisitor;
import org.webwatch.media.KnownMedia;
import org.webwatch.model.Post;
import org.webwatch.signals.RuleIndicatorDetector;
import org.webwatch.signals.ValidatingIdentifierExtractor;
import org.webwatch.store.ImportService;
import org.webwatch.store.StoredCaptureSource;
import org.webwatch.store.WebwatchStore;
import org.webwatch.triage.CaptureSource;
import org.webwatch.triage.SourceCounts;
import org.webwatch.triage.RiskModel;
import org.webwatch.triage.TriageComponents;
import org.webwatch.triage.TriageOptions;
import org.webwatch.triage.TriagePipeline;
import org.webwatch.triage.TriageResult;

/**
 * What reading the captures back from the store (the server's triage job,
 * {@link StoredCaptureSource}) costs against re-reading the capture files ({@link CaptureSource#of}),
 * in one run on one generated population: (1) read only, into a counting visitor, thread CPU
 * time of the reading thread; (2) a whole triage run over each source (wall and process CPU).
 * A plain main: one pass over a store is the unit of work.
 *
 * <pre>java -Xmx2g -cp webwatch-bench/target/benchmarks.jar org.webwatch.bench.TriageSourceBench [persons] [workdir]</pre>
 */
public final class TriageSourceBench {
  private TriageSourceBench() {}

  public static void main(String[] args) throws Exception {
    int persons = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
    Path work = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("webwatch-triage-source-bench");
    new PopulationGenerator(2).generate(new GenerateOptions(persons, 7L, GenerateOptions.DEFAULT_POSTS_PER_PERSON_MEAN,
        GenerateOptions.DEFAULT_SITES, GenerateOptions.OutputFormat.DIR), work.resolve("gen"));
    Path capture = work.resolve("gen").resolve("capture");
    try (WebwatchStore store = WebwatchStore.open(work.resolve("data"))) {
      long t = System.nanoTime();
      new ImportService(store).importCapture(capture);
      System.out.printf("import: %.1f s%n", (System.nanoTime() - t) / 1e9);
      CaptureSource file = CaptureSource.of(capture);
      CaptureSource stored = new StoredCaptureSource(store, null);
      for (int round = 0; round < 4; round++) { // rounds 0-1 warm up
        double f = readCpu(file);
        double s = readCpu(stored);
        if (round >= 2) System.out.printf("read only, round %d: file %.2f s CPU, store %.2f s CPU, store/file %.2f%n", round - 1, f, s, s / f);
      }
      for (CaptureSource src : List.of(file, stored, file, stored)) {
        long c = cpu();
        long w = System.nanoTime();
        TriageResult r = new TriagePipeline(components(), TriageOptions.defaults())
            .run(List.of(src), Files.createTempDirectory(work, "out-"));
        System.out.printf("triage over %-5s: %,d accounts, %,d persons, wall %.1f s, process CPU %.1f s%n",
            src == file ? "file" : "store", r.accounts().size(), r.persons().size(), (System.nanoTime() - w) / 1e9, (cpu() - c) / 1e9);
      }
    }
    System.out.printf("load average: %.1f on %d cores%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
        Runtime.getRuntime().availableProcessors());
  }

  private static double readCpu(CaptureSource source) {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    long c = mx.getCurrentThreadCpuTime();
    long[] chars = {0};
    SourceCounts n = source.read(new CaptureVisitor() {
      @Override
      public void post(Post p) {
        chars[0] += p.text().length() + p.attachments().size();
      }
    });
    if (n.read() == 0 || chars[0] == 0) throw new IllegalStateException("nothing read");
    return (mx.getCurrentThreadCpuTime() - c) / 1e9;
  }

  private static TriageComponents components() {
    return new TriageComponents(RuleIndicatorDetector.withDefaultRules(), new ValidatingIdentifierExtractor(), new KnownMedia(),
        EvidenceAccountLinker::new, GraphNetworkAnalyzer::new, Optional.empty(), RiskModel.defaults(), java.util.Map.of());
  }

  private static long cpu() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }
}
