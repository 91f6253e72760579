package org.webwatch.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One small generated population shared by the tests of a JVM (generated once, read-only). */
final class Generated {
  static final int PERSONS = 600;
  static final long SEED = 20261125L;
  static final ObjectMapper JSON = new ObjectMapper();
  private static Generated instance;

  final Path dir;
  final GenerateSummary summary;
  final JsonNode truth;
  /** file → raw lines of the capture. */
  final Map<String, List<String>> lines = new HashMap<>();

  private Generated(Path dir) throws IOException {
    this.dir = dir;
    this.summary = new PopulationGenerator(2).generate(
        new GenerateOptions(PERSONS, SEED, GenerateOptions.DEFAULT_POSTS_PER_PERSON_MEAN, 4, GenerateOptions.OutputFormat.DIR), dir);
    this.truth = JSON.readTree(dir.resolve("truth/truth.json").toFile());
    for (String f : new String[] {"sites.jsonl", "boards.jsonl", "accounts.jsonl", "threads.jsonl", "posts.jsonl", "messages.jsonl"}) {
      lines.put(f, Files.readAllLines(dir.resolve("capture").resolve(f), StandardCharsets.UTF_8));
    }
  }

  static synchronized Generated get() {
    if (instance == null) {
      try {
        Path d = Files.createTempDirectory("webwatch-gen-test");
        d.toFile().deleteOnExit();
        instance = new Generated(d);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return instance;
  }

  /** (file, 1-based line) of every planted broken record. */
  Map<String, List<Long>> broken() {
    Map<String, List<Long>> m = new HashMap<>();
    for (JsonNode b : truth.get("broken_records")) m.computeIfAbsent(b.get("file").asText(), k -> new ArrayList<>()).add(b.get("line").asLong());
    return m;
  }

  /** Parsed records of a file, skipping the planted broken lines. */
  List<JsonNode> records(String file) {
    List<Long> skip = broken().getOrDefault(file, List.of());
    List<JsonNode> out = new ArrayList<>();
    List<String> ls = lines.get(file);
    for (int i = 0; i < ls.size(); i++) {
      if (skip.contains((long) i + 1)) continue;
      try {
        out.add(JSON.readTree(ls.get(i)));
      } catch (IOException e) {
        throw new AssertionError(file + ":" + (i + 1) + ": unparseable but not listed as broken", e);
      }
    }
    return out;
  }

  static String key(JsonNode site, JsonNode id) {
    return site.asText() + "\u0000" + id.asText();
  }
}
