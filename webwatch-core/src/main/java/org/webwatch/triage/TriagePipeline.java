package org.webwatch.triage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.webwatch.WebwatchException;
import org.webwatch.identity.AccountLinker;
import org.webwatch.identity.IdentityResult;
import org.webwatch.identity.network.NetworkAnalyzer;
import org.webwatch.identity.network.NetworkRole;
import org.webwatch.model.AccountKey;
import org.webwatch.triage.internal.Ranker;
import org.webwatch.triage.internal.TriageStream;

/**
 * Runs triage end to end: one streaming pass over every capture (texts to the indicator
 * detector and identifier extractor, attachments to the media classifier, all of it to the
 * account linker and network analyzer; indicators.csv, identifiers.csv and media.csv written as
 * they stream, in record order), then linking, network analysis, the optional payments hook,
 * the risk model and the writers ({@link TriageWriter}). Memory is O(accounts + new media +
 * retained evidence), not O(posts). Output bytes do not depend on the thread count; re-runs on
 * the same input give the same files (summary.json's timings aside).
 */
public final class TriagePipeline {
  private final TriageComponents components;
  private final TriageOptions options;

  public TriagePipeline(TriageComponents components, TriageOptions options) {
    this.components = Objects.requireNonNull(components, "components");
    this.options = Objects.requireNonNull(options, "options");
  }

  /** Reads {@code sources} in the order given and writes every output file into {@code out}. */
  public TriageResult run(List<CaptureSource> sources, Path out) {
    if (sources.isEmpty()) throw new WebwatchException(WebwatchException.Kind.INVALID_INPUT, "no capture given");
    try {
      Files.createDirectories(out);
    } catch (IOException e) {
      throw new WebwatchException(WebwatchException.Kind.REFUSED, out + ": cannot create output directory: " + e.getMessage(), e);
    }
    Map<String, Long> timings = new LinkedHashMap<>();
    AccountLinker linker = components.linkerFactory().get();
    NetworkAnalyzer network = components.networkFactory().get();
    List<TriageSummary.Input> inputs = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(options.threads(), daemonThreads());
    TriageStream stream;
    long t = System.nanoTime();
    try {
      stream = new TriageStream(components, pool, options.threads(), options.batchSize(), out, linker, network);
      try (stream) {
        for (CaptureSource s : sources) {
          SourceCounts c = s.read(stream);
          inputs.add(new TriageSummary.Input(s.name(), c.read(), c.rejected()));
        }
        stream.finish();
      }
    } finally {
      pool.shutdownNow();
    }
    timings.put("stream", ms(t));
    stream.componentNanos().entrySet().stream().sorted(Map.Entry.comparingByKey())
        .forEach(e -> timings.put("stream.cpu." + e.getKey(), e.getValue() / 1_000_000));

    stream.releaseStages();
    t = System.nanoTime();
    IdentityResult identity = linker.link();
    linker = null; // its features are no longer needed: let the network stage have the memory
    timings.put("identity.link", ms(t));
    t = System.nanoTime();
    Map<AccountKey, NetworkRole> roles = network.analyze();
    network = null;
    timings.put("network.analyze", ms(t));

    Map<String, String> versions = new TreeMap<>(components.versions());
    versions.put("model", components.model().version());
    versions.put("rules", components.detector().version());
    Ranker ranker = new Ranker(components.model(), stream.accounts(), Long.MAX_VALUE / 2);
    if (components.payments().isPresent()) {
      t = System.nanoTime();
      PaymentsInput p = components.payments().get().apply(List.copyOf(stream.keptIdentifiers()));
      versions.put("payments", p.version());
      timings.put("payments", ms(t));
      ranker.payments(p);
    }
    t = System.nanoTime();
    ranker.newMedia(stream.newMedia());
    ranker.roles(roles);
    Ranker.Ranking ranking = ranker.rank(identity);
    timings.put("risk", ms(t));

    Map<String, Long> counts = new TreeMap<>(stream.counts());
    counts.put("written.accounts", (long) ranking.accounts().size());
    counts.put("written.persons", (long) ranking.persons().size());
    counts.put("written.identities", (long) ranking.identity().assignments().size());
    counts.putIfAbsent("written.indicators", 0L);
    counts.putIfAbsent("written.identifiers", 0L);
    counts.putIfAbsent("written.media", 0L);
    counts.putIfAbsent("rejected", 0L);
    for (Band b : Band.values()) {
      counts.put("bands.accounts." + b.code(), ranking.accounts().stream().filter(a -> a.score().band() == b).count());
      counts.put("bands.persons." + b.code(), ranking.persons().stream().filter(a -> a.score().band() == b).count());
    }
    t = System.nanoTime();
    TriageSummary partial = new TriageSummary(inputs, counts, versions, timings, stream.messages());
    TriageResult result = new TriageResult(ranking.accounts(), ranking.persons(), ranking.identity(), ranking.excerpts(),
        ranking.identifiers(), partial);
    TriageWriter.writeAccounts(out.resolve(TriageWriter.ACCOUNTS), result.accounts());
    TriageWriter.writePersons(out.resolve(TriageWriter.PERSONS), result.persons());
    TriageWriter.writeIdentities(out.resolve(TriageWriter.IDENTITIES), result.identity(), result.persons());
    TriageWriter.writeSuggestions(out.resolve(TriageWriter.SUGGESTIONS), result.identity());
    TriageWriter.writeExplanations(out.resolve(TriageWriter.EXPLANATIONS), result);
    TriageWriter.writeReport(out.resolve(TriageWriter.REPORT), result, options.reportTop());
    timings.put("write", ms(t));
    TriageSummary summary = new TriageSummary(inputs, counts, versions, timings, stream.messages());
    TriageWriter.writeSummary(out.resolve(TriageWriter.SUMMARY), summary);
    return new TriageResult(result.accounts(), result.persons(), result.identity(), result.excerpts(), result.identifiers(), summary);
  }

  private static long ms(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }

  private static java.util.concurrent.ThreadFactory daemonThreads() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread th = new Thread(r, "triage-worker-" + n.incrementAndGet());
      th.setDaemon(true);
      return th;
    };
  }
}
