package org.webwatch.media.hashset;

import java.util.ArrayList;
import java.util.List;

/** Collects located rejects of one read: counts them all, keeps the first few texts. */
final class ErrorLog {
  private final List<String> kept = new ArrayList<>();
  private long rejected;

  void reject(String located) {
    rejected++;
    if (kept.size() < ReadSummary.MAX_ERRORS_KEPT) kept.add(located);
  }

  /** A problem with one field that does not reject the record. */
  void note(String located) {
    if (kept.size() < ReadSummary.MAX_ERRORS_KEPT) kept.add(located);
  }

  long rejected() {
    return rejected;
  }

  List<String> kept() {
    return kept;
  }
}
