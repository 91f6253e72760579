package org.webwatch.ingest;

/**
 * Bounds the {@link CaptureReader} enforces against hostile or broken captures.
 *
 * @param maxLineBytes longest JSON Lines line accepted (bytes, without the line end); a longer
 *     line is skipped without being buffered and reported as a located error
 * @param maxEntryBytes most uncompressed bytes read from one file of the capture; more refuses
 *     the capture
 * @param maxTotalBytes most uncompressed bytes read from the whole capture; more refuses it
 * @param maxCompressionRatio most uncompressed bytes per compressed byte of one compressed
 *     stream (zip entry, gzip file, tar.gz archive) once past {@link #RATIO_GRACE_BYTES}; more
 *     refuses the capture as a decompression bomb
 * @param maxEntries most files (entries) in the container
 */
public record ReaderLimits(
    long maxLineBytes, long maxEntryBytes, long maxTotalBytes, double maxCompressionRatio, int maxEntries) {

  /** 16 MiB: far above any real post, far below what would hurt the heap. */
  public static final long DEFAULT_MAX_LINE_BYTES = 16L << 20;
  /** 32 GiB per file. */
  public static final long DEFAULT_MAX_ENTRY_BYTES = 32L << 30;
  /** 128 GiB per capture. */
  public static final long DEFAULT_MAX_TOTAL_BYTES = 128L << 30;
  /** JSON Lines of forum text compresses 5–20×; bombs reach 1000× and more. */
  public static final double DEFAULT_MAX_COMPRESSION_RATIO = 200.0;
  /** A capture has at most 7 files; archives with many thousands of entries are hostile. */
  public static final int DEFAULT_MAX_ENTRIES = 10_000;
  /** Ratio checks start after this many uncompressed bytes so tiny, very regular files pass. */
  public static final long RATIO_GRACE_BYTES = 1L << 20;

  public ReaderLimits {
    if (maxLineBytes < 1024) throw new IllegalArgumentException("maxLineBytes must be >= 1024: " + maxLineBytes);
    if (maxEntryBytes < 1) throw new IllegalArgumentException("maxEntryBytes must be > 0: " + maxEntryBytes);
    if (maxTotalBytes < 1) throw new IllegalArgumentException("maxTotalBytes must be > 0: " + maxTotalBytes);
    if (!(maxCompressionRatio >= 1.0)) throw new IllegalArgumentException("maxCompressionRatio must be >= 1: " + maxCompressionRatio);
    if (maxEntries < 1) throw new IllegalArgumentException("maxEntries must be > 0: " + maxEntries);
  }

  public static ReaderLimits defaults() {
    return new ReaderLimits(
        DEFAULT_MAX_LINE_BYTES,
        DEFAULT_MAX_ENTRY_BYTES,
        DEFAULT_MAX_TOTAL_BYTES,
        DEFAULT_MAX_COMPRESSION_RATIO,
        DEFAULT_MAX_ENTRIES);
  }
}
