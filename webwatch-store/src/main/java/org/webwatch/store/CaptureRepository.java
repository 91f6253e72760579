package org.webwatch.store;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.webwatch.model.CaptureManifest;
import org.webwatch.store.search.IndexedText;

/**
 * Capture records in a store. The embedded implementation is SQLite
 * ({@link org.webwatch.store.internal.SqliteCaptureRepository}); a PostgreSQL one needs the same
 * tables (the migrations are plain SQL) and the same transaction contract: everything a
 * {@link CaptureWriter} writes becomes visible in one commit.
 */
public interface CaptureRepository {
  Optional<CaptureInfo> capture(String id);

  /** All captures, oldest first. */
  List<CaptureInfo> captures();

  /**
   * Starts writing a capture: one transaction in which the capture row is (re)written with status
   * {@code importing} and the capture's previous rejected records and warnings are cleared.
   */
  CaptureWriter begin(CaptureManifest manifest, String sourcePath);

  /** Complete captures whose documents the full-text index may not hold (crash between the two commits). */
  List<String> capturesAwaitingIndex();

  void markIndexed(String captureId);

  /** Every text the full-text index holds for rows last written by {@code captureId}. */
  void forEachText(String captureId, Consumer<IndexedText> sink);

  /**
   * The text the full-text index analysed for one item ({@link IndexedText#text()}: a message's
   * subject and text, a signature, a thread title), read back from the record tables — the index
   * does not store it (schema 3). Empty when the item is not stored.
   */
  default Optional<String> indexedText(String site, org.webwatch.model.TextKind kind, String id) {
    return indexedTexts(List.of(new TextRef(site, kind, id))).get(0);
  }

  /** {@link #indexedText} of several items, in their order, over one connection (a page of search hits). */
  List<Optional<String>> indexedTexts(List<TextRef> items);

  /** One indexed item: {@code (site, kind, id)} as in {@link IndexedText}. */
  record TextRef(String site, org.webwatch.model.TextKind kind, String id) {}

  /** Rows per table and captures (index figures left at 0: see {@link ImportService#summary()}). */
  StoreSummary summary();
}
