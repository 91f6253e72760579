package org.webwatch.identity.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.webwatch.identity.IdentityResult;
import org.webwatch.identity.OperatingPoint;
import org.webwatch.model.AccountKey;

/**
 * The linking pipeline over a {@link FeatureTable}: blocking/LSH candidate generation (never
 * all pairs), parallel pair scoring ({@link PairScorer}), constrained clustering
 * ({@link ConstrainedClustering}) with analyst decisions, then persons and explained links.
 * Deterministic: the same table and decisions give the same result regardless of threads.
 */
public final class LinkingPipeline {
  public static final String METHOD = "evidence-llr";
  public static final String VERSION = "1";
  /** Evidence-code order in identities.csv. */
  public static final List<String> CODE_ORDER = List.of("analyst", "shared-pgp", "shared-btc", "shared-eth",
      "shared-xmr", "shared-email", "shared-contact", "shared-media", "username", "style", "timing", "learned",
      MutualBestMatcher.METHOD, BoostedWeakStage.CODE);
  /** Evidence code of the learned combiner's verdict on a link it made. */
  public static final String LEARNED_CODE = "learned";

  private final FeatureTable t;
  private final LogisticCombiner combiner;
  private MutualBestMatcher mutualBest = new MutualBestMatcher();
  private BoostedWeakStage boostedWeak; // off here; EvidenceAccountLinker sets its bundled model
  private OperatingPoint operatingPoint = OperatingPoint.STRICT;
  private Stats stats;

  /** The pipeline with the default learned combiner ({@link LogisticCombiner#loadDefault()}). */
  public LinkingPipeline(FeatureTable table) {
    this(table, LogisticCombiner.loadDefault());
  }

  /** @param combiner learned combiner that may link pairs the rules do not; null: rules only */
  public LinkingPipeline(FeatureTable table, LogisticCombiner combiner) {
    this.t = table;
    this.combiner = combiner;
  }

  /**
   * Replaces the mutual-best stage for cross-site pairs without identifier evidence
   * that neither the rules nor the combiner link ({@link MutualBestMatcher}); null turns it off.
   * It ranks by the combiner's log-odds, so it is off without a combiner too.
   */
  public LinkingPipeline mutualBest(MutualBestMatcher matcher) {
    this.mutualBest = matcher;
    return this;
  }

  /**
   * Adds the boosted weak-pair stage ({@link BoostedWeakStage}) over the same pairs as the
   * mutual-best stage, after it (a pair both accept stays a mutual-best link); null (default) turns it off.
   */
  public LinkingPipeline boostedWeak(BoostedWeakStage stage) {
    this.boostedWeak = stage;
    return this;
  }

  /** Cross-site pairs of light accounts proposed by exclusive-value combinations ({@link CandidatePairs#slotPairs}; for diagnostics). */
  public long[] slotCandidatePairs() {
    return new CandidatePairs(t).slotPairs();
  }

  /**
   * Where linking stops on its precision–recall curve ({@link OperatingPoint}); {@link OperatingPoint#BALANCED}
   * also merges the boosted stage's suggestions from {@link BalancedMerge#floor} (needs the boosted stage).
   */
  public LinkingPipeline operatingPoint(OperatingPoint point) {
    if (point == null) throw new IllegalArgumentException("operating point is required");
    this.operatingPoint = point;
    return this;
  }

  /** Candidate pairs proposed by habit combinations alone ({@link HabitBlocker}; for diagnostics). */
  public long[] habitCandidatePairs() {
    return new CandidatePairs(t).habitPairs();
  }

  /**
   * Candidate pairs with their features, whether the rules alone qualify them, and the habit likelihood the run
   * fitted on its identifier anchors (the one that admits slot-block pairs and that the weak stages read; for training).
   */
  public record Candidates(long[] pairs, double[][] features, boolean[] ruleQualified, HabitLikelihood habits) {}

  /** Blocking + scoring + features of every candidate pair, without clustering (training, diagnostics). */
  public Candidates candidates() {
    Scored s = score(); // the same candidates and rule scores as a run
    double[][] x = new double[s.pairs.length][];
    boolean[] rule = new boolean[s.pairs.length];
    IntStream.range(0, s.pairs.length).parallel().forEach(i -> {
      int a = PairKeys.first(s.pairs[i]);
      int b = PairKeys.second(s.pairs[i]);
      x[i] = s.features.of(a, b);
      rule[i] = qualifiesByRule(s.scores[i], a, b);
    });
    return new Candidates(s.pairs, x, rule, s.habits);
  }

