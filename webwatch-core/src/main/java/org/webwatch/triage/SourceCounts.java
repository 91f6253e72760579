package org.webwatch.triage;

/** What a {@link CaptureSource} read: records delivered and records rejected (located in its errors). */
public record SourceCounts(long read, long rejected) {
  public SourceCounts {
    if (read < 0 || rejected < 0) throw new IllegalArgumentException("negative counts");
  }
}
