package org.webwatch.identity.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Fits a {@link BoostedTrees} model: gradient boosting under logistic loss with depth-2
 * regression trees (Friedman, "Greedy function approximation: a gradient boosting machine",
 * Annals of Statistics 29(5), 2001, §4.6), each leaf set by one Newton step
 * {@code −η·ΣG/(ΣH+λ)} and each split chosen by the second-order gain
 * {@code G_L²/(H_L+λ) + G_R²/(H_R+λ) − G²/(H+λ)} over quantile bins (the histogram method of
 * Chen &amp; Guestrin, "XGBoost", KDD 2016, §3). Deterministic: no sampling, ties go to the
 * lowest feature index then the lowest threshold.
 *
 * <p>Cost: binning O(d·n log n); each round O(n·d + d·B) per tree level (3 split searches), so
 * O(R·(n·d + d·B)) for R rounds, n examples, d features and B bins; memory O(n·d) bin indices.
 */
public final class BoostedTreesTrainer {
  public static final int DEFAULT_ROUNDS = 150;
  public static final double DEFAULT_LEARNING_RATE = 0.1;
  public static final int DEFAULT_BINS = 32;
  /** L2 penalty λ on leaf values (keeps leaves of few examples small). */
  public static final double DEFAULT_L2 = 1.0;
  /** Least Hessian sum p(1−p) on each side of a split (XGBoost's min_child_weight). */
  public static final double DEFAULT_MIN_CHILD_HESSIAN = 1.0;
  /** Largest bin count (bin indices are stored as bytes). */
  public static final int MAX_BINS = 255;

  /** Training settings; the constructor rejects values outside their range. */
  public record Params(int rounds, double learningRate, int bins, double l2, double minChildHessian) {
    public Params {
      if (rounds < 0) throw new IllegalArgumentException("rounds must be >= 0: " + rounds);
      if (!(learningRate > 0 && learningRate <= 1)) throw new IllegalArgumentException("learning rate must be in (0,1]: " + learningRate);
      if (bins < 2 || bins > MAX_BINS) throw new IllegalArgumentException("bins must be in [2," + MAX_BINS + "]: " + bins);
      if (!(l2 >= 0) || Double.isInfinite(l2)) throw new IllegalArgumentException("l2 must be finite and >= 0: " + l2);
      if (!(minChildHessian >= 0) || Double.isInfinite(minChildHessian)) throw new IllegalArgumentException("minChildHessian must be finite and >= 0: " + minChildHessian);
    }

    public static Params defaults() {
      return new Params(DEFAULT_ROUNDS, DEFAULT_LEARNING_RATE, DEFAULT_BINS, DEFAULT_L2, DEFAULT_MIN_CHILD_HESSIAN);
    }

    public Params withRounds(int r) {
      return new Params(r, learningRate, bins, l2, minChildHessian);
    }
  }

  private final Params params;

  public BoostedTreesTrainer(Params params) {
    if (params == null) throw new IllegalArgumentException("params are required");
    this.params = params;
  }

  /**
   * Fits trees to {@code x} (one finite row of {@code names.size()} values per example) and
   * {@code labels} (1 = same person, 0 = not; both must occur). The model's decision
   * threshold is {@code threshold} (log-odds).
   */
  public BoostedTrees train(String version, List<String> names, List<double[]> x, int[] labels, double threshold) {
    int n = x.size();
    int d = names.size();
    if (n == 0 || labels.length != n) throw new IllegalArgumentException("one label per example, at least one example (got " + n + " rows, " + labels.length + " labels)");
    int positives = 0;
    for (int i = 0; i < n; i++) {
      double[] r = x.get(i);
      if (r.length != d) throw new IllegalArgumentException("example " + i + " has " + r.length + " features, expected " + d);
      for (int k = 0; k < d; k++) if (!Double.isFinite(r[k])) throw new IllegalArgumentException("example " + i + ", feature " + names.get(k) + " is not finite: " + r[k]);
      if (labels[i] != 0 && labels[i] != 1) throw new IllegalArgumentException("label " + i + " must be 0 or 1: " + labels[i]);
      positives += labels[i];
    }
    if (positives == 0 || positives == n) throw new IllegalArgumentException("both labels must occur (" + positives + " of " + n + " positive)");
    double[][] cuts = new double[d][];
    byte[][] bins = new byte[d][n];
    for (int k = 0; k < d; k++) {
      cuts[k] = quantileCuts(x, k, params.bins());
      for (int i = 0; i < n; i++) bins[k][i] = (byte) binOf(cuts[k], x.get(i)[k]);
    }
    double prior = (double) positives / n;
    double base = Math.log(prior / (1 - prior));
    double[] z = new double[n];
    Arrays.fill(z, base);
    double[] g = new double[n];
    double[] h = new double[n];
    int[] side = new int[n];
    List<BoostedTrees.Tree> trees = new ArrayList<>(params.rounds());
    for (int round = 0; round < params.rounds(); round++) {
      for (int i = 0; i < n; i++) {
        double p = 1 / (1 + Math.exp(-z[i]));
        g[i] = p - labels[i];
        h[i] = Math.max(p * (1 - p), 1e-12);
      }
      Arrays.fill(side, 0);
      Candidate root = bestSplit(bins, cuts, g, h, side, 0);
      double[] leaves = new double[4];
      BoostedTrees.Split low = null;
      BoostedTrees.Split high = null;
      if (root == null) {
        Arrays.fill(leaves, leafValue(sum(g, side, 0), sum(h, side, 0)));
      } else {
        for (int i = 0; i < n; i++) side[i] = (bins[root.feature][i] & 0xff) > root.bin ? 2 : 0;
        Candidate lo = bestSplit(bins, cuts, g, h, side, 0);
        Candidate hi = bestSplit(bins, cuts, g, h, side, 2);
        for (int i = 0; i < n; i++) {
          Candidate c = side[i] == 0 ? lo : hi;
          if (c != null && (bins[c.feature][i] & 0xff) > c.bin) side[i]++;
        }
        for (int leaf = 0; leaf < 4; leaf++) leaves[leaf] = leafValue(sum(g, side, leaf), sum(h, side, leaf));
        // a side without a split is one leaf: its examples all sit in the even slot
        if (lo == null) leaves[1] = leaves[0];
        if (hi == null) leaves[3] = leaves[2];
        low = lo == null ? null : lo.split(cuts);
        high = hi == null ? null : hi.split(cuts);
      }
      BoostedTrees.Tree tree = new BoostedTrees.Tree(root == null ? null : root.split(cuts), low, high, leaves);
      trees.add(tree);
      for (int i = 0; i < n; i++) z[i] += leaves[side[i]];
    }
    return new BoostedTrees(version, names, base, threshold, trees);
  }

