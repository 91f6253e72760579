package org.webwatch.signals.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.webwatch.model.IndicatorCode;

class NaiveBayesSentenceClassifierTest {
  @Test
  void cheapPredictCodeAgreesWithFullPredictionOnEveryShippedSentence() {
    NaiveBayesSentenceClassifier m = NaiveBayesSentenceClassifier.defaultModel();
    int fired = 0;
    for (NaiveBayesSentenceClassifier.Labelled l : NaiveBayesSentenceClassifier.loadCorpus()) {
      FoldedText f = TextNormaliser.normalise(l.text());
      NaiveBayesSentenceClassifier.Prediction p = m.predict(f, 0, f.size);
      IndicatorCode c = m.predictCode(f, 0, f.size);
      assertThat(c).as(l.text()).isEqualTo(p == null ? null : p.code());
      if (p != null) {
        fired++;
        assertThat(p.features()).isNotEmpty().hasSizeLessThanOrEqualTo(3);
      }
    }
    assertThat(fired).isGreaterThan(50); // trained on these: most fire
  }

  @Test
  void unknownWordsAndBigramsAreLookedUpWithoutFalseMatches() {
    List<NaiveBayesSentenceClassifier.Labelled> data = new java.util.ArrayList<>();
    for (int i = 0; i < 20; i++) { // enough documents for a posterior above the threshold
      data.add(new NaiveBayesSentenceClassifier.Labelled(IndicatorCode.OPSEC, "strip metadata wipe drive always"));
      data.add(new NaiveBayesSentenceClassifier.Labelled(null, "garden roses bloom early"));
    }
    NaiveBayesSentenceClassifier m = NaiveBayesSentenceClassifier.train(data);
    FoldedText hit = TextNormaliser.normalise("strip metadata wipe drive");
    assertThat(m.predictCode(hit, 0, hit.size)).isEqualTo(IndicatorCode.OPSEC);
    assertThat(m.predict(hit, 0, hit.size).features()).hasSize(3)
        .isSubsetOf("strip", "metadata", "wipe", "drive", "strip_metadata", "metadata_wipe", "wipe_drive");
    FoldedText near = TextNormaliser.normalise("stripx metadatax wipex drivex"); // same prefixes, other words
    assertThat(m.predictCode(near, 0, near.size)).isNull();
  }
}
