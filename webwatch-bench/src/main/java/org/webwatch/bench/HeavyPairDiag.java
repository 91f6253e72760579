package org.webwatch.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.webwatch.identity.EvidenceAccountLinker;
import org.webwatch.identity.internal.Csv;
import org.webwatch.identity.internal.FeatureTable;
import org.webwatch.identity.internal.HabitLikelihood;
import org.webwatch.identity.internal.PairFeatures;
import org.webwatch.identity.internal.PairScorer;
import org.webwatch.model.AccountKey;

/**
 * Diagnostic (not a benchmark): for the true pairs whose accounts both have at least MIN texts, where does the partner
 * rank among all accounts with at least MIN texts on its site, by each text/timing score? Usage:
 * {@code HeavyPairDiag DIR MIN [--style-only]}.
 */
public final class HeavyPairDiag {
  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int min = Integer.parseInt(args[1]);
    boolean styleOnly = args.length > 2 && args[2].equals("--style-only");
    EvidenceAccountLinker linker = LinkingOnGenerated.feed(dir, styleOnly);
    FeatureTable t = linker.features();
    org.webwatch.identity.IdentityResult result = linker.link();
    Map<AccountKey, String> personOf = new HashMap<>();
    Map<String, Integer> personSize = new HashMap<>();
    result.assignments().forEach(x -> {
      personOf.put(x.account(), x.person());
      personSize.merge(x.person(), 1, Integer::sum);
    });
    Map<String, String> linkMethod = new HashMap<>();
    result.links().forEach(l -> {
      linkMethod.put(l.a() + "|" + l.b(), l.method());
      linkMethod.put(l.b() + "|" + l.a(), l.method());
    });
    Map<AccountKey, Integer> idx = new HashMap<>();
    Map<String, List<Integer>> bySite = new HashMap<>();
    for (int i = 0; i < t.size(); i++) {
      idx.put(t.key(i), i);
      if (t.texts(i) >= min) bySite.computeIfAbsent(t.key(i).site(), s -> new ArrayList<>()).add(i);
    }
    int[] freq = new int[t.size()];
    java.util.Arrays.fill(freq, 1);
    PairScorer scorer = new PairScorer(t, freq);
    PairFeatures pf = new PairFeatures(t, scorer, freq);
    HabitLikelihood h = HabitLikelihood.fit(t, new long[0]);
    java.util.Set<Long> candidates = new java.util.HashSet<>();
    for (long pr : new org.webwatch.identity.internal.LinkingPipeline(t, null).candidates().pairs()) candidates.add(pr);
    int candidateCount = 0;
    String[] names = {"style_cos", "style_llr", "timing_llr", "habit_cos_rel", "habit_token_idf", "nb_total", "sum", "sum+10hc"};
    int[] first = new int[names.length];
    int pairs = 0;
    for (Csv.Row r : Csv.read(dir.resolve("truth/links.csv"), "site_a", "account_a", "site_b", "account_b", "evidence")) {
      Integer a = idx.get(new AccountKey(r.get("site_a"), r.get("account_a")));
      Integer b = idx.get(new AccountKey(r.get("site_b"), r.get("account_b")));
      if (a == null || b == null || t.texts(a) < min || t.texts(b) < min || t.key(a).site().equals(t.key(b).site())) continue;
      pairs++;
      boolean candidate = candidates.contains(org.webwatch.identity.internal.PairKeys.of(a, b));
      if (candidate) candidateCount++;
      double[] truth = scores(t, scorer, pf, h, a, b);
      int[] rank = new int[names.length];
      double[] best = new double[names.length];
      java.util.Arrays.fill(best, Double.NEGATIVE_INFINITY);
      for (int c : bySite.get(t.key(b).site())) {
        if (c == b) continue;
        double[] s = scores(t, scorer, pf, h, a, c);
        for (int k = 0; k < names.length; k++) {
          if (s[k] >= truth[k]) rank[k]++;
          best[k] = Math.max(best[k], s[k]);
        }
      }
      boolean same = personOf.get(t.key(a)) != null && personOf.get(t.key(a)).equals(personOf.get(t.key(b)));
      StringBuilder sb = new StringBuilder(String.format("%s~%s texts %d/%d %s %s link=%s sizes %d/%d ev %s:", t.key(a), t.key(b), t.texts(a),
          t.texts(b), candidate ? "CAND" : "not-cand", same ? "FOUND" : "MISSED", linkMethod.get(t.key(a) + "|" + t.key(b)),
          personSize.getOrDefault(personOf.get(t.key(a)), 0), personSize.getOrDefault(personOf.get(t.key(b)), 0), r.get("evidence")));
      for (int k = 0; k < names.length; k++) {
        if (rank[k] == 0) first[k]++;
        sb.append(String.format(" %s=%.2f(r%d,best other %.2f)", names[k], truth[k], rank[k] + 1, best[k]));
      }
      System.out.println(sb);
    }
    StringBuilder sb = new StringBuilder(String.format("pairs %d (both >= %d texts), candidates %d, partner ranked first by:", pairs, min, candidateCount));
    for (int k = 0; k < names.length; k++) sb.append(String.format(" %s %d", names[k], first[k]));
    System.out.println(sb);
  }

  private static double[] scores(FeatureTable t, PairScorer scorer, PairFeatures pf, HabitLikelihood h, int a, int b) {
    double[] raw = scorer.raw(a, b);
    double[] f = pf.of(a, b);
    double[] nb = h.features(a, b);
    double styleLlr = f[PairFeatures.NAMES.indexOf("style_llr")];
    double timingLlr = f[PairFeatures.NAMES.indexOf("timing_llr")];
    double nbTotal = nb[3];
    return new double[] {Double.isNaN(raw[0]) ? -1 : raw[0], styleLlr, timingLlr, f[PairFeatures.NAMES.indexOf("habit_cos_rel")],
        f[PairFeatures.NAMES.indexOf("habit_token_idf")], nbTotal, styleLlr + timingLlr + nbTotal,
        styleLlr + timingLlr + nbTotal + 10 * f[PairFeatures.NAMES.indexOf("habit_cos_rel")]};
  }
}
