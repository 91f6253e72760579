package org.webwatch.signals.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class AhoCorasickTest {
  private static Set<String> matches(AhoCorasick ac, String text) {
    Set<String> got = new TreeSet<>();
    ac.scan(text, (id, end) -> got.add(id + "@" + end));
    return got;
  }

  private static Set<String> naive(List<String> patterns, String text) {
    Set<String> want = new TreeSet<>();
    for (int id = 0; id < patterns.size(); id++)
      for (int i = text.indexOf(patterns.get(id)); i >= 0; i = text.indexOf(patterns.get(id), i + 1))
        want.add(id + "@" + (i + patterns.get(id).length()));
    return want;
  }

  @Test
  void classicExample() {
    List<String> p = List.of("he", "she", "his", "hers");
    assertThat(matches(new AhoCorasick(p), "ushers")).containsExactlyInAnyOrder("1@4", "0@4", "3@6");
  }

  @Test
  void agreesWithNaiveSearchOnRandomInput() {
    Random r = new Random(42);
    for (int round = 0; round < 200; round++) {
      List<String> p = new ArrayList<>();
      for (int k = 0; k < 1 + r.nextInt(12); k++) p.add(random(r, 1 + r.nextInt(5)));
      String text = random(r, r.nextInt(300));
      assertThat(matches(new AhoCorasick(p), text)).as(p + " / " + text).isEqualTo(naive(p, text));
    }
  }

  @Test
  void charactersOutsideThePatternsResetAndStopWorks() {
    AhoCorasick ac = new AhoCorasick(List.of(" met "));
    assertThat(matches(ac, " met \u4e00met x met ")).hasSize(2);
    int[] seen = {0};
    ac.scan(" met  met  met ", (id, end) -> ++seen[0] < 2);
    assertThat(seen[0]).isEqualTo(2);
    assertThatThrownBy(() -> new AhoCorasick(List.of(""))).isInstanceOf(IllegalArgumentException.class);
  }

  private static String random(Random r, int len) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < len; i++) sb.append("abc ".charAt(r.nextInt(4)));
    return sb.toString();
  }
}
