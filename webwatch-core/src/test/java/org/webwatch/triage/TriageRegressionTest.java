package org.webwatch.triage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.webwatch.generate.GenerateOptions;
import org.webwatch.generate.PopulationGenerator;
import org.webwatch.identity.EvidenceAccountLinker;
import org.webwatch.identity.network.GraphNetworkAnalyzer;
import org.webwatch.media.KnownMedia;
import org.webwatch.signals.RuleIndicatorDetector;
import org.webwatch.signals.ValidatingIdentifierExtractor;

/**
 * Regression guard of the whole triage: generates a population with a HELD-OUT seed (never
 * used to tune the risk model), runs the real triage with the real stage implementations (the
 * same ones the CLI wires in {@code org.webwatch.cli.Components}), evaluates against its truth
 * and fails when any figure drops below its floor in {@code triage-floors.properties}. A
 * population can also be given with {@code -Dwebwatch.population=DIR} (a directory holding
 * capture directories, hash set CSVs and {@code truth/truth.json}).
 */
class TriageRegressionTest {
  @TempDir Path dir;

  @Test
  void figuresStayAboveTheirFloors() throws Exception {
    Properties floors = new Properties();
    try (InputStream in = getClass().getResourceAsStream("triage-floors.properties")) {
      floors.load(in);
    }
    Path population = population(floors);
    Path truth = population.resolve("truth").resolve("truth.json");
    assertThat(truth).exists();
    List<CaptureSource> captures = new ArrayList<>();
    try (Stream<Path> s = Files.walk(population, 2)) {
      s.filter(p -> Files.exists(p.resolve("capture.json"))).sorted().forEach(p -> captures.add(CaptureSource.of(p)));
    }
    assertThat(captures).as("captures under " + population).isNotEmpty();
    List<Path> hashes = new ArrayList<>();
    try (Stream<Path> s = Files.list(population)) {
      s.filter(p -> p.getFileName().toString().endsWith(".csv")).sorted().forEach(hashes::add);
    }
    TriageComponents components = new TriageComponents(RuleIndicatorDetector.withDefaultRules(),
        new ValidatingIdentifierExtractor(), KnownMedia.load(hashes), EvidenceAccountLinker::new, GraphNetworkAnalyzer::new,
        Optional.empty(), RiskModel.defaults(), Map.of());
    Path out = dir.resolve("out");
    new TriagePipeline(components, new TriageOptions(2, TriageOptions.DEFAULT_BATCH_SIZE, 20)).run(captures, out);
    Evaluation.evaluateAndWrite(truth, out);
    JsonNode e = new ObjectMapper().readTree(out.resolve("evaluation.json").toFile());
    for (String key : floors.stringPropertyNames()) {
      if (key.equals("seed") || key.equals("persons")) continue;
      String[] path = key.split("\\.");
      JsonNode v = e.path(path[0]).path(path[1]);
      assertThat(v.isNumber()).as(key + " present in evaluation.json").isTrue();
      assertThat(v.asDouble()).as(key).isGreaterThanOrEqualTo(Double.parseDouble(floors.getProperty(key)));
    }
  }

  private Path population(Properties floors) {
    String given = System.getProperty("webwatch.population");
    if (given != null) return Path.of(given);
    Path p = dir.resolve("population");
    new PopulationGenerator(2).generate(GenerateOptions.of(Integer.parseInt(floors.getProperty("persons")),
        Long.parseLong(floors.getProperty("seed"))), p);
    return p;
  }
}
