package org.webwatch.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.webwatch.store.WebwatchStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code webwatch demo}: the main job on the embedded default, end to end. Generates a
 * synthetic population, imports it into the store, runs triage, loads the results for the web
 * application, scores them against the ground truth, and says where everything is. Each step is
 * the same command a user would run by hand, so the demo exercises exactly what ships.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the main job on the embedded default: generate a synthetic population, ingest it into",
      "the store, triage it, load the results for 'serve', and evaluate against the ground truth."
    },
    footer = {"", "Example:", "  ./webwatch demo                       # 2,000 persons into ./webwatch-data",
      "  ./webwatch demo --persons 20000 --seed 3 --data /tmp/ww"})
public final class DemoCommand implements Callable<Integer> {
  public static final int DEFAULT_PERSONS = 2000;
  public static final long DEFAULT_SEED = 1;

  @Option(names = "--persons", defaultValue = "" + DEFAULT_PERSONS, description = "persons to generate (default: ${DEFAULT-VALUE})")
  int persons;

  @Option(names = "--seed", defaultValue = "" + DEFAULT_SEED, description = "generator seed (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--data", defaultValue = WebwatchStore.DEFAULT_DATA_DIR, description = "data directory (default: ${DEFAULT-VALUE})")
  Path data;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    Path demo = data.resolve("demo");
    Path population = demo.resolve("population-" + seed);
    Path out = demo.resolve("triage-" + seed);
    List<String[]> steps = new ArrayList<>();
    steps.add(new String[] {"generate", "--persons", "" + persons, "--seed", "" + seed, "--out", population.toString()});
    steps.add(new String[] {"ingest", "--data", data.toString(), population.resolve("capture").toString()});
    steps.add(new String[] {"triage", "--capture", population.resolve("capture").toString(),
        "--hashes", population.resolve("known-hashes.csv").toString(), "--data", data.toString(), "--out", out.toString()});
    steps.add(new String[] {"import-triage", out.toString(), "--data", data.toString()});
    steps.add(new String[] {"evaluate", "--truth", population.resolve("truth/truth.json").toString(), "--out", out.toString()});
    java.io.PrintWriter say = spec.commandLine().getOut();
    for (String[] step : steps) {
      say.println("== webwatch " + String.join(" ", step));
      say.flush();
      int rc = WebwatchCli.commandLine().execute(step);
      // The generator plants a few broken records on purpose: rejected records are expected here.
      if (rc != WebwatchCli.EXIT_OK && rc != WebwatchCli.EXIT_WITH_REJECTS) {
        spec.commandLine().getErr().println("webwatch demo: step '" + step[0] + "' failed with exit code " + rc);
        return rc;
      }
    }
    say.println();
    say.println("Done. The ranked queue and the evidence:");
    say.println("  report      " + out.resolve("report.html").toAbsolutePath());
    say.println("  persons     " + out.resolve("persons.csv").toAbsolutePath());
    say.println("  accounts    " + out.resolve("accounts.csv").toAbsolutePath());
    say.println("  evaluation  " + out.resolve("evaluation.md").toAbsolutePath());
    say.println("To browse it as a team: ./webwatch user add NAME --role admin --password-stdin --data " + data
        + " && ./webwatch serve --data " + data);
    say.flush();
    return WebwatchCli.EXIT_OK;
  }
}
