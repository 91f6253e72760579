package org.webwatch.signals;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.webwatch.model.IndicatorSpan;
import org.webwatch.model.TextItem;
import org.webwatch.signals.internal.NaiveBayesSentenceClassifier;

/** One detector shared by several threads gives exactly the single-threaded results. */
class ConcurrentDetectionTest {
  @Test
  void sharedDetectorIsThreadSafe() throws Exception {
    RuleIndicatorDetector d = RuleIndicatorDetector.withDefaultRules();
    ValidatingIdentifierExtractor x = new ValidatingIdentifierExtractor();
    List<TextItem> items = new ArrayList<>();
    int i = 0;
    for (NaiveBayesSentenceClassifier.Labelled l : NaiveBayesSentenceClassifier.loadCorpus())
      items.add(RuleIndicatorDetectorTest.post(l.text() + " \u0441\u0442\u043e\u043f " + (i++) + " mail me@example.org"));
    List<List<IndicatorSpan>> expected = items.stream().map(d::detect).toList();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> fs = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        fs.add(pool.submit(() -> {
          for (int k = 0; k < items.size(); k++) {
            if (!d.detect(items.get(k)).equals(expected.get(k))) return false;
            if (x.extract(items.get(k)).size() != 1) return false;
          }
          return true;
        }));
      }
      for (Future<Boolean> f : fs) assertThat(f.get()).isTrue();
    } finally {
      pool.shutdownNow();
    }
  }
}
