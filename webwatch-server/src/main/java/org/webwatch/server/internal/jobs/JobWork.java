package org.webwatch.server.internal.jobs;

import java.util.Map;

/** The work of one job. */
public interface JobWork {
  /**
   * Does the work, reporting through {@code progress}; returns the result summary (values
   * non-null; shown as is on the page and in the API). A {@link org.webwatch.WebwatchException}
   * fails the job with its message (which names file, line and field where the input was bad).
   */
  Map<String, Object> run(JobProgress progress) throws Exception;

  /** Releases what the job holds (e.g. a staged upload); called exactly once, whether it ran, failed or was cancelled. */
  default void discard() {}
}
