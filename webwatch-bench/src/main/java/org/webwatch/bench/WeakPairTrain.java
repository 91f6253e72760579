package org.webwatch.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.webwatch.identity.EvidenceAccountLinker;
import org.webwatch.identity.internal.BoostedTrees;
import org.webwatch.identity.internal.BoostedTreesTrainer;
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

/**
 * Trains and measures the boosted weak-pair model ({@link BoostedTrees}) on generated TUNING
 * populations, leave-one-population-out. Examples are the pairs the mutual-best stage may
 * accept (cross-site, not linked by rules or the shipped combiner, no identifier LLR,
 * both accounts ≥ 3 texts); features are the 25 {@link PairFeatures}, the combiner's log-odds
 * z, the smaller and larger per-side gap of z over the best OTHER candidate of that side on
 * the other's site (or over {@link MutualBestMatcher#DEFAULT_UNSEEN} when blocking proposed
 * none; clamped to ±{@link WeakPairFeatures#GAP_CLAMP}; negative when the pair is not that side's best), and
 * the smaller and larger text count. The threshold is chosen on the training populations only,
 * from cross-fitted scores (each training population scored by a model fitted on the others),
 * for candidate-level precision {@code MIN_PRECISION}. Counts are candidate pairs before
 * clustering, against the mutual-best rule (z ≥ 0, both gaps ≥ 6) on the same pairs. Usage:
 * {@code java -Xmx3g -cp benchmarks.jar org.webwatch.bench.WeakPairTrain MIN_PRECISION [--habit | --person-habit | --person-habit-ranked] [--per-seed] [--single-level] [--save OUT.json] [--save-folds PREFIX] DIR...}
 * ({@code --save}: one model on all populations, threshold from the leave-one-population-out scores)
 * (never run it on held-out populations).
 */
public final class WeakPairTrain {
  static final String VERSION_PLAIN = "1.0.0";
  /** Version of models that read the habit-signature likelihood of accounts ({@code --habit}). */
  static final String VERSION_HABIT = "3.0.0";
  /** Version of models that read it of provisional persons ({@code --person-habit}; shipped, trained on seeds 11–19; docs/identity.md). */
  static final String VERSION_PERSON_HABIT = "5.0.0";
  /**
   * Version of models whose gaps are taken against rivals ranked with the habits ({@code --person-habit-ranked}).
   * 5.2.0: the rows include pairs sharing NEW media without an identifier, as the stages now serve them (measured in
   * session 11, not shipped; the shipped 5.1.0 is the same without them, and since then no flag rebuilds an earlier
   * model byte for byte).
   */
  static final String VERSION_PERSON_HABIT_RANKED = "5.2.0";
  static String VERSION = VERSION_PLAIN;
  static List<String> NAMES = WeakPairFeatures.NAMES;

  /** The stage-eligible pairs of one population. */
  record Population(String name, List<double[]> x, int[] y, boolean[] username, List<String> label) {}

