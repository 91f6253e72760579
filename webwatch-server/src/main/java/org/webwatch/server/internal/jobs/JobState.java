package org.webwatch.server.internal.jobs;

import java.util.Locale;

/** Life of a job: queued → running → succeeded | failed | cancelled (a queued job may be cancelled directly). */
public enum JobState {
  QUEUED,
  RUNNING,
  SUCCEEDED,
  FAILED,
  CANCELLED;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** True once the job will not change any more. */
  public boolean finished() {
    return this == SUCCEEDED || this == FAILED || this == CANCELLED;
  }
}
