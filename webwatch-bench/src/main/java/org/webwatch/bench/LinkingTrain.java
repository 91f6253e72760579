package org.webwatch.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.webwatch.identity.EvidenceAccountLinker;
import org.webwatch.identity.internal.Csv;
import org.webwatch.identity.internal.FeatureTable;
import org.webwatch.identity.internal.LinkingPipeline;
import org.webwatch.identity.internal.LogisticCombiner;
import org.webwatch.identity.internal.PairFeatures;
import org.webwatch.identity.internal.PairKeys;
import org.webwatch.model.AccountKey;

/**
 * Fits the learned linking combiner on generated TUNING populations: every blocking candidate
 * pair of each population is an example (label = same person in the truth), the threshold is
 * the lowest probability that keeps pairwise precision over rule links + learned links at or
 * above the target on the pooled tuning pairs. Usage:
 * {@code java -cp benchmarks.jar org.webwatch.bench.LinkingTrain OUT.json MIN_PRECISION L2 DIR...}
 * (shipped model: {@code OUT.json 0.98 1.0} on seeds 11, 12, 13). It also prints, per population,
 * how many true pairs blocking proposes by evidence class; set {@code SHOW_MISSED=1} to list the
 * stems of username pairs blocking misses.
 */
public final class LinkingTrain {
  /** Version written into the fitted model; bump when features or training data change. */
  static final String MODEL_VERSION = "2.2.0";

  /** Share of true pairs that are candidates, by the truth's evidence class (blocking recall caps linking recall). */
  private static void coverage(FeatureTable t, LinkingPipeline.Candidates c, Path dir) {
    Map<AccountKey, Integer> idx = new HashMap<>();
    for (int i = 0; i < t.size(); i++) idx.put(t.key(i), i);
    Map<String, int[]> by = countTruePairs(t, idx, dir, c.pairs(), false);
    by.forEach((k, v) -> System.out.printf("  candidates among true %-10s %d/%d%n", k, v[1], v[0]));
    // what habit-combination blocking alone proposes (all that is left of style blocking at scale)
    long[] habit = new LinkingPipeline(t, null).habitCandidatePairs();
    Map<String, int[]> hb = countTruePairs(t, idx, dir, habit, true);
    System.out.printf("  habit blocking alone: %d candidate pairs%n", habit.length);
    hb.forEach((k, v) -> System.out.printf("    habit candidates among true %-20s %d/%d%n", k, v[1], v[0]));
  }

  /**
   * True pairs of the truth per evidence class (identifier, media, username, hard; with
   * {@code byTexts} also split at 3 texts on the lighter side): {total, among {@code pairs}}.
   * {@code SHOW_MISSED=1} lists the username pairs missing from {@code pairs} (full coverage only).
   */
  private static Map<String, int[]> countTruePairs(FeatureTable t, Map<AccountKey, Integer> idx, Path dir, long[] pairs, boolean byTexts) {
    java.util.Set<Long> cand = new java.util.HashSet<>();
    for (long p : pairs) cand.add(p);
    Map<String, int[]> by = new java.util.TreeMap<>();
    for (Csv.Row r : Csv.read(dir.resolve("truth/links.csv"), "site_a", "account_a", "site_b", "account_b", "evidence")) {
      Integer a = idx.get(new AccountKey(r.get("site_a"), r.get("account_a")));
      Integer b = idx.get(new AccountKey(r.get("site_b"), r.get("account_b")));
      String ev = r.get("evidence");
      String cls = ev.matches(".*shared-(btc|eth|xmr|email|contact|pgp).*") ? "identifier" : ev.contains("shared-media") ? "media"
          : ev.contains("username") ? "username" : "hard";
      boolean found = a != null && b != null && !a.equals(b) && cand.contains(PairKeys.of(a, b));
      int minTexts = a == null || b == null ? 0 : Math.min(t.texts(a), t.texts(b));
      String[] labels = byTexts ? new String[] {cls, cls + (minTexts >= 3 ? " >=3 texts" : " <3 texts")} : new String[] {cls};
      for (String label : labels) {
        int[] v = by.computeIfAbsent(label, k -> new int[2]);
        v[0]++;
        if (found) v[1]++;
      }
      if (!byTexts && !found && cls.equals("username") && a != null && b != null && System.getenv("SHOW_MISSED") != null) {
        System.out.println("    missed " + t.stem(a) + " / " + t.stem(b));
      }
    }
    return by;
  }

