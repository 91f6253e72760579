package org.webwatch.server.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.webwatch.WebwatchException;
import org.webwatch.identity.OperatingPoint;
import org.webwatch.identity.network.GraphNetworkAnalyzer;
import org.webwatch.media.KnownMedia;
import org.webwatch.server.internal.jobs.JobProgress;
import org.webwatch.server.internal.jobs.JobWork;
import org.webwatch.signals.RuleIndicatorDetector;
import org.webwatch.signals.ValidatingIdentifierExtractor;
import org.webwatch.store.StoredCaptureSource;
import org.webwatch.store.casework.DecisionRepository;
import org.webwatch.store.casework.LinkDecision;
import org.webwatch.store.media.HashSetRepository;
import org.webwatch.store.triage.TriageResultImporter;
import org.webwatch.store.triage.TriageRun;
import org.webwatch.triage.RiskModel;
import org.webwatch.triage.TriageComponents;
import org.webwatch.triage.TriageOptions;
import org.webwatch.triage.TriagePipeline;
import org.webwatch.triage.TriageResult;

/**
 * A triage run over every capture record in the store, loaded as a new run for the queue.
 *
 * <p>Input: the records are read back from the store ({@link StoredCaptureSource}), not from
 * the capture files recorded at import: uploads are deleted after import and files on disk move
 * or vanish, while the store always holds exactly what was imported (the union of all captures,
 * a re-sent record counted once). Stages: the bundled indicator rules, the validating identifier
 * extractor, every stored hash set, the analysts' link decisions (linking at the job's operating point, strict
 * unless asked: {@link OperatingPoint}), the graph network analyzer,
 * the bundled risk model; no chain data (payments need {@code ./webwatch triage --chain}).
 * Outputs (outputs.md, report.html included) go to {@code DATA/triage-runs/run-TIME/} and are
 * then loaded by {@link TriageResultImporter} (one transaction), which makes them the queue's run.
 */
final class TriageWork implements JobWork {
  static final String RUNS_DIR = "triage-runs";
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  private final Services s;
  private final String actor;
  private final int threads;
  private final OperatingPoint linking;

  TriageWork(Services s, String actor, int threads, OperatingPoint linking) {
    this.s = s;
    this.actor = actor;
    this.threads = threads;
    this.linking = java.util.Objects.requireNonNull(linking, "linking");
  }

  @Override
  public Map<String, Object> run(JobProgress p) throws Exception {
    p.phase("loading hash sets and decisions", -1, "");
    KnownMedia media = new HashSetRepository(s.store()).loadAll();
    List<LinkDecision> decisions = new DecisionRepository(s.store()).linkDecisions();
    p.checkCancelled();
    StoredCaptureSource source = new StoredCaptureSource(s.store(), n -> {
      p.done(n);
      p.checkCancelled();
    });
    long records = source.records();
    if (records == 0) throw new WebwatchException(WebwatchException.Kind.INVALID_INPUT, "the store holds no capture records: import a capture first");
    Path out = outDir();
    p.phase("reading captures (indicators, identifiers, media)", records, "records");
    TriageResult result;
    TriageRun run;
    try {
      result = new TriagePipeline(components(media, decisions, linking), new TriageOptions(threads, TriageOptions.DEFAULT_BATCH_SIZE,
          TriageOptions.DEFAULT_REPORT_TOP)).run(List.of(source), out);
      p.checkCancelled();
      p.phase("loading results into the queue", -1, "");
      run = new TriageResultImporter(s.store()).importRun(out);
    } catch (RuntimeException e) {
      deleteTree(out); // a cancelled or failed run leaves no half-written output directory behind
      throw e;
    }
    s.audit().append(System.currentTimeMillis(), actor, "import.triage", "run:" + run.id(),
        Map.of("dir", out.toString(), "accounts", run.accounts(), "persons", run.persons(), "source", source.name()));
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("run", run.id());
    summary.put("records", records);
    summary.put("accounts", result.accounts().size());
    summary.put("persons", result.persons().size());
    summary.put("critical", result.summary().counts().getOrDefault("bands.persons.critical", 0L));
    summary.put("high", result.summary().counts().getOrDefault("bands.persons.high", 0L));
    summary.put("hash sets", media.sets().size());
    summary.put("linking", linking.code());
    summary.put("output", out.toString());
    return summary;
  }

  private static void deleteTree(Path dir) {
    try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(f);
    } catch (java.io.IOException | RuntimeException ignored) {
      // a leftover directory is not loaded anywhere; it only takes disk space
    }
  }

  private Path outDir() throws java.io.IOException {
    Path runs = Files.createDirectories(s.store().dataDir().resolve(RUNS_DIR));
    String stamp = STAMP.format(Instant.now());
    Path out = runs.resolve("run-" + stamp);
    for (int i = 2; Files.exists(out); i++) out = runs.resolve("run-" + stamp + "-" + i);
    return Files.createDirectories(out);
  }

  private static TriageComponents components(KnownMedia media, List<LinkDecision> decisions, OperatingPoint linking) {
    return new TriageComponents(RuleIndicatorDetector.withDefaultRules(), new ValidatingIdentifierExtractor(), media,
        DecisionRepository.linkerWith(decisions, linking), GraphNetworkAnalyzer::new, java.util.Optional.empty(), RiskModel.defaults(),
        linking.recordedIn(media.versions()));
  }
}
