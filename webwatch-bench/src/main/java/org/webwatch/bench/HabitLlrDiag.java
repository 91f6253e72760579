package org.webwatch.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.webwatch.identity.EvidenceAccountLinker;
import org.webwatch.identity.internal.Csv;
import org.webwatch.identity.internal.FeatureTable;
import org.webwatch.identity.internal.HabitLikelihood;
import org.webwatch.identity.internal.LinkingPipeline;
import org.webwatch.identity.internal.PairKeys;
import org.webwatch.model.AccountKey;

/**
 * Diagnostics of the naive-Bayes habit signature ({@link HabitLikelihood}) on a generated TUNING
 * population: self-supervised keep rates, the LLR of hard true pairs (truth evidence style and/or
 * timing only) against random cross-site pairs, how many hard pairs blocking proposes, and what a
 * signature block (ending, case, line breaks, UTC offset) would propose at what cost. Usage:
 * {@code java -Xmx6g -cp benchmarks.jar org.webwatch.bench.HabitLlrDiag DIR}.
 */
public final class HabitLlrDiag {
  private static final double[] THRESHOLDS = {0, 4, 6, 8, 10, 12, 14, 16, 18};
  private static final int RANDOM_PAIRS = 400_000;
  private static final int HEAVY = 10;

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    EvidenceAccountLinker linker = LinkingOnGenerated.feed(dir);
    FeatureTable t = linker.features();
    LinkingPipeline.Candidates c = new LinkingPipeline(t, null).candidates();
    int n = t.size();
    Map<AccountKey, Integer> index = new HashMap<>();
    for (int i = 0; i < n; i++) index.put(t.key(i), i);
    Set<Long> candidates = new HashSet<>();
    for (long p : c.pairs()) candidates.add(p);
    HabitLikelihood h = c.habits();
    System.out.println(dir + ": " + n + " accounts, " + c.pairs().length + " candidate pairs; " + h);
    Map<AccountKey, String> person = new HashMap<>();
    for (Csv.Row r : Csv.read(dir.resolve("truth/accounts.csv"), "site", "account", "person")) person.put(new AccountKey(r.get("site"), r.get("account")), r.get("person"));
    List<long[]> hard = new ArrayList<>();
    for (Csv.Row r : Csv.read(dir.resolve("truth/links.csv"), "site_a", "account_a", "site_b", "account_b", "evidence")) {
      Set<String> ev = Set.of(r.get("evidence").split(";"));
      if (!Set.of("style", "timing").containsAll(ev)) continue;
      Integer a = index.get(new AccountKey(r.get("site_a"), r.get("account_a")));
      Integer b = index.get(new AccountKey(r.get("site_b"), r.get("account_b")));
      if (a == null || b == null) continue;
      hard.add(new long[] {a, b});
    }
    int hardText = 0;
    int hardCand = 0;
    List<Double> trueScores = new ArrayList<>();
    List<Double> trueCand = new ArrayList<>();
    for (long[] p : hard) {
      int a = (int) p[0];
      int b = (int) p[1];
      boolean cand = candidates.contains(PairKeys.of(a, b));
      if (cand) hardCand++;
      if (Math.min(t.texts(a), t.texts(b)) < 3) continue;
      hardText++;
      double s = h.features(a, b)[HabitLikelihood.TOTAL];
      trueScores.add(s);
      if (cand) trueCand.add(s);
    }
    System.out.printf(Locale.ROOT, "hard true pairs %d, both >= 3 texts %d, candidates %d (of those with texts: %d)%n", hard.size(), hardText, hardCand,
        trueCand.size());
    int[] light = java.util.stream.IntStream.range(0, n).filter(i -> t.texts(i) >= 3).toArray();
    long cross = 0;
    Map<String, Integer> perSite = new HashMap<>();
    for (int i : light) perSite.merge(t.key(i).site(), 1, Integer::sum);
    long all = (long) light.length * (light.length - 1) / 2;
    long same = perSite.values().stream().mapToLong(k -> (long) k * (k - 1) / 2).sum();
    cross = all - same;
    SplittableRandom rnd = new SplittableRandom(7);
    double[] randomScores = new double[RANDOM_PAIRS];
    boolean[] randomHeavy = new boolean[RANDOM_PAIRS];
    int k = 0;
    int shown = 0;
    while (k < RANDOM_PAIRS) {
      int a = light[rnd.nextInt(light.length)];
      int b = light[rnd.nextInt(light.length)];
      if (a == b || t.key(a).site().equals(t.key(b).site())) continue;
      if (person.get(t.key(a)) != null && person.get(t.key(a)).equals(person.get(t.key(b)))) continue; // unrelated pairs only
      randomScores[k] = h.features(a, b)[HabitLikelihood.TOTAL];
      if (randomScores[k] >= 16 && shown++ < 8) {
        System.out.printf(Locale.ROOT, "  high random pair %s (%d texts, %s) ~ %s (%d texts, %s): %s sig %s / %s%n", t.key(a), t.texts(a), person.get(t.key(a)),
            t.key(b), t.texts(b), person.get(t.key(b)), Arrays.toString(h.features(a, b)), Arrays.toString(h.signature(a)), Arrays.toString(h.signature(b)));
      }
      randomHeavy[k++] = Math.max(t.texts(a), t.texts(b)) >= HEAVY;
    }
    for (double th : THRESHOLDS) {
      int heavy = 0;
      int lightAbove = 0;
      for (int i = 0; i < RANDOM_PAIRS; i++) if (randomScores[i] >= th) { if (randomHeavy[i]) heavy++; else lightAbove++; }
      long tl = 0;
      for (long[] p : hard) if (Math.max(t.texts((int) p[0]), t.texts((int) p[1])) < HEAVY && h.features((int) p[0], (int) p[1])[HabitLikelihood.TOTAL] >= th) tl++;
      System.out.printf(Locale.ROOT, "  nb_total >= %4.1f, both < %d texts: hard true %d; random ~%.0f pairs (with a heavier account: ~%.0f)%n", th, HEAVY, tl,
          (double) lightAbove / RANDOM_PAIRS * cross, (double) heavy / RANDOM_PAIRS * cross);
    }
    Arrays.sort(randomScores);
    double[] ts = trueScores.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    System.out.printf(Locale.ROOT, "nb_total quantiles (10/25/50/75/90%%): hard true %s; random unrelated cross-site %s%n", Ceilings.quantiles(ts), Ceilings.quantiles(randomScores));
    System.out.printf(Locale.ROOT, "cross-site pairs of accounts with >= 3 texts: %d%n", cross);
    for (double th : THRESHOLDS) {
      long tr = trueScores.stream().filter(s -> s >= th).count();
      long tc = trueCand.stream().filter(s -> s >= th).count();
      int above = RANDOM_PAIRS - Ceilings.lowerBound(randomScores, th);
      System.out.printf(Locale.ROOT, "  nb_total >= %4.1f: hard true %d (candidates %d); random %.2e of cross-site pairs = ~%.0f pairs%n", th, tr, tc,
          (double) above / RANDOM_PAIRS, (double) above / RANDOM_PAIRS * cross);
    }
    reciprocalTop(t, h, light, hard, candidates, person);
    blocking(t, h, light, hard, "ending+case+newline+offset", new int[] {0, 1, 2, 3});
    blocking(t, h, light, hard, "ending+case+offset", new int[] {0, 1, 3});
    blocking(t, h, light, hard, "ending+offset", new int[] {0, 3});
  }

  /**
   * A blocking proposal: every cross-site pair of accounts with >= 3 texts scored by nb_total
   * (O(n^2) cheap merges), proposing pairs that are the reciprocal best of their two sites by
   * nb_total and reach a floor. Prints, per floor, the pairs proposed, the hard true pairs among
   * them, and how many of those blocking does not propose today.
   */
  private static void reciprocalTop(FeatureTable t, HabitLikelihood h, int[] light, List<long[]> hard, Set<Long> candidates,
      Map<AccountKey, String> person) {
    Map<String, Integer> siteIds = new HashMap<>();
    int n = t.size();
    int[] site = new int[n];
    for (int i = 0; i < n; i++) site[i] = siteIds.computeIfAbsent(t.key(i).site(), x -> siteIds.size());
    int sites = siteIds.size();
    double[][] best = new double[n][sites];
    double[][] second = new double[n][sites];
    for (double[] r : second) Arrays.fill(r, -10);
    int[][] arg = new int[n][sites];
    for (double[] r : best) Arrays.fill(r, Double.NEGATIVE_INFINITY);
    for (int[] r : arg) Arrays.fill(r, -1);
    for (int x = 0; x < light.length; x++) {
      int a = light[x];
      for (int y = x + 1; y < light.length; y++) {
        int b = light[y];
        if (site[a] == site[b]) continue;
        double s = h.features(a, b)[HabitLikelihood.TOTAL];
        offer(best, second, arg, a, site[b], b, s);
        offer(best, second, arg, b, site[a], a, s);
      }
    }
    // reciprocal best pairs (a < b): {a, b, nb_total, smaller gap over the two runner-ups}
    List<double[]> reciprocal = new ArrayList<>();
    for (int a : light) {
      for (int s = 0; s < sites; s++) {
        int b = arg[a][s];
        if (b < 0 || a > b || arg[b][site[a]] != a) continue;
        reciprocal.add(new double[] {a, b, best[a][s], Math.min(best[a][s] - second[a][s], best[b][site[a]] - second[b][site[a]])});
      }
    }
    Set<Long> hardSet = new HashSet<>();
    for (long[] p : hard) hardSet.add(PairKeys.of((int) p[0], (int) p[1]));
    for (double floor : new double[] {4, 6, 8, 10}) {
      int proposed = 0;
      int newPairs = 0;
      int hardFound = 0;
      int hardNew = 0;
      for (double[] r : reciprocal) {
        if (r[2] < floor) continue;
        proposed++;
        long key = PairKeys.of((int) r[0], (int) r[1]);
        boolean fresh = !candidates.contains(key);
        if (fresh) newPairs++;
        if (hardSet.contains(key)) {
          hardFound++;
          if (fresh) hardNew++;
        }
      }
      System.out.printf(Locale.ROOT, "reciprocal best by nb_total >= %.0f: %d pairs (%d not candidates today); hard true among them %d (%d not candidates today)%n",
          floor, proposed, newPairs, hardFound, hardNew);
    }
    // the rule "reciprocal best by nb_total with a gap over both runner-ups": true (any evidence) / hard true / unrelated
    for (double floor : new double[] {4, 8, 12}) {
      for (double gap : new double[] {2, 4, 6, 8}) {
        int tr = 0;
        int hd = 0;
        int fa = 0;
        for (double[] r : reciprocal) {
          if (r[2] < floor || r[3] < gap) continue;
          int a = (int) r[0];
          int b = (int) r[1];
          String pa = person.get(t.key(a));
          if (pa != null && pa.equals(person.get(t.key(b)))) {
            tr++;
            if (hardSet.contains(PairKeys.of(a, b))) hd++;
          } else fa++;
        }
        System.out.printf(Locale.ROOT, "  rule floor %.0f gap %.0f: true %d (hard %d) / unrelated %d%n", floor, gap, tr, hd, fa);
      }
    }
  }

  /** Offers candidate {@code b} with score {@code s} to account {@code a}'s best and runner-up on site {@code site}. */
  private static void offer(double[][] best, double[][] second, int[][] arg, int a, int site, int b, double s) {
    if (s > best[a][site]) {
      second[a][site] = Math.max(second[a][site], best[a][site]);
      best[a][site] = s;
      arg[a][site] = b;
    } else if (s > second[a][site]) second[a][site] = s;
  }

  /** Pairs proposed by an exact key over the chosen signature categories (accounts with all of them observed). */
  private static void blocking(FeatureTable t, HabitLikelihood h, int[] light, List<long[]> hard, String name, int[] cats) {
    Map<String, List<Integer>> blocks = new HashMap<>();
    Map<Integer, String> keyOf = new HashMap<>();
    for (int i : light) {
      int[] s = h.signature(i);
      StringBuilder key = new StringBuilder();
      boolean ok = true;
      for (int c : cats) {
        if (s[c] < 0) ok = false;
        key.append(s[c]).append(',');
      }
      if (!ok) continue;
      blocks.computeIfAbsent(key.toString(), x -> new ArrayList<>()).add(i);
      keyOf.put(i, key.toString());
    }
    long pairs = 0;
    int biggest = 0;
    for (List<Integer> b : blocks.values()) {
      biggest = Math.max(biggest, b.size());
      for (int x = 0; x < b.size(); x++) for (int y = x + 1; y < b.size(); y++) if (!t.key(b.get(x)).site().equals(t.key(b.get(y)).site())) pairs++;
    }
    int found = 0;
    for (long[] p : hard) {
      String ka = keyOf.get((int) p[0]);
      if (ka != null && ka.equals(keyOf.get((int) p[1]))) found++;
    }
    System.out.printf(Locale.ROOT, "block %s: %d blocks (largest %d), %d cross-site pairs, hard true pairs in one block %d of %d%n", name, blocks.size(),
        biggest, pairs, found, hard.size());
  }

}
