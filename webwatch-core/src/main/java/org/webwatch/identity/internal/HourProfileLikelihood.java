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

  private HourProfileLikelihood(float[][] hoursOfWeek) {
    int n = hoursOfWeek.length;
    double[][] day = new double[n][];
    double[] mix = new double[24];
    int qualifying = 0;
    for (int i = 0; i < n; i++) {
      if (hoursOfWeek[i] == null) continue;
      double[] d = new double[24];
      double sum = 0;
      for (int b = 0; b < hoursOfWeek[i].length; b++) {
        d[b % 24] += hoursOfWeek[i][b];
        sum += hoursOfWeek[i][b];
      }
      if (sum <= 0) continue;
      day[i] = d;
      for (int h = 0; h < 24; h++) mix[h] += d[h];
      if (sum >= PRIOR_MIN_EVENTS) qualifying++;
    }
    double total = 0;
    for (double m : mix) total += m;
    for (int h = 0; h < 24; h++) mix[h] = (mix[h] + 1) / (total + 24);
    int k = Math.min(MAX_PROFILES, qualifying);
    profiles = k >= MIN_PROFILES ? k : 0;
    double[][] logTheta = new double[profiles][];
    if (profiles > 0) {
      int seenQualifying = 0;
      int kept = 0;
      for (int i = 0; i < n && kept < profiles; i++) {
        if (day[i] == null || sum(day[i]) < PRIOR_MIN_EVENTS) continue;
        // keep the j-th qualifying account when it crosses the next of `profiles` even steps
        if ((long) seenQualifying * profiles / qualifying == kept) {
          double s = sum(day[i]);
          double[] th = new double[24];
          for (int h = 0; h < 24; h++) th[h] = Math.log((day[i][h] + SMOOTHING_EVENTS * mix[h]) / (s + SMOOTHING_EVENTS));
          logTheta[kept++] = th;
        }
        seenQualifying++;
      }
    }
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
    return new HourProfileLikelihood(t.timing);
  }

  /** Fits on raw hour-of-week (or hour-of-day) count vectors, one per account, null for none (tests). */
  public static HourProfileLikelihood fit(float[][] hoursOfWeek) {
    if (hoursOfWeek == null) throw new IllegalArgumentException("histograms are required");
    return new HourProfileLikelihood(hoursOfWeek);
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

  private static double sum(double[] v) {
    double s = 0;
    for (double x : v) s += x;
    return s;
  }
}
