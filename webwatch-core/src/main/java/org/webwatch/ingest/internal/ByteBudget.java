package org.webwatch.ingest.internal;

import org.webwatch.ingest.CaptureRefusedException;
import org.webwatch.ingest.ReaderLimits;

/** Uncompressed bytes read from the whole capture, checked against {@link ReaderLimits#maxTotalBytes()}. */
public final class ByteBudget {
  private final ReaderLimits limits;
  private long total;

  public ByteBudget(ReaderLimits limits) {
    this.limits = limits;
  }

  public ReaderLimits limits() {
    return limits;
  }

  void add(long n) {
    total += n;
    if (total > limits.maxTotalBytes()) {
      throw new CaptureRefusedException(
          "capture expands to more than " + limits.maxTotalBytes() + " bytes (limit maxTotalBytes); refused as a possible decompression bomb");
    }
  }

  public long total() {
    return total;
  }
}
