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
      importer.writer().commit(report);
      index.commit(report.manifest().id());
      repository.markIndexed(report.manifest().id());
      CaptureInfo info = repository.capture(report.manifest().id()).orElseThrow();
      return new ImportResult(info.id(), ImportResult.Outcome.IMPORTED, report, info, index.added(), elapsed(start));
    } finally {
      if (importer.writer() != null) importer.writer().close();
      index.close();
    }
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
