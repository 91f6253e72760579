package org.webwatch.bench;

import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.webwatch.identity.IdentityResult;
import org.webwatch.identity.internal.FeatureTable;
import org.webwatch.identity.internal.LinkingPipeline;
import org.webwatch.identity.internal.PairKeys;
import org.webwatch.identity.internal.PairScorer;
import org.webwatch.identity.internal.TimingSimilarity;
import org.webwatch.model.AccountKey;
import org.webwatch.model.PersonAssignment;

/**
 * Single-shot linking benchmark on synthetic features (no text parsing): N accounts on 20
 * sites, 30% of persons with 2–4 accounts, usernames with per-person variants, shared btc/pgp
 * values, 100 donation addresses each posted by 50 accounts, style vectors and hour-of-week
 * profiles for {@link #PROFILED_FRACTION} of accounts. Times the whole linking pipeline and, as
 * the baseline, all-pairs scoring extrapolated from a sample of random pairs.
 * Run: {@code java -Xmx8g -cp webwatch-bench/target/benchmarks.jar org.webwatch.bench.LinkingBench 1000000}.
 */
public final class LinkingBench {
  static final double PROFILED_FRACTION = 0.3;
  static final String[] SYLLABLES = {"ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "zo", "be", "da", "fe", "gu", "ho",
      "ji", "ku", "ly", "mo", "nu", "pa", "qi", "ra", "se", "ti", "ul", "wa", "xe", "yo", "za", "or", "an", "el"};

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    long t0 = System.nanoTime();
    Random r = new Random(42);
    FeatureTable.Builder b = new FeatureTable.Builder();
    int[] personOf = new int[n];
    int account = 0;
    int person = 0;
    while (account < n) {
      int accounts = r.nextDouble() < 0.3 ? 2 + r.nextInt(3) : 1;
      String base = name(r);
      int[] styleBase = r.ints(160, 1, 1 << 26).toArray();
      int from = r.nextInt(24);
      boolean shareBtc = accounts > 1 && r.nextDouble() < 0.5;
      String btc = "bc1q" + Long.toHexString(r.nextLong());
      boolean profiled = r.nextDouble() < PROFILED_FRACTION;
      for (int k = 0; k < accounts && account < n; k++, account++) {
        int site = (person * 7 + k * 3) % 20;
        String username = r.nextDouble() < 0.5 ? base + (k > 0 ? r.nextInt(100) : "") : name(r);
        int i = b.account(new AccountKey("s" + site, Integer.toString(account)), username);
        personOf[account] = person;
        if (shareBtc) b.value(i, "shared-btc", btc, "s" + site + "/post/" + account);
        if (r.nextDouble() < 0.02) b.value(i, "shared-btc", "bc1qdonation" + r.nextInt(100), null);
        if (profiled) {
          int[] ids = styleBase.clone();
          for (int f = 0; f < ids.length; f++) if (r.nextDouble() < 0.3) ids[f] = 1 + r.nextInt(1 << 26);
          int[] lsh = Arrays.copyOf(ids, 48);
          Arrays.sort(ids);
          float[] vals = new float[ids.length];
          for (int f = 0; f < vals.length; f++) vals[f] = (float) (1 / Math.sqrt(ids.length));
          b.style(i, ids, vals, 25, lsh);
          float[] how = new float[TimingSimilarity.BINS];
          for (int e = 0; e < 40; e++) how[r.nextInt(7) * 24 + (from + r.nextInt(5)) % 24]++;
          b.timing(i, how, 40);
        }
      }
      person++;
    }
    FeatureTable table = b.build();
    long t1 = System.nanoTime();
    var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    long cpu0 = os.getProcessCpuTime();
    // as EvidenceAccountLinker runs it: mutual-best and the bundled boosted weak-pair stage after the combiner
    LinkingPipeline pipeline = new LinkingPipeline(table).boostedWeak(org.webwatch.identity.internal.BoostedWeakStage.loadDefault());
    IdentityResult result = pipeline.run(Map.of());
    long t2 = System.nanoTime();
    long cpu1 = os.getProcessCpuTime();
    long linked = result.assignments().stream().map(PersonAssignment::person).distinct().count();
    System.out.printf("accounts=%d persons(truth)=%d persons(found)=%d%n", n, person, linked);
    System.out.printf("stats=%s; suggested links %d%n", pipeline.stats(), result.suggestions().size());
    // pairwise precision / recall against the synthetic truth
    Map<String, Map<Integer, Integer>> joint = new java.util.HashMap<>();
    Map<String, Integer> predicted = new java.util.HashMap<>();
    Map<Integer, Integer> truth = new java.util.HashMap<>();
    for (PersonAssignment a : result.assignments()) {
      int i = Integer.parseInt(a.account().account());
      String p = a.person();
      predicted.merge(p, 1, Integer::sum);
      truth.merge(personOf[i], 1, Integer::sum);
      joint.computeIfAbsent(p, x -> new java.util.HashMap<>()).merge(personOf[i], 1, Integer::sum);
    }
    long pp = predicted.values().stream().mapToLong(k -> (long) k * (k - 1) / 2).sum();
    long tp = truth.values().stream().mapToLong(k -> (long) k * (k - 1) / 2).sum();
    long cp = joint.values().stream().flatMap(m -> m.values().stream()).mapToLong(k -> (long) k * (k - 1) / 2).sum();
    System.out.printf("pairwise precision %.4f recall %.4f (%d predicted, %d true, %d correct pairs)%n",
        pp == 0 ? 1.0 : (double) cp / pp, (double) cp / tp, pp, tp, cp);
    System.out.printf("build features: %.1f s; link (candidates+score+cluster+explain): %.1f s wall, %.1f s CPU (all threads), %d cores, load %.1f%n",
        (t1 - t0) / 1e9, (t2 - t1) / 1e9, (cpu1 - cpu0) / 1e9, Runtime.getRuntime().availableProcessors(), os.getSystemLoadAverage());
    // baseline: all-pairs scoring, extrapolated from 2M random pairs
    int[] freq = new int[n];
    Arrays.fill(freq, 1);
    PairScorer scorer = new PairScorer(table, freq);
    int sample = 2_000_000;
    long s0 = System.nanoTime();
    double sink = 0;
    for (int i = 0; i < sample; i++) {
      int a = r.nextInt(n);
      int c = r.nextInt(n);
      if (a != c) sink += scorer.score(a, c).total();
    }
    double perPair = (System.nanoTime() - s0) / 1e9 / sample;
    double allPairs = perPair * ((double) n * (n - 1) / 2);
    System.out.printf("baseline all-pairs scoring: %.3f us/pair -> %.0f s (%.1f days) for %d pairs; ratio %.0fx (sink %d)%n",
        perPair * 1e6, allPairs, allPairs / 86400, (long) n * (n - 1) / 2, allPairs / ((t2 - t1) / 1e9), PairKeys.mix((long) sink) & 1);
    Runtime rt = Runtime.getRuntime();
    System.out.printf("heap used after run: %d MiB (max %d MiB)%n", (rt.totalMemory() - rt.freeMemory()) >> 20, rt.maxMemory() >> 20);
  }

  static String name(Random r) {
    StringBuilder s = new StringBuilder();
    int len = 3 + r.nextInt(3);
    for (int i = 0; i < len; i++) s.append(SYLLABLES[r.nextInt(SYLLABLES.length)]);
    return s.toString();
  }
}
