package org.webwatch.generate.internal;

/**
 * Per-site buffers of truth rows (CSV without header). Sites fill their own sink, the
 * assembler concatenates them in site order, so output does not depend on thread timing.
 */
public final class TruthSink {
  public final StringBuilder indicators = new StringBuilder(1 << 16);
  public final StringBuilder negatives = new StringBuilder(1 << 14);
  public final StringBuilder identifiers = new StringBuilder(1 << 14);
  public final StringBuilder obfuscations = new StringBuilder(1 << 14);
  public final StringBuilder media = new StringBuilder(1 << 14);
  public final StringBuilder payments = new StringBuilder(1 << 12);
  public long indicatorCount;
  public long negativeCount;
  public long attachmentCount;
  public long postCount;
  public long messageCount;
  public long threadCount;
}