  private boolean qualifiesByRule(PairScorer.Score s, int a, int b) {
    return s.qualifies() && (t.site[a] != t.site[b] || s.strong() >= PairScorer.SAME_SITE_STRONG);
  }

  /**
   * Counters of the last run (for benchmarks and summary.json). {@code balancedProposed}: suggestions the balanced
   * operating point offered the clustering; {@code balancedMerged}: those that ended inside one person (0 when strict).
   */
  public record Stats(int accounts, long candidatePairs, long slotPairsProposed, long slotPairsAdmitted, int qualifiedLinks,
      int weakPairLinks, long balancedProposed, long balancedMerged, int persons, long oversizedBlocks, long candidateMillis, long scoreMillis, long clusterMillis, long explainMillis) {}

  public Stats stats() {
    return stats;
  }

  public IdentityResult run(Map<List<AccountKey>, Boolean> decisions) {
    int n = t.size();
    Map<AccountKey, Integer> index = new HashMap<>();
    for (int i = 0; i < n; i++) index.put(t.keys[i], i);
    Scored s = score();
    long t2 = System.nanoTime();
    Set<Long> rejected = new HashSet<>();
    List<Long> confirmed = new ArrayList<>();
    decisions.forEach((pair, ok) -> {
      Integer a = index.get(pair.get(0));
      Integer b = index.get(pair.get(1));
      if (a == null || b == null || a.equals(b)) return; // decision about accounts not in this input
      if (ok) confirmed.add(PairKeys.of(a, b));
      else rejected.add(PairKeys.of(a, b));
    });
    Linked linked = strongLinks(s, rejected, confirmed);
    long[] pairs = s.pairs;
    WeakPairStages.Links weak = combiner == null ? WeakPairStages.Links.NONE
        : new WeakPairStages(mutualBest, boostedWeak).select(t, pairs, s.logit, i -> {
          int a = PairKeys.first(pairs[i]);
          int b = PairKeys.second(pairs[i]);
          if (t.site[a] == t.site[b] || rejected.contains(pairs[i])) return WeakPairStages.Role.NONE;
          if (qualifiesByRule(s.scores[i], a, b) || s.learned(i)) return WeakPairStages.Role.LINKED;
          // shared NEW media is one more piece of evidence for the weak stages to weigh; identifiers stay with the rules
          return s.scores[i].identifiers() <= 0 ? WeakPairStages.Role.ELIGIBLE : WeakPairStages.Role.COMPETES;
        }, i -> s.features.of(PairKeys.first(pairs[i]), PairKeys.second(pairs[i])), habitLikelihood(s, linked));
    Map<Long, MutualBestMatcher.Match> byMutualBest = weak.mutualBest();
    Map<Long, BoostedWeakStage.Link> byBoosted = new HashMap<>(weak.boosted());
    for (long pair : weak.pairs()) {
      // weighs in clustering like a link just at the threshold: it can attach an account to a person, never fuse two
      linked.edges.add(pair);
      linked.edgeScores.add(MUTUAL_BEST_EDGE_WEIGHT);
    }
    long offered = 0;
    BalancedMerge balanced = operatingPoint == OperatingPoint.BALANCED && boostedWeak != null ? new BalancedMerge(t.site) : null;
    if (balanced != null) {
      List<BoostedWeakStage.Link> merge = balanced.select(weak.suggested().values());
      for (int k = 0; k < merge.size(); k++) {
        // just under the weak links and best first (the clustering merges by descending weight), under the same constraints
        linked.edges.add(merge.get(k).pair());
        linked.edgeScores.add(MUTUAL_BEST_EDGE_WEIGHT - BALANCED_WEIGHT_STEP * (k + 1));
        byBoosted.put(merge.get(k).pair(), merge.get(k));
      }
      offered = merge.size();
    }
    int[] cluster = linked.cluster();
    long t3 = System.nanoTime();
    LinkAssembly assembly = new LinkAssembly(t, combiner, mutualBest, boostedWeak, balanced);
    IdentityResult linkedResult = assembly.assemble(cluster, linked.edges.toArray(), linked.qualified, linked.byModel, byMutualBest, byBoosted,
        new HashSet<>(confirmed), s.scorer, s.features);
    IdentityResult result = new IdentityResult(linkedResult.assignments(), linkedResult.links(), assembly.suggestions(weak.suggested(), cluster, s.scorer));
    long t4 = System.nanoTime();
    long joined = byBoosted.keySet().stream().filter(p -> !weak.boosted().containsKey(p) && cluster[PairKeys.first(p)] == cluster[PairKeys.second(p)]).count();
    stats = new Stats(n, pairs.length, s.slotProposed, s.slotAdmitted, linked.edges.size(), byMutualBest.size() + weak.boosted().size(), offered, joined,
        (int) IntStream.of(cluster).distinct().count(), s.oversized, s.candidateMillis, s.scoreMillis, (t3 - t2) / 1_000_000, (t4 - t3) / 1_000_000);
    return result;
  }

