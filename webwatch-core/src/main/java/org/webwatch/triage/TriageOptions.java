package org.webwatch.triage;

/**
 * Tuning of one run: {@code threads} workers for detection, extraction and media
 * classification (outputs do not depend on it), {@code batchSize} items handed to the workers at
 * a time, and {@code reportTop} persons detailed in report.html.
 */
public record TriageOptions(int threads, int batchSize, int reportTop) {
  public static final int DEFAULT_THREADS = 2;
  public static final int DEFAULT_BATCH_SIZE = 512;
  public static final int DEFAULT_REPORT_TOP = 100;

  public TriageOptions {
    if (threads < 1 || threads > 256) throw new IllegalArgumentException("threads must be 1..256: " + threads);
    if (batchSize < 1) throw new IllegalArgumentException("batchSize must be >= 1: " + batchSize);
    if (reportTop < 0) throw new IllegalArgumentException("reportTop must be >= 0: " + reportTop);
  }

  public static TriageOptions defaults() {
    return new TriageOptions(DEFAULT_THREADS, DEFAULT_BATCH_SIZE, DEFAULT_REPORT_TOP);
  }

  public TriageOptions withThreads(int n) {
    return new TriageOptions(n, batchSize, reportTop);
  }
}
