package org.webwatch.identity.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BoostedTreesTest {
  private static final List<String> NAMES = List.of("gap", "name_sim", "noise");

  /** A 30×30 grid over [0,1)² plus a noise column; label = gap ≥ 0.5 AND name_sim ≥ 0.3. */
  private static List<double[]> grid() {
    List<double[]> x = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      for (int j = 0; j < 30; j++) x.add(new double[] {i / 30.0, j / 30.0, ((i * 7 + j * 13) % 17) / 17.0});
    }
    return x;
  }

  private static int[] andLabels(List<double[]> x) {
    int[] y = new int[x.size()];
    for (int i = 0; i < y.length; i++) y[i] = x.get(i)[0] >= 0.5 && x.get(i)[1] >= 0.3 ? 1 : 0;
    return y;
  }

  private static BoostedTrees train(int rounds, List<double[]> x, int[] y) {
    return new BoostedTreesTrainer(BoostedTreesTrainer.Params.defaults().withRounds(rounds)).train("t1", NAMES, x, y, 0.0);
  }

  private static BoostedTrees stored(BoostedTrees m) {
    String json = m.toJson("test");
    return BoostedTrees.fromJson(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.json");
  }

  @Test
  void learnsAnAndThatALinearModelCannot() {
    List<double[]> x = grid();
    int[] y = andLabels(x);
    BoostedTrees trees = train(150, x, y);
    LogisticCombiner linear = LogisticCombiner.train("lin", NAMES, x, y, 0.0, 0.5);
    int treeErrors = 0;
    int linearErrors = 0;
    for (int i = 0; i < y.length; i++) {
      if (trees.links(x.get(i)) != (y[i] == 1)) treeErrors++;
      if (linear.links(x.get(i)) != (y[i] == 1)) linearErrors++;
    }
    assertEquals(0, treeErrors);
    // the positive quadrant is not linearly separable from its L-shaped complement
    assertTrue(linearErrors > 0, "linear errors " + linearErrors);
    // the corner just inside the AND is confidently positive, just outside confidently negative
    assertTrue(trees.probability(new double[] {0.55, 0.35, 0.5}) > 0.9);
    assertTrue(trees.probability(new double[] {0.45, 0.95, 0.5}) < 0.1);
    assertTrue(trees.probability(new double[] {0.95, 0.25, 0.5}) < 0.1);
    // the first tree already tests both conditions, and never the noise column
    BoostedTrees.Tree first = trees.trees().get(0);
    assertTrue(first.root().feature() != 2);
    for (BoostedTrees.Tree t : trees.trees()) {
      if (t.root() != null) assertTrue(t.root().feature() != 2, "root on noise in " + t);
    }
  }

  @Test
  void trainingLossDecreasesWithRounds() {
    List<double[]> x = grid();
    int[] y = andLabels(x);
    double previous = Double.POSITIVE_INFINITY;
    for (int rounds : new int[] {0, 1, 5, 20, 80}) {
      double loss = BoostedTreesTrainer.logLoss(train(rounds, x, y), x, y);
      assertTrue(loss < previous, rounds + " rounds: loss " + loss + " not below " + previous);
      previous = loss;
    }
    // 0 rounds is the prior alone: loss = entropy of the label rate
    double p = 0.5 * 0.7;
    double prior = -(p * Math.log(p) + (1 - p) * Math.log(1 - p));
    assertEquals(prior, BoostedTreesTrainer.logLoss(train(0, x, y), x, y), 0.01);
    assertTrue(previous < 0.05, "loss after 80 rounds " + previous);
  }

  @Test
  void trainingAndScoringAreDeterministic() {
    List<double[]> x = grid();
    int[] y = andLabels(x);
    BoostedTrees a = train(40, x, y);
    BoostedTrees b = train(40, x, y);
    assertEquals(a.toJson("x"), b.toJson("x"));
    double[] q = {0.61, 0.42, 0.1};
    assertEquals(a.score(q), a.score(q.clone()));
    assertEquals(a.score(q), b.score(q));
  }

  @Test
  void jsonRoundTripKeepsEveryScore() {
    List<double[]> x = grid();
    int[] y = andLabels(x);
    BoostedTrees m = train(60, x, y).withThreshold(1.25);
    BoostedTrees back = stored(m);
    assertEquals(m.version(), back.version());
    assertEquals(m.names(), back.names());
    assertEquals(m.threshold(), back.threshold());
    assertEquals(m.trees(), back.trees());
    assertEquals(m, back);
    for (double[] r : x) assertEquals(m.score(r), back.score(r));
    assertEquals(m.score(new double[] {Double.NaN, 0.9, 0.9}), back.score(new double[] {Double.NaN, 0.9, 0.9}));
    // "never links" (no threshold reached the precision) survives storage too
    assertEquals(Double.POSITIVE_INFINITY, stored(m.withThreshold(Double.POSITIVE_INFINITY)).threshold());
  }

  @Test
  void contributionsSumToScoreMinusBaseAndReadAsConditions() {
    List<double[]> x = grid();
    int[] y = andLabels(x);
    BoostedTrees m = train(50, x, y);
    for (double[] r : x) {
      double sum = 0;
      for (BoostedTrees.Contribution c : m.contributions(r)) sum += c.value();
      assertEquals(m.score(r) - m.base(), sum, 1e-9);
    }
    double[] inside = {0.8, 0.8, 0.3};
    List<BoostedTrees.Contribution> cs = m.contributions(inside);
    assertEquals(50, cs.size());
    assertEquals(0, cs.get(0).tree());
    assertTrue(cs.get(0).path().matches("(gap|name_sim) ≥ 0\\.\\d{3}( and (gap|name_sim) ≥ 0\\.\\d{3})?"), cs.get(0).path());
    String explanation = m.explain(inside, 3);
    assertTrue(explanation.contains("gap ≥ 0.500"), explanation);
    assertTrue(explanation.contains("→ +"), explanation);
    assertTrue(explanation.split("; ").length <= 3, explanation);
  }

  @Test
  void missingValuesGoLow() {
    BoostedTrees.Tree t = new BoostedTrees.Tree(new BoostedTrees.Split(0, 0.5), null, new BoostedTrees.Split(1, 0.3), new double[] {-1, -1, 0.5, 2});
    BoostedTrees m = new BoostedTrees("v", NAMES, 0.0, 0.0, List.of(t));
    assertEquals(-1, m.score(new double[] {Double.NaN, 1, 0}));
    assertEquals(0.5, m.score(new double[] {0.5, Double.NaN, 0}));
    assertEquals(2, m.score(new double[] {0.5, 0.3, 0}));
    assertEquals("gap ≥ 0.500 and name_sim ≥ 0.300", m.contributions(new double[] {0.9, 0.9, 0}).get(0).path());
    assertEquals("gap < 0.500", m.contributions(new double[] {0.1, 0.9, 0}).get(0).path());
    assertNull(stored(m).trees().get(0).low());
  }

  @Test
  void quantileCutsSeparateAndBinsAgreeWithSplits() {
    List<double[]> x = new ArrayList<>();
    for (int i = 0; i < 100; i++) x.add(new double[] {i % 10 == 0 ? 5 : 1});
    double[] cuts = BoostedTreesTrainer.quantileCuts(x, 0, 32);
    assertArrayEquals(new double[] {5}, cuts);
    assertEquals(0, BoostedTreesTrainer.binOf(cuts, 1));
    assertEquals(1, BoostedTreesTrainer.binOf(cuts, 5));
    assertEquals(0, BoostedTreesTrainer.quantileCuts(List.of(new double[] {3}, new double[] {3}), 0, 8).length);
  }

  @Test
  void rejectsBadArguments() {
    List<double[]> x = grid();
    int[] y = andLabels(x);
    BoostedTreesTrainer trainer = new BoostedTreesTrainer(BoostedTreesTrainer.Params.defaults());
    assertThrows(IllegalArgumentException.class, () -> new BoostedTreesTrainer.Params(-1, 0.1, 32, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> new BoostedTreesTrainer.Params(10, 0, 32, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> new BoostedTreesTrainer.Params(10, 0.1, 1, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> new BoostedTreesTrainer.Params(10, 0.1, 256, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> new BoostedTreesTrainer.Params(10, 0.1, 32, -1, 1));
    assertThrows(IllegalArgumentException.class, () -> new BoostedTreesTrainer(null));
    assertThrows(IllegalArgumentException.class, () -> trainer.train("v", NAMES, List.of(), new int[0], 0));
    assertThrows(IllegalArgumentException.class, () -> trainer.train("v", NAMES, x, new int[3], 0));
    assertThrows(IllegalArgumentException.class, () -> trainer.train("v", NAMES, x, new int[x.size()], 0), "one class only");
    int[] bad = y.clone();
    bad[0] = 2;
    assertThrows(IllegalArgumentException.class, () -> trainer.train("v", NAMES, x, bad, 0));
    List<double[]> withNan = new ArrayList<>(x);
    withNan.set(3, new double[] {Double.NaN, 0, 0});
    assertThrows(IllegalArgumentException.class, () -> trainer.train("v", NAMES, withNan, y, 0));
    List<double[]> narrow = new ArrayList<>(x);
    narrow.set(3, new double[] {0, 0});
    assertThrows(IllegalArgumentException.class, () -> trainer.train("v", NAMES, narrow, y, 0));
    assertThrows(IllegalArgumentException.class, () -> trainer.train(" ", NAMES, x, y, 0));

    BoostedTrees m = train(5, x, y);
    assertThrows(IllegalArgumentException.class, () -> m.score(new double[] {1, 2}));
    assertThrows(IllegalArgumentException.class, () -> m.explain(new double[] {1, 2, 3}, 0));
    assertThrows(IllegalArgumentException.class, () -> new BoostedTrees.Tree(null, null, null, new double[] {1, 1, 1}));
    assertThrows(IllegalArgumentException.class, () -> new BoostedTrees.Tree(new BoostedTrees.Split(0, 1), null, null, new double[] {1, 2, 3, 3}));
    assertThrows(IllegalArgumentException.class, () -> new BoostedTrees.Split(-1, 1));
    assertThrows(IllegalArgumentException.class, () -> new BoostedTrees.Split(0, Double.NaN));
    BoostedTrees.Tree onFeature9 = new BoostedTrees.Tree(new BoostedTrees.Split(9, 1), null, null, new double[] {0, 0, 1, 1});
    assertThrows(IllegalArgumentException.class, () -> new BoostedTrees("v", NAMES, 0, 0, List.of(onFeature9)));

    String json = m.toJson("x");
    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
        () -> BoostedTrees.fromJson(new ByteArrayInputStream(json.replaceFirst("\"feature\" : \"gap\"", "\"feature\" : \"nope\"").getBytes(StandardCharsets.UTF_8)), "m.json"));
    assertTrue(unknown.getMessage().startsWith("m.json: trees["), unknown.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> BoostedTrees.fromJson(new ByteArrayInputStream(json.replace("webwatch-boosted-trees", "other").getBytes(StandardCharsets.UTF_8)), "m.json"));
    assertThrows(IllegalArgumentException.class, () -> BoostedTrees.fromJson(new ByteArrayInputStream("{".getBytes(StandardCharsets.UTF_8)), "m.json"));
  }
}
