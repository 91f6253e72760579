package org.webwatch.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.webwatch.generate.GenerateOptions;
import org.webwatch.generate.GenerateSummary;
import org.webwatch.generate.PopulationGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code webwatch generate}: writes a synthetic population (capture, known hashes, truth). */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = {
      "Generates a synthetic forum population with ground truth: DIR/capture (capture v1),",
      "DIR/known-hashes.csv and DIR/truth/ (roles, links, indicator spans, media status, decoys).",
      "Same seed -> byte-identical output. Text is synthetic and non-graphic."
    },
    footer = {"", "Example: ./webwatch generate --persons 20000 --seed 7 --out /tmp/pop (about 200,000 posts)"})
public final class GenerateCommand implements Callable<Integer> {
  @Option(names = "--persons", required = true, description = "number of persons (1..2,000,000)")
  int persons;

  @Option(names = "--seed", required = true, description = "random seed")
  long seed;

  @Option(names = "--out", required = true, description = "output directory (created if missing)")
  Path out;

  @Option(names = "--posts-per-person-mean", defaultValue = "" + GenerateOptions.DEFAULT_POSTS_PER_PERSON_MEAN,
      description = "mean forum posts per person over the population (default: ${DEFAULT-VALUE})")
  double postsMean;

  @Option(names = "--sites", defaultValue = "" + GenerateOptions.DEFAULT_SITES, description = "number of sites (default: ${DEFAULT-VALUE})")
  int sites;

  @Option(names = "--format", defaultValue = "dir", description = "capture container: dir, zip or tar.gz (default: ${DEFAULT-VALUE})")
  String format;

  @Option(names = "--threads", defaultValue = "0", description = "worker threads (0 = all cores); output does not depend on it")
  int threads;

  @Override
  public Integer call() {
    GenerateOptions o = new GenerateOptions(persons, seed, postsMean, sites, GenerateOptions.OutputFormat.parse(format));
    PopulationGenerator g = threads > 0 ? new PopulationGenerator(threads) : new PopulationGenerator();
    GenerateSummary s = g.generate(o, out);
    System.out.printf(
        "generated %d persons, %d accounts, %d posts, %d messages, %d attachments, %d indicator spans, %d broken records in %.1f s -> %s%n",
        s.persons(), s.accounts(), s.posts(), s.messages(), s.attachments(), s.indicatorSpans(), s.brokenRecords(),
        s.millis() / 1000.0, s.out());
    return WebwatchCli.EXIT_OK;
  }
}
