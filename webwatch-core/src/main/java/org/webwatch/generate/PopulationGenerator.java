package org.webwatch.generate;

import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.webwatch.WebwatchException;
import org.webwatch.generate.internal.Archives;
import org.webwatch.generate.internal.BrokenRecords;
import org.webwatch.generate.internal.Population;
import org.webwatch.generate.internal.SiteGenerator;
import org.webwatch.generate.internal.Text;
import org.webwatch.generate.internal.TruthSink;
import org.webwatch.generate.internal.TruthWriter;

/**
 * Generates a synthetic forum population with full ground truth: a capture v1, a known
 * hash set and {@code truth/}. Deterministic: the same options give byte-identical files
 * for any thread count (per-person and per-site random streams; sites concatenated in
 * order). Layout and semantics: {@code docs/generator.md}. Cost O(persons + posts).
 */
public final class PopulationGenerator {
  public static final String VERSION = "webwatch-generate/1.0";
  static final String[] CAPTURE_FILES = {"sites.jsonl", "boards.jsonl", "accounts.jsonl", "threads.jsonl", "posts.jsonl", "messages.jsonl"};

  private final int threads;

  /** A generator using up to {@code threads} worker threads (sites are generated in parallel). */
  public PopulationGenerator(int threads) {
    if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    this.threads = threads;
  }

  public PopulationGenerator() {
    this(Math.max(1, Runtime.getRuntime().availableProcessors()));
  }

  public GenerateSummary generate(GenerateOptions o, Path out) {
    long t0 = System.nanoTime();
    try {
      Files.createDirectories(out);
      Population pop = new Population(o.persons(), o.seed(), o.sites(), o.postsPerPersonMean());
      Path parts = out.resolve(".parts");
      deleteTree(parts);
      TruthSink[] sinks = runSites(pop, o.seed(), parts);
      Path capture = out.resolve("capture");
      deleteTree(capture);
      Files.createDirectories(capture);
      writeManifest(capture, o);
      BrokenRecords broken = new BrokenRecords(pop, o.seed());
      for (String f : CAPTURE_FILES) concatParts(parts, capture, f, pop.sites.length, broken);
      TruthWriter.write(pop, sinks, out);
      deleteTree(parts);
      long posts = 0, messages = 0, ind = 0, neg = 0, att = 0, thr = 0;
      for (TruthSink s : sinks) {
        posts += s.postCount;
        messages += s.messageCount;
        ind += s.indicatorCount;
        neg += s.negativeCount;
        att += s.attachmentCount;
        thr += s.threadCount;
      }
      int accounts = 0;
      for (var l : pop.bySite) accounts += l.size();
      writeTruthJson(out, o, accounts, posts, messages, thr, att, ind, broken);
      packIfNeeded(o, out, capture);
      return new GenerateSummary(out, o.persons(), accounts, posts, messages, ind, neg, att, broken.count(),
          (System.nanoTime() - t0) / 1_000_000);
    } catch (IOException | UncheckedIOException e) {
      throw new WebwatchException(WebwatchException.Kind.INTERNAL, "cannot write generated population to " + out + ": " + e.getMessage(), e);
    }
  }

  private TruthSink[] runSites(Population pop, long seed, Path parts) throws IOException {
    int n = pop.sites.length;
    TruthSink[] sinks = new TruthSink[n];
    ExecutorService ex = Executors.newFixedThreadPool(Math.min(threads, n));
    try {
      List<Future<TruthSink>> fs = new ArrayList<>();
      for (int s = 0; s < n; s++) {
        final int site = s;
        fs.add(ex.submit(() -> {
          SiteGenerator g = new SiteGenerator(pop, site, seed);
          g.run(parts.resolve("site-" + site));
          return g.sink();
        }));
      }
      for (int s = 0; s < n; s++) sinks[s] = fs.get(s).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WebwatchException(WebwatchException.Kind.INTERNAL, "generation interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) throw io;
      if (e.getCause() instanceof RuntimeException re) throw re;
      throw new WebwatchException(WebwatchException.Kind.INTERNAL, "site generation failed: " + e.getCause(), e.getCause());
    } finally {
      ex.shutdownNow();
    }
    return sinks;
  }

  /** Concatenates the site parts byte for byte, inserting the broken lines after site 0. */
  private static void concatParts(Path parts, Path capture, String file, int nSites, BrokenRecords broken) throws IOException {
    try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(capture.resolve(file)), 1 << 16)) {
      for (int s = 0; s < nSites; s++) {
        Path part = parts.resolve("site-" + s).resolve(file);
        Files.copy(part, os);
        if (s == 0) {
          long lines = countLines(part);
          Writer w = new OutputStreamWriter(os, StandardCharsets.UTF_8);
          broken.write(file, w, lines);
          w.flush();
        }
      }
    }
  }

  private static long countLines(Path p) throws IOException {
    long n = 0;
    byte[] buf = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(p)) {
      for (int r; (r = in.read(buf)) > 0; ) for (int i = 0; i < r; i++) if (buf[i] == '\n') n++;
    }
    return n;
  }

  private static void writeManifest(Path capture, GenerateOptions o) throws IOException {
    StringBuilder sb = new StringBuilder("{\"format\":\"webwatch-capture\",\"version\":1,\"id\":");
    Text.json(sb, "synthetic-" + o.seed() + "-" + o.persons()).append(",\"collected_at\":\"2022-01-01T00:00:00Z\",\"collector\":");
    Text.json(sb, VERSION).append(",\"notes\":\"synthetic population, non-graphic test text; see truth/\"}\n");
    Files.writeString(capture.resolve("capture.json"), sb.toString(), StandardCharsets.UTF_8);
  }

  private static void writeTruthJson(Path out, GenerateOptions o, int accounts, long posts, long messages, long threads, long att,
      long ind, BrokenRecords broken) throws IOException {
    StringBuilder sb = new StringBuilder("{\"format\":\"webwatch-truth\",\"version\":1,\"seed\":").append(o.seed())
        .append(",\"persons\":").append(o.persons()).append(",\"accounts\":").append(accounts).append(",\"posts\":").append(posts)
        .append(",\"messages\":").append(messages).append(",\"generator\":");
    Text.json(sb, VERSION).append(",\"sites\":").append(o.sites()).append(",\"threads\":").append(threads)
        .append(",\"attachments\":").append(att).append(",\"indicator_spans\":").append(ind)
        .append(",\"posts_per_person_mean\":").append(o.postsPerPersonMean()).append(",\"broken_records\":");
    broken.appendJson(sb);
    sb.append("}\n");
    Files.writeString(out.resolve("truth").resolve("truth.json"), sb.toString(), StandardCharsets.UTF_8);
  }

  private static void packIfNeeded(GenerateOptions o, Path out, Path capture) throws IOException {
    if (o.format() == GenerateOptions.OutputFormat.DIR) return;
    List<String> names = new ArrayList<>(List.of("capture.json"));
    names.addAll(List.of(CAPTURE_FILES));
    if (o.format() == GenerateOptions.OutputFormat.ZIP) Archives.zip(capture, names, out.resolve("capture.zip"));
    else Archives.tarGz(capture, names, out.resolve("capture.tar.gz"));
    deleteTree(capture);
  }

  static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) return;
    try (Stream<Path> s = Files.walk(p)) {
      for (Path x : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(x);
    }
  }
}
