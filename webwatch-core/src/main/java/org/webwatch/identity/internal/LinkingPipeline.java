package org.webwatch.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.webwatch.identity.IdentityResult;
import org.webwatch.model.AccountKey;
import org.webwatch.model.AccountLink;
import org.webwatch.model.Evidence;
import org.webwatch.model.PersonAssignment;

/**
 * The linking pipeline over a {@link FeatureTable}: blocking/LSH candidate generation (never
 * all pairs), parallel pair scoring ({@link PairScorer}), constrained clustering
 * ({@link ConstrainedClustering}) with analyst decisions, then persons and explained links.
 * Deterministic: the same table and decisions give the same result regardless of threads.
 */
public final class LinkingPipeline {
  public static final String METHOD = "evidence-llr";
  public static final String VERSION = "1";
  /** Accounts per username block before the block is skipped as too common. */
  public static final int USERNAME_BLOCK_CAP = 40;
  /** Accounts per MinHash bucket before the bucket is skipped. */
  public static final int STYLE_BUCKET_CAP = 40;
  /**
   * Below this many style-profiled accounts, every two of them are compared directly (at most
   * ~1.1M cheap comparisons); above, MinHash LSH picks style candidates.
   */
  public static final int EXHAUSTIVE_STYLE_LIMIT = 1500;
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
   * Replaces the mutual-best stage for cross-site pairs without identifier or media evidence
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

  /** Candidate pairs with their features and whether the rules alone qualify them (for training). */
  public record Candidates(long[] pairs, double[][] features, boolean[] ruleQualified) {}

  /** Blocking + scoring + features of every candidate pair, without clustering (training, diagnostics). */
  public Candidates candidates() {
    int[] stemFrequency = stemFrequency();
    PairSet candidates = new PairSet();
    generateCandidates(candidates);
    long[] pairs = candidates.distinct();
    PairScorer scorer = new PairScorer(t, stemFrequency);
    PairFeatures features = new PairFeatures(t, scorer, stemFrequency);
    double[][] x = new double[pairs.length][];
    boolean[] rule = new boolean[pairs.length];
    IntStream.range(0, pairs.length).parallel().forEach(i -> {
      int a = PairKeys.first(pairs[i]);
      int b = PairKeys.second(pairs[i]);
      x[i] = features.of(a, b);
      rule[i] = qualifiesByRule(scorer.score(a, b), a, b);
    });
    return new Candidates(pairs, x, rule);
  }

  private boolean qualifiesByRule(PairScorer.Score s, int a, int b) {
    return s.qualifies() && (t.site[a] != t.site[b] || s.strong() >= PairScorer.SAME_SITE_STRONG);
  }

  /** Counters of the last run (for benchmarks and summary.json). */
  public record Stats(int accounts, long candidatePairs, int qualifiedLinks, int weakPairLinks, int persons, long oversizedBlocks,
      long candidateMillis, long scoreMillis, long clusterMillis, long explainMillis) {}

  public Stats stats() {
    return stats;
  }

