package org.webwatch.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.webwatch.identity.EvidenceAccountLinker;
import org.webwatch.identity.IdentityResult;
import org.webwatch.identity.internal.Csv;
import org.webwatch.identity.internal.FeatureTable;
import org.webwatch.identity.internal.HabitLikelihood;
import org.webwatch.identity.internal.LinkingPipeline;
import org.webwatch.identity.internal.LogisticCombiner;
import org.webwatch.identity.internal.MutualBestMatcher;
import org.webwatch.identity.internal.PairFeatures;
import org.webwatch.identity.internal.PairKeys;
import org.webwatch.identity.internal.PairScorer;
import org.webwatch.identity.internal.WeakPairFeatures;
import org.webwatch.model.AccountKey;
import org.webwatch.payments.internal.UnionFind;

/**
 * Where the true pairs the default pipeline does not join are lost: after the links and the suggestions from
 * log-odds FLOOR merged, each missed cross-site true pair is counted as never a candidate, a candidate with too
 * little text for the weak stages, a candidate with identifier evidence (left to the rules), behind a rival (not the
 * reciprocal best by log-odds plus habits) or reciprocal best but scored low. Then how far a second look could go:
 * round two over the slot-block pairs between persons of round one; the reach of the pooled habit likelihood over the
 * never-candidate pairs (the true partner's rank against EVERY compatible person, no block needed); and every account
 * left alone against every compatible person — the precision a perfect blocker would get with that likelihood. Usage:
 * {@code java -cp benchmarks.jar org.webwatch.bench.MissedPairs DIR [FLOOR]}.
 */
