package org.webwatch.store;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.webwatch.ingest.CaptureReader;
import org.webwatch.ingest.ReadReport;
import org.webwatch.store.internal.SqliteCaptureRepository;
import org.webwatch.store.search.FullTextIndex;

/**
 * Imports captures into a {@link WebwatchStore}: idempotent and crash-safe.
 *
 * <p>Order of a run: (1) repair — every complete capture whose index commit did not happen is
 * re-indexed from its rows; (2) the capture is streamed by {@link CaptureReader} into a
 * {@link CaptureImporter}: all rows in one SQL transaction, documents into an uncommitted Lucene
 * writer; (3) SQL commit (capture status {@code complete}, {@code indexed = 0}); (4) Lucene
 * commit; (5) {@code indexed = 1}. A kill before (3) leaves both stores as they were; between (3)
 * and (5) step (1) of the next run completes the index. Re-importing a complete capture id
 * returns {@link ImportResult.Outcome#ALREADY_IMPORTED} without writing, unless
 * {@link ImportOptions#reimport()} asks to write it again (the same rows, replaced by key).
 */
public final class ImportService {
  private final WebwatchStore store;
  private final CaptureRepository repository;

  public ImportService(WebwatchStore store) {
    this(store, new SqliteCaptureRepository(store));
  }

  public ImportService(WebwatchStore store, CaptureRepository repository) {
    if (store == null || repository == null) throw new IllegalArgumentException("store and repository are required");
    this.store = store;
    this.repository = repository;
  }

  public CaptureRepository repository() {
    return repository;
  }

  public ImportResult importCapture(Path capture) {
    return importCapture(capture, ImportOptions.defaults());
  }

  /** Imports one capture; throws {@link org.webwatch.ingest.CaptureRefusedException} when it is refused (nothing stored). */
  public ImportResult importCapture(Path capture, ImportOptions options) {
    long start = System.nanoTime();
    recoverIndex(options);
    FullTextIndex index = FullTextIndex.open(store.indexDir(), options.indexRamBufferMb());
    CaptureImporter importer =
        new CaptureImporter(repository, index, capture.toAbsolutePath().toString(), options.reimport(), options.progress());
    try {
      ReadReport report;
      try {
        report = new CaptureReader(options.limits()).read(capture, importer);
      } catch (CaptureImporter.AlreadyImported done) {
        return new ImportResult(done.info.id(), ImportResult.Outcome.ALREADY_IMPORTED, null, done.info, 0, elapsed(start));
      }
      String id = report.manifest().id();
      commitBoth(importer.writer(), index, report, id);
      repository.markIndexed(report.manifest().id());
      CaptureInfo info = repository.capture(report.manifest().id()).orElseThrow();
      return new ImportResult(info.id(), ImportResult.Outcome.IMPORTED, report, info, index.added(), elapsed(start));
    } finally {
      if (importer.writer() != null) importer.writer().close();
      index.close();
    }
  }

  /**
   * Steps (3) and (4): Lucene's flush of its last buffer and fsync (phase one, on a helper
   * thread) overlaps the SQL commit (building the deferred indexes, the WAL checkpoint); the
   * Lucene commit point is written only after the SQL commit has returned, so the order the
   * crash protocol needs is kept. Any failure leaves the index uncommitted (closed by the caller).
   */
  private static void commitBoth(CaptureWriter writer, FullTextIndex index, ReadReport report, String id) {
    Throwable[] failed = new Throwable[1];
    Thread prepare = new Thread(() -> {
      try {
        index.prepareCommit(id);
      } catch (Throwable t) {
        failed[0] = t;
      }
    }, "webwatch-index-prepare");
    prepare.setDaemon(true);
    prepare.start();
    try {
      writer.commit(report);
    } finally {
      joinQuietly(prepare);
    }
    if (failed[0] instanceof RuntimeException e) throw e;
    if (failed[0] instanceof Error e) throw e;
    if (failed[0] != null) throw new IllegalStateException(failed[0]);
    index.commit(id);
  }

  private static void joinQuietly(Thread t) {
    boolean interrupted = false;
    while (true) {
      try {
        t.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) Thread.currentThread().interrupt();
  }

  /**
   * Re-indexes every complete capture the index may lack (a crash between the SQL and the Lucene
   * commit); returns how many captures were repaired.
   */
  public int recoverIndex() {
    return recoverIndex(ImportOptions.defaults());
  }

  private int recoverIndex(ImportOptions options) {
    List<String> pending = repository.capturesAwaitingIndex();
    if (pending.isEmpty()) return 0;
    try (FullTextIndex index = FullTextIndex.open(store.indexDir(), options.indexRamBufferMb())) {
      for (String id : pending) {
        repository.forEachText(id, t -> index.add(t, id));
        index.commit(id);
        repository.markIndexed(id);
      }
    }
    return pending.size();
  }

  /** Rows per table, captures, and the committed index's document count and size. */
  public StoreSummary summary() {
    StoreSummary s = repository.summary();
    return new StoreSummary(s.rowsPerTable(), s.captures(), FullTextIndex.docCount(store.indexDir()), FullTextIndex.sizeOnDisk(store.indexDir()));
  }

  private static Duration elapsed(long start) {
    return Duration.ofNanos(System.nanoTime() - start);
  }
}
