package org.webwatch.identity.internal;

/**
 * Bayes log-likelihood ratio that two accounts post on one person's daily rhythm: "same person"
 * (one hour-of-day profile θ generates both accounts' events) against "different persons" (each
 * has its own), with θ unknown and marginalised over an empirical prior — the smoothed
 * hour-of-day histograms of up to {@link #MAX_PROFILES} accounts with at least
 * {@link #PRIOR_MIN_EVENTS} events, sampled evenly (empirical Bayes after Robbins 1956; the
 * mixture prior makes it a kernel estimate over the population's real rhythms):
 * {@code LLR(a, b) = ln K + lse_k(L_a[k] + L_b[k]) − lse_k L_a[k] − lse_k L_b[k]} with
 * {@code L_x[k] = Σ_h n_x(h) ln θ_k(h)}. Unlike a similarity of two sparse histograms it is
 * calibrated for accounts with three or four events: they score near 0 unless their hours fall
 * together into a rhythm that few accounts share. Fit O(n · K · 24) time, O(n · K) memory
 * (floats); one pair O(K).
 */
public final class HourProfileLikelihood {
  /** Prior profiles kept (evenly sampled from the qualifying accounts). */
  public static final int MAX_PROFILES = 256;
  /** Events an account needs before its histogram is a prior profile. */
  public static final int PRIOR_MIN_EVENTS = 20;
  /** Prior profiles needed at all; with fewer every pair scores 0. */
  public static final int MIN_PROFILES = 20;
  /** Pseudo-events of the population's hour mix added to each prior profile. */
  public static final double SMOOTHING_EVENTS = 4.0;

  private final float[][] logLik; // per account: L_x[k], null without events
  private final float[] logSum; // per account: lse_k L_x[k]
  private final int profiles;
  private final double[][] logTheta;

  private HourProfileLikelihood(double[][] day, double[][] logTheta) {
    int n = day.length;
    this.logTheta = logTheta;
    profiles = logTheta.length;
    logLik = new float[n][];
    logSum = new float[n];
    for (int i = 0; i < n && profiles > 0; i++) {
      if (day[i] == null) continue;
      float[] l = new float[profiles];
      double max = Double.NEGATIVE_INFINITY;
      for (int p = 0; p < profiles; p++) {
        double v = 0;
        for (int h = 0; h < 24; h++) if (day[i][h] != 0) v += day[i][h] * logTheta[p][h];
        l[p] = (float) v;
        max = Math.max(max, v);
      }
      double s = 0;
      for (int p = 0; p < profiles; p++) s += Math.exp(l[p] - max);
      logLik[i] = l;
      logSum[i] = (float) (max + Math.log(s));
    }
  }

  /** Fits the prior on every account of {@code t} with timing. */
  public static HourProfileLikelihood fit(FeatureTable t) {
    if (t == null) throw new IllegalArgumentException("table is required");
    return fit(t.timing);
  }

  /** Fits on raw hour-of-week (or hour-of-day) count vectors, one per account, null for none (tests). */
  public static HourProfileLikelihood fit(float[][] hoursOfWeek) {
    if (hoursOfWeek == null) throw new IllegalArgumentException("histograms are required");
    double[][] day = hoursOfDay(hoursOfWeek);
    return new HourProfileLikelihood(day, empiricalPrior(day));
  }

  /**
   * As {@link #fit(float[][])} but with the prior given: {@code ln θ_k(h)} per profile and UTC hour (a diagnostic that
   * knows the true profiles uses it to measure what timing can hold at best).
   */
  public static HourProfileLikelihood withPrior(float[][] hours, double[][] logProfiles) {
    if (hours == null || logProfiles == null) throw new IllegalArgumentException("histograms and prior are required");
    for (double[] p : logProfiles) if (p == null || p.length != 24) throw new IllegalArgumentException("a profile needs 24 hours");
    return new HourProfileLikelihood(hoursOfDay(hours), logProfiles);
  }

  /**
   * The same prior over other histograms (one per row, null for none): rows that pool several
   * accounts' events ({@link HabitLikelihood#pooled}) are scored against the profiles fitted on single accounts.
   */
  public HourProfileLikelihood over(float[][] hours) {
    if (hours == null) throw new IllegalArgumentException("histograms are required");
    return new HourProfileLikelihood(hoursOfDay(hours), logTheta);
  }

  /** Folds each histogram to 24 UTC hours (hour-of-week bins are day · 24 + hour); null where it holds no event. */
  private static double[][] hoursOfDay(float[][] hours) {
    double[][] day = new double[hours.length][];
    for (int i = 0; i < hours.length; i++) {
      if (hours[i] == null) continue;
      double[] d = new double[24];
      double sum = 0;
      for (int b = 0; b < hours[i].length; b++) {
        d[b % 24] += hours[i][b];
        sum += hours[i][b];
      }
      if (sum > 0) day[i] = d;
    }
    return day;
  }

  /**
   * {@code ln θ} of up to {@link #MAX_PROFILES} accounts with ≥ {@link #PRIOR_MIN_EVENTS} events, evenly sampled, each
   * smoothed with {@link #SMOOTHING_EVENTS} of the population's hour mix; none when fewer than {@link #MIN_PROFILES} qualify.
   */
  private static double[][] empiricalPrior(double[][] day) {
    double[] mix = new double[24];
    double[] events = new double[day.length];
    int qualifying = 0;
    for (int i = 0; i < day.length; i++) {
      if (day[i] == null) continue;
      for (int h = 0; h < 24; h++) {
        mix[h] += day[i][h];
        events[i] += day[i][h];
      }
      if (events[i] >= PRIOR_MIN_EVENTS) qualifying++;
    }
    double total = 0;
    for (double m : mix) total += m;
    for (int h = 0; h < 24; h++) mix[h] = (mix[h] + 1) / (total + 24);
    int k = Math.min(MAX_PROFILES, qualifying);
    if (k < MIN_PROFILES) return new double[0][];
    double[][] logTheta = new double[k][];
    int seenQualifying = 0;
    int kept = 0;
    for (int i = 0; i < day.length && kept < k; i++) {
      if (day[i] == null || events[i] < PRIOR_MIN_EVENTS) continue;
      // keep the j-th qualifying account when it crosses the next of k even steps
      if ((long) seenQualifying * k / qualifying == kept) {
        double[] th = new double[24];
        for (int h = 0; h < 24; h++) th[h] = Math.log((day[i][h] + SMOOTHING_EVENTS * mix[h]) / (events[i] + SMOOTHING_EVENTS));
        logTheta[kept++] = th;
      }
      seenQualifying++;
    }
    return logTheta;
  }

  /** The LLR of accounts {@code a} and {@code b}; 0 when either has no events or the prior is too small. */
  public double llr(int a, int b) {
    float[] x = logLik[a];
    float[] y = logLik[b];
    if (x == null || y == null) return 0;
    double max = Double.NEGATIVE_INFINITY;
    for (int p = 0; p < profiles; p++) max = Math.max(max, (double) x[p] + y[p]);
    double s = 0;
    for (int p = 0; p < profiles; p++) s += Math.exp(x[p] + y[p] - max);
    return Math.log(profiles) + max + Math.log(s) - logSum[a] - logSum[b];
  }

  /** Prior profiles in use (0: too few accounts with enough events). */
  public int profiles() {
    return profiles;
  }
}