  public static void main(String[] args) throws IOException {
    double minPrecision = Double.parseDouble(args[0]);
    Path save = null;
    boolean perSeed = false; // threshold: precision on EACH population's leave-one-out scores, not pooled
    String folds = null; // PREFIX: each fold's model (cross-fitted threshold) as PREFIX-<test population>.json
    // only the leave-one-population-out scores the --save threshold needs: P + 1 trainings instead of P² + 1, for large
    // tuning populations; no per-fold cross-fitted threshold, so no per-fold counts
    boolean singleLevel = false;
    List<Population> pops = new ArrayList<>();
    for (int k = 1; k < args.length; k++) {
      if (args[k].equals("--save")) save = Path.of(args[++k]);
      else if (args[k].equals("--habit")) {
        VERSION = VERSION_HABIT;
        NAMES = WeakPairFeatures.NAMES_HABIT;
      } else if (args[k].equals("--person-habit")) {
        VERSION = VERSION_PERSON_HABIT;
        NAMES = WeakPairFeatures.NAMES_PERSON_HABIT;
      } else if (args[k].equals("--person-habit-ranked")) {
        VERSION = VERSION_PERSON_HABIT_RANKED;
        NAMES = WeakPairFeatures.NAMES_PERSON_HABIT_RANKED;
      } else if (args[k].equals("--per-seed")) perSeed = true;
      else if (args[k].equals("--save-folds")) folds = args[++k];
      else if (args[k].equals("--single-level")) singleLevel = true;
      else pops.add(load(Path.of(args[k])));
    }
    BoostedTreesTrainer trainer = new BoostedTreesTrainer(BoostedTreesTrainer.Params.defaults());
    int[] model = new int[4];
    int[] rule = new int[4];
    int[] inSampleTotal = new int[4];
    int[] guarded = new int[4];
    List<Double> looScore = new ArrayList<>();
    List<Integer> looLabel = new ArrayList<>();
    List<Double> seedThresholds = new ArrayList<>();
    for (int test = 0; test < pops.size(); test++) {
      List<Population> train = new ArrayList<>(pops);
      Population held = train.remove(test);
      if (singleLevel) {
        BoostedTrees m = trainer.train(VERSION, NAMES, rows(train), labels(train), 0);
        double[] heldScore = new double[held.y().length];
        for (int i = 0; i < heldScore.length; i++) {
          heldScore[i] = m.probability(held.x().get(i));
          looScore.add(heldScore[i]);
          looLabel.add(held.y()[i]);
        }
        seedThresholds.add(LogisticCombiner.thresholdFor(heldScore, held.y(), new boolean[heldScore.length], minPrecision));
        System.out.printf(Locale.ROOT, "test %s: scored by the model of the other populations%n", held.name());
        continue;
      }
      // threshold from cross-fitted scores on the training populations only
      List<Double> oof = new ArrayList<>();
      List<Integer> oofY = new ArrayList<>();
      for (int v = 0; v < train.size(); v++) {
        List<Population> rest = new ArrayList<>(train);
        Population val = rest.remove(v);
        BoostedTrees m = trainer.train(VERSION, NAMES, rows(rest), labels(rest), 0);
        for (int i = 0; i < val.y().length; i++) {
          oof.add(m.probability(val.x().get(i)));
          oofY.add(val.y()[i]);
        }
      }
      double p = LogisticCombiner.thresholdFor(oof.stream().mapToDouble(Double::doubleValue).toArray(),
          oofY.stream().mapToInt(Integer::intValue).toArray(), new boolean[oof.size()], minPrecision);
      double threshold = p >= 1 ? Double.POSITIVE_INFINITY : Math.log(p / (1 - p));
      BoostedTrees m = trainer.train(VERSION, NAMES, rows(train), labels(train), threshold);
      if (folds != null) {
        Files.writeString(Path.of(folds + "-" + held.name() + ".json"), m.toJson("Boosted weak-pair model " + VERSION + ", fold without "
            + held.name() + " (WeakPairTrain, cross-fitted threshold for precision " + minPrecision + "); for measuring on " + held.name() + " only."),
            StandardCharsets.UTF_8);
      }
      // every population scored by the fold model that never saw it: the threshold of the --save model
      double[] heldScore = new double[held.y().length];
      for (int i = 0; i < held.y().length; i++) {
        heldScore[i] = m.probability(held.x().get(i));
        looScore.add(heldScore[i]);
        looLabel.add(held.y()[i]);
      }
      seedThresholds.add(LogisticCombiner.thresholdFor(heldScore, held.y(), new boolean[heldScore.length], minPrecision));
      int[] mc = count(held, m, false);
      int[] rc = count(held, null, false);
      // with the rule's structural guard: only the reciprocal best by combiner log-odds (min_gap > 0), one partner per site
      int[] gc = count(held, m, true);
      for (int k = 0; k < 4; k++) guarded[k] += gc[k];
      // the lost prototype's choice, for comparison: threshold on the final model's own training scores (optimistic)
      List<double[]> tx = rows(train);
      double[] tp = new double[tx.size()];
      for (int i = 0; i < tp.length; i++) tp[i] = m.probability(tx.get(i));
      double ps = LogisticCombiner.thresholdFor(tp, labels(train), new boolean[tp.length], minPrecision);
      BoostedTrees inSample = m.withThreshold(ps >= 1 ? Double.POSITIVE_INFINITY : Math.log(ps / (1 - ps)));
      int[] ic = count(held, inSample, false);
      System.out.printf(Locale.ROOT, "test %s: in-sample threshold log-odds %.3f adds %d correct (%d username, %d hard) / %d false%n",
          held.name(), inSample.threshold(), ic[0], ic[1], ic[2], ic[3]);
      for (int k = 0; k < 4; k++) inSampleTotal[k] += ic[k];
      System.out.printf(Locale.ROOT, "test %s: threshold log-odds %.3f; model adds %d correct (%d username, %d hard) / %d false; "
          + "mutual-best rule %d correct (%d username, %d hard) / %d false%n", held.name(), threshold, mc[0], mc[1], mc[2], mc[3],
          rc[0], rc[1], rc[2], rc[3]);
      for (int k = 0; k < 4; k++) {
        model[k] += mc[k];
        rule[k] += rc[k];
      }
      showFalse(held, m);
    }
    if (!singleLevel) printPooled(model, rule, guarded, inSampleTotal);
    System.out.println("leave-one-population-out ranking (no threshold): " + atFalse(looScore, looLabel, 2, 5, 10, 20));
    if (save != null) {
      String seeds = String.join(", ", pops.stream().map(Population::name).toList());
      double p = LogisticCombiner.thresholdFor(looScore.stream().mapToDouble(Double::doubleValue).toArray(),
          looLabel.stream().mapToInt(Integer::intValue).toArray(), new boolean[looScore.size()], minPrecision);
      System.out.printf(Locale.ROOT, "per-population leave-one-out thresholds (probability) %s; pooled %.5f%n", seedThresholds, p);
      if (perSeed) p = Math.max(p, seedThresholds.stream().mapToDouble(Double::doubleValue).max().orElse(p));
      double threshold = p >= 1 ? Double.POSITIVE_INFINITY : Math.log(p / (1 - p));
      BoostedTrees all = trainer.train(VERSION, NAMES, rows(pops), labels(pops), threshold);
      System.out.printf(Locale.ROOT, "saved model: threshold log-odds %.3f (leave-one-population-out scores, precision >= %s)%n", threshold, minPrecision);
      Files.writeString(save, all.toJson("Boosted weak-pair model " + VERSION + " (ranks by linking model 2.2.0's log-odds" + (NAMES.equals(WeakPairFeatures.NAMES_HABIT)
          ? "; reads the habit-signature likelihood" : NAMES.equals(WeakPairFeatures.NAMES_PERSON_HABIT)
          ? "; reads the habit-signature likelihood of provisional persons" : NAMES.equals(WeakPairFeatures.NAMES_PERSON_HABIT_RANKED)
          ? "; reads the habit-signature likelihood of provisional persons, gaps against rivals ranked with it" : "") + "): WeakPairTrain on the mutual-best-eligible "
          + "pairs of TUNING populations " + seeds + "; threshold = lowest log-odds keeping precision >= " + minPrecision + " on the "
          + (perSeed ? "leave-one-population-out scores of EACH population" : "leave-one-population-out scores") + ". See docs/identity.md."), StandardCharsets.UTF_8);
    }
  }

