package org.webwatch.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.webwatch.identity.EvidenceAccountLinker;
import org.webwatch.identity.internal.Csv;
import org.webwatch.identity.internal.FeatureTable;
import org.webwatch.identity.internal.HabitLikelihood;
import org.webwatch.identity.internal.LinkingPipeline;
import org.webwatch.identity.internal.PairFeatures;
import org.webwatch.identity.internal.PairScorer;

/**
 * Diagnostic, the pipeline's side of {@link StyleOracle}: the same pair-level question — how many hard pairs (style
 * and timing only) could be linked at precision 0.95 with every other true pair granted, by the best threshold
 * chosen with the truth — asked of the pipeline's own style and timing evidence ({@code nb_total_llr} of
 * {@link HabitLikelihood} plus {@code timing_llr} of {@link PairFeatures}) over every cross-site pair of accounts
 * with texts. The distance to the oracle's answer is what the features lose, before any decision rule. Usage: DIR.
 */
public final class PipelineCeiling {
  private static final double TARGET_PRECISION = 0.95;

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    EvidenceAccountLinker linker = LinkingOnGenerated.feed(dir);
    FeatureTable t = linker.features();
    int[] freq = new int[t.size()];
    Arrays.fill(freq, 1);
    PairScorer scorer = new PairScorer(t, freq);
    PairFeatures pf = new PairFeatures(t, scorer, freq);
    int timing = PairFeatures.NAMES.indexOf("timing_llr");
    HabitLikelihood h = LinkingOnGenerated.habitLikelihood(t, new LinkingPipeline(t, null).candidates());
    org.webwatch.identity.internal.HourProfileLikelihood hp = org.webwatch.identity.internal.HourProfileLikelihood.fit(t);
    System.out.printf("hour-profile prior: %d profiles%n", hp.profiles());
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < t.size(); i++) index.put(t.key(i).site() + ":" + t.key(i).account(), i);
    Map<Long, Boolean> hardPair = new HashMap<>();
    long truePairs = 0;
    for (Csv.Row r : Csv.read(dir.resolve("truth/links.csv"), "site_a", "account_a", "site_b", "account_b", "evidence")) {
      truePairs++;
      Integer a = index.get(r.get("site_a") + ":" + r.get("account_a"));
      Integer b = index.get(r.get("site_b") + ":" + r.get("account_b"));
      if (a != null && b != null) hardPair.put(key(a, b), OracleClusters.hard(r.get("evidence")));
    }
    long hardTotal = 0;
    for (Csv.Row r : Csv.read(dir.resolve("truth/links.csv"), "evidence")) if (OracleClusters.hard(r.get("evidence"))) hardTotal++;
    int[] slot = signOffSlots(dir, index, t.size());
    double[] slotShare = shares(slot);
    List<Integer> withText = new ArrayList<>();
    for (int i = 0; i < t.size(); i++) if (t.texts(i) > 0) withText.add(i);
    List<double[]> hard = new ArrayList<>();
    double[] falseScores = new double[1 << 16];
    double[] falseBayes = new double[1 << 16];
    double[] falseNoTokens = new double[1 << 16];
    double[] falseSlot = new double[1 << 16];
    int nFalse = 0;
    for (int x = 0; x < withText.size(); x++) {
      int a = withText.get(x);
      for (int y = x + 1; y < withText.size(); y++) {
        int b = withText.get(y);
        if (t.key(a).site().equals(t.key(b).site())) continue;
        Boolean isHard = hardPair.get(key(a, b));
        if (isHard != null && !isHard) continue;
        double[] nbf = h.features(a, b);
        double nb = nbf[3];
        double tm = pf.of(a, b)[timing];
        double hb = hp.llr(a, b);
        if (isHard != null) {
          hard.add(new double[] {nb, tm, hb, nbf[0], slotLlr(slot, slotShare[0], a, b)});
          continue;
        }
        if (nFalse == falseScores.length) {
          falseScores = Arrays.copyOf(falseScores, nFalse * 2);
          falseBayes = Arrays.copyOf(falseBayes, nFalse * 2);
          falseNoTokens = Arrays.copyOf(falseNoTokens, nFalse * 2);
          falseSlot = Arrays.copyOf(falseSlot, nFalse * 2);
        }
        falseBayes[nFalse] = nb + hb;
        falseNoTokens[nFalse] = nbf[0] + hb;
        falseSlot[nFalse] = nb + hb + slotLlr(slot, slotShare[0], a, b);
        falseScores[nFalse++] = nb + tm;
      }
    }
    System.out.printf("hard pairs' pipeline LLR quantiles 10/25/50/75/90 %%: habits %s, timing %s, hour-profile %s%n",
        q(hard.stream().mapToDouble(v -> v[0]).sorted().toArray()), q(hard.stream().mapToDouble(v -> v[1]).sorted().toArray()),
        q(hard.stream().mapToDouble(v -> v[2]).sorted().toArray()));
    long granted = truePairs - hardTotal;
    ceiling("habits + timing_llr", hard.stream().mapToDouble(v -> v[0] + v[1]).sorted().toArray(), Arrays.copyOf(falseScores, nFalse), granted, hardTotal, truePairs);
    ceiling("habits + hour-profile", hard.stream().mapToDouble(v -> v[0] + v[2]).sorted().toArray(), Arrays.copyOf(falseBayes, nFalse), granted, hardTotal, truePairs);
    // the exclusive categories alone (ending, case, line breaks): is the heavy unrelated tail the token part?
    ceiling("habits + hour-profile + sign-off slot", hard.stream().mapToDouble(v -> v[0] + v[2] + v[4]).sorted().toArray(), Arrays.copyOf(falseSlot, nFalse), granted, hardTotal, truePairs);
    ceiling("categories + hour-profile", hard.stream().mapToDouble(v -> v[3] + v[2]).sorted().toArray(), Arrays.copyOf(falseNoTokens, nFalse), granted, hardTotal, truePairs);
  }

  /**
   * Walks the threshold down over the sorted hard-pair scores {@code s} (unrelated pairs' scores {@code f}): links =
   * the {@code granted} pairs plus the hard pairs above it, false links = the unrelated above it; prints the most hard
   * pairs any threshold links at precision ≥ 0.95, and the counts at a few thresholds.
   */
  static void ceiling(String what, double[] s, double[] f, long granted, long hardTotal, long truePairs) {
    Arrays.sort(f);
    for (double thr : new double[] {6, 8, 10, 12, 14}) {
      System.out.printf("  %s >= %4.1f: hard true %d, unrelated %d%n", what, thr, s.length - lowerBound(s, thr), f.length - lowerBound(f, thr));
    }
    int best = 0;
    double bestThr = Double.NaN;
    for (int k = s.length - 1; k >= 0; k--) {
      int tp = s.length - lowerBound(s, s[k]);
      int fp = f.length - lowerBound(f, s[k]);
      if ((double) (granted + tp) / (granted + tp + fp) >= TARGET_PRECISION && tp > best) {
        best = tp;
        bestThr = s[k];
      }
    }
    System.out.printf("%s, best threshold at precision >= %.2f, every non-hard pair granted: hard pairs %d of %d (%.3f) at LLR >= %.2f -> total recall at most %.3f%n",
        what, TARGET_PRECISION, best, hardTotal, (double) best / hardTotal, bestThr, (double) (granted + best) / truePairs);
  }

  /** P(same sign-off | same person) assumed for the slot experiment (not fitted). */
  private static final double SLOT_KEEP = 0.9;

  /**
   * Experiment: each account's sign-off as an exclusive slot — the signature's sign-off, else a closing line shown in
   * two or more texts ({@link org.webwatch.identity.internal.HabitProfiler#signOffMarker} on each last line); 0 unseen.
   */
  private static int[] signOffSlots(Path dir, Map<String, Integer> index, int n) throws java.io.IOException {
    int[] slot = new int[n];
    String[] username = new String[n];
    List<Map<Integer, Integer>> tails = new ArrayList<>();
    for (int i = 0; i < n; i++) tails.add(new HashMap<>());
    LinkingOnGenerated.lines(dir.resolve("capture/accounts.jsonl"), a -> {
      Integer i = index.get(a.path("site").asText() + ":" + a.path("id").asText());
      if (i == null) return;
      username[i] = a.path("username").asText(null);
      slot[i] = org.webwatch.identity.internal.HabitProfiler.signOffMarker(a.path("signature").asText(null), username[i]);
    });
    for (String f : new String[] {"capture/posts.jsonl", "capture/messages.jsonl"}) {
      LinkingOnGenerated.lines(dir.resolve(f), p -> {
        Integer i = index.get(p.path("site").asText() + ":" + p.path("author").asText());
        if (i == null || !p.hasNonNull("text")) return;
        String[] lines = p.get("text").asText().strip().split("\\n");
        if (lines.length < 2) return;
        int m = org.webwatch.identity.internal.HabitProfiler.signOffMarker(lines[lines.length - 1], username[i]);
        if (m != 0) tails.get(i).merge(m, 1, Integer::sum);
      });
    }
    for (int i = 0; i < n; i++) {
      if (slot[i] != 0) continue;
      for (Map.Entry<Integer, Integer> e : tails.get(i).entrySet()) if (e.getValue() >= 2) slot[i] = e.getKey();
    }
    return slot;
  }

  /** Collision probability Σ f² of the slot values over accounts that show one, in [0]; unused otherwise. */
  private static double[] shares(int[] slot) {
    Map<Integer, Integer> c = new HashMap<>();
    int seen = 0;
    for (int v : slot) if (v != 0) { c.merge(v, 1, Integer::sum); seen++; }
    double collide = 0;
    for (int k : c.values()) collide += ((double) k / seen) * ((double) k / seen);
    return new double[] {collide};
  }

  /** Only the disagreement: agreement is already a shared token of the habit likelihood. */
  private static double slotLlr(int[] slot, double collide, int a, int b) {
    if (slot[a] == 0 || slot[b] == 0 || slot[a] == slot[b]) return 0;
    return Math.log((1 - SLOT_KEEP) / (1 - collide));
  }

  private static String fmt(double x) {
    return x == Double.NEGATIVE_INFINITY ? "-inf" : String.format("%.1f", x);
  }

  private static long key(int a, int b) {
    return a < b ? ((long) a << 32) | b : ((long) b << 32) | a;
  }

  static int lowerBound(double[] sorted, double x) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The 10/25/50/75/90 % quantiles of sorted {@code v}. */
  static String q(double[] v) {
    if (v.length == 0) return "-";
    StringBuilder sb = new StringBuilder();
    for (double p : new double[] {0.1, 0.25, 0.5, 0.75, 0.9}) sb.append(sb.length() == 0 ? "" : "/").append(fmt(v[(int) Math.min(v.length - 1, Math.floor(p * v.length))]));
    return sb.toString();
  }
}
