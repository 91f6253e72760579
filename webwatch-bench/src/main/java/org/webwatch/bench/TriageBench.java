package org.webwatch.bench;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.*;
import org.webwatch.identity.IdentityResult;
import org.webwatch.model.AccountKey;
import org.webwatch.model.Evidence;
import org.webwatch.triage.RiskEvidence;
import org.webwatch.triage.RiskModel;
import org.webwatch.triage.RiskScore;
import org.webwatch.triage.internal.AccountAggregate;
import org.webwatch.triage.internal.Ranker;

/**
 * Triage's own costs (the stages it calls are benchmarked in their areas): scoring one account
 * with the risk model, and ranking 10,000 accounts end to end (scores, persons, ordering).
 * Baseline: scoring an empty account (the fixed cost of one call).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class TriageBench {
  private RiskModel model;
  private RiskEvidence empty;
  private RiskEvidence offender;
  private Map<AccountKey, AccountAggregate> population;

  @Setup
  public void setup() {
    model = RiskModel.defaults();
    empty = RiskEvidence.none();
    Map<String, RiskEvidence.Observation> m = new HashMap<>();
    for (String f : List.of("new-media", "access-claim", "meeting-intent", "opsec", "normalisation", "activity"))
      m.put(f, RiskEvidence.Observation.counted(3, List.of(new Evidence(f, "v", 1, "post s1/1 [0,5)"))));
    offender = new RiskEvidence(m, 2);
    population = new HashMap<>();
    Random rnd = new Random(1);
    for (int i = 0; i < 10_000; i++) {
      AccountKey k = new AccountKey("s" + (i % 3), Integer.toString(i));
      AccountAggregate a = new AccountAggregate(k, 10);
      for (int j = 0; j < 10; j++) a.item(Instant.ofEpochSecond(1_500_000_000L + rnd.nextInt(100_000_000)));
      if (i % 20 == 0) a.add("access-claim", new Evidence("access-claim", "x", 0.8, "post " + k + " [0,5)"), null, i);
      population.put(k, a);
    }
  }

  @Benchmark
  public RiskScore baselineScoreEmpty() {
    return model.score(empty);
  }

  @Benchmark
  public RiskScore scoreOffender() {
    return model.score(offender);
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public Ranker.Ranking rank10kAccounts() {
    return new Ranker(model, new HashMap<>(population), 1_000_000).rank(new IdentityResult(List.of(), List.of()));
  }
}
