package org.webwatch.triage.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.webwatch.WebwatchException;
import org.webwatch.identity.AccountLinker;
import org.webwatch.identity.network.NetworkAnalyzer;
import org.webwatch.csv.CsvWriter;
import org.webwatch.ingest.CaptureVisitor;
import org.webwatch.ingest.TextItemVisitor;
import org.webwatch.ingest.RecordError;
import org.webwatch.model.*;
import org.webwatch.triage.Excerpt;
import org.webwatch.triage.RiskModel;
import org.webwatch.triage.TriageComponents;

/**
 * The streaming half of triage: a {@link CaptureVisitor} that turns records into work items
 * (texts, attachments), runs detection, extraction and media classification on a worker pool a
 * batch at a time, and consumes the results on the reading thread in the order the records came
 * — so indicators.csv, identifiers.csv and media.csv rows, the linker's and network analyzer's
 * feeds, and every aggregate are the same whatever the thread count. While batch n is on the
 * workers the reader fills batch n+1.
 */
public final class TriageStream implements CaptureVisitor, AutoCloseable {
  private static final Comparator<IndicatorSpan> SPAN_ORDER = Comparator.comparingInt(IndicatorSpan::start)
      .thenComparingInt(IndicatorSpan::end).thenComparing(s -> s.code().code())
      .thenComparing(s -> String.valueOf(s.rule()));
  private static final Comparator<IdentifierOccurrence> ID_ORDER = Comparator.comparingInt(IdentifierOccurrence::start)
      .thenComparingInt(IdentifierOccurrence::end).thenComparing(i -> i.type().code()).thenComparing(IdentifierOccurrence::value);
  static final int MAX_MESSAGES = 100;
  static final int MAX_EVIDENCE_TEXT = 300;

  private record Work(TextItem text, String site, String post, String account, Instant time, Attachment attachment) {}

  private record Done(Work work, List<IndicatorSpan> spans, List<IdentifierOccurrence> ids, MediaResult media, RuntimeException error) {}

  private final TriageComponents c;
  private final RiskModel model;
  private final ExecutorService pool;
  private final int threads;
  private final int batchSize;
  private AccountLinker linker;
  private NetworkAnalyzer network;
  private final CsvWriter indicators;
  private final CsvWriter identifiers;
  private final CsvWriter media;
  private final Map<AccountKey, AccountAggregate> accounts = new HashMap<>();
  private final NewMediaTracker newMedia = new NewMediaTracker();
  private final List<IdentifierOccurrence> kept = new ArrayList<>();
  private final boolean keepIdentifiers;
  private final Map<String, Long> counts = new HashMap<>();
  private final List<String> messages = new ArrayList<>();
  /** The record-to-text mapping every stage shares (thread titles, signatures, profile fields, posts, messages). */
  private final TextItemVisitor texts = new TextItemVisitor(this::text);
  final AtomicLong detectNanos = new AtomicLong();
  final AtomicLong extractNanos = new AtomicLong();
  final AtomicLong mediaNanos = new AtomicLong();
  private long feedNanos;
  private List<Work> batch = new ArrayList<>();
  private List<Future<List<Done>>> pending = List.of();
  private long seq;

  public TriageStream(TriageComponents c, ExecutorService pool, int threads, int batchSize, Path out,
      AccountLinker linker, NetworkAnalyzer network) {
    this.c = c;
    this.model = c.model();
    this.pool = pool;
    this.threads = threads;
    this.batchSize = batchSize;
    this.linker = linker;
    this.network = network;
    this.keepIdentifiers = c.payments().isPresent();
    this.indicators = open(out.resolve("indicators.csv"));
    this.identifiers = open(out.resolve("identifiers.csv"));
    this.media = open(out.resolve("media.csv"));
    indicators.row("site", "kind", "item", "account", "category", "start", "end", "text");
    identifiers.row("site", "kind", "item", "account", "type", "value", "valid");
    media.row("site", "post", "account", "attachment", "status", "source", "category", "distance");
  }

