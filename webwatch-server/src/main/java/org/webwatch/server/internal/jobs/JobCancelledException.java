package org.webwatch.server.internal.jobs;

/**
 * Thrown from {@link JobProgress#checkCancelled()} inside a job's work when a user asked to
 * cancel it; the work's own transaction handling undoes what it had begun (a capture import
 * rolls back, a triage run is not loaded).
 */
public final class JobCancelledException extends RuntimeException {
  public JobCancelledException() {
    super("cancelled", null, false, false);
  }
}
