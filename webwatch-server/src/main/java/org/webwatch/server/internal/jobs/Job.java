package org.webwatch.server.internal.jobs;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A snapshot of one background job, immutable.
 *
 * @param id sequence number, unique while the server runs (jobs are kept in memory only)
 * @param kind what the job does
 * @param startedBy the user who submitted it
 * @param label what it works on (file name, import path, "all captures in the store")
 * @param submittedAt when it was queued
 * @param startedAt when it began running (null while queued)
 * @param finishedAt when it ended (null until then)
 * @param state queued, running, succeeded, failed, cancelled
 * @param phase what it is doing now (e.g. "reading captures")
 * @param done units done in the current phase
 * @param total units of the current phase, or -1 when unknown
 * @param unit what {@code done}/{@code total} count ("records", "bytes")
 * @param summary the result (counts, capture id, run id …), empty until it succeeded
 * @param errors the first located errors ({@code FILE:LINE: field: problem})
 * @param errorCount all errors, shown or not
 * @param failure why it failed (null unless failed)
 * @param cancelRequested a user asked to cancel a running job; it stops at its next progress check
 */
public record Job(long id, JobKind kind, String startedBy, String label, Instant submittedAt, Instant startedAt,
    Instant finishedAt, JobState state, String phase, long done, long total, String unit, Map<String, Object> summary,
    List<String> errors, long errorCount, String failure, boolean cancelRequested) {

  public Job {
    summary = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(summary));
    errors = List.copyOf(errors);
  }

  /** Whole percent of the current phase, or -1 when the total is unknown. */
  public int percent() {
    if (total <= 0) return -1;
    return (int) Math.min(100, done * 100 / total);
  }

  /** Hidden errors: {@code errorCount} minus the errors listed. */
  public long moreErrors() {
    return Math.max(0, errorCount - errors.size());
  }

  /** An instant as shown on the pages: UTC to the second, empty for null. */
  public static String utc(Instant t) {
    return t == null ? "" : t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
  }

  public boolean active() {
    return !state.finished();
  }
}