  /** Mean logistic loss (natural log) of {@code model} on the examples. */
  public static double logLoss(BoostedTrees model, List<double[]> x, int[] labels) {
    if (x.isEmpty() || labels.length != x.size()) throw new IllegalArgumentException("one label per example, at least one example");
    double s = 0;
    for (int i = 0; i < labels.length; i++) {
      double z = model.score(x.get(i));
      // log(1 + e^−z) for y = 1, log(1 + e^z) for y = 0, computed without overflow
      double m = labels[i] == 1 ? -z : z;
      s += Math.max(m, 0) + Math.log1p(Math.exp(-Math.abs(m)));
    }
    return s / labels.length;
  }

  private record Candidate(int feature, int bin, double gain) {
    BoostedTrees.Split split(double[][] cuts) {
      return new BoostedTrees.Split(feature, cuts[feature][bin]);
    }
  }

  private double leafValue(double gSum, double hSum) {
    return -params.learningRate() * gSum / (hSum + params.l2());
  }

  private static double sum(double[] v, int[] side, int which) {
    double s = 0;
    for (int i = 0; i < v.length; i++) if (side[i] == which) s += v[i];
    return s;
  }

  /**
   * The split of the examples with {@code side[i] == which} of highest positive gain, or null.
   * Split "bin > b" equals {@code x >= cuts[b]}.
   */
  private Candidate bestSplit(byte[][] bins, double[][] cuts, double[] g, double[] h, int[] side, int which) {
    int n = g.length;
    double gAll = 0;
    double hAll = 0;
    for (int i = 0; i < n; i++) {
      if (side[i] != which) continue;
      gAll += g[i];
      hAll += h[i];
    }
    double lambda = params.l2();
    double parent = gAll * gAll / (hAll + lambda);
    Candidate best = null;
    for (int k = 0; k < bins.length; k++) {
      int nb = cuts[k].length + 1;
      if (nb < 2) continue;
      double[] gh = new double[nb];
      double[] hh = new double[nb];
      byte[] col = bins[k];
      for (int i = 0; i < n; i++) {
        if (side[i] != which) continue;
        int b = col[i] & 0xff;
        gh[b] += g[i];
        hh[b] += h[i];
      }
      double gl = 0;
      double hl = 0;
      for (int b = 0; b < nb - 1; b++) {
        gl += gh[b];
        hl += hh[b];
        double hr = hAll - hl;
        if (hl < params.minChildHessian() || hr < params.minChildHessian()) continue;
        double gr = gAll - gl;
        double gain = gl * gl / (hl + lambda) + gr * gr / (hr + lambda) - parent;
        if (gain > 1e-12 && (best == null || gain > best.gain)) best = new Candidate(k, b, gain);
      }
    }
    return best;
  }

  /**
   * At most {@code bins − 1} ascending distinct cut values of feature k at the quantiles of
   * its values; each is a value that occurs and is above the minimum, so every cut separates.
   */
  static double[] quantileCuts(List<double[]> x, int k, int bins) {
    int n = x.size();
    double[] v = new double[n];
    for (int i = 0; i < n; i++) v[i] = x.get(i)[k];
    Arrays.sort(v);
    double[] out = new double[bins - 1];
    int m = 0;
    for (int q = 1; q < bins; q++) {
      double c = v[(int) ((long) q * n / bins)];
      if (c > v[0] && (m == 0 || c > out[m - 1])) out[m++] = c;
    }
    return Arrays.copyOf(out, m);
  }

  /** Number of cuts ≤ value, i.e. the bin of value (0 … cuts.length). */
  static int binOf(double[] cuts, double value) {
    int lo = 0;
    int hi = cuts.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cuts[mid] <= value) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
