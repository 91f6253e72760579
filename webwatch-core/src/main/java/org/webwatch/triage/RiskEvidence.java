package org.webwatch.triage;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.webwatch.model.Evidence;

/**
 * What the risk model scores for one account or one person: per factor code an {@link
 * Observation}, and the number of distinct sites the evidence spans (1 for an account). The
 * pipeline builds it from per-account aggregates; persons merge their accounts' observations.
 */
public record RiskEvidence(Map<String, Observation> observations, int sites) {

  /**
   * {@code count} pieces of evidence (shown in reasons), {@code magnitude} the quantity the
   * saturation curve is applied to (the count itself for countable factors; days for
   * {@code duration}; normalised centrality for {@code network}) and the retained evidence.
   */
  public record Observation(long count, double magnitude, List<Evidence> evidence) {
    public Observation {
      if (count < 0) throw new IllegalArgumentException("negative count");
      if (!(magnitude >= 0) || Double.isInfinite(magnitude)) throw new IllegalArgumentException("bad magnitude " + magnitude);
      evidence = List.copyOf(evidence);
    }

    public static Observation counted(long count, List<Evidence> evidence) {
      return new Observation(count, count, evidence);
    }
  }

  public RiskEvidence {
    Objects.requireNonNull(observations, "observations");
    if (sites < 1) throw new IllegalArgumentException("sites must be >= 1");
    observations = Collections.unmodifiableMap(new TreeMap<>(observations));
  }

  public static RiskEvidence none() {
    return new RiskEvidence(Map.of(), 1);
  }

  public long count(String factor) {
    Observation o = observations.get(factor);
    return o == null ? 0 : o.count();
  }
}
