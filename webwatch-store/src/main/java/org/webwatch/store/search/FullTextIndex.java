package org.webwatch.store.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.webwatch.WebwatchException;

/**
 * Writes the full-text index ({@link IndexSchema}) for one import: documents are analysed on
 * background threads ({@link #WORKERS}; the importing thread parses and writes SQL meanwhile), replaced by
 * their 128-bit identity ({@link IndexSchema#keyId}), and become visible only at {@link #commit}, which the importer calls
 * after the SQL commit.
 *
 * <p>Replacing: into an index without documents every document is simply added. Otherwise an
 * analysis thread holds up to {@link #REPLACE_BATCH} documents, deletes their earlier versions
 * with one {@link KeyIdSetQuery}, then adds them: a delete query is applied to every segment,
 * so one per document would scan each segment thousands of times. While the index still
 * holds documents written before schema 3 (identified by the {@link IndexSchema#KEY} term),
 * the batch is deleted by those terms too. A killed process leaves the index at its last commit; Lucene drops the
 * uncommitted files when the next writer opens.
 */
public final class FullTextIndex implements AutoCloseable {
  /**
   * Default indexing RAM buffer. Small on purpose: a segment is flushed by the one analysis
   * thread, so with a large buffer the import ended with a third of all documents still to be
   * flushed in the serial tail, and the in-memory term hash (a unique key per document) outgrew
   * the CPU caches. 16 MiB gave 8-13 segments for 1.5M documents and no merges during the
   * import; against 128 MiB the generator capture imported in 0.88-0.93 of the wall time with
   * about 7 % less CPU (IngestBench, docs/benchmarks.md). Below ~8 MiB merges start mid-import.
   */
  public static final double DEFAULT_RAM_BUFFER_MB = 16;
  static final int BATCH = 512;
  /**
   * Documents deleted by one query before they are added again (non-empty index only). Each
   * batch scans every segment's identity columns once (~1.5M documents: a few ms); held
   * documents are already in memory in the queue's items.
   */
  static final int REPLACE_BATCH = 32_768;

  private record Item(IndexedText text, String capture) {}