  /** Correct links above the score of the k-th false one, for each k: a threshold-free comparison of two feature sets. */
  private static String atFalse(List<Double> score, List<Integer> label, int... ks) {
    Integer[] order = new Integer[score.size()];
    for (int i = 0; i < order.length; i++) order[i] = i;
    java.util.Arrays.sort(order, (a, b) -> Double.compare(score.get(b), score.get(a)));
    StringBuilder out = new StringBuilder();
    int correct = 0;
    int wrong = 0;
    int next = 0;
    for (int i = 0; i < order.length && next < ks.length; i++) {
      if (label.get(order[i]) == 1) correct++;
      else if (++wrong == ks[next]) out.append(String.format(Locale.ROOT, "%d correct before false #%d; ", correct, ks[next++]));
    }
    return out.toString();
  }

  /**
   * {correct, correct with username LLR, correct without, false} of the model (or, without one, of the mutual-best
   * rule); {@code reciprocal} also requires the pair to be both sides' best by combiner log-odds.
   */
  private static int[] count(Population p, BoostedTrees model, boolean reciprocal) {
    int z = NAMES.indexOf("combiner_logit");
    int g = minGap();
    int[] c = new int[4];
    for (int i = 0; i < p.y().length; i++) {
      double[] r = p.x().get(i);
      boolean linked = model != null ? model.links(r)
          : r[z] >= MutualBestMatcher.DEFAULT_FLOOR && r[g] >= MutualBestMatcher.DEFAULT_GAP;
      if (!linked || (reciprocal && !(r[g] > 0))) continue;
      if (p.y()[i] == 1) {
        c[0]++;
        c[p.username()[i] ? 1 : 2]++;
      } else {
        c[3]++;
      }
    }
    return c;
  }

