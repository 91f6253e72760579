package org.webwatch.identity.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A learned combiner of per-pair evidence: L2-regularised logistic regression over
 * standardised {@link PairFeatures}, fitted by Newton's method (iteratively reweighted least
 * squares; Hastie, Tibshirani &amp; Friedman, "The Elements of Statistical Learning", §4.4).
 * The decision threshold is chosen on the training pairs as the lowest probability whose
 * linked pairs keep a required precision ({@link #thresholdFor}). Immutable; the model is
 * stored as a versioned JSON resource ({@link #DEFAULT_RESOURCE}).
 * Training O(iterations · (n·d² + d³)) for n pairs and d features; scoring O(d).
 */
public final class LogisticCombiner {
  public static final String METHOD = "learned-logistic";
  public static final String DEFAULT_RESOURCE = "linking-model-v1.json";
  public static final String FORMAT = "webwatch-linking-model";
  /** L2 penalty on the standardised weights (not on the bias). */
  public static final double DEFAULT_L2 = 1.0;
  public static final int MAX_NEWTON_ITERATIONS = 50;
  private static final double CONVERGED = 1e-9;

  private final String version;
  private final List<String> names;
  private final double[] mean;
  private final double[] scale;
  private final double[] weights;
  private final double bias;
  private final double threshold;

  public LogisticCombiner(String version, List<String> names, double[] mean, double[] scale, double[] weights, double bias, double threshold) {
    if (version == null || version.isBlank()) throw new IllegalArgumentException("version is required");
    int d = names.size();
    if (mean.length != d || scale.length != d || weights.length != d) throw new IllegalArgumentException("one mean, scale and weight per feature");
    for (double s : scale) if (!(s > 0)) throw new IllegalArgumentException("scales must be > 0");
    if (!(threshold > 0 && threshold < 1)) throw new IllegalArgumentException("threshold must be in (0,1): " + threshold);
    this.version = version;
    this.names = List.copyOf(names);
    this.mean = mean.clone();
    this.scale = scale.clone();
    this.weights = weights.clone();
    this.bias = bias;
    this.threshold = threshold;
  }

  public String version() {
    return version;
  }

  public double threshold() {
    return threshold;
  }

  public List<String> names() {
    return names;
  }

  /** The same weights with another decision threshold. */
  public LogisticCombiner withThreshold(double newThreshold) {
    return new LogisticCombiner(version, names, mean, scale, weights, bias, newThreshold);
  }

  /** Log-odds that the pair is one person. */
  public double logit(double[] x) {
    double z = bias;
    for (int k = 0; k < weights.length; k++) z += weights[k] * (x[k] - mean[k]) / scale[k];
    return z;
  }

  public double probability(double[] x) {
    return 1 / (1 + Math.exp(-logit(x)));
  }

  public boolean links(double[] x) {
    return probability(x) >= threshold;
  }

  /** The terms behind a score, largest contribution first: "name=value (×w → c)". */
  public String explain(double[] x) {
    Integer[] order = new Integer[names.size()];
    double[] c = new double[order.length];
    for (int k = 0; k < order.length; k++) {
      order[k] = k;
      c[k] = weights[k] * (x[k] - mean[k]) / scale[k];
    }
    Arrays.sort(order, (p, q) -> Double.compare(Math.abs(c[q]), Math.abs(c[p])));
    StringBuilder sb = new StringBuilder();
    for (int k : order) {
      if (Math.abs(c[k]) < 0.05) continue;
      if (sb.length() > 0) sb.append("; ");
      sb.append(String.format(Locale.ROOT, "%s=%.3f (%+.2f)", names.get(k), x[k], c[k]));
    }
    return sb.toString();
  }

  /**
   * Fits weights by Newton's method on standardised features. {@code labels[i]} is 1 for a
   * same-person pair. The returned model has threshold {@code threshold}.
   */
  public static LogisticCombiner train(String version, List<String> names, List<double[]> x, int[] labels, double l2, double threshold) {
    return train(version, names, x, labels, l2, threshold, new int[names.size()]);
  }

  /**
   * As {@link #train(String, List, List, int[], double, double)}, with sign constraints:
   * {@code signs[k]} +1 keeps weight k ≥ 0, −1 keeps it ≤ 0, 0 leaves it free. A weight that
   * comes out on the wrong side is fixed at 0 and the rest refitted (active set, at most d
   * refits), so every piece of evidence pushes only in its natural direction — an analyst
   * never sees "style contradicts, therefore more likely the same person".
   */
  public static LogisticCombiner train(String version, List<String> names, List<double[]> x, int[] labels, double l2, double threshold,
      int[] signs) {
    int n = x.size();
    int d = names.size();
    if (n == 0 || labels.length != n) throw new IllegalArgumentException("one label per example, at least one example");
    if (l2 < 0) throw new IllegalArgumentException("l2 must be >= 0");
    double[] mean = new double[d];
    double[] scale = new double[d];
    for (double[] r : x) {
      if (r.length != d) throw new IllegalArgumentException("every example needs " + d + " features");
      for (int k = 0; k < d; k++) mean[k] += r[k] / n;
    }
    for (double[] r : x) for (int k = 0; k < d; k++) scale[k] += (r[k] - mean[k]) * (r[k] - mean[k]) / n;
    for (int k = 0; k < d; k++) scale[k] = scale[k] > 1e-12 ? Math.sqrt(scale[k]) : 1.0;
    double[][] z = new double[n][d + 1];
    for (int i = 0; i < n; i++) {
      z[i][0] = 1;
      for (int k = 0; k < d; k++) z[i][k + 1] = (x.get(i)[k] - mean[k]) / scale[k];
    }
    if (signs.length != d) throw new IllegalArgumentException("one sign per feature");
    boolean[] active = new boolean[d + 1];
    Arrays.fill(active, true);
    double[] w;
    while (true) {
      w = fit(z, labels, l2, active);
      int worst = -1;
      for (int k = 0; k < d; k++) {
        if (active[k + 1] && signs[k] != 0 && w[k + 1] * signs[k] < 0 && (worst < 0 || Math.abs(w[k + 1]) > Math.abs(w[worst + 1]))) worst = k;
      }
      if (worst < 0) break;
      active[worst + 1] = false;
    }
    return new LogisticCombiner(version, names, mean, scale, Arrays.copyOfRange(w, 1, d + 1), w[0], threshold);
  }

  /** Newton's method on standardised rows {@code z} (column 0 = 1), inactive weights held at 0. */
  private static double[] fit(double[][] z, int[] labels, double l2, boolean[] active) {
    int n = z.length;
    int d = active.length - 1;
    double[] w = new double[d + 1];
    for (int it = 0; it < MAX_NEWTON_ITERATIONS; it++) {
      double[] grad = new double[d + 1];
      double[][] h = new double[d + 1][d + 1];
      for (int i = 0; i < n; i++) {
        double s = 0;
        for (int k = 0; k <= d; k++) s += w[k] * z[i][k];
        double p = 1 / (1 + Math.exp(-s));
        double r = p - labels[i];
        double v = Math.max(p * (1 - p), 1e-10);
        for (int k = 0; k <= d; k++) {
          grad[k] += r * z[i][k];
          for (int m = k; m <= d; m++) h[k][m] += v * z[i][k] * z[i][m];
        }
      }
      for (int k = 0; k <= d; k++) for (int m = 0; m < k; m++) h[k][m] = h[m][k];
      for (int k = 1; k <= d; k++) {
        grad[k] += l2 * w[k];
        h[k][k] += l2;
      }
      h[0][0] += 1e-9;
      for (int k = 0; k <= d; k++) {
        if (active[k]) continue;
        // an inactive weight stays 0: identity row, zero gradient
        for (int m = 0; m <= d; m++) {
          h[k][m] = 0;
          h[m][k] = 0;
        }
        h[k][k] = 1;
        grad[k] = 0;
      }
      double[] step = solve(h, grad);
      double change = 0;
      for (int k = 0; k <= d; k++) {
        w[k] -= step[k];
        change = Math.max(change, Math.abs(step[k]));
      }
      if (change < CONVERGED) break;
    }
    return w;
  }

  /**
   * The lowest threshold whose linked pairs (probability ≥ threshold) have precision ≥
   * {@code minPrecision}, scanning from the most probable pair down (ties stay together).
   * Pairs {@code alreadyLinked} by other rules count as linked at every threshold. Returns 1
   * when no threshold reaches the precision.
   */
  public static double thresholdFor(double[] probability, int[] labels, boolean[] alreadyLinked, double minPrecision) {
    int n = probability.length;
    long tp = 0;
    long fp = 0;
    for (int i = 0; i < n; i++) {
      if (alreadyLinked[i]) {
        if (labels[i] == 1) tp++;
        else fp++;
      }
    }
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) order[i] = i;
    Arrays.sort(order, (a, b) -> Double.compare(probability[b], probability[a]));
    double best = 1.0;
    for (int k = 0; k < n; ) {
      double p = probability[order[k]];
      while (k < n && probability[order[k]] == p) {
        int i = order[k++];
        if (alreadyLinked[i]) continue;
        if (labels[i] == 1) tp++;
        else fp++;
      }
      if (tp + fp > 0 && (double) tp / (tp + fp) >= minPrecision) best = p;
    }
    return best;
  }

  /** Gaussian elimination with partial pivoting; O(d³). */
  static double[] solve(double[][] a0, double[] b0) {
    int d = b0.length;
    double[][] a = new double[d][];
    for (int i = 0; i < d; i++) a[i] = a0[i].clone();
    double[] b = b0.clone();
    for (int c = 0; c < d; c++) {
      int p = c;
      for (int r = c + 1; r < d; r++) if (Math.abs(a[r][c]) > Math.abs(a[p][c])) p = r;
      double[] t = a[c];
      a[c] = a[p];
      a[p] = t;
      double tb = b[c];
      b[c] = b[p];
      b[p] = tb;
      if (Math.abs(a[c][c]) < 1e-15) continue;
      for (int r = c + 1; r < d; r++) {
        double f = a[r][c] / a[c][c];
        if (f == 0) continue;
        for (int k = c; k < d; k++) a[r][k] -= f * a[c][k];
        b[r] -= f * b[c];
      }
    }
    double[] x = new double[d];
    for (int r = d - 1; r >= 0; r--) {
      double s = b[r];
      for (int k = r + 1; k < d; k++) s -= a[r][k] * x[k];
      x[r] = Math.abs(a[r][r]) < 1e-15 ? 0 : s / a[r][r];
    }
    return x;
  }

  /** The model as JSON (format, method, version, threshold, per-feature mean/scale/weight). */
  public String toJson(String about) {
    ObjectNode root = ModelJson.header(FORMAT, METHOD, version, about);
    root.put("threshold", threshold);
    root.put("bias", bias);
    ArrayNode fs = root.putArray("features");
    for (int k = 0; k < names.size(); k++) {
      fs.addObject().put("name", names.get(k)).put("mean", mean[k]).put("scale", scale[k]).put("weight", weights[k]);
    }
    try {
      return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static LogisticCombiner fromJson(InputStream in, String source) {
    JsonNode root = ModelJson.read(in, source, FORMAT, "linking model");
    List<String> names = new ArrayList<>();
    JsonNode fs = root.path("features");
    int d = fs.size();
    double[] mean = new double[d];
    double[] scale = new double[d];
    double[] weight = new double[d];
    for (int k = 0; k < d; k++) {
      JsonNode f = fs.get(k);
      for (String field : new String[] {"name", "mean", "scale", "weight"}) {
        if (!f.has(field)) throw new IllegalArgumentException(source + ": features[" + k + "] lacks field " + field);
      }
      names.add(f.get("name").asText());
      mean[k] = f.get("mean").asDouble();
      scale[k] = f.get("scale").asDouble();
      weight[k] = f.get("weight").asDouble();
    }
    if (!root.has("threshold") || !root.has("bias")) throw new IllegalArgumentException(source + ": fields threshold and bias are required");
    return new LogisticCombiner(root.path("version").asText(), names, mean, scale, weight, root.get("bias").asDouble(), root.get("threshold").asDouble());
  }

  /** The default model shipped with the linker (must list {@link PairFeatures#NAMES} in order). */
  public static LogisticCombiner loadDefault() {
    try (InputStream in = LogisticCombiner.class.getResourceAsStream("/org/webwatch/identity/" + DEFAULT_RESOURCE)) {
      if (in == null) throw new IllegalStateException("missing resource " + DEFAULT_RESOURCE);
      LogisticCombiner m = fromJson(in, DEFAULT_RESOURCE);
      if (!m.names.equals(PairFeatures.NAMES)) throw new IllegalStateException(DEFAULT_RESOURCE + ": features do not match PairFeatures.NAMES");
      return m;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