public final class MissedPairs {
  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    double floor = args.length > 1 ? Double.parseDouble(args[1]) : 1.0;
    EvidenceAccountLinker linker = LinkingOnGenerated.feed(dir);
    FeatureTable t = linker.features();
    IdentityResult result = linker.link();
    Map<AccountKey, String> person = new HashMap<>();
    for (Csv.Row r : Csv.read(dir.resolve("truth/accounts.csv"), "site", "account", "person")) person.put(new AccountKey(r.get("site"), r.get("account")), r.get("person"));
    int n = t.size();
    Map<AccountKey, Integer> index = new HashMap<>();
    for (int i = 0; i < n; i++) index.put(t.key(i), i);
    UnionFind joined = new UnionFind();
    joined.ensure(n);
    Map<String, Integer> first = new HashMap<>();
    result.assignments().forEach(a -> {
      Integer i = index.get(a.account());
      if (i == null) return;
      Integer f = first.putIfAbsent(a.person(), i);
      if (f != null) joined.union(f, i);
    });
    result.suggestions().forEach(l -> {
      if (Math.log(l.confidence() / (1 - l.confidence())) >= floor) joined.union(index.get(l.a()), index.get(l.b()));
    });
    LinkingPipeline.Candidates c = new LinkingPipeline(t, null).candidates();
    LogisticCombiner combiner = LogisticCombiner.loadDefault();
    long[] pairs = c.pairs();
    Map<Long, Integer> pairIndex = new HashMap<>();
    for (int i = 0; i < pairs.length; i++) pairIndex.put(pairs[i], i);
    Map<String, Integer> siteIds = new HashMap<>();
    int[] site = new int[n];
    for (int i = 0; i < n; i++) site[i] = siteIds.computeIfAbsent(t.key(i).site(), s -> siteIds.size());
    double[] score = new double[pairs.length];
    int identifier = PairFeatures.NAMES.indexOf("identifier_llr");
    for (int i = 0; i < pairs.length; i++) {
      int a = PairKeys.first(pairs[i]);
      int b = PairKeys.second(pairs[i]);
      double z = combiner.logit(c.features()[i]);
      score[i] = site[a] == site[b] ? Double.NaN : c.ruleQualified()[i] || 1 / (1 + Math.exp(-z)) >= combiner.threshold() ? Double.POSITIVE_INFINITY : z;
    }
    HabitLikelihood habit = c.habits().pooled(t, new LinkingPipeline(t).provisionalPersons());
    double[] rank = WeakPairFeatures.rankByHabits(score, i -> habit.features(PairKeys.first(pairs[i]), PairKeys.second(pairs[i])));
    double[][] gaps = WeakPairFeatures.gaps(pairs, rank, site, MutualBestMatcher.DEFAULT_UNSEEN);
    Map<String, java.util.List<Integer>> members = new HashMap<>();
    for (int i = 0; i < n; i++) {
      String p = person.get(t.key(i));
      if (p != null) members.computeIfAbsent(p, k -> new java.util.ArrayList<>()).add(i);
    }
    Map<String, Integer> counts = new TreeMap<>();
    int truePairs = 0;
    int missed = 0;
    for (var m : members.values()) {
      for (int x = 0; x < m.size(); x++) {
        for (int y = x + 1; y < m.size(); y++) {
          int a = m.get(x);
          int b = m.get(y);
          if (site[a] == site[b]) continue;
          truePairs++;
          if (joined.find(a) == joined.find(b)) continue;
          missed++;
          int lo = Math.min(t.texts(a), t.texts(b));
          String texts = lo < PairScorer.STYLE_MIN_TEXTS ? "texts<3" : lo < 5 ? "texts3-4" : lo < 10 ? "texts5-9" : "texts10+";
          Integer i = pairIndex.get(PairKeys.of(a, b));
          String why;
          if (i == null) why = personCandidate(a, b, joined, pairIndex, members.get(person.get(t.key(a))))
              ? "not a candidate, but of another account of the person" : "not a candidate";
          else if (c.features()[i][identifier] > 0) {
            why = "identifier";
            StringBuilder f = new StringBuilder();
            for (int k = 0; k < PairFeatures.NAMES.size(); k++) if (c.features()[i][k] != 0) f.append(PairFeatures.NAMES.get(k)).append('=').append(String.format(Locale.ROOT, "%.2f ", c.features()[i][k]));
            System.out.printf(Locale.ROOT, "  MISSED %s ~ %s texts %d/%d logit %.2f rank %.2f gaps %.2f/%.2f %s%n", t.key(a), t.key(b), t.texts(a), t.texts(b), score[i], rank[i], gaps[0][i], gaps[1][i], f);
          }
          else if (lo < PairScorer.STYLE_MIN_TEXTS) why = "too little text";
          else if (!(gaps[0][i] > 0 && gaps[1][i] > 0)) why = "behind a rival";
          else why = "reciprocal best, low";
          counts.merge(why + " / " + texts, 1, Integer::sum);
          counts.merge(why, 1, Integer::sum);
        }
      }
    }
    System.out.printf(Locale.ROOT, "%s: cross-site true pairs %d, missed after links + suggestions >= %.1f: %d%n", dir, truePairs, floor, missed);
    counts.forEach((k, v) -> System.out.printf(Locale.ROOT, "  %-40s %d%n", k, v));
    RoundOne one = RoundOne.of(t, site, joined, c.habits());
    roundTwo(t, site, person, one, new LinkingPipeline(t).slotCandidatePairs());
    reach(t, site, person, pairIndex, one, members);
    aloneAgainstPersons(t, site, person, one);
  }

  /**
   * The persons of round one (links and merged suggestions): each account's group (its set's smallest account), the
   * sites of each group, the groups, and the habit likelihood with each account standing for its group.
   */
  private record RoundOne(int[] group, Map<Integer, java.util.Set<Integer>> sitesOf, int[] roots, HabitLikelihood pooled) {
    static RoundOne of(FeatureTable t, int[] site, UnionFind joined, HabitLikelihood fitted) {
      int n = t.size();
      int[] group = new int[n];
      Map<Integer, java.util.Set<Integer>> sitesOf = new HashMap<>();
      for (int i = 0; i < n; i++) {
        group[i] = joined.minOf(i);
        sitesOf.computeIfAbsent(group[i], k -> new java.util.HashSet<>()).add(site[i]);
      }
      int[] roots = java.util.stream.IntStream.range(0, n).filter(i -> group[i] == i).toArray();
      return new RoundOne(group, sitesOf, roots, fitted.pooled(t, group));
    }
  }

  /**
   * For the missed pairs that are never candidates: the pooled habit likelihood of the lighter account against its
   * true partner's round-one person, and how many other persons (no account on its site, none of its person's sites)
   * score as high or higher against it — whether the likelihood could find them if a block proposed them.
   */
  private static void reach(FeatureTable t, int[] site, Map<AccountKey, String> person, Map<Long, Integer> pairIndex, RoundOne one,
      Map<String, java.util.List<Integer>> members) {
    int[] group = one.group();
    HabitLikelihood pooled = one.pooled();
    Map<String, Integer> hist = new TreeMap<>();
    java.util.Set<Long> seen = new java.util.HashSet<>();
    for (var m : members.values()) {
      for (int x = 0; x < m.size(); x++) {
        for (int y = x + 1; y < m.size(); y++) {
          int a = m.get(x);
          int b = m.get(y);
          if (site[a] == site[b] || group[a] == group[b] || pairIndex.containsKey(PairKeys.of(a, b))) continue;
          int light = t.texts(a) <= t.texts(b) ? a : b;
          int other = light == a ? b : a;
          if (!seen.add(PairKeys.of(group[light], group[other]))) continue;
          double truth = pick(pooled.features(light, other));
          int above = 0;
          double best = Double.NEGATIVE_INFINITY;
          for (int r : one.roots()) {
            if (r == group[light] || r == group[other]) continue;
            if (!java.util.Collections.disjoint(one.sitesOf().get(r), one.sitesOf().get(group[light]))) continue;
            double v = pick(pooled.features(light, r));
            if (v >= truth) above++;
            best = Math.max(best, v);
          }
          String band = truth < 4 ? "llr<4" : truth < 8 ? "llr4-8" : truth < 12 ? "llr8-12" : "llr12+";
          String rank = above == 0 ? (truth - best >= 4 ? "best by 4+" : "best") : above <= 3 ? "behind 1-3" : above <= 20 ? "behind 4-20" : "behind 21+";
          hist.merge(band + " / " + rank, 1, Integer::sum);
          hist.merge("all / " + rank, 1, Integer::sum);
        }
      }
    }
    System.out.println("reach of the never-candidate pairs (pooled habit likelihood against every person of round one):");
    hist.forEach((k, v) -> System.out.printf(Locale.ROOT, "  %-30s %d%n", k, v));
  }

  /**
   * Every account alone in round one with 3+ texts against every compatible person (pooled likelihood): is its best
   * person its own, at several floors and gaps to the runner-up — the precision a perfect blocker would get.
   */
  private static void aloneAgainstPersons(FeatureTable t, int[] site, Map<AccountKey, String> person, RoundOne one) {
    int n = t.size();
    Map<Integer, java.util.List<Integer>> membersOf = new HashMap<>();
    for (int i = 0; i < n; i++) membersOf.computeIfAbsent(one.group()[i], k -> new java.util.ArrayList<>()).add(i);
    int[] alone = java.util.stream.IntStream.range(0, n).filter(i -> membersOf.get(i) != null && membersOf.get(i).size() == 1
        && t.texts(i) >= PairScorer.STYLE_MIN_TEXTS).toArray();
    double[][] res = new double[alone.length][];
    java.util.stream.IntStream.range(0, alone.length).parallel().forEach(k -> {
      int l = alone[k];
      double best = Double.NEGATIVE_INFINITY;
      double second = Double.NEGATIVE_INFINITY;
      int arg = -1;
      for (int r : one.roots()) {
        if (r == l || one.sitesOf().get(r).contains(site[l])) continue;
        double v = pick(one.pooled().features(l, r));
        if (v > best) {
          second = best;
          best = v;
          arg = r;
        } else if (v > second) second = v;
      }
      res[k] = new double[] {best, second, arg};
    });
    double[] floors = {6, 8, 10, 12, 14};
    double[] gaps = {0, 2, 4, 6};
    for (double f : floors) {
      StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "  alone vs persons, best >= %4.1f:", f));
      for (double g : gaps) {
        int right = 0;
        int wrong = 0;
        int truePairs = 0;
        int falsePairs = 0;
        for (int k = 0; k < alone.length; k++) {
          if (res[k][0] < f || res[k][0] - res[k][1] < g || res[k][2] < 0) continue;
          int l = alone[k];
          int r = (int) res[k][2];
          String pl = person.get(t.key(l));
          int same = 0;
          for (int i : membersOf.get(r)) {
            if (pl != null && pl.equals(person.get(t.key(i)))) same++;
            else falsePairs++;
          }
          truePairs += same;
          if (same > 0) right++;
          else wrong++;
        }
        sb.append(String.format(Locale.ROOT, "  gap>=%.0f %d/%d (pairs %d/%d)", g, right, wrong, truePairs, falsePairs));
      }
      System.out.println(sb);
    }
  }

  /**
   * A second round over the slot-block pairs that are not candidates, between persons of round one (links and
   * merged suggestions) that hold no account on each other's sites: pooled habit likelihood, reciprocal best per
   * (person, site), counted against the truth at several floors and gaps.
   */
  private static void roundTwo(FeatureTable t, int[] site, Map<AccountKey, String> person, RoundOne one, long[] slotPairs) {
    int[] group = one.group();
    Map<Integer, java.util.Set<Integer>> sitesOf = one.sitesOf();
    HabitLikelihood pooled = one.pooled();
    // best and runner-up per (group, other site), by pooled total; one entry per pair of groups
    Map<Long, double[]> byGroups = new HashMap<>(); // groups key -> {total, a, b}
    for (long p : slotPairs) {
      int a = PairKeys.first(p);
      int b = PairKeys.second(p);
      if (site[a] == site[b] || group[a] == group[b]) continue;
      if (sitesOf.get(group[a]).contains(site[b]) || sitesOf.get(group[b]).contains(site[a])) continue;
      double h = pick(pooled.features(a, b));
      long key = PairKeys.of(Math.min(group[a], group[b]), Math.max(group[a], group[b]));
      double[] cur = byGroups.get(key);
      if (cur == null || h > cur[0]) byGroups.put(key, new double[] {h, a, b});
    }
    // per (group, site of the other side): best two totals
    Map<Long, double[]> top = new HashMap<>();
    for (var e : byGroups.entrySet()) {
      double[] v = e.getValue();
      int a = (int) v[1];
      int b = (int) v[2];
      offer(top, ((long) group[a] << 20) | site[b], v[0]);
      offer(top, ((long) group[b] << 20) | site[a], v[0]);
    }
    double[] floors = {4, 6, 8, 10, 12};
    double[] gapsWanted = {0, 2, 4};
    int[][] right = new int[floors.length][gapsWanted.length];
    int[][] wrong = new int[floors.length][gapsWanted.length];
    for (var e : byGroups.entrySet()) {
      double[] v = e.getValue();
      int a = (int) v[1];
      int b = (int) v[2];
      double[] ta = top.get(((long) group[a] << 20) | site[b]);
      double[] tb = top.get(((long) group[b] << 20) | site[a]);
      if (v[0] < ta[0] || v[0] < tb[0]) continue; // not the reciprocal best
      double gap = Math.min(v[0] - ta[1], v[0] - tb[1]);
      String pa = person.get(t.key(a));
      boolean ok = pa != null && pa.equals(person.get(t.key(b)));
      for (int f = 0; f < floors.length; f++) {
        for (int g = 0; g < gapsWanted.length; g++) {
          if (v[0] >= floors[f] && gap >= gapsWanted[g]) {
            if (ok) right[f][g]++;
            else wrong[f][g]++;
          }
        }
      }
    }
    System.out.printf(Locale.ROOT, "round two: %d slot pairs, %d between free persons%n", slotPairs.length, byGroups.size());
    for (int f = 0; f < floors.length; f++) {
      StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "  total >= %4.1f:", floors[f]));
      for (int g = 0; g < gapsWanted.length; g++) sb.append(String.format(Locale.ROOT, "  gap>=%.0f %d right / %d wrong", gapsWanted[g], right[f][g], wrong[f][g]));
      System.out.println(sb);
    }
  }

  private static void offer(Map<Long, double[]> top, long key, double v) {
    double[] t = top.computeIfAbsent(key, k -> new double[] {Double.NEGATIVE_INFINITY, MutualBestMatcher.DEFAULT_UNSEEN});
    if (v > t[0]) {
      t[1] = Math.max(t[0], t[1]);
      t[0] = v;
    } else if (v > t[1]) {
      t[1] = v;
    }
  }

  /** Whether a or b is a candidate of another account of the true person that round one already joined to the other side. */
  private static boolean personCandidate(int a, int b, UnionFind joined, Map<Long, Integer> pairIndex, java.util.List<Integer> person) {
    for (int c : person) {
      if (c == a || c == b) continue;
      if (joined.find(c) == joined.find(b) && pairIndex.containsKey(PairKeys.of(a, c))) return true;
      if (joined.find(c) == joined.find(a) && pairIndex.containsKey(PairKeys.of(b, c))) return true;
    }
    return false;
  }

  /**
   * Weights of the habit likelihood's components ({@link HabitLikelihood#NAMES}: category, offset, token, slot, hour)
   * in the pooled score of round two and of the reach: {@code -Dreach.weights=1,1,0,1,1} leaves the token bag out.
   */
  private static final double[] WEIGHTS = java.util.Arrays.stream(System.getProperty("reach.weights", "1,1,1,1,1").split(",")).mapToDouble(Double::parseDouble).toArray();

  private static double pick(double[] f) {
    double s = 0;
    for (int k = 0; k < WEIGHTS.length; k++) s += WEIGHTS[k] * f[k];
    return s;
  }
}
