package org.webwatch.store;

import java.util.function.LongConsumer;
import org.webwatch.ingest.CaptureVisitor;
import org.webwatch.ingest.RecordError;
import org.webwatch.model.Account;
import org.webwatch.model.Board;
import org.webwatch.model.CaptureManifest;
import org.webwatch.model.ForumThread;
import org.webwatch.model.Message;
import org.webwatch.model.Post;
import org.webwatch.model.Site;
import org.webwatch.model.TextKind;
import org.webwatch.store.search.FullTextIndex;
import org.webwatch.store.search.IndexedText;

/**
 * The {@link CaptureVisitor} that writes a capture into the store: every record to a
 * {@link CaptureWriter} (one transaction, written on its own thread by a
 * {@link PipelinedCaptureWriter}) and every text to the {@link FullTextIndex} (analysed on its
 * own thread). On the
 * manifest it decides whether the capture is already imported (then reading stops with
 * {@link AlreadyImported}). {@link ImportService} owns the commit order.
 */
public final class CaptureImporter implements CaptureVisitor {
  /** Progress is reported every this many records. */
  public static final int PROGRESS_EVERY = 1_000;

  /** Thrown from {@link #manifest} to stop reading a capture that is already complete. */
  static final class AlreadyImported extends RuntimeException {
    final CaptureInfo info;

    AlreadyImported(CaptureInfo info) {
      super(null, null, false, false);
      this.info = info;
    }
  }

  private final CaptureRepository repository;
  private final FullTextIndex index;
  private final String sourcePath;
  private final boolean reimport;
  private final LongConsumer progress;
  private CaptureWriter writer;
  private String capture;
  private long records;

  public CaptureImporter(CaptureRepository repository, FullTextIndex index, String sourcePath, boolean reimport, LongConsumer progress) {
    if (repository == null || index == null) throw new IllegalArgumentException("repository and index are required");
    this.repository = repository;
    this.index = index;
    this.sourcePath = sourcePath;
    this.reimport = reimport;
    this.progress = progress == null ? n -> {} : progress;
  }

  @Override
  public void manifest(CaptureManifest manifest) {
    CaptureInfo existing = repository.capture(manifest.id()).orElse(null);
    if (existing != null && existing.complete() && !reimport) throw new AlreadyImported(existing);
    capture = manifest.id();
    // SQL binds and steps on their own thread while this one parses (see PipelinedCaptureWriter)
    writer = new PipelinedCaptureWriter(repository.begin(manifest, sourcePath));
  }

  /** The open writer (null before the manifest). */
  CaptureWriter writer() {
    return writer;
  }

  String capture() {
    return capture;
  }

  long records() {
    return records;
  }

  private void counted() {
    if (++records % PROGRESS_EVERY == 0) progress.accept(records);
  }

  @Override
  public void site(Site s) {
    writer.site(s);
    counted();
  }

  @Override
  public void board(Board b) {
    writer.board(b);
    counted();
  }

  @Override
  public void thread(ForumThread t) {
    writer.thread(t);
    IndexedText d = IndexedText.threadTitle(t.site(), t.id(), t.author(), t.createdAt(), t.title());
    if (d != null) index.add(d, capture);
    counted();
  }

  @Override
  public void account(Account a) {
    writer.account(a);
    IndexedText d = IndexedText.signature(a.site(), a.id(), a.registeredAt(), a.signature());
    if (d != null) index.add(d, capture);
    counted();
  }

  @Override
  public void post(Post p) {
    writer.post(p);
    index.add(new IndexedText(p.site(), TextKind.POST, p.id(), p.author(), p.createdAt(), p.text()), capture);
    counted();
  }

  @Override
  public void message(Message m) {
    writer.message(m);
    index.add(IndexedText.message(m.site(), m.id(), m.author(), m.createdAt(), m.subject(), m.text()), capture);
    counted();
  }

  @Override
  public void rejected(RecordError error) {
    writer.rejected(error);
  }

  @Override
  public void warning(String message) {
    if (writer != null) writer.warning(message);
  }
}
