package org.webwatch.bench;

import java.io.PrintWriter;
import java.nio.file.Files;
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
import org.webwatch.identity.internal.PairFeatures;
import org.webwatch.identity.internal.PairKeys;
import org.webwatch.identity.internal.PairScorer;
import org.webwatch.model.AccountKey;

/** Diagnostic: every cross-site pair of accounts with at least MIN texts each, its pair features and truth label, as CSV. Usage: DIR MIN OUT.csv. */
public final class HeavyPairDump {
  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int min = Integer.parseInt(args[1]);
    EvidenceAccountLinker linker = LinkingOnGenerated.feed(dir);
    FeatureTable t = linker.features();
    int[] freq = new int[t.size()];
    java.util.Arrays.fill(freq, 1);
    PairScorer scorer = new PairScorer(t, freq);
    PairFeatures pf = new PairFeatures(t, scorer, freq);
    LinkingPipeline.Candidates c = new LinkingPipeline(t, null).candidates();
    HabitLikelihood h = c.habits();
    java.util.Set<Long> cand = new java.util.HashSet<>();
    for (long p : c.pairs()) cand.add(p);
    Map<AccountKey, String> person = new HashMap<>();
    for (Csv.Row r : Csv.read(dir.resolve("truth/accounts.csv"), "site", "account", "person")) person.put(new AccountKey(r.get("site"), r.get("account")), r.get("person"));
    List<Integer> heavy = new ArrayList<>();
    for (int i = 0; i < t.size(); i++) if (t.texts(i) >= min) heavy.add(i);
    try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(Path.of(args[2])))) {
      w.print("a,b,site_a,site_b,label,candidate,texts_a,texts_b,style_cos,timing_sim");
      for (String n : PairFeatures.NAMES) w.print("," + n);
      for (String n : HabitLikelihood.NAMES) w.print("," + n);
      w.println();
      for (int x = 0; x < heavy.size(); x++) {
        for (int y = x + 1; y < heavy.size(); y++) {
          int a = heavy.get(x);
          int b = heavy.get(y);
          if (t.key(a).site().equals(t.key(b).site())) continue;
          String pa = person.get(t.key(a));
          double[] raw = scorer.raw(a, b);
          StringBuilder sb = new StringBuilder();
          sb.append(t.key(a)).append(',').append(t.key(b)).append(',').append(t.key(a).site()).append(',').append(t.key(b).site()).append(',')
              .append(pa != null && pa.equals(person.get(t.key(b))) ? 1 : 0).append(',').append(cand.contains(PairKeys.of(a, b)) ? 1 : 0)
              .append(',').append(t.texts(a)).append(',').append(t.texts(b)).append(',').append(raw[0]).append(',').append(raw[1]);
          for (double v : pf.of(a, b)) sb.append(',').append((float) v);
          for (double v : h.features(a, b)) sb.append(',').append((float) v);
          w.println(sb);
        }
      }
    }
  }
}