  /**
   * The persons of the rule and learned links alone, before the weak-pair stages: each account's
   * cluster index. A boosted stage that reads persons ({@link BoostedWeakStage#poolsHabits}) weighs
   * an account's habits against everything its candidate partner's provisional person wrote
   * ({@link HabitLikelihood#pooled}); training reads the same pooling from here. Without analyst decisions.
   */
  public int[] provisionalPersons() {
    return strongLinks(score(), Set.of(), List.of()).cluster();
  }

  /** One run's candidate pairs with their rule scores and the combiner's log-odds. */
  private final class Scored {
    long[] pairs;
    PairScorer.Score[] scores;
    /** The combiner's log-odds of the cross-site pairs the rules leave out (NaN: not scored). */
    double[] logit;
    PairScorer scorer;
    PairFeatures features;
    /** The habit likelihood fitted on this run's identifier anchors (slot pairs are admitted by it; the weak stages read it). */
    HabitLikelihood habits;
    /** Slot-block pairs proposed and admitted ({@link SlotCandidates}). */
    long slotProposed;
    long slotAdmitted;
    long oversized;
    long candidateMillis;
    long scoreMillis;

    /** Whether the combiner links pair i (the weak-pair stages rank the pairs it scores below its threshold). */
    boolean learned(int i) {
      return !Double.isNaN(logit[i]) && 1 / (1 + Math.exp(-logit[i])) >= combiner.threshold();
    }
  }

  private Scored score() {
    Scored s = new Scored();
    long t0 = System.nanoTime();
    CandidatePairs generator = new CandidatePairs(t);
    int[] stemFrequency = generator.stemFrequency();
    PairSet candidates = new PairSet();
    s.oversized = generator.generate(candidates);
    long[] pairs = candidates.distinct();
    s.pairs = pairs;
    long t1 = System.nanoTime();
    s.scorer = new PairScorer(t, stemFrequency);
    s.scores = new PairScorer.Score[pairs.length];
    s.features = new PairFeatures(t, s.scorer, stemFrequency);
    s.logit = new double[pairs.length];
    scorePairs(s, pairs, s.scores, s.logit);
    s.candidateMillis = (t1 - t0) / 1_000_000;
    addSlotPairs(s, generator);
    s.scoreMillis = (System.nanoTime() - t1) / 1_000_000;
    return s;
  }

  /**
   * Adds the slot-block pairs {@link SlotCandidates} admits, scored like the others; keeps the run's habit
   * likelihood, which admits them and which the weak stages read.
   */
  private void addSlotPairs(Scored s, CandidatePairs generator) {
    s.habits = SlotCandidates.fitHabits(t, s.pairs, s.scores, s.features);
    long[] proposed = generator.slotPairs();
    long[] added = SlotCandidates.admit(t, proposed, s.pairs, s.habits);
    s.slotProposed = proposed.length;
    s.slotAdmitted = added.length;
    if (added.length == 0) return;
    PairScorer.Score[] addedScores = new PairScorer.Score[added.length];
    double[] addedLogit = new double[added.length];
    scorePairs(s, added, addedScores, addedLogit);
    int[] from = SlotCandidates.mergeOrder(s.pairs, added);
    long[] pairs = new long[from.length];
    PairScorer.Score[] scores = new PairScorer.Score[from.length];
    double[] logit = new double[from.length];
    for (int k = 0; k < from.length; k++) {
      int i = from[k];
      pairs[k] = i >= 0 ? s.pairs[i] : added[-1 - i];
      scores[k] = i >= 0 ? s.scores[i] : addedScores[-1 - i];
      logit[k] = i >= 0 ? s.logit[i] : addedLogit[-1 - i];
    }
    s.pairs = pairs;
    s.scores = scores;
    s.logit = logit;
  }

