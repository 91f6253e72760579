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
    long hardTotal = 0;
    for (Csv.Row r : Csv.read(dir.resolve("truth/links.csv"), "site_a", "account_a", "site_b", "account_b", "evidence")) {
      truePairs++;
      boolean isHard = OracleClusters.hard(r.get("evidence"));
      if (isHard) hardTotal++;
      Integer a = index.get(r.get("site_a") + ":" + r.get("account_a"));
      Integer b = index.get(r.get("site_b") + ":" + r.get("account_b"));
      if (a != null && b != null) hardPair.put(key(a, b), isHard);
    }
    int[] slot = signOffSlots(dir, index, t.size());
    double slotCollide = collision(slot);
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
          hard.add(new double[] {nb, tm, hb, nbf[0], slotLlr(slot, slotCollide, a, b)});
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
        falseSlot[nFalse] = nb + hb + slotLlr(slot, slotCollide, a, b);
        falseScores[nFalse++] = nb + tm;
      }
    }
    System.out.printf("hard pairs' pipeline LLR quantiles 10/25/50/75/90 %%: habits %s, timing %s, hour-profile %s%n",
        Ceilings.quantiles(hard.stream().mapToDouble(v -> v[0]).sorted().toArray()), Ceilings.quantiles(hard.stream().mapToDouble(v -> v[1]).sorted().toArray()),
        Ceilings.quantiles(hard.stream().mapToDouble(v -> v[2]).sorted().toArray()));
    long granted = truePairs - hardTotal;
    Ceilings.report("habits + timing_llr", hard.stream().mapToDouble(v -> v[0] + v[1]).sorted().toArray(), Arrays.copyOf(falseScores, nFalse), granted, hardTotal, truePairs);
    Ceilings.report("habits + hour-profile", hard.stream().mapToDouble(v -> v[0] + v[2]).sorted().toArray(), Arrays.copyOf(falseBayes, nFalse), granted, hardTotal, truePairs);
    // the exclusive categories alone (ending, case, line breaks): is the heavy unrelated tail the token part?
    Ceilings.report("habits + hour-profile + sign-off slot", hard.stream().mapToDouble(v -> v[0] + v[2] + v[4]).sorted().toArray(), Arrays.copyOf(falseSlot, nFalse), granted, hardTotal, truePairs);
    Ceilings.report("categories + hour-profile", hard.stream().mapToDouble(v -> v[3] + v[2]).sorted().toArray(), Arrays.copyOf(falseNoTokens, nFalse), granted, hardTotal, truePairs);
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

  /** Collision probability Σ f² of the slot values over the accounts that show one. */
  private static double collision(int[] slot) {
    Map<Integer, Integer> c = new HashMap<>();
    int seen = 0;
    for (int v : slot) if (v != 0) { c.merge(v, 1, Integer::sum); seen++; }
    double collide = 0;
    for (int k : c.values()) collide += ((double) k / seen) * ((double) k / seen);
    return collide;
  }

  /** Only the disagreement: agreement is already a shared token of the habit likelihood. */
  private static double slotLlr(int[] slot, double collide, int a, int b) {
    if (slot[a] == 0 || slot[b] == 0 || slot[a] == slot[b]) return 0;
    return Math.log((1 - SLOT_KEEP) / (1 - collide));
  }

  private static long key(int a, int b) {
    return a < b ? ((long) a << 32) | b : ((long) b << 32) | a;
  }

}
