package org.webwatch.generate.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Per-site truth rows (CSV without header), buffered and spilled to part files in the site's
 * part directory once a buffer passes {@link #SPILL_CHARS}, so memory stays flat for large
 * populations. The assembler concatenates the parts in site order, so output does not depend
 * on thread timing.
 */
public final class TruthSink {
  static final int SPILL_CHARS = 1 << 20;
  static final String[] PARTS = {"indicators", "negatives", "identifiers", "obfuscations", "media"};

  public final StringBuilder indicators = new StringBuilder(1 << 16);
  public final StringBuilder negatives = new StringBuilder(1 << 14);
  public final StringBuilder identifiers = new StringBuilder(1 << 14);
  public final StringBuilder obfuscations = new StringBuilder(1 << 14);
  public final StringBuilder media = new StringBuilder(1 << 14);
  public long indicatorCount;
  public long negativeCount;
  public long attachmentCount;
  public long postCount;
  public long messageCount;
  public long threadCount;
  private Path dir;

  private StringBuilder buffer(int i) {
    return switch (i) {
      case 0 -> indicators;
      case 1 -> negatives;
      case 2 -> identifiers;
      case 3 -> obfuscations;
      default -> media;
    };
  }

  /** Directory the spilled parts go to ({@code truth-NAME.csv}); created by the caller. */
  void spillTo(Path dir) {
    this.dir = dir;
  }

  /** Appends any buffer larger than {@link #SPILL_CHARS} to its part file. */
  void spillIfLarge() throws IOException {
    for (int i = 0; i < PARTS.length; i++) if (buffer(i).length() > SPILL_CHARS) spill(i);
  }

  /** Appends every buffer to its part file (call once the site is done). */
  void spillAll() throws IOException {
    for (int i = 0; i < PARTS.length; i++) spill(i);
  }

  private void spill(int i) throws IOException {
    StringBuilder sb = buffer(i);
    try (Writer w = Files.newBufferedWriter(part(i), StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
        java.nio.file.StandardOpenOption.APPEND)) {
      w.append(sb);
    }
    sb.setLength(0);
  }

  private Path part(int i) {
    return dir.resolve("truth-" + PARTS[i] + ".csv");
  }

  /** Copies part {@code i} (0 indicators … 4 media) to {@code out}. */
  public void copyPart(int i, OutputStream out) throws IOException {
    Path p = part(i);
    if (Files.exists(p)) Files.copy(p, out);
  }
}
