package org.webwatch.store;

import org.webwatch.ingest.ReadReport;
import org.webwatch.ingest.RecordError;
import org.webwatch.model.Account;
import org.webwatch.model.Board;
import org.webwatch.model.ForumThread;
import org.webwatch.model.Message;
import org.webwatch.model.Post;
import org.webwatch.model.Site;

/**
 * Writes one capture's records as one unit: nothing is visible to readers, and nothing already
 * stored changes, until {@link #commit}; {@link #close} without a commit discards everything.
 * Rows are upserted on their natural key {@code (site, id)}, so writing the same capture again
 * leaves the same rows.
 */
public interface CaptureWriter extends AutoCloseable {
  void site(Site site);

  void board(Board board);

  void thread(ForumThread thread);

  void account(Account account);

  void post(Post post);

  void message(Message message);

  void rejected(RecordError error);

  void warning(String message);

  /** Marks the capture complete with the reader's counts and makes everything visible at once. */
  void commit(ReadReport report);

  /** Rolls back unless committed. */
  @Override
  void close();
}
