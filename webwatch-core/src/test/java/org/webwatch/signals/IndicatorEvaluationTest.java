package org.webwatch.signals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.webwatch.WebwatchException;
import org.webwatch.model.IndicatorCode;

class IndicatorEvaluationTest {
  @Test
  void overlapMatchingPerCodeAndHardNegatives(@TempDir Path dir) throws Exception {
    Path truth = dir.resolve("truth.csv"), det = dir.resolve("det.csv");
    Files.writeString(truth, String.join("\n",
        "site,kind,item,account,category,start,end,text,obfuscation",
        "s1,post,1,a,opsec,0,10,x,none",
        "s1,post,1,a,opsec,20,30,x,leet",
        "s1,post,2,a,access-claim,5,15,x,none",
        "s1,post,3,a,none,0,40,\"quoted, with comma\",none", ""));
    Files.writeString(det, String.join("\r\n",
        "site,kind,item,account,category,start,end,text",
        "s1,post,1,a,opsec,8,12,x",           // overlaps truth 0-10 -> correct
        "s1,post,1,a,opsec,40,45,x",          // no truth -> wrong
        "s1,post,2,a,opsec,5,15,x",           // wrong code
        "s1,message,2,a,access-claim,5,15,x", // other kind = other item
        "s1,post,3,a,normalisation,1,4,x", ""));  // hits the hard negative
    IndicatorEvaluation.Report r = IndicatorEvaluation.evaluate(det, truth);
    IndicatorEvaluation.CodeScore opsec = r.perCode().get(IndicatorCode.OPSEC.ordinal());
    assertThat(opsec.detected()).isEqualTo(3);
    assertThat(opsec.detectedCorrect()).isEqualTo(1);
    assertThat(opsec.truth()).isEqualTo(2);
    assertThat(opsec.truthFound()).isEqualTo(1);
    assertThat(opsec.precision()).isEqualTo(1 / 3.0);
    assertThat(opsec.recall()).isEqualTo(0.5);
    IndicatorEvaluation.CodeScore access = r.perCode().get(IndicatorCode.ACCESS_CLAIM.ordinal());
    assertThat(access.recall()).isZero();
    assertThat(r.hardNegatives()).isEqualTo(1);
    assertThat(r.hardNegativeFalsePositiveRate()).isEqualTo(1.0);
    assertThat(r.toMarkdown()).contains("| opsec | 0.33 | 0.50 | 3 | 2 |");
  }

  @Test
  void badFilesAreLocatedErrors(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("bad.csv");
    Files.writeString(bad, "site,kind,item,category,start\n");
    assertThatThrownBy(() -> IndicatorEvaluation.evaluate(bad, bad)).isInstanceOf(WebwatchException.class).hasMessageContaining("bad.csv:1").hasMessageContaining("end");
    Files.writeString(bad, "site,kind,item,category,start,end\ns,post,1,opsec,x,2\n");
    assertThatThrownBy(() -> IndicatorEvaluation.evaluate(bad, bad)).hasMessageContaining("record 2");
  }

  @Test
  void generatorNegativesAndObfuscationsGiveFalsePositiveRateAndRecallPerType(@TempDir Path dir) throws Exception {
    Path truth = dir.resolve("indicators.csv"), det = dir.resolve("det.csv");
    Path neg = dir.resolve("negatives.csv"), obf = dir.resolve("obfuscations.csv");
    Files.writeString(truth, String.join("\n",
        "site,kind,item,account,category,start,end,text",
        "s1,post,1,a,opsec,0,10,x",
        "s1,post,1,a,opsec,20,30,x",
        "s1,post,2,a,meeting-intent,0,10,x", ""));
    Files.writeString(obf, String.join("\n",
        "site,kind,item,account,category,obfuscation,start,end,text",
        "s1,post,1,a,opsec,leet,20,30,x",
        "s1,post,2,a,meeting-intent,leet,0,10,x", ""));
    Files.writeString(neg, String.join("\n",
        "site,kind,item,account,negative_type,start,end,text",
        "s1,post,5,a,news,0,20,x",
        "s1,post,6,a,news,0,20,x",
        "s1,post,7,a,privacy,0,20,x", ""));
    Files.writeString(det, String.join("\n",
        "site,kind,item,account,category,start,end,text",
        "s1,post,1,a,opsec,2,5,x",            // finds the unobfuscated span
        "s1,post,1,a,opsec,25,28,x",          // finds the leet span
        "s1,post,2,a,opsec,0,10,x",           // wrong code: the leet meeting span stays missed
        "s1,post,5,a,paid-streaming,15,25,x", // hits a news negative
        ""));
    IndicatorEvaluation.Report r = IndicatorEvaluation.evaluate(det, truth, neg, obf);
    assertThat(r.negativesByType()).containsExactly(
        new IndicatorEvaluation.GroupScore("news", 2, 1), new IndicatorEvaluation.GroupScore("privacy", 1, 0));
    assertThat(r.hardNegatives()).isEqualTo(3);
    assertThat(r.hardNegativesHit()).isEqualTo(1);
    assertThat(r.recallByObfuscation()).containsExactly(
        new IndicatorEvaluation.GroupScore("leet", 2, 1), new IndicatorEvaluation.GroupScore("none", 1, 1));
    assertThat(r.precision()).isEqualTo(2 / 4.0);
    assertThat(r.recall()).isEqualTo(2 / 3.0);
    assertThat(r.toMarkdown()).contains("| news | 2 | 1 | 0.500 |").contains("| leet | 2 | 1 | 0.50 |");
    assertThat(IndicatorEvaluation.evaluate(det, truth).negativesByType()).isEmpty();
  }
}
