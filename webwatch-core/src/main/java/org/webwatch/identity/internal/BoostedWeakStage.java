package org.webwatch.identity.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;
import org.webwatch.model.Evidence;

/**
 * The boosted weak-pair stage, run after {@link MutualBestMatcher} ({@link WeakPairStages}; on
 * by default in {@code EvidenceAccountLinker} with the bundled model {@link #DEFAULT_RESOURCE},
 * see docs/identity.md, "Boosted weak-pair model in Java"). Over the same
 * inputs as the mutual-best stage it builds each eligible pair's {@link WeakPairFeatures} row
 * and accepts the pair when the {@link BoostedTrees} model links it AND the pair is the
 * reciprocal best of its two sites by the combiner's log-odds ({@code min_gap > 0}), so an
 * account gets at most one partner per site, as with the rule. O(E·T) for E candidate pairs
 * and T trees, plus the O(E) gaps.
 */
public final class BoostedWeakStage {
  /** Evidence code of a link made by this stage. */
  public static final String CODE = "boosted-weak";
  /**
   * The bundled model (classpath {@code /org/webwatch/identity/}): trained by {@code WeakPairTrain}
   * on the tuning populations over the log-odds of the bundled combiner
   * ({@link LogisticCombiner#DEFAULT_RESOURCE}), so it only means something next to that combiner.
   * Version 5.1.0 is 5.0.0 with its gaps taken against rivals ranked by log-odds plus the habit
   * likelihood ({@link WeakPairFeatures#NAMES_PERSON_HABIT_RANKED}, {@link WeakPairFeatures#rankByHabits}),
   * trained and served alike; {@code weak-pair-model-v5.json} (5.0.0) stays bundled.
   * Version 5.0.0 reads the habit-signature likelihood of provisional persons
   * ({@link WeakPairFeatures#NAMES_PERSON_HABIT}, {@link HabitLikelihood#pooled}: categories, tokens,
   * exclusive slots of {@link HabitSlots} — openers and sign-offs learned from the data, so one text shows
   * them — and the hour-of-day profile, each side pooled over the accounts the rules and the combiner
   * already joined), on candidates that include the slot-block pairs of light accounts
   * ({@link SlotCandidates#floor}, 10 nats when it was trained; 8 at the reference site size since session 12); trained on tuning seeds 11–19.
   * {@code weak-pair-model-v4.json} (4.0.0, the same before learned openers and slot-block pairs),
   * {@code weak-pair-model-v3.json} (3.0.0, the likelihood of single accounts, seeds 11–13) and
   * {@code weak-pair-model-v1.json} (1.0.0, without it) stay bundled for comparison; they read today's
   * slot values, so they no longer reproduce their own measurements exactly. (2.0.0 read the
   * likelihood before its slots and hour profile: its feature list no longer exists, so it left the
   * bundle; it is in the history.)
   */
  public static final String DEFAULT_RESOURCE = "weak-pair-model-v5.1.json";
  /**
   * Log-odds from which a reciprocal-best pair the model does not link is still put to an analyst
   * as a suggested link (never merged unless confirmed): 0, where the model holds the link more
   * likely than not. Its measured precision is in docs/identity.md ("Suggested links").
   */
  public static final double SUGGEST_LOG_ODDS = 0.0;
  /** Contribution paths shown in the evidence detail. */
  public static final int EXPLAINED_PATHS = 5;

  /** A pair with its model score (log-odds) and the row it was scored on: accepted, or suggested ({@link #accepts}). */
  public record Link(long pair, double score, List<Double> row) {}

  private final BoostedTrees model;
  private final double unseen;

  /** @param unseen runner-up score assumed for a side without another candidate (as {@link MutualBestMatcher}) */
  public BoostedWeakStage(BoostedTrees model, double unseen) {
    if (model == null) throw new IllegalArgumentException("model is required");
    if (!model.names().equals(WeakPairFeatures.NAMES) && !model.names().equals(WeakPairFeatures.NAMES_HABIT)
        && !model.names().equals(WeakPairFeatures.NAMES_PERSON_HABIT) && !model.names().equals(WeakPairFeatures.NAMES_PERSON_HABIT_RANKED)) {
      throw new IllegalArgumentException("model features must be WeakPairFeatures.NAMES, NAMES_HABIT, NAMES_PERSON_HABIT or "
          + "NAMES_PERSON_HABIT_RANKED, got " + model.names());
    }
    if (!Double.isFinite(unseen)) throw new IllegalArgumentException("unseen must be finite");
    this.model = model;
    this.unseen = unseen;
  }

