package org.webwatch.triage;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.webwatch.identity.AccountLinker;
import org.webwatch.identity.network.NetworkAnalyzer;
import org.webwatch.media.MediaClassifier;
import org.webwatch.model.IdentifierOccurrence;
import org.webwatch.signals.IdentifierExtractor;
import org.webwatch.signals.IndicatorDetector;

/**
 * The stage implementations one triage run uses. Linker and network analyzer are stateful, so
 * they come as factories (one fresh instance per run). {@code payments} is empty when no chain
 * data was given. {@code versions} names extra versions for summary.json (e.g.
 * {@code hash-set:cais-2026-11 -> 2026-11-01}); the detector's and model's versions are added
 * by the pipeline.
 */
public record TriageComponents(
    IndicatorDetector detector,
    IdentifierExtractor extractor,
    MediaClassifier media,
    Supplier<AccountLinker> linkerFactory,
    Supplier<NetworkAnalyzer> networkFactory,
    Optional<Function<List<IdentifierOccurrence>, PaymentsInput>> payments,
    RiskModel model,
    Map<String, String> versions) {

  public TriageComponents {
    Objects.requireNonNull(detector, "detector");
    Objects.requireNonNull(extractor, "extractor");
    Objects.requireNonNull(media, "media");
    Objects.requireNonNull(linkerFactory, "linkerFactory");
    Objects.requireNonNull(networkFactory, "networkFactory");
    Objects.requireNonNull(payments, "payments");
    Objects.requireNonNull(model, "model");
    versions = java.util.Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(versions, "versions")));
  }
}
