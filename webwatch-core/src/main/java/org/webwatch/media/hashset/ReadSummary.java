package org.webwatch.media.hashset;

import java.util.List;

/**
 * What reading one hash-set file produced: the detected format, its version and profile (e.g.
 * {@code 2.0} / {@code US} for VICS; null when the form has none), entries emitted, records
 * rejected, and the first located errors ({@code FILE:LINE:COLUMN: field: problem}).
 */
public record ReadSummary(
    HashSetFormat format, String version, String profile, long entries, long rejected, List<String> errors) {
  public static final int MAX_ERRORS_KEPT = 100;

  public ReadSummary {
    errors = List.copyOf(errors);
  }
}
