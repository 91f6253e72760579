package org.webwatch.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.webwatch.model.TextItem;
import org.webwatch.model.TextKind;
import org.webwatch.signals.RuleIndicatorDetector;
import org.webwatch.signals.ValidatingIdentifierExtractor;
import org.webwatch.signals.internal.NaiveBayesSentenceClassifier;

/**
 * Throughput of the signals stage over ~1 MiB of forum-like posts (the shipped labelled
 * sentences mixed with neutral filler, some obfuscated, ~600 chars per post). Each op
 * processes the whole batch once, so MB/s = ops/s × {@link #batchMiB}. Baseline: lower-casing
 * each post and one {@code indexOf} — the cheapest scan a keyword search could do.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SignalsBench {
  private static final String[] FILLER = {
    "Thanks for the update, I will check it later tonight.",
    "Does anyone know when the next maintenance window is?",
    "The weather has been awful all week and the trains were late again.",
    "I agree with the previous poster, the layout of the new board is confusing.",
    "Please keep threads on topic and use the search before asking.",
  };

  List<TextItem> posts;
  double batchMiB;
  RuleIndicatorDetector full;
  RuleIndicatorDetector rules;
  ValidatingIdentifierExtractor extractor;

  @Setup
  public void setup() {
    List<String> sentences = new ArrayList<>();
    for (NaiveBayesSentenceClassifier.Labelled l : NaiveBayesSentenceClassifier.loadCorpus()) sentences.add(l.text());
    Random r = new Random(1);
    posts = new ArrayList<>();
    long chars = 0;
    int id = 0;
    while (chars < 1 << 20) {
      StringBuilder sb = new StringBuilder();
      while (sb.length() < 600) {
        sb.append(r.nextInt(3) == 0 ? sentences.get(r.nextInt(sentences.size())) : FILLER[r.nextInt(FILLER.length)]).append(' ');
        if (r.nextInt(10) == 0) sb.append("pay to 1FsSia9rv4NeEwvJ2GvXrX7LyxYspbN2mo or contact@example.org ");
      }
      posts.add(new TextItem("s1", TextKind.POST, String.valueOf(id++), "a1", null, null, sb.toString()));
      chars += sb.length();
    }
    batchMiB = chars / (1024.0 * 1024.0);
    full = RuleIndicatorDetector.withDefaultRules();
    rules = RuleIndicatorDetector.rulesOnly();
    extractor = new ValidatingIdentifierExtractor();
    System.out.printf("%nbatch: %d posts, %.3f MiB of text%n", posts.size(), batchMiB);
  }

  @Benchmark
  public int baselineLowercaseScan() {
    int n = 0;
    for (TextItem p : posts) if (p.text().toLowerCase(Locale.ROOT).indexOf("upload") >= 0) n++;
    return n;
  }

  @Benchmark
  public int rulesOnly() {
    int n = 0;
    for (TextItem p : posts) n += rules.detect(p).size();
    return n;
  }

  @Benchmark
  public int rulesAndClassifier() {
    int n = 0;
    for (TextItem p : posts) n += full.detect(p).size();
    return n;
  }

  @Benchmark
  public int identifiers() {
    int n = 0;
    for (TextItem p : posts) n += extractor.extract(p).size();
    return n;
  }
}
