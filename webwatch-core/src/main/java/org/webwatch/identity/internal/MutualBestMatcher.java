package org.webwatch.identity.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;
import org.webwatch.model.AccountKey;
import org.webwatch.model.Evidence;

/**
 * Reciprocal best match with a gap (confidence) rule, for pairs whose evidence is too weak for
 * a global threshold. A candidate pair (a on site A, b on site B) is accepted when b is a's
 * best-scoring candidate among a's candidates on site B, a is b's best among b's candidates on
 * site A, the score is at least {@code floor}, and it exceeds each side's runner-up on that
 * site by at least {@code gap}. A side without a runner-up (blocking proposed no other account
 * of that site) counts its runner-up as {@code unseen}: an account blocking did not propose is
 * not known to score low, so a lone candidate needs a high score rather than being free.
 *
 * <p>Sources: the top-1-with-gap verification of Narayanan et al., "On the Feasibility of
 * Internet-Scale Author Identification" (IEEE S&amp;P 2012: accept the best candidate only when
 * the gap to the second is large), and reciprocal nearest-neighbour alias matching (Johansson,
 * Kaati, Shrestha, "Detecting multiple aliases in social media", ASONAM 2013). The per-site
 * ranking uses that one person rarely keeps two accounts on one site; it is a filter, never a
 * claim: where someone does, only recall suffers (neither of two equally good partners wins).
 *
 * <p>Only the given candidate pairs are ranked (blocking keeps them subquadratic), so the cost
 * is O(E + n) time and memory for E pairs over n accounts. Scores: NaN = the pair takes no part
 * (same site, not scored); +∞ = already linked by stronger evidence — it dominates, so an account
 * already linked on site B gets no second partner there.
 */
public final class MutualBestMatcher {
  /** Method and evidence code of a link made by this stage. */
  public static final String METHOD = "mutual-best";
  public static final String VERSION = "1";
  /**
   * Defaults, calibrated on the TUNING populations (seeds 11–13) over the learned combiner's
   * log-odds (model 2.2.0) for precision ≥ 0.98 on the pairs this stage adds (see
   * docs/identity.md, "Mutual best match"): the score need only be even odds, but the partner
   * must stand out from every other candidate of its site by 6 log-odds units on both sides;
   * a lone candidate is measured against −7 (unrelated candidate pairs: median −8.2, quartiles −10.2 / −5.9).
   */
  public static final double DEFAULT_FLOOR = 0.0;
  public static final double DEFAULT_GAP = 6.0;
  public static final double DEFAULT_UNSEEN = -7.0;
  /**
   * Confidence of a link made by this stage: its precision on the tuning populations, Laplace-
   * smoothed ((129 + 1) / (130 + 2) = 0.985) and rounded down.
   */
  public static final double CONFIDENCE = 0.98;

  /** An accepted pair with the numbers that justify it; runner-up account −1 when blocking proposed none. */
  public record Match(long pair, double score, double runnerUpA, int runnerUpAccountA, double runnerUpB, int runnerUpAccountB,
      double gap) {}

  private final double floor;
  private final double gap;
  private final double unseen;

  /** The matcher with the calibrated defaults. */
  public MutualBestMatcher() {
    this(DEFAULT_FLOOR, DEFAULT_GAP, DEFAULT_UNSEEN);
  }

  /**
   * @param floor lowest score accepted
   * @param gap least margin (> 0) of the score over the runner-up on both sides
   * @param unseen runner-up score assumed for a side with no other candidate on that site
   */
  public MutualBestMatcher(double floor, double gap, double unseen) {
    if (!Double.isFinite(floor) || !Double.isFinite(unseen)) throw new IllegalArgumentException("floor and unseen must be finite");
    if (!(gap > 0) || !Double.isFinite(gap)) throw new IllegalArgumentException("gap must be finite and > 0, got " + gap);
    this.floor = floor;
    this.gap = gap;
    this.unseen = unseen;
  }

  /**
   * @param pairs candidate pair keys ({@link PairKeys})
   * @param score score of each pair (NaN: no part; +∞: already linked)
   * @param eligible which pairs may be accepted (the rest only compete)
   * @param site site index of each account
   * @return accepted pairs in the order of {@code pairs}
   */
  public List<Match> match(long[] pairs, double[] score, boolean[] eligible, int[] site) {
    return match(pairs, score, eligible, new SiteRivals(pairs, score, site));
  }

  /**
   * {@link #match(long[], double[], boolean[], int[])} over rivals already ranked on the same
   * scores. Beating both rivals by {@code gap > 0} is what makes the pair each side's best, so
   * the gap test alone is the reciprocal-best test.
   */
  List<Match> match(long[] pairs, double[] score, boolean[] eligible, SiteRivals rivals) {
    if (score.length != pairs.length || eligible.length != pairs.length) throw new IllegalArgumentException("one score and flag per pair");
    List<Match> out = new ArrayList<>();
    for (int i = 0; i < pairs.length; i++) {
      double z = score[i];
      if (!eligible[i] || !Double.isFinite(z) || z < floor) continue;
      double margin = Math.min(z - Math.max(rivals.score(0, i), unseen), z - Math.max(rivals.score(1, i), unseen));
      if (margin < gap) continue;
      out.add(new Match(pairs[i], z, rivals.score(0, i), rivals.account(0, i), rivals.score(1, i), rivals.account(1, i), margin));
    }
    return out;
  }

  /**
   * The evidence of an accepted pair for an analyst: the score, each side's runner-up (account
   * and score, or that blocking proposed none), the gap, and the terms of the score.
   *
   * @param account maps an account index (runner-ups) to its key
   * @param terms the score's terms ({@link LogisticCombiner#explain})
   */
  public Evidence evidence(Match m, AccountKey a, AccountKey b, IntFunction<AccountKey> account, String modelVersion, String terms) {
    Locale r = Locale.ROOT;
    String detail = String.format(r, "best candidate of %s on site %s and of %s on site %s; %s %s log-odds %.3f (floor %.1f); "
        + "runner-up of %s: %s; of %s: %s; gap %.3f >= %.1f; terms: %s",
        a, b.site(), b, a.site(), LogisticCombiner.METHOD, modelVersion, m.score(), floor,
        a, runnerUp(m.runnerUpAccountA(), m.runnerUpA(), account), b, runnerUp(m.runnerUpAccountB(), m.runnerUpB(), account),
        m.gap(), gap, terms);
    return new Evidence(METHOD, String.format(r, "score=%.3f runner-up=%.3f gap=%.3f", m.score(), m.score() - m.gap(), m.gap()),
        Math.round(m.gap() * 1000) / 1000.0, detail);
  }

  private String runnerUp(int index, double score, IntFunction<AccountKey> account) {
    if (index < 0) return String.format(Locale.ROOT, "none proposed (counted as %.1f)", unseen);
    return String.format(Locale.ROOT, "%s at %.3f", account.apply(index), score);
  }

  public double floor() {
    return floor;
  }

  public double gap() {
    return gap;
  }

  public double unseen() {
    return unseen;
  }
}
