package org.webwatch.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.webwatch.WebwatchException;
import org.webwatch.ingest.ReadReport;
import org.webwatch.ingest.RecordError;
import org.webwatch.model.Account;
import org.webwatch.model.Board;
import org.webwatch.model.ForumThread;
import org.webwatch.model.Message;
import org.webwatch.model.Post;
import org.webwatch.model.Site;

/**
 * A {@link CaptureWriter} that runs another one on its own thread: the reading thread only
 * queues records (in batches of {@link #BATCH}, at most {@link #QUEUED_BATCHES} batches ahead,
 * so memory stays bounded whatever the capture's size) and parses on while the delegate binds
 * and steps its SQL on another core. Records reach the delegate in the order they were given,
 * from one thread; {@link #commit} waits for all of them and commits on that thread, so the
 * delegate's transaction semantics (one unit, nothing visible before the commit) are unchanged.
 * A failure of the delegate is rethrown to the reading thread at its next call.
 *
 * <p>Cost: one queue hand-off per {@link #BATCH} records; no copy of the records. The queue holds
 * the records themselves and the writing thread dispatches on their type (posts first), rather
 * than a capturing lambda per record: no allocation per record, one small monomorphic loop.
 */
final class PipelinedCaptureWriter implements CaptureWriter {
  /** Records per hand-off. */
  static final int BATCH = 512;
  /** Batches that may wait for the writing thread before the reader blocks. */
  static final int QUEUED_BATCHES = 16;

  private static final List<Object> STOP = new ArrayList<>();

  /** A warning in the queue (a plain String could be mistaken for nothing else, but says what it is). */
  private record Warning(String message) {}

  private final CaptureWriter delegate;
  private final BlockingQueue<List<Object>> queue = new ArrayBlockingQueue<>(QUEUED_BATCHES);
  private final Thread thread;
  private List<Object> pending = new ArrayList<>(BATCH);
  private volatile Throwable failure;
  private boolean stopped;

  PipelinedCaptureWriter(CaptureWriter delegate) {
    if (delegate == null) throw new IllegalArgumentException("delegate must not be null");
    this.delegate = delegate;
    this.thread = new Thread(this::work, "webwatch-sql-writer");
    thread.setDaemon(true);
    thread.start();
  }

  private void work() {
    try {
      while (true) {
        List<Object> batch = queue.take();
        if (batch == STOP) return;
        for (Object record : batch) write(record);
      }
    } catch (Throwable t) {
      failure = t;
      queue.clear(); // unblocks a reader waiting to put
    }
  }

  private void write(Object r) {
    if (r instanceof Post p) delegate.post(p);
    else if (r instanceof Message m) delegate.message(m);
    else if (r instanceof Account a) delegate.account(a);
    else if (r instanceof ForumThread t) delegate.thread(t);
    else if (r instanceof Board b) delegate.board(b);
    else if (r instanceof Site s) delegate.site(s);
    else if (r instanceof RecordError e) delegate.rejected(e);
    else if (r instanceof Warning w) delegate.warning(w.message());
    else throw new IllegalStateException("not a capture record: " + r.getClass());
  }

  private void enqueue(Object record) {
    checkFailure();
    pending.add(record);
    if (pending.size() >= BATCH) handOff();
  }

  private void handOff() {
    List<Object> batch = pending;
    pending = new ArrayList<>(BATCH);
    put(batch);
  }

  private void put(List<Object> batch) {
    try {
      while (!queue.offer(batch, 100, TimeUnit.MILLISECONDS)) {
        checkFailure();
        if (!thread.isAlive()) throw new WebwatchException(WebwatchException.Kind.INTERNAL, "store writer thread stopped");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WebwatchException(WebwatchException.Kind.INTERNAL, "interrupted while writing the store");
    }
  }

  private void checkFailure() {
    Throwable t = failure;
    if (t instanceof RuntimeException e) throw e;
    if (t instanceof Error e) throw e;
    if (t != null) throw new WebwatchException(WebwatchException.Kind.INTERNAL, "store write failed: " + t, t);
  }

  /** Hands off what is pending and waits until the writing thread has done everything queued. */
  private void finish() {
    if (stopped) return;
    if (!pending.isEmpty()) handOff();
    put(STOP);
    stopped = true;
    boolean interrupted = false;
    while (true) {
      try {
        thread.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) Thread.currentThread().interrupt();
    checkFailure();
  }

  @Override
  public void site(Site site) {
    enqueue(site);
  }

  @Override
  public void board(Board board) {
    enqueue(board);
  }

  @Override
  public void thread(ForumThread t) {
    enqueue(t);
  }

  @Override
  public void account(Account account) {
    enqueue(account);
  }

  @Override
  public void post(Post post) {
    enqueue(post);
  }

  @Override
  public void message(Message message) {
    enqueue(message);
  }

  @Override
  public void rejected(RecordError error) {
    enqueue(error);
  }

  @Override
  public void warning(String message) {
    enqueue(new Warning(message));
  }

  /** Waits for every queued record, then commits the delegate (on this thread, after the writing thread ended). */
  @Override
  public void commit(ReadReport report) {
    finish();
    delegate.commit(report);
  }

  /** Stops the writing thread (dropping records it has not written) and closes the delegate, which rolls back unless committed. */
  @Override
  public void close() {
    try {
      if (!stopped) {
        stopped = true;
        pending.clear();
        queue.clear();
        if (thread.isAlive() && failure == null) {
          try {
            queue.put(STOP);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
        try {
          thread.join(60_000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    } finally {
      delegate.close();
    }
  }
}
