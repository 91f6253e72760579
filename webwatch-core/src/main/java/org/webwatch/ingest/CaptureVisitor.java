package org.webwatch.ingest;

import org.webwatch.model.Account;
import org.webwatch.model.Board;
import org.webwatch.model.CaptureManifest;
import org.webwatch.model.ForumThread;
import org.webwatch.model.Message;
import org.webwatch.model.Post;
import org.webwatch.model.Site;

/**
 * Receives the records of a capture as they are streamed, in file order: manifest, sites,
 * boards, threads, accounts, posts, messages. Rejected records go to {@link #rejected}.
 * Every stage that consumes captures (store import, triage) implements this; nothing holds
 * the whole capture in memory unless it chooses to.
 */
public interface CaptureVisitor {
  default void manifest(CaptureManifest manifest) {}

  default void site(Site site) {}

  default void board(Board board) {}

  default void thread(ForumThread thread) {}

  default void account(Account account) {}

  default void post(Post post) {}

  default void message(Message message) {}

  /** A record that broke the spec; the rest of the capture still loads. */
  default void rejected(RecordError error) {}

  /** A non-fatal note (e.g. an unknown file was ignored). */
  default void warning(String message) {}
}
