package org.webwatch.store;

import java.time.Duration;
import org.webwatch.ingest.ReadReport;

/**
 * Outcome of {@link ImportService#importCapture}: {@code report} is what the reader saw (null
 * when the capture was already imported and not read again), {@code stored} the capture as the
 * store now records it, {@code indexed} the documents written to the full-text index.
 */
public record ImportResult(String captureId, Outcome outcome, ReadReport report, CaptureInfo stored, long indexed, Duration elapsed) {
  public enum Outcome {
    IMPORTED,
    ALREADY_IMPORTED
  }

  public long accepted() {
    return report != null ? report.accepted() : stored.records();
  }

  public long rejected() {
    return report != null ? report.rejected() : stored.rejected();
  }
}
