package org.webwatch.media;

import java.nio.file.Path;

/**
 * How one hash set takes part in matching: its name (unique among loaded sets), its source
 * (agency / distributor), whether it is a negative (allow) set whose matches suppress hits, and
 * the largest PDQ distance that counts as a match for it (default 31).
 */
public record HashSetOptions(String name, String source, boolean negative, int pdqThreshold) {
  public static final int DEFAULT_PDQ_THRESHOLD = 31;

  public HashSetOptions {
    if (name == null || name.isBlank()) throw new IllegalArgumentException("a hash set needs a name");
    if (pdqThreshold < 0 || pdqThreshold > 128) {
      throw new IllegalArgumentException("PDQ threshold must be 0–128, got " + pdqThreshold);
    }
    if (source == null || source.isBlank()) source = name;
  }

  /** Name and source from the file name; a positive set at the default threshold. */
  public static HashSetOptions of(Path file) {
    String n = file.getFileName().toString();
    return new HashSetOptions(n, n, false, DEFAULT_PDQ_THRESHOLD);
  }

  public HashSetOptions asNegative() {
    return new HashSetOptions(name, source, true, pdqThreshold);
  }

  public HashSetOptions withThreshold(int threshold) {
    return new HashSetOptions(name, source, negative, threshold);
  }
}
