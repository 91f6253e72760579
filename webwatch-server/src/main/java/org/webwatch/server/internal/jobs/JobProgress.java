package org.webwatch.server.internal.jobs;

/**
 * What a job's work reports while it runs: its phase, units done of a known or unknown total,
 * located errors. Cheap to call often (volatile writes); {@link #checkCancelled()} is the one
 * place a running job learns that a user cancelled it.
 */
public interface JobProgress {
  /** Starts a phase: {@code total} units of {@code unit}, or -1 when the total is unknown; done resets to 0. */
  void phase(String name, long total, String unit);

  /** Units done so far in the current phase. */
  void done(long done);

  /** A located error ({@code FILE:LINE: field: problem}); the first few are kept, all are counted. */
  void error(String located);

  /** Raises the error count to {@code total} when more errors happened than were reported one by one. */
  void errorCount(long total);

  /** @throws JobCancelledException when a user asked to cancel this job */
  void checkCancelled();
}
