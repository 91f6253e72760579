package org.webwatch.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.webwatch.identity.AccountLinker;
import org.webwatch.identity.network.NetworkAnalyzer;
import org.webwatch.media.MediaClassifier;
import org.webwatch.model.IdentifierOccurrence;
import org.webwatch.signals.IdentifierExtractor;
import org.webwatch.signals.IndicatorDetector;
import org.webwatch.triage.CaptureSource;
import org.webwatch.triage.PaymentsInput;

/**
 * The ONE place the CLI constructs stage implementations. The implementations (capture reader,
 * signals, media, identity, network, payments) live on other branches: each method below that
 * throws {@code UnsupportedOperationException("wired at merge")} is replaced by one line
 * constructing the real class when the branches merge. Nothing else in the CLI changes.
 */
final class Components {
  private Components() {}

  private static UnsupportedOperationException atMerge(String what) {
    return new UnsupportedOperationException("wired at merge: " + what);
  }

  /** Wraps {@code new CaptureReader().read(path, visitor)}; name = the path; counts from its ReadReport. */
  static CaptureSource capture(Path path) {
    throw atMerge("org.webwatch.ingest.CaptureReader for " + path);
  }

  /** The rule-based detector, with the agency's rules file when given (else the bundled rules). */
  static IndicatorDetector detector(Path rulesOrNull) {
    throw atMerge("IndicatorDetector");
  }

  static IdentifierExtractor extractor() {
    throw atMerge("IdentifierExtractor");
  }

  /** The media classifier over the given hash sets (none: every hashed attachment is new). */
  static MediaClassifier media(List<Path> hashSets) {
    throw atMerge("MediaClassifier");
  }

  /** Name → version of each loaded hash set, for summary.json (keys {@code hash-set:NAME}). */
  static Map<String, String> hashSetVersions(MediaClassifier media) {
    throw atMerge("hash-set versions");
  }

  /** A fresh account linker per run; {@code dataOrNull} holds analyst link decisions when given. */
  static Supplier<AccountLinker> linker(Path dataOrNull) {
    throw atMerge("AccountLinker");
  }

  static Supplier<NetworkAnalyzer> network() {
    throw atMerge("NetworkAnalyzer");
  }

  /** Empty when no chain file is given; else the payments analysis over the given chain data. */
  static Optional<Function<List<IdentifierOccurrence>, PaymentsInput>> payments(List<Path> chains) {
    if (chains.isEmpty()) return Optional.empty();
    throw atMerge("payments over " + chains);
  }
}
