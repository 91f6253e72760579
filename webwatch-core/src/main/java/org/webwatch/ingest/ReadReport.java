package org.webwatch.ingest;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.webwatch.model.CaptureManifest;

/**
 * What {@link CaptureReader#read} saw: the manifest, accepted and rejected record counts per
 * file (as named inside the capture, e.g. {@code posts.jsonl.gz}), the first
 * {@link CaptureReader#MAX_REPORTED_ERRORS} located errors (the visitor saw all of them) and
 * warnings.
 */
public record ReadReport(
    CaptureManifest manifest,
    Map<String, Long> acceptedByFile,
    Map<String, Long> rejectedByFile,
    List<RecordError> errors,
    List<String> warnings) {

  public ReadReport {
    // visit order of the files is kept
    acceptedByFile = Collections.unmodifiableMap(new LinkedHashMap<>(acceptedByFile));
    rejectedByFile = Collections.unmodifiableMap(new LinkedHashMap<>(rejectedByFile));
    errors = List.copyOf(errors);
    warnings = List.copyOf(warnings);
  }

  public long accepted() {
    return acceptedByFile.values().stream().mapToLong(Long::longValue).sum();
  }

  public long rejected() {
    return rejectedByFile.values().stream().mapToLong(Long::longValue).sum();
  }
}