  private static final List<Item> STOP = new ArrayList<>();
  /**
   * Analysis threads: the importing thread parses and writes SQL on one core, these take the
   * rest (up to 4). On two cores that is ONE thread: a second one only competes with the
   * importing thread, and two concurrent Lucene buffers flush twice as many, smaller segments
   * that then have to be merged (measured: about 1.5x the indexing CPU).
   */
  static final int WORKERS = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors() - 1));

  private final Directory directory;
  private final IndexWriter writer;
  private final boolean fresh;
  private final boolean legacyKeys;
  private final BlockingQueue<List<Item>> queue = new ArrayBlockingQueue<>(64);
  private final List<Thread> workers = new ArrayList<>();
  private final Object progress = new Object();
  private List<Item> pending = new ArrayList<>(BATCH);
  private volatile Throwable failure;
  private long queued; // documents handed to the queue (importing thread only)
  private long added; // documents given to Lucene (guarded by progress)
  private boolean prepared; // a prepareCommit is pending
  private boolean closed;

  private FullTextIndex(Directory directory, IndexWriter writer, boolean holdsKeyTerms) {
    this.directory = directory;
    this.writer = writer;
    // an index with no documents at all cannot hold a key yet: adding is exact and cheaper than replacing
    this.fresh = writer.getDocStats().maxDoc == 0;
    this.legacyKeys = !fresh && holdsKeyTerms;
    for (int i = 0; i < WORKERS; i++) {
      Thread t = new Thread(this::work, "webwatch-indexer-" + i);
      t.setDaemon(true);
      t.start();
      workers.add(t);
    }
  }

  /** Opens the index under {@code dir} for writing (creating it); one writer per index at a time. */
  public static FullTextIndex open(Path dir, double ramBufferMb) {
    try {
      Files.createDirectories(dir);
      Directory d = FSDirectory.open(dir);
      IndexWriterConfig cfg = new IndexWriterConfig(IndexSchema.analyzer())
          .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
          .setRAMBufferSizeMB(ramBufferMb)
          // a flushed segment is written once, not written and then copied into a .cfs file
          .setUseCompoundFile(false)
          .setCommitOnClose(false);
      try {
        boolean legacy = holdsKeyTerms(d); // the last commit; the writer below takes the lock
        return new FullTextIndex(d, new IndexWriter(d, cfg), legacy);
      } catch (LockObtainFailedException e) {
        d.close();
        throw new WebwatchException(WebwatchException.Kind.CONFLICT, "the full-text index " + dir + " is being written by another import");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open full-text index " + dir, e);
    }
  }

  /** Whether the committed index has documents with the schema-1/2 {@link IndexSchema#KEY} term. */
  private static boolean holdsKeyTerms(Directory d) throws IOException {
    if (!DirectoryReader.indexExists(d)) return false;
    try (DirectoryReader r = DirectoryReader.open(d)) {
      for (var leaf : r.leaves()) {
        var info = leaf.reader().getFieldInfos().fieldInfo(IndexSchema.KEY);
        if (info != null && info.getIndexOptions() != org.apache.lucene.index.IndexOptions.NONE) return true;
      }
    }
    return false;
  }

  /** The Lucene document of {@code t}, last written by {@code capture} ({@link IndexDocuments#document}). */
  public static Document document(IndexedText t, String capture) {
    return IndexDocuments.document(t, capture);
  }

  /** Queues {@code t}; blocks while the indexing thread is behind. */
  public void add(IndexedText t, String capture) {
    checkFailure();
    pending.add(new Item(t, capture));
    if (pending.size() >= BATCH) {
      put(pending);
      pending = new ArrayList<>(BATCH);
    }
  }

  /** Documents handed to Lucene so far by this writer. */
  public long added() {
    synchronized (progress) {
      return added;
    }
  }

  private void put(List<Item> batch) {
    queued += batch.size();
    try {
      while (!queue.offer(batch, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) checkFailure();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WebwatchException(WebwatchException.Kind.INTERNAL, "interrupted while indexing");
    }
  }

  private void work() {
    IndexDocuments.Builder builder = new IndexDocuments.Builder();
    List<Item> held = new ArrayList<>();
    try {
      while (true) {
        // replacing: hold batches while more are queued; an empty queue (the importer waiting in
        // drain(), or simply ahead of us) releases what is held, so drain() always completes
        List<Item> batch = held.isEmpty() ? queue.take() : queue.poll();
        if (batch == null) {
          replace(held, builder);
          continue;
        }
        if (batch == STOP) return;
        if (fresh) {
          for (Item it : batch) writer.addDocument(builder.build(it.text, it.capture));
          advance(batch.size());
        } else {
          held.addAll(batch);
          if (held.size() >= REPLACE_BATCH) replace(held, builder);
        }
      }
    } catch (Throwable t) {
      failure = t;
      synchronized (progress) {
        progress.notifyAll();
      }
      queue.clear();
    }
  }

  /**
   * Deletes the earlier version of every held document, adds them, and empties {@code held}.
   * Documents of one capture have distinct keys (the reader rejects duplicates), so the batches
   * of several threads never delete each other's documents and may run in any order.
   */
  private void replace(List<Item> held, IndexDocuments.Builder builder) throws IOException {
    long[] ids = new long[2 * held.size()];
    for (int i = 0; i < held.size(); i++) {
      long[] id = held.get(i).text.keyId();
      ids[2 * i] = id[0];
      ids[2 * i + 1] = id[1];
    }
    writer.deleteDocuments(new KeyIdSetQuery(ids));
    if (legacyKeys) {
      Term[] keys = new Term[held.size()];
      for (int i = 0; i < keys.length; i++) keys[i] = new Term(IndexSchema.KEY, held.get(i).text.key());
      writer.deleteDocuments(keys);
    }
    for (int i = 0; i < held.size(); i++) {
      Item it = held.get(i);
      writer.addDocument(builder.build(it.text, it.capture, ids[2 * i], ids[2 * i + 1])); // hashed once, above
    }
    advance(held.size());
    held.clear();
  }

  private void advance(int n) {
    synchronized (progress) {
      added += n;
      progress.notifyAll();
    }
  }

  /** Waits until every queued document has been given to Lucene. */
  private void drain() {
    if (!pending.isEmpty()) {
      put(pending);
      pending = new ArrayList<>(BATCH);
    }
    synchronized (progress) {
      while (added < queued && failure == null) {
        try {
          progress.wait(100);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new WebwatchException(WebwatchException.Kind.INTERNAL, "interrupted while indexing");
        }
      }
    }
    checkFailure();
  }

  private void checkFailure() {
    Throwable t = failure;
    if (t != null) throw new WebwatchException(WebwatchException.Kind.INTERNAL, "full-text indexing failed: " + t, t);
  }

  /**
   * Phase one of a two-phase commit: waits for every queued document, flushes and syncs the
   * segments and records {@code captureId}, but readers (and a restarted writer) still see only
   * the last commit until {@link #commit}. The importer runs this on a second thread while SQL
   * commits, so the two flushes overlap; a crash or {@link #rollback} in between discards it.
   * Call it from one thread while no other thread adds.
   */
  public void prepareCommit(String captureId) {
    drain();
    try {
      writer.setLiveCommitData(Map.of("capture", captureId, "schema", IndexSchema.VERSION).entrySet());
      writer.prepareCommit();
      prepared = true;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the full-text index commit", e);
    }
  }

  /**
   * Waits for every queued document and commits them, recording {@code captureId} in the commit
   * (completing a {@link #prepareCommit} for the same capture when one is pending).
   */
  public void commit(String captureId) {
    if (!prepared) prepareCommit(captureId);
    try {
      writer.commit();
      prepared = false;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot commit full-text index", e);
    }
  }

  /** Discards everything since the last commit and closes the writer. */
  public void rollback() {
    if (closed) return;
    closed = true;
    stopWorker();
    try {
      writer.rollback();
      directory.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot roll back full-text index", e);
    }
  }

  private void stopWorker() {
    queue.clear();
    for (int i = 0; i < workers.size(); i++) {
      try {
        queue.put(STOP);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    for (Thread t : workers) {
      try {
        t.join(60_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Closes without committing what was added since the last commit. */
  @Override
  public void close() {
    rollback();
  }

  /** Documents in the committed index under {@code dir} (0 when there is none). */
  public static long docCount(Path dir) {
    try (Directory d = FSDirectory.open(dir)) {
      if (!DirectoryReader.indexExists(d)) return 0;
      try (DirectoryReader r = DirectoryReader.open(d)) {
        return r.numDocs();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read full-text index " + dir, e);
    }
  }

  /** Every document key in the committed index, sorted (tests and consistency checks). */
  public static List<String> keys(Path dir) {
    List<String> out = new ArrayList<>();
    try (Directory d = FSDirectory.open(dir)) {
      if (!DirectoryReader.indexExists(d)) return out;
      try (DirectoryReader r = DirectoryReader.open(d)) {
        for (var leaf : r.leaves()) {
          StoredFields sf = leaf.reader().storedFields();
          var live = leaf.reader().getLiveDocs();
          for (int i = 0; i < leaf.reader().maxDoc(); i++) {
            if (live != null && !live.get(i)) continue;
            out.add(IndexSchema.key(sf.document(i, IndexSchema.keyFields()))); // not the stored text
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read full-text index " + dir, e);
    }
    out.sort(null);
    return out;
  }

  /** Bytes of the index files under {@code dir}. */
  public static long sizeOnDisk(Path dir) {
    if (!Files.isDirectory(dir)) return 0;
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    } catch (IOException e) {
      return 0;
    }
  }
}