  /** The stage with the bundled model and {@link MutualBestMatcher#DEFAULT_UNSEEN}. */
  public static BoostedWeakStage loadDefault() {
    try (java.io.InputStream in = BoostedWeakStage.class.getResourceAsStream("/org/webwatch/identity/" + DEFAULT_RESOURCE)) {
      if (in == null) throw new IllegalStateException("missing resource " + DEFAULT_RESOURCE);
      return new BoostedWeakStage(BoostedTrees.fromJson(in, DEFAULT_RESOURCE), MutualBestMatcher.DEFAULT_UNSEEN);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  public BoostedTrees model() {
    return model;
  }

  /** Whether the model reads the habit-signature likelihood ({@link WeakPairFeatures#NAMES_HABIT}): then {@code select} needs it per pair. */
  public boolean needsHabit() {
    return model.names().equals(WeakPairFeatures.NAMES_HABIT) || poolsHabits();
  }

  /**
   * Whether it reads that likelihood of provisional persons ({@link WeakPairFeatures#NAMES_PERSON_HABIT},
   * {@link HabitLikelihood#pooled}) rather than of single accounts: the names say which, so a model
   * is never fed the other kind of rows than it was trained on.
   */
  public boolean poolsHabits() {
    return model.names().equals(WeakPairFeatures.NAMES_PERSON_HABIT) || ranksByHabits();
  }

  /** Whether its gaps are taken against rivals ranked with the habits ({@link WeakPairFeatures#NAMES_PERSON_HABIT_RANKED}). */
  public boolean ranksByHabits() {
    return model.names().equals(WeakPairFeatures.NAMES_PERSON_HABIT_RANKED);
  }

  /**
   * @param pairs candidate pair keys ({@link PairKeys})
   * @param score combiner log-odds per pair (NaN: no part; +∞: already linked)
   * @param eligible which pairs may be accepted (the rest only compete)
   * @param site site index of each account
   * @param texts text count of each account
   * @param pairFeatures the {@link PairFeatures} vector of pair i (asked only for eligible pairs)
   * @return accepted pairs in the order of {@code pairs}
   */
  public List<Link> select(long[] pairs, double[] score, boolean[] eligible, int[] site, int[] texts, IntFunction<double[]> pairFeatures) {
    return select(pairs, score, eligible, site, texts, pairFeatures, null);
  }

  /**
   * As {@link #select(long[], double[], boolean[], int[], int[], IntFunction)}, with {@code habit}
   * giving pair i's {@link HabitLikelihood#features} (required when {@link #needsHabit()}, else ignored).
   */
  public List<Link> select(long[] pairs, double[] score, boolean[] eligible, int[] site, int[] texts, IntFunction<double[]> pairFeatures,
      IntFunction<double[]> habit) {
    if (texts.length != site.length) throw new IllegalArgumentException("one text count per account");
    return select(pairs, score, eligible, new SiteRivals(pairs, score, site), texts, pairFeatures, habit, model.threshold());
  }

  /** Whether the model links this pair (its score reaches the model's threshold); below it, a suggestion. */
  public boolean accepts(Link link) {
    return link.score() >= model.threshold();
  }

  /**
   * {@link #select(long[], double[], boolean[], int[], int[], IntFunction, IntFunction)} over rivals
   * already ranked on the same scores, keeping every reciprocal-best pair scored at least
   * min({@code floor}, threshold): the accepted ones and, below the threshold, the suggestions.
   */
  List<Link> select(long[] pairs, double[] score, boolean[] eligible, SiteRivals rivals, int[] texts, IntFunction<double[]> pairFeatures,
      IntFunction<double[]> habit, double floor) {
    return select(pairs, score, score, eligible, rivals, texts, pairFeatures, habit, floor);
  }

  /** As above, with the gaps taken on {@code rank} (the scores {@code rivals} ranks by) instead of {@code score}. */
  List<Link> select(long[] pairs, double[] score, double[] rank, boolean[] eligible, SiteRivals rivals, int[] texts,
      IntFunction<double[]> pairFeatures, IntFunction<double[]> habit, double floor) {
    if (needsHabit() && habit == null) throw new IllegalArgumentException("model " + model.version() + " needs the habit likelihood per pair");
    if (eligible.length != pairs.length) throw new IllegalArgumentException("one flag per pair");
    double[][] gaps = WeakPairFeatures.gaps(pairs, rank, rivals, unseen);
    List<Link> out = new ArrayList<>();
    for (int i = 0; i < pairs.length; i++) {
      if (!eligible[i] || !Double.isFinite(score[i]) || !(Math.min(gaps[0][i], gaps[1][i]) > 0)) continue;
      int a = PairKeys.first(pairs[i]);
      int b = PairKeys.second(pairs[i]);
      double[] row = needsHabit()
          ? WeakPairFeatures.row(pairFeatures.apply(i), score[i], gaps[0][i], gaps[1][i], texts[a], texts[b], habit.apply(i))
          : WeakPairFeatures.row(pairFeatures.apply(i), score[i], gaps[0][i], gaps[1][i], texts[a], texts[b]);
      double z = model.score(row);
      if (z < Math.min(floor, model.threshold())) continue;
      List<Double> r = new ArrayList<>(row.length);
      for (double v : row) r.add(v);
      out.add(new Link(pairs[i], z, List.copyOf(r)));
    }
    return out;
  }

  /** Evidence for an analyst: probability, log-odds and the tree paths that carried the score. */
  public Evidence evidence(Link link) {
    double[] row = link.row().stream().mapToDouble(Double::doubleValue).toArray();
    double p = 1 / (1 + Math.exp(-link.score()));
    Locale r = Locale.ROOT;
    String detail = String.format(r, "%s %s, threshold log-odds %.3f, %d trees; combiner log-odds %.3f, gaps %.3f / %.3f%s; paths: %s",
        BoostedTrees.METHOD, model.version(), model.threshold(), model.trees().size(), row[PairFeatures.NAMES.size()],
        row[PairFeatures.NAMES.size() + 1], row[PairFeatures.NAMES.size() + 2],
        ranksByHabits() ? " over the runner-up by log-odds plus habit likelihood" : "", model.explain(row, EXPLAINED_PATHS));
    return new Evidence(CODE, String.format(r, "p=%.4f", p), Math.round(link.score() * 1000) / 1000.0, detail);
  }
}
