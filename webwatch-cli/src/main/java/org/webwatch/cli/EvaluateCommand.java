package org.webwatch.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.webwatch.triage.Evaluation;
import org.webwatch.triage.EvaluationReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code webwatch evaluate}: scores a triage output directory against generator ground truth. */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    description = {
      "Scores a triage output directory against ground truth (truth.json beside persons.csv, accounts.csv,",
      "indicators.csv, media.csv) and writes evaluation.json and evaluation.md into that directory."
    },
    footer = {"", "Example:", "  webwatch evaluate --truth population/truth/truth.json --out results/"})
public final class EvaluateCommand implements Callable<Integer> {
  @Option(names = "--truth", required = true, paramLabel = "FILE", description = "truth.json of a generated population")
  Path truth;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "triage output directory to score")
  Path out;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    java.io.PrintWriter stdout = spec.commandLine().getOut();
    EvaluationReport r = Evaluation.evaluateAndWrite(truth, out);
    stdout.print(Evaluation.markdown(r));
    stdout.println("written: " + out.resolve(Evaluation.JSON) + ", " + out.resolve(Evaluation.MARKDOWN));
    stdout.flush();
    return WebwatchCli.EXIT_OK;
  }
}
