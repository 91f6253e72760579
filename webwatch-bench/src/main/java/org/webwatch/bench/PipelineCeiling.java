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
    HabitLikelihood h = new LinkingPipeline(t, null).candidates().habits();
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
    System.out.println(h);
    List<Integer> withText = new ArrayList<>();
    for (int i = 0; i < t.size(); i++) if (t.texts(i) > 0) withText.add(i);
    List<double[]> hard = new ArrayList<>();
    Rows unrelated = new Rows();
    int[][] shown = new int[7][2]; // per component (ending, case, line breaks, offset, sign-off, opener, variants): hard pairs where both show it, agreeing / not
    for (int x = 0; x < withText.size(); x++) {
      int a = withText.get(x);
      for (int y = x + 1; y < withText.size(); y++) {
        int b = withText.get(y);
        if (t.key(a).site().equals(t.key(b).site())) continue;
        Boolean isHard = hardPair.get(key(a, b));
        if (isHard != null && !isHard) continue;
        double[] nbf = h.features(a, b);
        // {categories, offset, tokens, timing_llr, hour-profile, slots}
        double[] sk = h.slotLlrByKind(a, b);
        double[] v = {nbf[0], nbf[1], nbf[2], pf.of(a, b)[timing], nbf[4], nbf[3], sk[0], sk[1], sk[2]};
        if (isHard != null) {
          int[] sa = h.signature(a);
          int[] sb = h.signature(b);
          for (int k = 0; k < 4; k++) if (sa[k] >= 0 && sb[k] >= 0) shown[k][HabitLikelihood.sameValue(k, sa[k], sb[k]) ? 0 : 1]++;
          int[] xa = h.slotValues(a);
          int[] xb = h.slotValues(b);
          for (int k = 0; k < Math.min(xa.length, xb.length); k++) {
            if (xa[k] >= 0 && xb[k] >= 0) shown[4 + Math.min(k, 2)][xa[k] == xb[k] ? 0 : 1]++;
          }
        }
        if (isHard != null) hard.add(v);
        else unrelated.add(v);
      }
    }
    System.out.printf("hard pairs' pipeline LLR quantiles 10/25/50/75/90 %%: habits %s, timing %s, hour-profile %s, slots %s%n",
        q(hard, v -> v[0] + v[1] + v[2]), q(hard, v -> v[3]), q(hard, v -> v[4]), q(hard, v -> v[5]));
    System.out.printf("hard pairs showing ending/case/breaks/offset/sign-off/opener/variant-slots (agree:disagree): %s%n",
        Arrays.stream(shown).map(x -> x[0] + ":" + x[1]).collect(java.util.stream.Collectors.joining(" ")));
    System.out.printf("unrelated pairs: %d; slots quantiles %s%n", unrelated.size(), Ceilings.quantiles(sorted(unrelated.map(v -> v[5]))));
    long granted = truePairs - hardTotal;
    report("habits + timing_llr", hard, unrelated, v -> v[0] + v[1] + v[2] + v[3], granted, hardTotal, truePairs);
    report("habits + hour-profile", hard, unrelated, v -> v[0] + v[1] + v[2] + v[4], granted, hardTotal, truePairs);
    report("habits + hour-profile + slots", hard, unrelated, v -> v[0] + v[1] + v[2] + v[4] + v[5], granted, hardTotal, truePairs);
    // without the token bag: is the heavy unrelated tail the token part?
    report("categories + slots + hour-profile", hard, unrelated, v -> v[0] + v[1] + v[4] + v[5], granted, hardTotal, truePairs);
    report("categories + hour-profile", hard, unrelated, v -> v[0] + v[1] + v[4], granted, hardTotal, truePairs);
    // which components carry the pairs above the categories + slots + hour-profile threshold
    String[] part = {"categories", "offset", "tokens", "timing", "hour", "slots", "sign-off", "opener", "variants"};
    for (double thr : new double[] {8, 10}) {
      double[] sumU = new double[Rows.WIDTH];
      int[] negU = new int[Rows.WIDTH];
      int[] nU = {0};
      unrelated.forEach(v -> {
        if (v[0] + v[1] + v[4] + v[5] < thr) return;
        nU[0]++;
        for (int k = 0; k < Rows.WIDTH; k++) {
          sumU[k] += v[k];
          if (v[k] < 0) negU[k]++;
        }
      });
      double[] sumH = new double[Rows.WIDTH];
      int nH = 0;
      for (double[] v : hard) {
        if (v[0] + v[1] + v[4] + v[5] < thr) continue;
        nH++;
        for (int k = 0; k < Rows.WIDTH; k++) sumH[k] += v[k];
      }
      StringBuilder sb = new StringBuilder();
      for (int k = 0; k < Rows.WIDTH; k++) {
        sb.append(String.format(java.util.Locale.ROOT, " %s %.2f/%.2f (neg %d)", part[k], sumH[k] / Math.max(1, nH), sumU[k] / Math.max(1, nU[0]), negU[k]));
      }
      System.out.printf("at categories + slots + hour >= %.0f: %d hard, %d unrelated; mean hard/unrelated:%s%n", thr, nH, nU[0], sb);
    }
  }

  private static String q(List<double[]> rows, java.util.function.ToDoubleFunction<double[]> f) {
    return Ceilings.quantiles(rows.stream().mapToDouble(f).sorted().toArray());
  }

  private static void report(String what, List<double[]> hard, Rows unrelated, java.util.function.ToDoubleFunction<double[]> f,
      long granted, long hardTotal, long truePairs) {
    Ceilings.report(what, hard.stream().mapToDouble(f).sorted().toArray(), unrelated.map(f), granted, hardTotal, truePairs);
  }

  private static double[] sorted(double[] v) {
    Arrays.sort(v);
    return v;
  }

  /** Rows of {@link #WIDTH} floats in one growing array: millions of unrelated pairs without an object each. */
  private static final class Rows {
    static final int WIDTH = 9;
    private float[] data = new float[WIDTH << 16];
    private int n;

    void add(double[] v) {
      if ((n + 1) * WIDTH > data.length) data = Arrays.copyOf(data, data.length * 2);
      for (int k = 0; k < WIDTH; k++) data[n * WIDTH + k] = (float) v[k];
      n++;
    }

    int size() {
      return n;
    }

    void forEach(java.util.function.Consumer<double[]> f) {
      double[] row = new double[WIDTH];
      for (int i = 0; i < n; i++) {
        for (int k = 0; k < WIDTH; k++) row[k] = data[i * WIDTH + k];
        f.accept(row);
      }
    }

    double[] map(java.util.function.ToDoubleFunction<double[]> f) {
      double[] out = new double[n];
      double[] row = new double[WIDTH];
      for (int i = 0; i < n; i++) {
        for (int k = 0; k < WIDTH; k++) row[k] = data[i * WIDTH + k];
        out[i] = f.applyAsDouble(row);
      }
      return out;
    }
  }

  private static long key(int a, int b) {
    return a < b ? ((long) a << 32) | b : ((long) b << 32) | a;
  }

}
