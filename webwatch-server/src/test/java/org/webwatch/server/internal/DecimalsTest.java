package org.webwatch.server.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DecimalsTest {
  @Test
  void sameTextAsFormatterForEdgeCases() {
    double[] xs = {0, -0.0, 0.005, 0.015, 0.125, 2.675, 1.005, -0.001, -0.005, -1.235, 9.5, 12.0, 7.25, 1e20, -3e-9,
        Double.MIN_VALUE, Double.MAX_VALUE, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
    for (double x : xs) assertThat(Decimals.two(x)).as("x = %s", x).isEqualTo(String.format(Locale.ROOT, "%.2f", x));
  }

  @Test
  void sameTextAsFormatterForRandomScores() {
    SplittableRandom r = new SplittableRandom(7);
    for (int i = 0; i < 20_000; i++) {
      double x = switch (i % 3) {
        case 0 -> r.nextDouble(-100, 100);
        case 1 -> Math.round(r.nextDouble(0, 1000) * 1000) / 1000.0; // three decimals: many exact halves
        default -> Math.round(r.nextDouble(0, 100) * 8) / 8.0;
      };
      assertThat(Decimals.two(x)).as("x = %s", x).isEqualTo(String.format(Locale.ROOT, "%.2f", x));
    }
  }
}