  /** Rule scores and the combiner's log-odds (NaN where a rule links or the sites are equal) of {@code pairs}, in parallel. */
  private void scorePairs(Scored s, long[] pairs, PairScorer.Score[] scores, double[] logit) {
    IntStream.range(0, pairs.length).parallel().forEach(i -> {
      int a = PairKeys.first(pairs[i]);
      int b = PairKeys.second(pairs[i]);
      scores[i] = s.scorer.score(a, b);
      logit[i] = combiner != null && !qualifiesByRule(scores[i], a, b) && t.site[a] != t.site[b]
          ? combiner.logit(s.features.of(a, b)) : Double.NaN;
    });
  }

  /** The links of the rules, the combiner and analysts with their clustering weights; the weak-pair stages add theirs. */
  private final class Linked {
    final Set<Long> strongPairs = new HashSet<>();
    final Set<Long> rejected;
    final long[] confirmed;
    final LongList edges = new LongList();
    final List<Double> edgeScores = new ArrayList<>();
    final Map<Long, PairScorer.Score> qualified = new HashMap<>();
    final Map<Long, Double> byModel = new HashMap<>();

    Linked(Set<Long> rejected, List<Long> confirmed) {
      this.rejected = rejected;
      this.confirmed = confirmed.stream().mapToLong(Long::longValue).toArray();
      strongPairs.addAll(confirmed);
    }

    int[] cluster() {
      double[] es = new double[edgeScores.size()];
      for (int i = 0; i < es.length; i++) es[i] = edgeScores.get(i);
      return new ConstrainedClustering(t.site, strongPairs, rejected, PairScorer.LINK_THRESHOLD).cluster(confirmed, edges.toArray(), es, new LongList());
    }
  }

  private Linked strongLinks(Scored s, Set<Long> rejected, List<Long> confirmed) {
    Linked l = new Linked(rejected, confirmed);
    double thresholdLogit = combiner == null ? 0 : Math.log(combiner.threshold() / (1 - combiner.threshold()));
    for (int i = 0; i < s.pairs.length; i++) {
      long pair = s.pairs[i];
      PairScorer.Score score = s.scores[i];
      if (rejected.contains(pair)) continue;
      if (!qualifiesByRule(score, PairKeys.first(pair), PairKeys.second(pair))) {
        if (!s.learned(i)) continue;
        // a learned link weighs in clustering like a rule link just over the threshold, more the surer it is
        l.edges.add(pair);
        l.edgeScores.add(Math.max(score.total(), PairScorer.LINK_THRESHOLD + s.logit[i] - thresholdLogit));
        l.qualified.put(pair, score);
        l.byModel.put(pair, s.logit[i]);
        continue;
      }
      if (t.site[PairKeys.first(pair)] == t.site[PairKeys.second(pair)]) l.strongPairs.add(pair);
      l.edges.add(pair);
      l.edgeScores.add(score.total());
      l.qualified.put(pair, score);
    }
    return l;
  }

  /**
   * The habit-signature likelihood per pair when the boosted stage's model reads it (else null):
   * keep rates fitted on the cross-site pairs linked by identifiers ({@link HabitLikelihood#isAnchor});
   * each side pooled over its provisional person ({@link HabitLikelihood#pooled}) where the model reads persons.
   */
  private java.util.function.IntFunction<double[]> habitLikelihood(Scored s, Linked linked) {
    if (boostedWeak == null || !boostedWeak.needsHabit()) return null;
    HabitLikelihood fitted = s.habits;
    HabitLikelihood h = boostedWeak.poolsHabits() ? fitted.pooled(t, linked.cluster()) : fitted;
    return i -> h.features(PairKeys.first(s.pairs[i]), PairKeys.second(s.pairs[i]));
  }

  /** Clustering weight of a mutual-best link (see {@link ConstrainedClustering}). */
  static final double MUTUAL_BEST_EDGE_WEIGHT = PairScorer.LINK_THRESHOLD;
  /** A merged suggestion of rank k weighs {@link #MUTUAL_BEST_EDGE_WEIGHT} − (k + 1) × this: ordered, support unchanged in practice. */
  static final double BALANCED_WEIGHT_STEP = 1e-7;

  /** Stable person id: {@code p-} and 12 hex digits of SHA-256 of the cluster's smallest account key ({@link LinkAssembly#personId}). */
  public static String personId(AccountKey smallest) {
    return LinkAssembly.personId(smallest);
  }
}
