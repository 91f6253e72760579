package org.webwatch.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.SplittableRandom;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.webwatch.store.search.TextAnalyzer;

/**
 * Analysis CPU of the full-text index's {@link TextAnalyzer} against Lucene's
 * {@link StandardAnalyzer} (its baseline: same tokens, plus an empty stop filter), alternated in
 * one JVM on 200,000 synthetic post texts; prints the best thread-CPU time of the last 8 of 12
 * rounds for each and their ratio. A plain main: the difference is a few per cent, which JMH's
 * forks would not resolve better on a noisy 2-core machine than alternation in one JVM does.
 *
 * <pre>java -cp webwatch-bench/target/benchmarks.jar org.webwatch.bench.AnalyzerBench</pre>
 */
public final class AnalyzerBench {
  static final int TEXTS = 200_000;
  static final int ROUNDS = 12;
  static final int WARMUP_ROUNDS = 4;

  private AnalyzerBench() {}

  public static void main(String[] args) throws Exception {
    String[] words = ("library answer market morning river neighbour thread welcome school garden camera weather forum "
        + "music rules holiday picture coffee evening question window reply").split(" ");
    SplittableRandom r = new SplittableRandom(1);
    String[] texts = new String[TEXTS];
    for (int i = 0; i < texts.length; i++) {
      StringBuilder b = new StringBuilder();
      for (int k = 12 + r.nextInt(30); k > 0; k--) b.append(words[r.nextInt(words.length)]).append(' ');
      texts[i] = b.toString();
    }
    Analyzer[] analyzers = {new StandardAnalyzer(), new TextAnalyzer()};
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    double[] best = {Double.MAX_VALUE, Double.MAX_VALUE};
    long sink = 0;
    for (int round = 0; round < ROUNDS; round++) {
      for (int w = 0; w < analyzers.length; w++) {
        long c0 = mx.getCurrentThreadCpuTime();
        for (String t : texts) {
          try (TokenStream ts = analyzers[w].tokenStream("text", t)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) sink += term.length();
            ts.end();
          }
        }
        double ms = (mx.getCurrentThreadCpuTime() - c0) / 1e6;
        if (round >= WARMUP_ROUNDS) best[w] = Math.min(best[w], ms);
      }
    }
    System.out.printf("best of %d rounds, %,d texts: StandardAnalyzer %.0f ms, TextAnalyzer %.0f ms, ratio %.3f (sink %d)%n",
        ROUNDS - WARMUP_ROUNDS, TEXTS, best[0], best[1], best[1] / best[0], sink % 7);
  }
}