  private static CsvWriter open(Path p) {
    try {
      return new CsvWriter(Files.newBufferedWriter(p, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new WebwatchException(WebwatchException.Kind.REFUSED, p + ": cannot write: " + e.getMessage(), e);
    }
  }

  // ---- visitor -------------------------------------------------------------------------

  @Override
  public void manifest(CaptureManifest m) {
    guard(() -> "network manifest", () -> network.manifest(m));
  }

  @Override
  public void site(Site s) {
    count("read.sites");
    guard(() -> "network site " + s.id(), () -> network.site(s));
  }

  @Override
  public void board(Board b) {
    count("read.boards");
    guard(() -> "network board " + b.site() + "/" + b.id(), () -> network.board(b));
  }

  @Override
  public void thread(ForumThread t) {
    count("read.threads");
    guard(() -> "network thread " + t.site() + "/" + t.id(), () -> network.thread(t));
    texts.thread(t);
  }

  @Override
  public void account(Account a) {
    count("read.accounts");
    guard(() -> "network account " + a.key(), () -> network.account(a));
    long t0 = System.nanoTime();
    guard(() -> "linker account " + a.key(), () -> linker.account(a));
    feedNanos += System.nanoTime() - t0;
    aggregate(a.key()).username(a.username());
    texts.account(a);
  }

  @Override
  public void post(Post p) {
    count("read.posts");
    guard(() -> "network post " + p.site() + "/" + p.id(), () -> network.post(p));
    aggregate(p.authorKey()).item(p.createdAt());
    boolean hasText = p.text() != null && !p.text().isBlank();
    if (hasText) texts.post(p);
    else {
      long t0 = System.nanoTime();
      guard(() -> "linker activity post " + p.site() + "/" + p.id(), () -> linker.activity(p.authorKey(), p.createdAt()));
      feedNanos += System.nanoTime() - t0;
    }
    attachments(p.site(), p.id(), p.author(), p.createdAt(), p.attachments());
  }

  @Override
  public void message(Message m) {
    count("read.messages");
    guard(() -> "network message " + m.site() + "/" + m.id(), () -> network.message(m));
    aggregate(m.authorKey()).item(m.createdAt());
    texts.message(m);
    attachments(m.site(), m.id(), m.author(), m.createdAt(), m.attachments());
  }

  @Override
  public void rejected(RecordError error) {
    count("rejected");
    guard(() -> "network rejected", () -> network.rejected(error));
    note("rejected " + error);
  }

  @Override
  public void warning(String message) {
    count("warnings");
    note("warning " + message);
  }

  // ---- batching ------------------------------------------------------------------------

  private void text(TextItem item) {
    if (item.text() == null || item.text().isEmpty()) return;
    count("read.texts");
    add(new Work(item, null, null, null, null, null));
  }

  private void attachments(String site, String post, String account, Instant time, List<Attachment> list) {
    if (list == null) return;
    for (Attachment a : list) {
      count("read.attachments");
      add(new Work(null, site, post, account, time, a));
    }
  }

  private void add(Work w) {
    batch.add(w);
    if (batch.size() >= batchSize) submit();
  }

  private void submit() {
    drain();
    List<Work> b = batch;
    batch = new ArrayList<>(batchSize);
    int chunk = Math.max(1, (b.size() + threads - 1) / threads);
    List<Future<List<Done>>> fs = new ArrayList<>();
    for (int i = 0; i < b.size(); i += chunk) {
      List<Work> part = b.subList(i, Math.min(b.size(), i + chunk));
      fs.add(pool.submit(() -> process(part)));
    }
    pending = fs;
  }

  /** Waits for the batch on the workers and consumes its results in record order. */
  private void drain() {
    for (Future<List<Done>> f : pending) {
      List<Done> done;
      try {
        done = f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new WebwatchException(WebwatchException.Kind.INTERNAL, "triage interrupted", e);
      } catch (ExecutionException e) {
        throw new WebwatchException(WebwatchException.Kind.INTERNAL, "triage worker failed: " + e.getCause(), e.getCause());
      }
      for (Done d : done) consume(d);
    }
    pending = List.of();
  }

  /** Flushes the last batch; call once after every source has been read. */
  public void finish() {
    submit();
    drain();
  }

  private List<Done> process(List<Work> part) {
    List<Done> out = new ArrayList<>(part.size());
    for (Work w : part) {
      try {
        if (w.text() != null) {
          long t0 = System.nanoTime();
          List<IndicatorSpan> spans = new ArrayList<>(c.detector().detect(w.text()));
          long t1 = System.nanoTime();
          List<IdentifierOccurrence> ids = new ArrayList<>(c.extractor().extract(w.text()));
          long t2 = System.nanoTime();
          detectNanos.addAndGet(t1 - t0);
          extractNanos.addAndGet(t2 - t1);
          spans.sort(SPAN_ORDER);
          ids.sort(ID_ORDER);
          out.add(new Done(w, spans, ids, null, null));
        } else {
          long t0 = System.nanoTime();
          MediaResult r = c.media().classify(w.site(), w.post(), w.account(), w.attachment());
          mediaNanos.addAndGet(System.nanoTime() - t0);
          out.add(new Done(w, List.of(), List.of(), r, null));
        }
      } catch (RuntimeException e) {
        out.add(new Done(w, List.of(), List.of(), null, e));
      }
    }
    return out;
  }

  private void consume(Done d) {
    long n = ++seq;
    Work w = d.work();
    if (d.error() != null) {
      count("component-errors");
      String where = w.text() != null ? w.text().kind().code() + " " + w.text().site() + "/" + w.text().item()
          : "attachment " + w.site() + "/" + w.post() + "/" + w.attachment().id();
      note("component error on " + where + ": " + d.error());
      return;
    }
    long t0 = System.nanoTime();
    try {
      feed(d, n);
    } catch (RuntimeException e) {
      count("component-errors");
      note("component error while feeding " + (w.text() != null ? w.text().kind().code() + " " + w.text().site() + "/"
          + w.text().item() : "attachment " + w.site() + "/" + w.post()) + ": " + e);
    }
    feedNanos += System.nanoTime() - t0;
  }

  /**
   * Drops the stream's references to the linker and the network analyzer once the stream has
   * finished and they have produced their results, so that their working state (style profiles,
   * the interaction graph) can be collected before the next stage: at a million posts that is
   * gigabytes.
   */
  public void releaseStages() {
    linker = null;
    network = null;
  }

  /** Writes the rows of one result and feeds the linker, the network analyzer and the aggregates. */
  private void feed(Done d, long n) {
    Work w = d.work();
    if (w.text() != null) {
      TextItem item = w.text();
      linker.text(item);
      for (IndicatorSpan s : d.spans()) {
        network.span(s);
        writeSpan(s);
        String loc = s.kind().code() + " " + s.site() + "/" + s.item() + (item.field() != null ? " " + item.field() : "")
            + " [" + s.start() + "," + s.end() + ")";
        aggregate(s.accountKey()).add(s.code().code(),
            new Evidence(s.code().code(), clip(s.text()), s.confidence(), loc), Excerpt.of(item.text(), s.start(), s.end()), n);
      }
      for (IdentifierOccurrence i : d.ids()) {
        linker.identifier(i);
        identifiers.row(i.site(), i.kind().code(), i.item(), i.account(), i.type().code(), i.value(), Boolean.toString(i.valid()));
        count("written.identifiers");
        if (i.valid()) aggregate(i.accountKey()).identifier(i.type().code() + ":" + i.value());
        if (keepIdentifiers) kept.add(i);
      }
    } else {
      MediaResult r = d.media();
      linker.media(r);
      media.row(r.site(), r.post(), r.account(), r.attachment(), r.status().code(), r.source(), r.category(),
          r.distance() == null ? "" : r.distance().toString());
      count("written.media");
      if (r.status() == MediaStatus.NEW) newMedia.add(r, w.time(), n);
      else if ((r.status() == MediaStatus.KNOWN_EXACT || r.status() == MediaStatus.KNOWN_PERCEPTUAL)
          && model.countsKnownCategory(r.category())) {
        String detail = "media " + r.site() + "/" + r.post() + " attachment " + r.attachment() + " " + r.status().code()
            + " source=" + nz(r.source()) + " category=" + nz(r.category()) + (r.distance() == null ? "" : " distance=" + r.distance());
        aggregate(r.accountKey()).add("known-media", new Evidence("known-media", nz(r.contentKey()), 1.0, detail), null, n,
            model.knownCategoryWeight(r.category()));
      }
    }
  }

  /** Runs a feed into a stage; a stage failing on one record is reported and skipped, never fatal. */
  private void guard(java.util.function.Supplier<String> where, Runnable r) {
    try {
      r.run();
    } catch (RuntimeException e) {
      count("component-errors");
      note("component error in " + where.get() + ": " + e);
    }
  }

  private void writeSpan(IndicatorSpan s) {
    indicators.row(s.site(), s.kind().code(), s.item(), s.account(), s.code().code(),
        Integer.toString(s.start()), Integer.toString(s.end()), s.text());
    count("written.indicators");
  }

  // ---- state -------------------------------------------------------------------------

  private AccountAggregate aggregate(AccountKey k) {
    return accounts.computeIfAbsent(k, x -> new AccountAggregate(x, model.evidencePerFactor()));
  }

  private void count(String key) {
    counts.merge(key, 1L, Long::sum);
  }

  private void note(String m) {
    if (messages.size() < MAX_MESSAGES) messages.add(m);
  }

  private static String clip(String s) {
    return s == null || s.length() <= MAX_EVIDENCE_TEXT ? s : s.substring(0, MAX_EVIDENCE_TEXT) + "…";
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  public Map<AccountKey, AccountAggregate> accounts() {
    return accounts;
  }

  public NewMediaTracker newMedia() {
    return newMedia;
  }

  public List<IdentifierOccurrence> keptIdentifiers() {
    return kept;
  }

  public Map<String, Long> counts() {
    return new TreeMap<>(counts);
  }

  public List<String> messages() {
    return messages;
  }

  /**
   * Nanoseconds spent per component: detect, extract, classify (summed over workers) and
   * {@code feed} (writing rows and feeding linker, network analyzer and aggregates, on the reader).
   */
  public Map<String, Long> componentNanos() {
    return Map.of("signals.detect", detectNanos.get(), "signals.extract", extractNanos.get(),
        "media.classify", mediaNanos.get(), "feed", feedNanos);
  }

  @Override
  public void close() {
    try {
      indicators.close();
      identifiers.close();
      media.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
