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
import org.webwatch.identity.internal.LinkingPipeline;
import org.webwatch.model.AccountKey;

/**
 * Diagnostic: would two-hop corroboration attach light accounts? Clusters = the truth's persons
 * restricted to their accounts joined by non-hard evidence (a stand-in for what identifiers and
 * names link); every other account C with >= 3 texts on a site the cluster lacks is scored by
 * the summed habit likelihood against the cluster's accounts. Prints, per threshold, how many
 * (cluster, C) pairs that are each other's best (C's best cluster; the cluster's best C of that
 * site) are true / false. Usage: TwoHopDiag DIR.
 */
public final class TwoHopDiag {
  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    EvidenceAccountLinker linker = LinkingOnGenerated.feed(dir);
    FeatureTable t = linker.features();
    LinkingPipeline.Candidates c = new LinkingPipeline(t, null).candidates();
    HabitLikelihood h = c.habits();
    Map<AccountKey, Integer> idx = new HashMap<>();
    for (int i = 0; i < t.size(); i++) idx.put(t.key(i), i);
    Map<AccountKey, String> person = new HashMap<>();
    for (Csv.Row r : Csv.read(dir.resolve("truth/accounts.csv"), "site", "account", "person")) person.put(new AccountKey(r.get("site"), r.get("account")), r.get("person"));
    // union-find over non-hard truth links
    int[] parent = new int[t.size()];
    for (int i = 0; i < parent.length; i++) parent[i] = i;
    for (Csv.Row r : Csv.read(dir.resolve("truth/links.csv"), "site_a", "account_a", "site_b", "account_b", "evidence")) {
      boolean hard = java.util.Arrays.stream(r.get("evidence").split("[;|]")).allMatch(e -> e.isEmpty() || e.equals("style") || e.equals("timing"));
      Integer a = idx.get(new AccountKey(r.get("site_a"), r.get("account_a")));
      Integer b = idx.get(new AccountKey(r.get("site_b"), r.get("account_b")));
      if (hard || a == null || b == null) continue;
      parent[find(parent, a)] = find(parent, b);
    }
    Map<Integer, List<Integer>> clusters = new HashMap<>();
    for (int i = 0; i < t.size(); i++) clusters.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(i);
    List<List<Integer>> multi = clusters.values().stream().filter(l -> l.size() >= 2).toList();
    List<double[]> rows = new ArrayList<>(); // cluster index, account, score, label, site
    for (int k = 0; k < multi.size(); k++) {
      List<Integer> cl = multi.get(k);
      java.util.Set<String> sites = new java.util.HashSet<>();
      for (int a : cl) sites.add(t.key(a).site());
      String p = person.get(t.key(cl.get(0)));
      for (int cc = 0; cc < t.size(); cc++) {
        if (t.texts(cc) < 3 || sites.contains(t.key(cc).site())) continue;
        double s = 0;
        for (int a : cl) s += h.features(a, cc)[HabitLikelihood.TOTAL];
        rows.add(new double[] {k, cc, s, p != null && p.equals(person.get(t.key(cc))) ? 1 : 0, t.key(cc).site().hashCode()});
      }
    }
    // reciprocal best: C's best cluster, and the cluster's best C on C's site
    Map<Integer, double[]> bestForC = new HashMap<>();
    Map<String, double[]> bestForClusterSite = new HashMap<>();
    for (double[] r : rows) {
      bestForC.merge((int) r[1], r, (x, y) -> x[2] >= y[2] ? x : y);
      bestForClusterSite.merge((int) r[0] + "/" + (int) r[4], r, (x, y) -> x[2] >= y[2] ? x : y);
    }
    int trueTotal = 0;
    for (double[] r : rows) trueTotal += (int) r[3];
    System.out.printf("clusters %d, (cluster, account) pairs %d, true %d%n", multi.size(), rows.size(), trueTotal);
    for (double th : new double[] {4, 6, 8, 10, 12, 14, 16, 20}) {
      int tp = 0;
      int fp = 0;
      for (double[] r : rows) {
        if (r[2] < th || bestForC.get((int) r[1]) != r || bestForClusterSite.get((int) r[0] + "/" + (int) r[4]) != r) continue;
        if (r[3] == 1) tp++;
        else fp++;
      }
      System.out.printf("  summed habit LLR >= %.0f, reciprocal best: %d true / %d false%n", th, tp, fp);
    }
  }

  private static int find(int[] p, int x) {
    while (p[x] != x) x = p[x] = p[p[x]];
    return x;
  }
}