  private static void showFalse(Population p, BoostedTrees m) {
    for (int i = 0; i < p.y().length; i++) {
      if (p.y()[i] == 0 && m.links(p.x().get(i))) {
        System.out.printf(Locale.ROOT, "  FALSE %s score %.2f: %s%n", p.label().get(i), m.score(p.x().get(i)), m.explain(p.x().get(i), 4));
      }
    }
  }

  private static List<double[]> rows(List<Population> ps) {
    List<double[]> out = new ArrayList<>();
    for (Population p : ps) out.addAll(p.x());
    return out;
  }

  private static int[] labels(List<Population> ps) {
    return ps.stream().flatMapToInt(p -> java.util.Arrays.stream(p.y())).toArray();
  }

  /** Feeds a population and returns its stage-eligible pairs with features and truth labels. */
  static Population load(Path dir) throws IOException {
    long t0 = System.nanoTime();
    EvidenceAccountLinker linker = LinkingOnGenerated.feed(dir);
    FeatureTable t = linker.features();
    LinkingPipeline.Candidates c = new LinkingPipeline(t, null).candidates();
    LogisticCombiner combiner = LogisticCombiner.loadDefault();
    Map<AccountKey, String> person = new HashMap<>();
    for (Csv.Row r : Csv.read(dir.resolve("truth/accounts.csv"), "site", "account", "person")) {
      person.put(new AccountKey(r.get("site"), r.get("account")), r.get("person"));
    }
    Map<String, Integer> siteIds = new HashMap<>();
    int n = t.size();
    int[] site = new int[n];
    for (int i = 0; i < n; i++) site[i] = siteIds.computeIfAbsent(t.key(i).site(), s -> siteIds.size());
    long[] pairs = c.pairs();
    double[] score = new double[pairs.length];
    boolean[] eligible = new boolean[pairs.length];
    int identifier = PairFeatures.NAMES.indexOf("identifier_llr");
    for (int i = 0; i < pairs.length; i++) {
      int a = PairKeys.first(pairs[i]);
      int b = PairKeys.second(pairs[i]);
      score[i] = Double.NaN;
      if (site[a] == site[b]) continue;
      double[] f = c.features()[i];
      double z = combiner.logit(f);
      if (c.ruleQualified()[i] || 1 / (1 + Math.exp(-z)) >= combiner.threshold()) {
        score[i] = Double.POSITIVE_INFINITY;
        continue;
      }
      score[i] = z;
      // identifier evidence stays with the rules (PairScorer.Score.identifiers, read from the features); shared NEW media is weighed here
      eligible[i] = f[identifier] <= 0 && Math.min(t.texts(a), t.texts(b)) >= PairScorer.STYLE_MIN_TEXTS;
    }
    HabitLikelihood habit = null;
    if (!NAMES.equals(WeakPairFeatures.NAMES)) { // --habit or --person-habit
      // the likelihood the run fitted on its identifier-linked pairs, as the pipeline fits it (no truth)
      // ... each side pooled over its provisional person, as the pipeline pools it before its weak stages
      habit = c.habits();
      if (!NAMES.equals(WeakPairFeatures.NAMES_HABIT)) habit = habit.pooled(t, new LinkingPipeline(t).provisionalPersons());
      System.out.println(dir + ": " + habit);
    }
    double[] rank = score;
    if (NAMES.equals(WeakPairFeatures.NAMES_PERSON_HABIT_RANKED)) { // as the pipeline ranks rivals for such a model
      HabitLikelihood h = habit;
      rank = WeakPairFeatures.rankByHabits(score, i -> h.features(PairKeys.first(pairs[i]), PairKeys.second(pairs[i])));
    }
    double[][] gaps = WeakPairFeatures.gaps(pairs, rank, site, MutualBestMatcher.DEFAULT_UNSEEN);
    List<double[]> x = new ArrayList<>();
    List<Integer> y = new ArrayList<>();
    List<Boolean> username = new ArrayList<>();
    List<String> label = new ArrayList<>();
    int usernameLlr = PairFeatures.NAMES.indexOf("username_llr");
    for (int i = 0; i < pairs.length; i++) {
      if (!eligible[i]) continue;
      int a = PairKeys.first(pairs[i]);
      int b = PairKeys.second(pairs[i]);
      double[] r = habit != null
          ? WeakPairFeatures.row(c.features()[i], score[i], gaps[0][i], gaps[1][i], t.texts(a), t.texts(b), habit.features(a, b))
          : WeakPairFeatures.row(c.features()[i], score[i], gaps[0][i], gaps[1][i], t.texts(a), t.texts(b));
      String pa = person.get(t.key(a));
      x.add(r);
      y.add(pa != null && pa.equals(person.get(t.key(b))) ? 1 : 0);
      username.add(r[usernameLlr] > 0);
      label.add(t.key(a) + " ~ " + t.key(b));
    }
    int pos = y.stream().mapToInt(Integer::intValue).sum();
    System.out.printf(Locale.ROOT, "%s: %d candidate pairs, %d stage-eligible (%d true), %.1f s%n", dir, pairs.length, x.size(), pos,
        (System.nanoTime() - t0) / 1e9);
    boolean[] u = new boolean[username.size()];
    for (int i = 0; i < u.length; i++) u[i] = username.get(i);
    // where true pairs without a name stand: reciprocal best by the combiner (min_gap > 0) or hidden by a rival
    int gapAt = minGap();
    int[] rivals = new int[2];
    for (int i = 0; i < u.length; i++) if (y.get(i) == 1 && !u[i]) rivals[x.get(i)[gapAt] > 0 ? 0 : 1]++;
    System.out.printf(Locale.ROOT, "%s: true pairs without a name %d: reciprocal best %d, behind a rival %d%n", dir, rivals[0] + rivals[1],
        rivals[0], rivals[1]);
    return new Population(dir.getFileName().toString(), x, y.stream().mapToInt(Integer::intValue).toArray(), u, label);
  }

  private static void printPooled(int[] model, int[] rule, int[] guarded, int[] inSampleTotal) {
    System.out.printf(Locale.ROOT, "pooled: model %d correct (%d username, %d hard) / %d false, precision %.3f; rule %d / %d, precision %.3f%n",
        model[0], model[1], model[2], model[3], (double) model[0] / Math.max(1, model[0] + model[3]), rule[0], rule[3],
        (double) rule[0] / Math.max(1, rule[0] + rule[3]));
    System.out.printf(Locale.ROOT, "pooled, cross-fitted threshold and reciprocal best (min_gap > 0): %d correct (%d username, %d hard) / %d false%n",
        guarded[0], guarded[1], guarded[2], guarded[3]);
    System.out.printf(Locale.ROOT, "pooled, in-sample threshold: %d correct (%d username, %d hard) / %d false%n", inSampleTotal[0],
        inSampleTotal[1], inSampleTotal[2], inSampleTotal[3]);
  }

  /** Row index of the smaller gap, under either name. */
  private static int minGap() {
    return NAMES.contains("min_gap") ? NAMES.indexOf("min_gap") : NAMES.indexOf("min_habit_gap");
  }
}
