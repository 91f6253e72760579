package org.webwatch.store;

import java.time.Instant;

/**
 * One imported capture as the store knows it. {@code status} is {@code complete} once its
 * records are committed; {@code indexed} once the full-text index holds them too.
 */
public record CaptureInfo(
    String id,
    int version,
    String status,
    boolean indexed,
    long records,
    long rejected,
    String sourcePath,
    Instant startedAt,
    Instant finishedAt) {

  public static final String STATUS_IMPORTING = "importing";
  public static final String STATUS_COMPLETE = "complete";

  public boolean complete() {
    return STATUS_COMPLETE.equals(status);
  }
}
