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
 * Turns one {@link LinkingPipeline} run's clusters and the links that made them into its {@link IdentityResult}:
 * every link inside a person explained by the stage that made it (rules, combiner, mutual best, boosted model, a
 * balanced-point merge, or an analyst), each account's confidence and evidence codes, stable person ids, and the
 * suggestions left between two persons. O(L·x) for L links explained in x each, in parallel.
 */
final class LinkAssembly {
  private final FeatureTable t;
  private final LogisticCombiner combiner;
  private final MutualBestMatcher mutualBest;
  private final BoostedWeakStage boostedWeak;
  private final BalancedMerge balanced;

  /** {@code balanced} is null unless the run merged suggestions at the balanced operating point. */
  LinkAssembly(FeatureTable t, LogisticCombiner combiner, MutualBestMatcher mutualBest, BoostedWeakStage boostedWeak, BalancedMerge balanced) {
    this.t = t;
    this.combiner = combiner;
    this.mutualBest = mutualBest;
    this.boostedWeak = boostedWeak;
    this.balanced = balanced;
  }

  /**
   * The boosted stage's suggestions whose accounts ended in two different persons (a suggestion
   * inside one person says nothing new), best first, each explained like a link.
   */
  List<AccountLink> suggestions(Map<Long, BoostedWeakStage.Link> suggested, int[] cluster, PairScorer scorer) {
    List<BoostedWeakStage.Link> open = new ArrayList<>();
    for (BoostedWeakStage.Link l : suggested.values()) if (cluster[PairKeys.first(l.pair())] != cluster[PairKeys.second(l.pair())]) open.add(l);
    open.sort(java.util.Comparator.comparingDouble(BoostedWeakStage.Link::score).reversed().thenComparingLong(BoostedWeakStage.Link::pair));
    // explained in parallel, as links are (a 1M-account run suggests ≈ 13,000)
    AccountLink[] out = new AccountLink[open.size()];
    IntStream.range(0, out.length).parallel().forEach(i -> {
      BoostedWeakStage.Link l = open.get(i);
      int a = PairKeys.first(l.pair());
      int b = PairKeys.second(l.pair());
      List<Evidence> evidence = new ArrayList<>(scorer.explain(a, b));
      evidence.add(boostedWeak.evidence(l));
      double conf = Math.round(10000 / (1 + Math.exp(-l.score()))) / 10000.0;
      out[i] = new AccountLink(t.keys[a], t.keys[b], conf, BoostedTrees.METHOD, boostedWeak.model().version(), List.copyOf(evidence));
    });
    return List.of(out);
  }

  IdentityResult assemble(int[] cluster, long[] edges, Map<Long, PairScorer.Score> qualified, Map<Long, Double> byModel,
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
      String method = LinkingPipeline.METHOD;
      String version = LinkingPipeline.VERSION;
      if (confirmed.contains(k)) {
        evidence.add(0, new Evidence("analyst", "confirmed", 1.0, "analyst decision " + t.keys[a] + " = " + t.keys[b]));
        conf = 1.0;
      } else if (byModel.containsKey(k)) {
        double z = byModel.get(k);
        conf = 1 / (1 + Math.exp(-z));
        method = LogisticCombiner.METHOD;
        version = combiner.version();
        evidence.add(new Evidence(LinkingPipeline.LEARNED_CODE, String.format(java.util.Locale.ROOT, "p=%.4f", conf), Math.round(z * 1000) / 1000.0,
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
        Evidence e = boostedWeak.evidence(l);
        if (!boostedWeak.accepts(l)) { // only the balanced operating point merges below the threshold
          e = new Evidence(e.code(), e.value(), e.weight(), String.format(java.util.Locale.ROOT,
              "balanced operating point: a suggestion merged from log-odds %.3f (sites of %s and %s); %s", balanced.floor(a, b),
              t.keys[a].site(), t.keys[b].site(), e.detail()));
        }
        evidence.add(e);
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
      if (!singleton) for (String code : LinkingPipeline.CODE_ORDER) if (codes.get(i).contains(code)) c.add(code);
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
