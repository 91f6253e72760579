package org.webwatch.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LogisticCombinerTest {
  private static final List<String> NAMES = List.of("signal", "noise", "against");

  /** label = 1 when signal + small noise > 1; "noise" is unrelated; "against" is higher for label 1 (wrongly signed evidence). */
  private static List<double[]> examples(int n, long seed, List<Integer> labels) {
    Random r = new Random(seed);
    List<double[]> x = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double signal = r.nextDouble() * 2;
      int y = signal + r.nextGaussian() * 0.2 > 1 ? 1 : 0;
      x.add(new double[] {signal, r.nextGaussian(), y + r.nextGaussian() * 0.5});
      labels.add(y);
    }
    return x;
  }

  @Test
  void trainsWeightsThatSeparateTheClasses() {
    List<Integer> y = new ArrayList<>();
    List<double[]> x = examples(2000, 1, y);
    LogisticCombiner m = LogisticCombiner.train("t", NAMES, x, y.stream().mapToInt(Integer::intValue).toArray(), 1.0, 0.5);
    assertThat(m.probability(new double[] {1.8, 0, 0.5})).isGreaterThan(0.9);
    assertThat(m.probability(new double[] {0.2, 0, 0.5})).isLessThan(0.1);
    // the unrelated feature barely moves the score
    double a = m.logit(new double[] {1.0, -2, 0.5});
    double b = m.logit(new double[] {1.0, 2, 0.5});
    assertThat(Math.abs(a - b)).isLessThan(0.5);
    int correct = 0;
    for (int i = 0; i < x.size(); i++) if (m.links(x.get(i)) == (y.get(i) == 1)) correct++;
    assertThat(correct).isGreaterThan(1800);
  }

  @Test
  void signConstraintKeepsEvidenceInItsNaturalDirection() {
    List<Integer> y = new ArrayList<>();
    List<double[]> x = examples(2000, 2, y);
    int[] labels = y.stream().mapToInt(Integer::intValue).toArray();
    LogisticCombiner free = LogisticCombiner.train("t", NAMES, x, labels, 1.0, 0.5);
    assertThat(free.logit(new double[] {1, 0, 2}) - free.logit(new double[] {1, 0, 0})).isPositive();
    // declared as evidence AGAINST a link: the fit must not use it the other way round
    LogisticCombiner constrained = LogisticCombiner.train("t", NAMES, x, labels, 1.0, 0.5, new int[] {1, 0, -1});
    assertThat(constrained.logit(new double[] {1, 0, 2})).isEqualTo(constrained.logit(new double[] {1, 0, 0}));
    assertThat(constrained.probability(new double[] {1.8, 0, 0})).isGreaterThan(0.9);
  }

  @Test
  void thresholdIsTheLowestProbabilityThatKeepsThePrecision() {
    double[] p = {0.99, 0.95, 0.9, 0.8, 0.7, 0.6, 0.5};
    int[] y = {1, 1, 1, 0, 1, 0, 0};
    boolean[] none = new boolean[p.length];
    // at 0.9: 3/3; at 0.8: 3/4; at 0.7: 4/5 = 0.8
    assertThat(LogisticCombiner.thresholdFor(p, y, none, 1.0)).isEqualTo(0.9);
    assertThat(LogisticCombiner.thresholdFor(p, y, none, 0.8)).isEqualTo(0.7);
    assertThat(LogisticCombiner.thresholdFor(new double[] {0.9}, new int[] {0}, new boolean[1], 0.5)).isEqualTo(1.0);
    // a false pair already linked by the rules lowers what the model may add
    boolean[] rule = {false, false, false, false, false, false, true};
    assertThat(LogisticCombiner.thresholdFor(p, y, rule, 0.8)).isEqualTo(1.0); // 3/4 at best
    assertThat(LogisticCombiner.thresholdFor(p, y, rule, 0.75)).isEqualTo(0.9);
  }

  @Test
  void jsonRoundTripKeepsTheModel() {
    LogisticCombiner m = new LogisticCombiner("9.9.9", NAMES, new double[] {1, 0, 0}, new double[] {2, 1, 1}, new double[] {3, -1, 0}, -0.5, 0.8);
    String json = m.toJson("test model");
    LogisticCombiner back = LogisticCombiner.fromJson(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "m.json");
    double[] x = {2, 1, 5};
    assertThat(back.logit(x)).isEqualTo(m.logit(x)).isEqualTo(-0.5 + 3 * 0.5 - 1);
    assertThat(back.version()).isEqualTo("9.9.9");
    assertThat(back.threshold()).isEqualTo(0.8);
    assertThat(m.explain(x)).startsWith("signal=2.000 (+1.50); noise=1.000 (-1.00)");
  }

  @Test
  void rejectsBadModelsWithALocatedMessage() {
    String noWeight = "{\"format\":\"webwatch-linking-model\",\"version\":\"1\",\"threshold\":0.9,\"bias\":0,\"features\":[{\"name\":\"a\",\"mean\":0,\"scale\":1}]}";
    assertThatThrownBy(() -> LogisticCombiner.fromJson(new ByteArrayInputStream(noWeight.getBytes(StandardCharsets.UTF_8)), "m.json"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("m.json").hasMessageContaining("features[0]").hasMessageContaining("weight");
    assertThatThrownBy(() -> new LogisticCombiner("1", List.of("a"), new double[] {0}, new double[] {0}, new double[] {1}, 0, 0.5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new LogisticCombiner("1", List.of("a"), new double[] {0}, new double[] {1}, new double[] {1}, 0, 1.0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shippedModelListsThePairFeatures() {
    LogisticCombiner m = LogisticCombiner.loadDefault();
    assertThat(m.names()).isEqualTo(PairFeatures.NAMES);
    assertThat(m.threshold()).isBetween(0.5, 1.0);
  }
}
