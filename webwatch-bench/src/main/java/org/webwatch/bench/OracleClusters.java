package org.webwatch.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleBiFunction;
import org.webwatch.identity.internal.Csv;

/**
 * The cluster-level half of {@link StyleOracle}: an ideal linker first joins every account pair the truth links by
 * other evidence (identifiers, names, shared media), so a hard account is weighed against all that its partner's
 * cluster has written; joining two clusters links every cross pair at once. Cost O(C²) for C clusters.
 */
final class OracleClusters {
  private OracleClusters() {}

  static boolean hard(String evidence) {
    return Arrays.stream(evidence.split("[;|]")).allMatch(e -> e.isEmpty() || e.equals("style") || e.equals("timing"));
  }

  /** Accounts joined by the truth's non-hard links, each cluster folded into one {@link StyleOracle.Seen}. */
  static List<StyleOracle.Seen> merge(Path dir, List<StyleOracle.Seen> seen) {
    Map<String, StyleOracle.Seen> byKey = new HashMap<>();
    for (StyleOracle.Seen s : seen) byKey.put(s.key, s);
    Map<String, String> parent = new HashMap<>();
    for (Csv.Row r : Csv.read(dir.resolve("truth/links.csv"), "site_a", "account_a", "site_b", "account_b", "evidence")) {
      if (hard(r.get("evidence"))) continue;
      String a = find(parent, r.get("site_a") + ":" + r.get("account_a"));
      String b = find(parent, r.get("site_b") + ":" + r.get("account_b"));
      if (!a.equals(b)) parent.put(a, b);
    }
    Map<String, StyleOracle.Seen> root = new HashMap<>();
    List<StyleOracle.Seen> out = new ArrayList<>();
    for (StyleOracle.Seen s : seen) {
      StyleOracle.Seen c = root.get(find(parent, s.key));
      if (c == null) {
        root.put(find(parent, s.key), s);
        out.add(s);
      } else {
        c.absorb(s);
      }
    }
    return out;
  }

  private static String find(Map<String, String> parent, String k) {
    String p = parent.get(k);
    if (p == null) return k;
    String r = find(parent, p);
    parent.put(k, r);
    return r;
  }

  /** Ranks every pair of clusters on disjoint sites by {@code llr} and reports the hard recall at precision 0.95. */
  static void evaluate(Path dir, List<StyleOracle.Seen> clusters, ToDoubleBiFunction<StyleOracle.Seen, StyleOracle.Seen> llr) {
    Map<String, Integer> clusterOf = new HashMap<>();
    for (int i = 0; i < clusters.size(); i++) for (String k : clusters.get(i).keys) clusterOf.put(k, i);
    long truePairs = 0;
    long granted = 0;
    long hardTotal = 0;
    for (Csv.Row r : Csv.read(dir.resolve("truth/links.csv"), "site_a", "account_a", "site_b", "account_b", "evidence")) {
      truePairs++;
      Integer a = clusterOf.get(r.get("site_a") + ":" + r.get("account_a"));
      Integer b = clusterOf.get(r.get("site_b") + ":" + r.get("account_b"));
      if (a != null && a.equals(b)) granted++;
      else hardTotal++;
    }
    List<double[]> scored = new ArrayList<>(); // {llr, true pairs joined, false pairs joined}
    for (int i = 0; i < clusters.size(); i++) {
      StyleOracle.Seen x = clusters.get(i);
      for (int j = i + 1; j < clusters.size(); j++) {
        StyleOracle.Seen y = clusters.get(j);
        if (!Collections.disjoint(x.sites, y.sites)) continue;
        double v = llr.applyAsDouble(x, y);
        if (v == Double.NEGATIVE_INFINITY) continue;
        boolean same = x.person == y.person;
        long pairs = (long) x.keys.size() * y.keys.size();
        scored.add(new double[] {v, same ? pairs : 0, same ? 0 : pairs});
      }
    }
    scored.sort((p, q) -> Double.compare(q[0], p[0]));
    long tp = 0;
    long fp = 0;
    long best = 0;
    double bestThr = Double.NaN;
    for (double[] s : scored) {
      tp += (long) s[1];
      fp += (long) s[2];
      if ((double) (granted + tp) / (granted + tp + fp) >= Ceilings.TARGET_PRECISION && tp > best) {
        best = tp;
        bestThr = s[0];
      }
    }
    System.out.printf("cluster level: %d clusters; true pairs %d, joined by other evidence %d, left %d; at precision >= %.2f the oracle joins %d (%.3f of those left) at LLR >= %.2f -> total recall at most %.3f%n",
        clusters.size(), truePairs, granted, hardTotal, Ceilings.TARGET_PRECISION, best, (double) best / hardTotal, bestThr,
        (double) (granted + best) / truePairs);
  }
}
