package org.webwatch.triage;

import java.util.List;
import java.util.Objects;
import org.webwatch.model.Evidence;

/**
 * One factor's share of a score: the {@code factor} code (a reason code of accounts.csv), how
 * many pieces of evidence were counted, the points it {@code contribution}s (after saturation,
 * family decay and gating; the contributions of a score add up to it) and the retained evidence
 * (capped per factor, strongest first). {@link Evidence#detail()} locates each piece, e.g.
 * {@code post s1/901 [12,40)}.
 */
public record FactorContribution(String factor, long count, double contribution, List<Evidence> evidence) {
  public FactorContribution {
    Objects.requireNonNull(factor, "factor");
    if (count < 0) throw new IllegalArgumentException("negative count");
    evidence = List.copyOf(evidence);
  }
}
