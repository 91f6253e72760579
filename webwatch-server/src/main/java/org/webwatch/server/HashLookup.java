package org.webwatch.server;

import java.util.List;

/**
 * Looks a hash up (HMA {@code /m/lookup} semantics). The server ships {@code CaptureHashLookup}
 * (hashes already seen in imported captures, with their triage status); the media stage's
 * hash-set matcher ({@code HashSetLookup}, the default) implements it too.
 */
public interface HashLookup {
  /** Signal types this lookup understands, e.g. {@code md5}, {@code sha256}, {@code pdq}. */
  List<String> signalTypes();

  /** Matches of {@code signal} (normalised lower-case hex) of {@code signalType}, best first. */
  List<HashMatch> lookup(String signalType, String signal);
}
