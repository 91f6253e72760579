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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A gradient-boosted ensemble of depth-2 regression trees under logistic loss (Friedman,
 * "Greedy function approximation: a gradient boosting machine", Annals of Statistics 29(5),
 * 2001, §4.6 two-class logistic; trained by {@link BoostedTreesTrainer}). The score is the
 * log-odds {@code base + Σ leaf(tree, x)}; the learning rate is already folded into the leaf
 * values. Depth 2 lets one tree express an AND of two conditions ("gap high and name similar")
 * that a linear combiner cannot.
 *
 * <p>Each tree tests {@code x[feature] >= threshold} at its root and at most one such split on
 * each side; a missing split ({@code null}) is a leaf. NaN never satisfies {@code >=}, so a
 * missing value goes to the low side. Immutable; stored as versioned JSON ({@link #FORMAT}).
 * Scoring and {@link #contributions} cost O(T) for T trees.
 *
 * @param version model version, carried by every link it makes
 * @param names feature names, in the order of the scored vectors
 * @param base log-odds before any tree (the training prior)
 * @param threshold decision threshold on the log-odds ({@link #links})
 * @param trees the ensemble, in training order
 */
public record BoostedTrees(String version, List<String> names, double base, double threshold, List<Tree> trees) {
  public static final String METHOD = "boosted-trees";
  public static final String FORMAT = "webwatch-boosted-trees";

  public BoostedTrees {
    if (version == null || version.isBlank()) throw new IllegalArgumentException("version is required");
    if (names == null || names.isEmpty()) throw new IllegalArgumentException("at least one feature name is required");
    if (!Double.isFinite(base)) throw new IllegalArgumentException("base must be finite: " + base);
    if (Double.isNaN(threshold)) throw new IllegalArgumentException("threshold must not be NaN");
    names = List.copyOf(names);
    trees = List.copyOf(trees);
    for (int t = 0; t < trees.size(); t++) {
      for (Split s : trees.get(t).splits()) {
        if (s != null && s.feature() >= names.size()) throw new IllegalArgumentException("tree " + t + " splits on feature " + s.feature() + " of " + names.size());
      }
    }
  }

  /** One test {@code x[feature] >= threshold}; true goes to the high side. */
  public record Split(int feature, double threshold) {
    public Split {
      if (feature < 0) throw new IllegalArgumentException("feature index must be >= 0: " + feature);
      if (!Double.isFinite(threshold)) throw new IllegalArgumentException("split threshold must be finite: " + threshold);
    }

    boolean high(double[] x) {
      return x[feature] >= threshold;
    }
  }

  /**
   * A depth-≤2 tree. {@code leaves} are [low·low, low·high, high·low, high·high] by root side
   * then child side; where a split is null both of its leaves hold the same value.
   */
  public record Tree(Split root, Split low, Split high, double[] leaves) {
    public Tree {
      if (leaves == null || leaves.length != 4) throw new IllegalArgumentException("a tree has 4 leaf values");
      for (double v : leaves) if (!Double.isFinite(v)) throw new IllegalArgumentException("leaf values must be finite");
      if (root == null && (low != null || high != null)) throw new IllegalArgumentException("a tree without a root split has no child splits");
      if (low == null && leaves[0] != leaves[1]) throw new IllegalArgumentException("leaves 0 and 1 must agree where the low side has no split");
      if (high == null && leaves[2] != leaves[3]) throw new IllegalArgumentException("leaves 2 and 3 must agree where the high side has no split");
      if (root == null && leaves[0] != leaves[2]) throw new IllegalArgumentException("all leaves must agree in a tree without splits");
      leaves = leaves.clone();
    }

    @Override
    public double[] leaves() {
      return leaves.clone();
    }

    // a record compares arrays by reference; two trees are equal when their splits and leaf values are
    @Override
    public boolean equals(Object o) {
      return o instanceof Tree t && java.util.Objects.equals(root, t.root) && java.util.Objects.equals(low, t.low)
          && java.util.Objects.equals(high, t.high) && Arrays.equals(leaves, t.leaves);
    }

    @Override
    public int hashCode() {
      return java.util.Objects.hash(root, low, high, Arrays.hashCode(leaves));
    }

    @Override
    public String toString() {
      return "Tree[root=" + root + ", low=" + low + ", high=" + high + ", leaves=" + Arrays.toString(leaves) + "]";
    }

    /** The leaf index {@code x} falls into (0–3). */
    public int leaf(double[] x) {
      int side = root != null && root.high(x) ? 1 : 0;
      Split child = side == 1 ? high : low;
      return 2 * side + (child != null && child.high(x) ? 1 : 0);
    }

    double value(double[] x) {
      return leaves[leaf(x)];
    }

    List<Split> splits() {
      return Arrays.asList(root, low, high);
    }
  }

  /**
   * What one tree added to a score: the conditions on the path {@code x} took, e.g.
   * "min_gap ≥ 6.300 and username_sim < 0.700", and the leaf value.
   */
  public record Contribution(int tree, String path, double value) {}

  /** Log-odds that the pair is one person. {@code x} must have one value per name. */
  public double score(double[] x) {
    checkWidth(x);
    double z = base;
    for (Tree t : trees) z += t.value(x);
    return z;
  }

  public double probability(double[] x) {
    return 1 / (1 + Math.exp(-score(x)));
  }

  public boolean links(double[] x) {
    return score(x) >= threshold;
  }

  /** The same trees with another decision threshold (log-odds). */
  public BoostedTrees withThreshold(double newThreshold) {
    return new BoostedTrees(version, names, base, newThreshold, trees);
  }

  /** Every tree's leaf for {@code x}, in tree order; values sum to {@code score(x) − base}. */
  public List<Contribution> contributions(double[] x) {
    checkWidth(x);
    List<Contribution> out = new ArrayList<>(trees.size());
    for (int t = 0; t < trees.size(); t++) {
      Tree tree = trees.get(t);
      int leaf = tree.leaf(x);
      out.add(new Contribution(t, path(tree, leaf), tree.leaves[leaf]));
    }
    return out;
  }

  /**
   * Contributions summed per distinct path, largest magnitude first, at most {@code top} of
   * them: "min_gap ≥ 6.300 and username_sim ≥ 0.700 → +0.42; ...". Paths that add less than
   * 0.01 in total are left out.
   */
  public String explain(double[] x, int top) {
    if (top < 1) throw new IllegalArgumentException("top must be >= 1");
    Map<String, Double> byPath = new LinkedHashMap<>();
    for (Contribution c : contributions(x)) byPath.merge(c.path(), c.value(), Double::sum);
    List<Map.Entry<String, Double>> entries = new ArrayList<>(byPath.entrySet());
    entries.sort((p, q) -> Double.compare(Math.abs(q.getValue()), Math.abs(p.getValue())));
    StringBuilder sb = new StringBuilder();
    int shown = 0;
    for (Map.Entry<String, Double> e : entries) {
      if (shown == top || Math.abs(e.getValue()) < 0.01) break;
      if (sb.length() > 0) sb.append("; ");
      sb.append(String.format(Locale.ROOT, "%s → %+.2f", e.getKey(), e.getValue()));
      shown++;
    }
    return sb.toString();
  }

  private String path(Tree tree, int leaf) {
    if (tree.root == null) return "(all pairs)";
    boolean rootHigh = leaf >= 2;
    String s = condition(tree.root, rootHigh);
    Split child = rootHigh ? tree.high : tree.low;
    return child == null ? s : s + " and " + condition(child, leaf % 2 == 1);
  }

  private String condition(Split s, boolean high) {
    return String.format(Locale.ROOT, "%s %s %.3f", names.get(s.feature()), high ? "≥" : "<", s.threshold());
  }

  private void checkWidth(double[] x) {
    if (x.length != names.size()) throw new IllegalArgumentException("expected " + names.size() + " features, got " + x.length);
  }

  /** The model as JSON: format, method, version, about, base, threshold, names, trees. */
  public String toJson(String about) {
    ObjectNode root = ModelJson.header(FORMAT, METHOD, version, about);
    root.put("base", base);
    root.put("threshold", threshold);
    ArrayNode ns = root.putArray("features");
    names.forEach(ns::add);
    ArrayNode ts = root.putArray("trees");
    for (Tree t : trees) {
      ObjectNode o = ts.addObject();
      putSplit(o, "root", t.root);
      putSplit(o, "low", t.low);
      putSplit(o, "high", t.high);
      ArrayNode lv = o.putArray("leaves");
      for (double v : t.leaves) lv.add(v);
    }
    try {
      return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void putSplit(ObjectNode o, String field, Split s) {
    if (s == null) return;
    o.putObject(field).put("feature", names.get(s.feature())).put("threshold", s.threshold());
  }

  /** Reads {@link #toJson} output; errors name {@code source} and the offending field. */
  public static BoostedTrees fromJson(InputStream in, String source) {
    JsonNode root = ModelJson.read(in, source, FORMAT, "boosted-trees model");
    for (String field : new String[] {"version", "base", "threshold", "features", "trees"}) {
      if (!root.has(field)) throw new IllegalArgumentException(source + ": field " + field + " is required");
    }
    List<String> names = new ArrayList<>();
    root.get("features").forEach(n -> names.add(n.asText()));
    List<Tree> trees = new ArrayList<>();
    JsonNode ts = root.get("trees");
    for (int t = 0; t < ts.size(); t++) {
      JsonNode o = ts.get(t);
      String where = source + ": trees[" + t + "]";
      JsonNode lv = o.path("leaves");
      if (lv.size() != 4) throw new IllegalArgumentException(where + ".leaves must hold 4 numbers");
      double[] leaves = new double[4];
      for (int k = 0; k < 4; k++) leaves[k] = lv.get(k).asDouble();
      try {
        trees.add(new Tree(readSplit(o, "root", names, where), readSplit(o, "low", names, where), readSplit(o, "high", names, where), leaves));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
      }
    }
    try {
      return new BoostedTrees(root.get("version").asText(), names, root.get("base").asDouble(), root.get("threshold").asDouble(), trees);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
    }
  }

  private static Split readSplit(JsonNode tree, String field, List<String> names, String where) {
    JsonNode s = tree.get(field);
    if (s == null || s.isNull()) return null;
    int feature = names.indexOf(s.path("feature").asText());
    if (feature < 0) throw new IllegalArgumentException(where + "." + field + ".feature is not a listed feature: " + s.path("feature"));
    if (!s.has("threshold")) throw new IllegalArgumentException(where + "." + field + ".threshold is required");
    return new Split(feature, s.get("threshold").asDouble());
  }
}