  public IdentityResult run(Map<List<AccountKey>, Boolean> decisions) {
    int n = t.size();
    Map<AccountKey, Integer> index = new HashMap<>();
    for (int i = 0; i < n; i++) index.put(t.keys[i], i);
    long t0 = System.nanoTime();
    int[] stemFrequency = stemFrequency();
    PairSet candidates = new PairSet();
    long oversized = generateCandidates(candidates);
    long[] pairs = candidates.distinct();
    long t1 = System.nanoTime();
    PairScorer scorer = new PairScorer(t, stemFrequency);
    PairScorer.Score[] scores = new PairScorer.Score[pairs.length];
    PairFeatures features = new PairFeatures(t, scorer, stemFrequency);
    // the combiner's log-odds of the cross-site pairs the rules leave out (NaN: not scored);
    // it links those at or over its threshold, the weak-pair stages rank the rest
    double[] logit = new double[pairs.length];
    IntStream.range(0, pairs.length).parallel().forEach(i -> {
      int a = PairKeys.first(pairs[i]);
      int b = PairKeys.second(pairs[i]);
      scores[i] = scorer.score(a, b);
      logit[i] = combiner != null && !qualifiesByRule(scores[i], a, b) && t.site[a] != t.site[b]
          ? combiner.logit(features.of(a, b)) : Double.NaN;
    });
    double thresholdLogit = combiner == null ? 0 : Math.log(combiner.threshold() / (1 - combiner.threshold()));
    java.util.function.IntPredicate learned = i -> !Double.isNaN(logit[i]) && 1 / (1 + Math.exp(-logit[i])) >= combiner.threshold();

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
    Set<Long> strongPairs = new HashSet<>();
    LongList edges = new LongList();
    List<Double> edgeScores = new ArrayList<>();
    Map<Long, PairScorer.Score> qualified = new HashMap<>();
    Map<Long, Double> byModel = new HashMap<>();
    for (int i = 0; i < pairs.length; i++) {
      PairScorer.Score s = scores[i];
      if (rejected.contains(pairs[i])) continue;
      boolean sameSite = t.site[PairKeys.first(pairs[i])] == t.site[PairKeys.second(pairs[i])];
      if (!qualifiesByRule(s, PairKeys.first(pairs[i]), PairKeys.second(pairs[i]))) {
        if (!learned.test(i)) continue;
        // a learned link weighs in clustering like a rule link just over the threshold, more the surer it is
        edges.add(pairs[i]);
        edgeScores.add(Math.max(s.total(), PairScorer.LINK_THRESHOLD + logit[i] - thresholdLogit));
        qualified.put(pairs[i], s);
        byModel.put(pairs[i], logit[i]);
        continue;
      }
      if (sameSite) strongPairs.add(pairs[i]);
      edges.add(pairs[i]);
      edgeScores.add(s.total());
      qualified.put(pairs[i], s);
    }
    WeakPairStages.Links weak = combiner == null ? WeakPairStages.Links.NONE
        : new WeakPairStages(mutualBest, boostedWeak).select(t, pairs, logit, i -> {
          int a = PairKeys.first(pairs[i]);
          int b = PairKeys.second(pairs[i]);
          if (t.site[a] == t.site[b] || rejected.contains(pairs[i])) return WeakPairStages.Role.NONE;
          if (qualifiesByRule(scores[i], a, b) || learned.test(i)) return WeakPairStages.Role.LINKED;
          return scores[i].strong() <= 0 ? WeakPairStages.Role.ELIGIBLE : WeakPairStages.Role.COMPETES;
        }, i -> features.of(PairKeys.first(pairs[i]), PairKeys.second(pairs[i])), habitLikelihood(pairs, scores, features));
    Map<Long, MutualBestMatcher.Match> byMutualBest = weak.mutualBest();
    Map<Long, BoostedWeakStage.Link> byBoosted = weak.boosted();
    for (long pair : weak.pairs()) {
      // weighs in clustering like a link just at the threshold: it can attach an account to a person, never fuse two
      edges.add(pair);
      edgeScores.add(MUTUAL_BEST_EDGE_WEIGHT);
    }
    for (long c : confirmed) strongPairs.add(c);
    double[] es = new double[edgeScores.size()];
    for (int i = 0; i < es.length; i++) es[i] = edgeScores.get(i);
    ConstrainedClustering clustering = new ConstrainedClustering(t.site, strongPairs, rejected, PairScorer.LINK_THRESHOLD);
    int[] cluster = clustering.cluster(confirmed.stream().mapToLong(Long::longValue).toArray(), edges.toArray(), es, new LongList());
    long t3 = System.nanoTime();
    IdentityResult result = assemble(cluster, edges.toArray(), qualified, byModel, byMutualBest, byBoosted, new HashSet<>(confirmed), scorer,
        features);
    long t4 = System.nanoTime();
    stats = new Stats(n, pairs.length, edges.size(), byMutualBest.size() + byBoosted.size(), (int) IntStream.of(cluster).distinct().count(), oversized,
        (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000, (t4 - t3) / 1_000_000);
    return result;
  }

  /**
   * The habit-signature likelihood per pair when the boosted stage's model reads it (else null),
   * its keep rates fitted on the cross-site pairs linked by identifiers ({@link HabitLikelihood#isAnchor}).
   */
  private java.util.function.IntFunction<double[]> habitLikelihood(long[] pairs, PairScorer.Score[] scores, PairFeatures features) {
    if (boostedWeak == null || !boostedWeak.needsHabit()) return null;
    LongList anchors = new LongList();
    for (int i = 0; i < pairs.length; i++) {
      int a = PairKeys.first(pairs[i]);
      int b = PairKeys.second(pairs[i]);
      if (scores[i].strong() >= HabitLikelihood.ANCHOR_LLR && HabitLikelihood.isAnchor(features.of(a, b), t.site[a] == t.site[b])) anchors.add(pairs[i]);
    }
    HabitLikelihood h = HabitLikelihood.fit(t, anchors.toArray());
    return i -> h.features(PairKeys.first(pairs[i]), PairKeys.second(pairs[i]));
  }

  /** Clustering weight of a mutual-best link (see {@link ConstrainedClustering}). */
  static final double MUTUAL_BEST_EDGE_WEIGHT = PairScorer.LINK_THRESHOLD;

  private int[] stemFrequency() {
    Map<String, Integer> counts = new HashMap<>();
    for (String s : t.stems) counts.merge(s, 1, Integer::sum);
    int[] f = new int[t.size()];
    for (int i = 0; i < f.length; i++) f[i] = counts.get(t.stems[i]);
    return f;
  }

  private long generateCandidates(PairSet out) {
    Blocker values = new Blocker(PairScorer.MAX_VALUE_ACCOUNTS);
    Blocker names = new Blocker(USERNAME_BLOCK_CAP);
    Blocker style = new Blocker(STYLE_BUCKET_CAP);
    int[] profiled = IntStream.range(0, t.size())
        .filter(i -> t.lshFeatures[i] != null && t.texts[i] >= PairScorer.STYLE_MIN_TEXTS).toArray();
    boolean exhaustive = profiled.length <= EXHAUSTIVE_STYLE_LIMIT;
    if (exhaustive) for (int x = 0; x < profiled.length; x++) for (int y = x + 1; y < profiled.length; y++) out.add(profiled[x], profiled[y]);
    for (int i = 0; i < t.size(); i++) {
      for (int v : t.values[i]) values.add(PairKeys.mix(v + 1L) >>> Blocker.ACCOUNT_BITS, i);
      for (String k : UsernameSimilarity.blockingKeys(t.stems[i])) names.add(PairKeys.hash(k) >>> Blocker.ACCOUNT_BITS, i);
      if (!exhaustive && t.lshFeatures[i] != null && t.texts[i] >= PairScorer.STYLE_MIN_TEXTS) MinHashLsh.addBands(i, t.lshFeatures[i], style);
    }
    values.emit(out);
    LongList oversizedNames = new LongList();
    names.emit(out, oversizedNames);
    style.emit(out);
    Blocker split = splitOversizedNames(oversizedNames);
    split.emit(out);
    Blocker habits = habitBlocks();
    habits.emit(out);
    return values.oversizedBlocks() + split.oversizedBlocks() + style.oversizedBlocks() + habits.oversizedBlocks();
  }

  /** Candidate pairs proposed by habit combinations alone ({@link HabitBlocker}; for diagnostics). */
  public long[] habitCandidatePairs() {
    PairSet out = new PairSet();
    habitBlocks().emit(out);
    return out.distinct();
  }

  /** Offset code of account {@code i} as a habit pseudo-token (after the dense token ids), or -1 without enough events. */
  private int offsetCode(int i) {
    if (t.timing[i] == null || t.events[i] < PairScorer.TIMING_MIN_EVENTS) return -1;
    return t.tokenIdf.length + 12 + TimingSimilarity.inferredUtcOffset(t.timing[i]);
  }

  private Blocker habitBlocks() {
    int n = t.size();
    int[] offsetDf = new int[25];
    int[] offset = new int[n];
    int holders = 0;
    for (int i = 0; i < n; i++) {
      offset[i] = offsetCode(i);
      if (offset[i] >= 0) offsetDf[offset[i] - t.tokenIdf.length]++;
      if (t.tokens[i] != null) holders++;
    }
    Blocker habits = new Blocker(HabitBlocker.BLOCK_CAP);
    HabitBlocker blocker = new HabitBlocker(Math.max(1, holders));
    for (int i = 0; i < n; i++) {
      int[] tok = t.tokens[i];
      if (tok == null || t.texts[i] < HabitBlocker.MIN_TEXTS) continue;
      int k = tok.length + (offset[i] >= 0 ? 1 : 0);
      int[] codes = java.util.Arrays.copyOf(tok, k);
      int[] df = new int[k];
      for (int j = 0; j < tok.length; j++) df[j] = t.tokenDf[tok[j]];
      if (offset[i] >= 0) {
        codes[k - 1] = offset[i];
        df[k - 1] = offsetDf[offset[i] - t.tokenIdf.length];
      }
      blocker.addKeys(i, codes, df, habits);
    }
    return habits;
  }

  /**
   * Username blocks too large to pair out (a stem shared by more than the cap, common at 100k+
   * accounts) are split by second keys that one person keeps across sites: the dominant
   * sentence ending, the inferred UTC offset and the two rarest habit tokens. Accounts without
   * any (no texts, no activity) stay unpaired, as before.
   */
  private Blocker splitOversizedNames(LongList oversized) {
    Blocker split = new Blocker(USERNAME_BLOCK_CAP);
    if (oversized.size() == 0) return split;
    Set<Long> big = new HashSet<>();
    for (int k = 0; k < oversized.size(); k++) big.add(oversized.get(k));
    for (int i = 0; i < t.size(); i++) {
      long[] second = null; // computed only for accounts in an oversized block (the few at small scale)
      for (String k : UsernameSimilarity.blockingKeys(t.stems[i])) {
        long nk = PairKeys.hash(k) >>> Blocker.ACCOUNT_BITS;
        if (!big.contains(nk)) continue;
        if (second == null) second = secondKeys(i);
        for (long s : second) split.add(PairKeys.mix(nk * 0x9e3779b97f4a7c15L ^ s) >>> Blocker.ACCOUNT_BITS, i);
      }
    }
    return split;
  }

  private long[] secondKeys(int i) {
    LongList keys = new LongList();
    int ending = HabitTokens.dominant(t.habitCategories[i], t.texts[i])[0];
    if (ending >= 0) keys.add(1000L + ending);
    int off = offsetCode(i);
    if (off >= 0) keys.add(2000L + off);
    int[] tok = t.tokens[i];
    if (tok != null && t.texts[i] >= HabitBlocker.MIN_TEXTS) {
      int[] rare = java.util.Arrays.stream(tok).boxed().filter(x -> t.tokenDf[x] >= 2)
          .sorted((x, y) -> t.tokenDf[x] != t.tokenDf[y] ? Integer.compare(t.tokenDf[x], t.tokenDf[y]) : Integer.compare(x, y))
          .limit(2).mapToInt(Integer::intValue).toArray();
      for (int x : rare) keys.add(1_000_000L + x);
    }
    return keys.toArray();
  }

  private IdentityResult assemble(int[] cluster, long[] edges, Map<Long, PairScorer.Score> qualified, Map<Long, Double> byModel,
      Map<Long, MutualBestMatcher.Match> byMutualBest, Map<Long, BoostedWeakStage.Link> byBoosted, Set<Long> confirmed, PairScorer scorer,
      PairFeatures features) {
    int n = t.size();
    double[] confidence = new double[n];
    List<Set<String>> codes = new ArrayList<>(n);
    for (int i = 0; i < n; i++) codes.add(null);
    TreeSet<Long> linkKeys = new TreeSet<>();
    for (long e : edges) if (cluster[PairKeys.first(e)] == cluster[PairKeys.second(e)]) linkKeys.add(e);
    for (long c : confirmed) if (cluster[PairKeys.first(c)] == cluster[PairKeys.second(c)]) linkKeys.add(c);
    long[] keys = linkKeys.stream().mapToLong(Long::longValue).toArray();
    List<List<Evidence>> explained = new ArrayList<>(keys.length);
    for (int i = 0; i < keys.length; i++) explained.add(null);
    IntStream.range(0, keys.length).parallel()
        .forEach(i -> explained.set(i, scorer.explain(PairKeys.first(keys[i]), PairKeys.second(keys[i]))));
    List<AccountLink> links = new ArrayList<>();
    for (int i = 0; i < keys.length; i++) {
      long k = keys[i];
      int a = PairKeys.first(k);
      int b = PairKeys.second(k);
      List<Evidence> evidence = new ArrayList<>(explained.get(i));
      double conf;
      String method = METHOD;
      String version = VERSION;
      if (confirmed.contains(k)) {
        evidence.add(0, new Evidence("analyst", "confirmed", 1.0, "analyst decision " + t.keys[a] + " = " + t.keys[b]));
        conf = 1.0;
      } else if (byModel.containsKey(k)) {
        double z = byModel.get(k);
        conf = 1 / (1 + Math.exp(-z));
        method = LogisticCombiner.METHOD;
        version = combiner.version();
        evidence.add(new Evidence(LEARNED_CODE, String.format(java.util.Locale.ROOT, "p=%.4f", conf), Math.round(z * 1000) / 1000.0,
            String.format(java.util.Locale.ROOT, "%s %s, threshold %.4f: %s", LogisticCombiner.METHOD, combiner.version(), combiner.threshold(),
                combiner.explain(features.of(a, b)))));
      } else if (byMutualBest.containsKey(k)) {
        conf = MutualBestMatcher.CONFIDENCE;
        method = MutualBestMatcher.METHOD;
        version = MutualBestMatcher.VERSION;
        evidence.add(mutualBest.evidence(byMutualBest.get(k), t.keys[a], t.keys[b],
            b2 -> t.keys[b2], combiner.version(), combiner.explain(features.of(a, b))));
      } else if (byBoosted.containsKey(k)) {
        BoostedWeakStage.Link l = byBoosted.get(k);
        conf = 1 / (1 + Math.exp(-l.score()));
        method = BoostedTrees.METHOD;
        version = boostedWeak.model().version();
        evidence.add(boostedWeak.evidence(l));
      } else {
        conf = qualified.get(k).confidence();
      }
      conf = Math.round(conf * 10000) / 10000.0;
      links.add(new AccountLink(t.keys[a], t.keys[b], conf, method, version, List.copyOf(evidence)));
      for (int x : new int[] {a, b}) {
        confidence[x] = Math.max(confidence[x], conf);
        if (codes.get(x) == null) codes.set(x, new HashSet<>());
        for (Evidence e : evidence) if (e.weight() > 0) codes.get(x).add(e.code());
      }
    }
    Map<Integer, String> personIds = new HashMap<>();
    List<PersonAssignment> assignments = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String person = personIds.computeIfAbsent(cluster[i], r -> personId(t.keys[r]));
      boolean singleton = codes.get(i) == null;
      List<String> c = new ArrayList<>();
      if (!singleton) for (String code : CODE_ORDER) if (codes.get(i).contains(code)) c.add(code);
      assignments.add(new PersonAssignment(person, t.keys[i], singleton ? 1.0 : confidence[i], List.copyOf(c)));
    }
    return new IdentityResult(List.copyOf(assignments), List.copyOf(links));
  }

  /** Stable person id: {@code p-} and 12 hex digits of SHA-256 of the cluster's smallest account key. */
  public static String personId(AccountKey smallest) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(smallest.toString().getBytes(StandardCharsets.UTF_8));
      return "p-" + HexFormat.of().formatHex(d, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }
}
