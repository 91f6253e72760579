package org.webwatch.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.webwatch.identity.AccountLinker;
import org.webwatch.identity.OperatingPoint;
import org.webwatch.identity.network.GraphNetworkAnalyzer;
import org.webwatch.identity.network.NetworkAnalyzer;
import org.webwatch.media.KnownMedia;
import org.webwatch.media.MediaClassifier;
import org.webwatch.model.IdentifierOccurrence;
import org.webwatch.signals.IdentifierExtractor;
import org.webwatch.signals.IndicatorDetector;
import org.webwatch.signals.RuleIndicatorDetector;
import org.webwatch.signals.ValidatingIdentifierExtractor;
import org.webwatch.store.WebwatchStore;
import org.webwatch.store.casework.DecisionRepository;
import org.webwatch.store.casework.LinkDecision;
import org.webwatch.triage.CaptureSource;
import org.webwatch.triage.PaymentsInput;

/**
 * The ONE place the CLI constructs stage implementations, so that commands stay thin and a
 * different implementation (an agency's detector, a PostgreSQL store) is swapped in here only.
 */
final class Components {
  private Components() {}

  /** A capture on disk read by {@code CaptureReader}; name = the path; counts from its ReadReport. */
  static CaptureSource capture(Path path) {
    return CaptureSource.of(path);
  }

  /** The rule-based detector, with the agency's rules file when given (else the bundled rules). */
  static IndicatorDetector detector(Path rulesOrNull) {
    return rulesOrNull == null
        ? RuleIndicatorDetector.withDefaultRules()
        : RuleIndicatorDetector.fromFile(rulesOrNull, false);
  }

  static IdentifierExtractor extractor() {
    return new ValidatingIdentifierExtractor();
  }

  /** The media classifier over the given hash sets (none: every hashed attachment is new). */
  static MediaClassifier media(List<Path> hashSets) {
    return KnownMedia.load(hashSets);
  }

  /** Name → version of each loaded hash set, for summary.json (keys {@code hash-set:NAME}). */
  static Map<String, String> hashSetVersions(MediaClassifier media) {
    return media instanceof KnownMedia km ? km.versions() : Map.of();
  }

  /** A fresh account linker per run, linking at {@code point}; {@code dataOrNull} holds analyst link decisions when given. */
  static Supplier<AccountLinker> linker(Path dataOrNull, OperatingPoint point) {
    List<LinkDecision> decisions = List.of();
    if (dataOrNull != null && Files.exists(dataOrNull.resolve(WebwatchStore.DATABASE_FILE))) {
      try (WebwatchStore store = WebwatchStore.open(dataOrNull)) {
        decisions = new DecisionRepository(store).linkDecisions();
      }
    }
    return DecisionRepository.linkerWith(decisions, point);
  }

  static Supplier<NetworkAnalyzer> network() {
    return GraphNetworkAnalyzer::new;
  }

  /** Empty when no chain file is given; else the payments analysis over the given chain data. */
  static Optional<Function<List<IdentifierOccurrence>, PaymentsInput>> payments(ChainPayments chain) {
    return chain == null ? Optional.empty() : Optional.of(chain);
  }
}
