package org.webwatch.ingest.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongSupplier;
import org.webwatch.ingest.CaptureRefusedException;
import org.webwatch.ingest.ReaderLimits;

/**
 * The uncompressed side of one stream of the capture: refuses the capture when the stream
 * grows past {@code maxBytes}, when it inflates more than {@code maxCompressionRatio} times the
 * compressed bytes consumed (after {@link ReaderLimits#RATIO_GRACE_BYTES}), or when the capture's
 * total passes its budget. Throwing here (not returning -1) makes a bomb a clear refusal.
 */
public final class GuardedInputStream extends FilterInputStream {
  private final String what;
  private final long maxBytes;
  private final LongSupplier compressed;
  private final ByteBudget budget;
  private final boolean countInBudget;
  private long produced;

  /**
   * @param compressed bytes consumed on the compressed side, or null when the stream is stored
   * @param countInBudget whether these bytes count towards the capture's total (false for the
   *     outer tar.gz stream whose entries are counted themselves)
   */
  public GuardedInputStream(
      InputStream in, String what, long maxBytes, LongSupplier compressed, ByteBudget budget, boolean countInBudget) {
    super(in);
    this.what = what;
    this.maxBytes = maxBytes;
    this.compressed = compressed;
    this.budget = budget;
    this.countInBudget = countInBudget;
  }

  private void account(long n) {
    if (n <= 0) return;
    produced += n;
    if (countInBudget) budget.add(n);
    if (produced > maxBytes) {
      throw new CaptureRefusedException(what + " expands to more than " + maxBytes + " bytes (limit maxEntryBytes); refused");
    }
    if (compressed != null && produced > ReaderLimits.RATIO_GRACE_BYTES) {
      long c = Math.max(1, compressed.getAsLong());
      double ratio = (double) produced / c;
      double max = budget.limits().maxCompressionRatio();
      if (ratio > max) {
        throw new CaptureRefusedException(String.format(
            "%s inflates %.0f:1 (limit maxCompressionRatio %.0f:1); refused as a decompression bomb", what, ratio, max));
      }
    }
  }

  @Override
  public int read() throws IOException {
    int b = in.read();
    if (b >= 0) account(1);
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = in.read(b, off, len);
    account(n);
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    byte[] buf = new byte[8192];
    long left = n;
    while (left > 0) {
      int r = read(buf, 0, (int) Math.min(buf.length, left));
      if (r < 0) break;
      left -= r;
    }
    return n - left;
  }

  @Override
  public boolean markSupported() {
    return false;
  }
}
