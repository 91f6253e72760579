package org.webwatch.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.webwatch.ingest.CaptureReader;
import org.webwatch.ingest.TextItemVisitor;
import org.webwatch.signals.IndicatorEvaluation;
import org.webwatch.signals.RuleIndicatorDetector;
import org.webwatch.signals.SignalsRun;
import org.webwatch.signals.ValidatingIdentifierExtractor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code webwatch signals}: indicator spans and validated identifiers of one capture. */
@Command(
    name = "signals",
    mixinStandardHelpOptions = true,
    description = "Finds indicator spans and identifiers in a capture's text and writes indicators.csv and identifiers.csv.",
    footer = {"", "Example: ./webwatch signals --capture captures/board-2019 --out out/ --rules agency.rules"})
public final class SignalsCommand implements Callable<Integer> {
  @Option(names = "--capture", required = true, description = "capture: directory, .zip or .tar.gz")
  Path capture;

  @Option(names = "--out", required = true, description = "output directory")
  Path out;

  @Option(names = "--rules", description = "agency rules file (see docs/signals.md), applied on top of the shipped rules")
  Path rules;

  @Option(names = "--replace-rules", description = "use only --rules, not the shipped rules or classifier")
  boolean replaceRules;

  @Option(names = "--truth", description = "truth indicators.csv to score the output against (per-code precision/recall; negatives.csv and obfuscations.csv beside it add the hard-negative false-positive rate and recall per obfuscation type)")
  Path truth;

  @Override
  public Integer call() {
    RuleIndicatorDetector detector = rules == null ? RuleIndicatorDetector.withDefaultRules() : RuleIndicatorDetector.fromFile(rules, replaceRules);
    SignalsRun.Summary s;
    s = new SignalsRun(detector, new ValidatingIdentifierExtractor())
        .run(sink -> new CaptureReader().read(capture, new TextItemVisitor(sink)), out);
    System.out.printf("signals %s: %d texts, %d indicator spans, %d identifiers (%d invalid) -> %s%n", s.version(), s.items(),
        s.indicators(), s.identifiers(), s.invalidIdentifiers(), out);
    s.perCode().forEach((c, n) -> System.out.printf("  %-22s %d%n", c.code(), n));
    if (truth != null) {
      // the generator writes negatives.csv and obfuscations.csv beside indicators.csv: use them when present
      java.nio.file.Path dir = truth.toAbsolutePath().getParent();
      java.nio.file.Path neg = dir.resolve("negatives.csv"), obf = dir.resolve("obfuscations.csv");
      System.out.print(IndicatorEvaluation.evaluate(out.resolve("indicators.csv"), truth,
          java.nio.file.Files.isRegularFile(neg) ? neg : null, java.nio.file.Files.isRegularFile(obf) ? obf : null).toMarkdown());
    }
    return WebwatchCli.EXIT_OK;
  }
}
