package org.webwatch.store;

import java.util.function.LongConsumer;
import org.webwatch.ingest.ReaderLimits;
import org.webwatch.store.search.FullTextIndex;

/**
 * How to import: {@code reimport} reads and writes a capture again even when it is complete
 * (the result is the same rows); {@code progress} receives the number of records read and handed
 * to the (pipelined) writers so far every {@link CaptureImporter#PROGRESS_EVERY}; none of them is
 * visible before the commit; {@code indexRamBufferMb} sizes Lucene's buffer.
 */
public record ImportOptions(boolean reimport, LongConsumer progress, ReaderLimits limits, double indexRamBufferMb) {
  public ImportOptions {
    if (limits == null) throw new IllegalArgumentException("limits must not be null");
    if (!(indexRamBufferMb >= 1)) throw new IllegalArgumentException("indexRamBufferMb must be >= 1: " + indexRamBufferMb);
  }

  public static ImportOptions defaults() {
    return new ImportOptions(false, null, ReaderLimits.defaults(), FullTextIndex.DEFAULT_RAM_BUFFER_MB);
  }

  public ImportOptions withReimport(boolean r) {
    return new ImportOptions(r, progress, limits, indexRamBufferMb);
  }

  public ImportOptions withProgress(LongConsumer p) {
    return new ImportOptions(reimport, p, limits, indexRamBufferMb);
  }

  public ImportOptions withIndexRamBufferMb(double mb) {
    return new ImportOptions(reimport, progress, limits, mb);
  }
}
