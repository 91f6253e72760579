package org.webwatch.store.audit;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Group commit (leader/follower, as in MySQL's binary-log group commit and PostgreSQL's
 * commit_delay): threads that must each write one record enqueue it and wait; whichever waiting
 * thread finds no commit in progress becomes the leader, takes every queued record (at most
 * {@code maxBatch}, oldest first) and writes them in ONE transaction, then wakes the followers.
 * A caller returns only after the transaction holding its record has committed, so durability
 * is that of one transaction per record, but N concurrent writers pay for one commit (and one
 * trip through the database's writer lock) instead of N.
 *
 * <p>Order: records are committed in queue (arrival) order, so the results come back in commit
 * order. Failure: when a batch of several records fails, each is retried alone in the same order,
 * so only the records that fail on their own fail, and each such failure is thrown to the thread
 * that submitted that record (as thrown by the batch function). No records are lost: a caller
 * gets either its committed result or an exception.
 *
 * <p>Complexity: O(1) per record for queueing; one monitor handoff per batch. No thread of its
 * own, so nothing to start or close.
 *
 * @param <R> what a caller submits
 * @param <T> what the caller gets back once committed
 */
final class GroupCommit<R, T> {
  /** Writes a batch in one transaction; returns one result per record, in order, or throws (nothing written). */
  @FunctionalInterface
  interface Batch<R, T> {
    List<T> commit(List<R> records);
  }

  /** Largest batch by default: bounds the transaction size and the leader's extra latency. */
  static final int DEFAULT_MAX_BATCH = 256;

  private final Batch<R, T> batch;
  private final int maxBatch;
  private final Object monitor = new Object();
  private final ArrayDeque<Pending<R, T>> queue = new ArrayDeque<>();
  private boolean committing;
  private long batches;

  private static final class Pending<R, T> {
    final R record;
    boolean done;
    T result;
    RuntimeException failure;

    Pending(R record) {
      this.record = record;
    }
  }

  GroupCommit(Batch<R, T> batch, int maxBatch) {
    if (maxBatch < 1) throw new IllegalArgumentException("maxBatch must be at least 1: " + maxBatch);
    this.batch = Objects.requireNonNull(batch, "batch");
    this.maxBatch = maxBatch;
  }

  /** Submits {@code record} and blocks until the transaction holding it committed; returns its result or throws its failure. */
  T submit(R record) {
    Pending<R, T> mine = new Pending<>(Objects.requireNonNull(record, "record"));
    boolean interrupted = false;
    synchronized (monitor) {
      queue.addLast(mine);
    }
    try {
      while (true) {
        List<Pending<R, T>> taken;
        synchronized (monitor) {
          while (!mine.done && committing) {
            try {
              monitor.wait();
            } catch (InterruptedException e) {
              // the record may already be in a transaction: its outcome must be known before returning
              interrupted = true;
            }
          }
          if (mine.done) {
            if (mine.failure != null) throw mine.failure;
            return mine.result;
          }
          // not done and no commit running: this thread leads; its record is still queued
          committing = true;
          taken = new ArrayList<>(Math.min(queue.size(), maxBatch));
          while (!queue.isEmpty() && taken.size() < maxBatch) taken.add(queue.pollFirst());
          batches++;
        }
        try {
          write(taken);
        } finally {
          synchronized (monitor) {
            committing = false;
            monitor.notifyAll();
          }
        }
      }
    } finally {
      if (interrupted) Thread.currentThread().interrupt();
    }
  }

  /** Commits {@code taken} as one batch, or on failure each record alone; every record ends done. */
  private void write(List<Pending<R, T>> taken) {
    try {
      List<T> results = commit(taken.stream().map(p -> p.record).toList());
      synchronized (monitor) {
        for (int i = 0; i < taken.size(); i++) finish(taken.get(i), results.get(i), null);
      }
      return;
    } catch (Throwable e) { // NOPMD: every waiter must learn its outcome, whatever was thrown
      if (taken.size() == 1) {
        synchronized (monitor) {
          finish(taken.get(0), null, unchecked(e));
        }
        return;
      }
    }
    for (Pending<R, T> p : taken) {
      T result = null;
      RuntimeException failure = null;
      try {
        result = commit(List.of(p.record)).get(0);
      } catch (Throwable e) { // NOPMD: as above
        failure = unchecked(e);
      }
      synchronized (monitor) {
        finish(p, result, failure);
      }
    }
  }

  private static RuntimeException unchecked(Throwable e) {
    return e instanceof RuntimeException r ? r : new IllegalStateException("group commit failed: " + e, e);
  }

  private List<T> commit(List<R> records) {
    List<T> results = batch.commit(records);
    if (results == null || results.size() != records.size()) {
      throw new IllegalStateException("group commit: batch returned " + (results == null ? "null" : results.size() + " results")
          + " for " + records.size() + " records");
    }
    return results;
  }

  private static <R, T> void finish(Pending<R, T> p, T result, RuntimeException failure) {
    p.result = result;
    p.failure = failure;
    p.done = true;
  }

  /** Records waiting for a leader (not yet in a transaction). */
  int queued() {
    synchronized (monitor) {
      return queue.size();
    }
  }

  /** Number of transactions started so far, retries of single records not counted (for tests and metrics). */
  long batches() {
    synchronized (monitor) {
      return batches;
    }
  }
}