  public static void main(String[] args) throws IOException {
    Path out = Path.of(args[0]);
    double minPrecision = Double.parseDouble(args[1]);
    double l2 = Double.parseDouble(args[2]);
    List<double[]> x = new ArrayList<>();
    List<Integer> y = new ArrayList<>();
    List<Boolean> rule = new ArrayList<>();
    StringBuilder seeds = new StringBuilder();
    for (int k = 3; k < args.length; k++) {
      Path dir = Path.of(args[k]);
      seeds.append(seeds.length() > 0 ? ", " : "").append(dir.getFileName());
      EvidenceAccountLinker linker = LinkingOnGenerated.feed(dir);
      FeatureTable t = linker.features();
      LinkingPipeline.Candidates c = new LinkingPipeline(t, null).candidates();
      Map<AccountKey, String> person = new HashMap<>();
      for (Csv.Row r : Csv.read(dir.resolve("truth/accounts.csv"), "site", "account", "person")) {
        person.put(new AccountKey(r.get("site"), r.get("account")), r.get("person"));
      }
      long truePairs = Csv.read(dir.resolve("truth/links.csv"), "site_a").size();
      int pos = 0;
      for (int i = 0; i < c.pairs().length; i++) {
        String pa = person.get(t.key(PairKeys.first(c.pairs()[i])));
        String pb = person.get(t.key(PairKeys.second(c.pairs()[i])));
        int label = pa != null && pa.equals(pb) ? 1 : 0;
        pos += label;
        x.add(c.features()[i]);
        y.add(label);
        rule.add(c.ruleQualified()[i]);
      }
      System.out.printf("%s: %d candidate pairs, %d of %d true pairs are candidates%n", dir, c.pairs().length, pos, truePairs);
      coverage(t, c, dir);
    }
    int[] labels = y.stream().mapToInt(Integer::intValue).toArray();
    boolean[] already = new boolean[labels.length];
    for (int i = 0; i < already.length; i++) already[i] = rule.get(i);
    LogisticCombiner fit = LogisticCombiner.train(MODEL_VERSION, PairFeatures.NAMES, x, labels, l2, 0.5, PairFeatures.signs());
    double[] p = new double[labels.length];
    for (int i = 0; i < p.length; i++) p[i] = fit.probability(x.get(i));
    double threshold = LogisticCombiner.thresholdFor(p, labels, already, minPrecision);
    long tp = 0, fp = 0, fn = 0;
    for (int i = 0; i < p.length; i++) {
      boolean linked = already[i] || p[i] >= threshold;
      if (linked && labels[i] == 1) tp++;
      else if (linked) fp++;
      else if (labels[i] == 1) fn++;
    }
    System.out.printf("threshold %.4f for pairwise precision >= %.3f: tp %d fp %d fn(candidates) %d%n", threshold, minPrecision, tp, fp, fn);
    double thr = Math.min(threshold, 0.9999);
    LogisticCombiner model = fit.withThreshold(thr);
    String about = "Learned account-linking combiner " + MODEL_VERSION + ": L2-regularised logistic regression (l2=" + l2 + ") over PairFeatures, fitted by "
        + "LinkingTrain on the blocking candidate pairs of generated TUNING seeds (" + seeds + "); threshold = lowest probability keeping "
        + "pairwise candidate precision >= " + minPrecision + " together with the rule links. Links only cross-site pairs the rules leave out. "
        + "See docs/identity.md.";
    Files.writeString(out, model.toJson(about), StandardCharsets.UTF_8);
    System.out.println(model.toJson(about));
  }
}
