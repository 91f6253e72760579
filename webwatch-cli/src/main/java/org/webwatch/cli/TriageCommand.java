package org.webwatch.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.webwatch.identity.OperatingPoint;
import org.webwatch.media.MediaClassifier;
import org.webwatch.triage.CaptureSource;
import org.webwatch.triage.RankedPerson;
import org.webwatch.triage.RiskModel;
import org.webwatch.triage.TriageComponents;
import org.webwatch.triage.TriageOptions;
import org.webwatch.triage.TriagePipeline;
import org.webwatch.triage.TriageResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code webwatch triage}: ranks accounts and persons of one or more captures and writes the outputs of outputs.md. */
@Command(
    name = "triage",
    mixinStandardHelpOptions = true,
    description = {
      "Reads captures (and known-material hash sets, chain data), ranks accounts and persons by risk",
      "and writes accounts.csv, persons.csv, identities.csv, indicators.csv, identifiers.csv, media.csv,",
      "link-suggestions.csv, summary.json, explanations.json and report.html into --out."
    },
    footer = {"", "Example:", "  webwatch triage --capture forum-2019.zip --hashes vics.json --out results/"})
public final class TriageCommand implements Callable<Integer> {
  @Option(names = "--capture", required = true, paramLabel = "PATH", description = "capture directory, .zip or .tar.gz (repeatable)")
  List<Path> captures = new ArrayList<>();

  @Option(names = "--hashes", paramLabel = "FILE", description = "known-material hash set: VICS JSON, CSV or list (repeatable)")
  List<Path> hashes = new ArrayList<>();

  @Option(names = "--chain", paramLabel = "FILE", description = "Bitcoin chain data for following payments (repeatable)")
  List<Path> chains = new ArrayList<>();

  @Option(names = "--rules", paramLabel = "FILE", description = "indicator rules file (default: bundled rules)")
  Path rules;

  @Option(names = "--model", paramLabel = "FILE", description = "risk model JSON (default: bundled risk-model-v2.json)")
  Path model;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "output directory (created when missing)")
  Path out;

  @Option(names = "--data", paramLabel = "DIR", description = "Webwatch data directory with analyst link decisions (optional)")
  Path data;

  @Option(names = "--threads", paramLabel = "N", defaultValue = "2", description = "worker threads (default: ${DEFAULT-VALUE}); outputs do not depend on it")
  int threads;

  @Option(names = "--report-top", paramLabel = "N", defaultValue = "100", description = "persons detailed in report.html (default: ${DEFAULT-VALUE})")
  int reportTop;

  @Option(names = "--linking", paramLabel = "POINT", defaultValue = "strict",
      description = "account-linking operating point: strict (precision first; suggested links go to an analyst) or balanced "
          + "(suggestions merged too, precision ~0.96; see docs/identity.md) (default: ${DEFAULT-VALUE})")
  String linking;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    java.io.PrintWriter stdout = spec.commandLine().getOut();
    if (threads < 1 || threads > 256)
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--threads must be 1..256: " + threads);
    if (reportTop < 0) throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--report-top must be >= 0");
    OperatingPoint point;
    try {
      point = OperatingPoint.parse(linking);
    } catch (IllegalArgumentException e) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--linking: " + e.getMessage());
    }
    RiskModel riskModel = model == null ? RiskModel.defaults() : RiskModel.load(model);
    MediaClassifier media = Components.media(hashes);
    ChainPayments chain = chains.isEmpty() ? null : new ChainPayments(chains);
    TriageComponents components = new TriageComponents(Components.detector(rules), Components.extractor(), media,
        Components.linker(data, point), Components.network(), Components.payments(chain), riskModel, point.recordedIn(Components.hashSetVersions(media)));
    List<CaptureSource> sources = new ArrayList<>();
    for (Path p : captures) sources.add(Components.capture(p));
    TriageOptions options = new TriageOptions(threads, TriageOptions.DEFAULT_BATCH_SIZE, reportTop);
    TriageResult r = new TriagePipeline(components, options).run(sources, out);
    if (chain != null) chain.write(out);
    long rejected = r.summary().counts().getOrDefault("rejected", 0L);
    stdout.println("triage: " + r.accounts().size() + " accounts, " + r.persons().size() + " persons; "
        + r.summary().counts().getOrDefault("bands.persons.critical", 0L) + " critical, "
        + r.summary().counts().getOrDefault("bands.persons.high", 0L) + " high; " + rejected + " records rejected");
    for (RankedPerson p : r.persons().subList(0, Math.min(5, r.persons().size())))
      stdout.println("  #" + p.rank() + " " + p.person() + " " + p.score().band().code() + " " + p.score().reasons());
    stdout.println("report: " + out.resolve("report.html").toAbsolutePath());
    stdout.flush();
    return rejected > 0 ? WebwatchCli.EXIT_WITH_REJECTS : WebwatchCli.EXIT_OK;
  }
}
