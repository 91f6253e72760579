package org.webwatch.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StyleProfilerTest {
  static final String[] WRITER_A = {"i think the mirror is down again... pls check ur folder", "i agree... the schedule is fine pls",
      "ur backup was slow again... i think", "pls read the rules... i think they are fine"};
  static final String[] WRITER_B = {"The garden looks great this season! Thanks for sharing.", "Great answer! The library opens on Monday.",
      "Thanks for the recipe! The harbour was busy today.", "Lovely pictures! The bridge is closed this weekend."};

  static IntCounter profile(String[] texts, int from, int to) {
    IntCounter c = new IntCounter(StyleProfiler.MAX_DISTINCT_FEATURES);
    for (int i = from; i < to; i++) StyleProfiler.profile(texts[i], c);
    return c;
  }

  @Test
  void sameWriterIsCloserThanADifferentOne() {
    IntCounter a1 = profile(WRITER_A, 0, 2);
    IntCounter a2 = profile(WRITER_A, 2, 4);
    IntCounter b1 = profile(WRITER_B, 0, 2);
    Map<Integer, Integer> df = new HashMap<>();
    IntCounter[] all = {a1, a2, b1};
    int[][] tops = new int[3][];
    for (int i = 0; i < 3; i++) {
      tops[i] = all[i].top(StyleProfiler.TOP_FEATURES);
      for (int f : tops[i]) df.merge(f, 1, Integer::sum);
    }
    var va1 = StyleProfiler.vector(tops[0], a1, df, 3);
    var va2 = StyleProfiler.vector(tops[1], a2, df, 3);
    var vb1 = StyleProfiler.vector(tops[2], b1, df, 3);
    double same = StyleProfiler.cosine(va1.ids(), va1.vals(), va2.ids(), va2.vals());
    double diff = StyleProfiler.cosine(va1.ids(), va1.vals(), vb1.ids(), vb1.vals());
    assertThat(same).isGreaterThan(diff + 0.1);
    assertThat(StyleProfiler.cosine(va1.ids(), va1.vals(), va1.ids(), va1.vals())).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
  }

  @Test
  void profileIsIndependentOfTextOrder() {
    IntCounter x = profile(WRITER_A, 0, 4);
    IntCounter y = new IntCounter(StyleProfiler.MAX_DISTINCT_FEATURES);
    for (int i = 3; i >= 0; i--) StyleProfiler.profile(WRITER_A[i], y);
    assertThat(x.top(1000)).containsExactly(y.top(1000));
  }

  @Test
  void lshFeaturesSkipFeaturesCommonToMany() {
    IntCounter c = profile(WRITER_A, 0, 4);
    int[] top = c.top(StyleProfiler.TOP_FEATURES);
    Map<Integer, Integer> df = new HashMap<>();
    df.put(top[0], 10_000);
    int[] lsh = StyleProfiler.lshFeatures(top, df, 20_000);
    assertThat(lsh).doesNotContain(top[0]).contains(top[1]);
    assertThat(lsh.length).isLessThanOrEqualTo(MinHashLsh.LSH_FEATURES);
  }
}
