package org.webwatch.media;

import java.time.Instant;
import org.webwatch.media.hashset.HashSetFormat;

/**
 * A loaded or stored hash set: its options, the form it was read from with the form's version
 * and profile (e.g. VICS {@code 2.0}/{@code US}; null when none), when it was imported, and how
 * many entries it holds and how many records were rejected when reading it.
 */
public record HashSetInfo(
    HashSetOptions options, HashSetFormat format, String version, String profile, Instant importedAt, long entries, long rejected) {
  public HashSetInfo {
    if (options == null || format == null || importedAt == null) {
      throw new IllegalArgumentException("options, format and import time are required");
    }
  }

  public String name() {
    return options.name();
  }
}
