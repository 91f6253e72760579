package org.webwatch.triage;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A score (rounded to 3 decimals), its band, a confidence in [0,1] that grows with independent
 * corroboration, and the factors it decomposes into, strongest first. {@code modelVersion}
 * names the risk model that produced it.
 */
public record RiskScore(double score, Band band, double confidence, List<FactorContribution> factors, String modelVersion) {
  public RiskScore {
    Objects.requireNonNull(band, "band");
    factors = List.copyOf(factors);
  }

  /** The reasons column: {@code code=count;…} of contributing factors, strongest first. */
  public String reasons() {
    return factors.stream()
        .filter(f -> f.contribution() > 0)
        .map(f -> f.factor() + "=" + f.count())
        .collect(Collectors.joining(";"));
  }
}
