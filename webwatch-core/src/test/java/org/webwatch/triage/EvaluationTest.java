package org.webwatch.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.webwatch.WebwatchException;
import org.webwatch.triage.internal.Metrics;

class EvaluationTest {
  @TempDir Path dir;
  Path truth;
  Path out;

  @BeforeEach
  void handMadeCase() throws Exception {
    Path t = Files.createDirectories(dir.resolve("truth"));
    truth = t.resolve("truth.json");
    Files.writeString(truth, "{\"format\":\"webwatch-truth\",\"version\":1,\"seed\":77}");
    Files.writeString(t.resolve("accounts.csv"), "site,account,person,role,motivated\n"
        + "s1,1,P1,producer,true\ns2,1,P1,producer,true\ns1,2,P2,bystander,false\ns1,3,P3,groomer,true\n"
        + "s1,4,P4,bystander,false\ns1,5,P5,bystander,false\n");
    Files.writeString(t.resolve("persons.csv"), "person,role,motivated,expected_band,accounts\n"
        + "P1,producer,true,critical,s1:1|s2:1\nP2,bystander,false,low,s1:2\nP3,groomer,true,high,s1:3\n"
        + "P4,bystander,false,low,s1:4\nP5,bystander,false,low,s1:5\n");
    Files.writeString(t.resolve("indicators.csv"), "site,kind,item,account,category,start,end,text\n"
        + "s1,post,10,1,production-claim,0,10,\"a, quoted \"\"one\"\"\"\ns1,post,10,1,access-claim,20,30,b\n"
        + "s1,post,11,3,meeting-intent,5,15,c\n");
    Files.writeString(t.resolve("media.csv"), "site,post,account,attachment,status\n"
        + "s1,10,1,a1,new\ns1,10,1,a2,known-exact\ns1,11,3,a3,known-perceptual\n");
    out = Files.createDirectories(dir.resolve("out"));
    Files.writeString(out.resolve("accounts.csv"), "rank,site,account,username,person,score,band,reasons\n"
        + "1,s1,1,u,X,60.000,critical,\n2,s1,2,u,Y,40.000,high,\n3,s1,3,u,Y,35.000,high,\n4,s2,1,u,X,20.000,medium,\n"
        + "5,s1,4,u,Z,0.000,low,\n");
    Files.writeString(out.resolve("persons.csv"), "rank,person,score,band,accounts,reasons\n"
        + "1,X,60.000,critical,s1:1|s2:1,\n2,Y,40.000,high,s1:2|s1:3,\n3,Z,0.000,low,s1:4,\n");
    Files.writeString(out.resolve("identities.csv"), "person,site,account,confidence,evidence\n"
        + "X,s1,1,0.9,shared-btc\nX,s2,1,0.9,shared-btc\nY,s1,2,0.8,style\nY,s1,3,0.8,style\nZ,s1,4,1.000,\n");
    Files.writeString(out.resolve("indicators.csv"), "site,kind,item,account,category,start,end,text\n"
        + "s1,post,10,1,production-claim,5,12,x\ns1,post,10,1,access-claim,28,40,x\ns1,post,12,1,opsec,0,5,x\n"
        + "s1,post,11,3,meeting-intent,5,15,x\n");
    Files.writeString(out.resolve("media.csv"), "site,post,account,attachment,status,source,category,distance\n"
        + "s1,10,1,a1,new,,,\ns1,10,1,a2,known-exact,vics,1,\ns1,11,3,a3,new,,,\n");
  }

  @Test
  void accountRankingFigures() {
    EvaluationReport r = Evaluation.evaluate(truth, out);
    assertThat(r.seed()).isEqualTo(77);
    assertThat(r.accounts().k()).isEqualTo(3);
    assertThat(r.accounts().precisionAtK()).isCloseTo(2.0 / 3, offset(1e-9));
    assertThat(r.accounts().auc()).isCloseTo(7.0 / 9, offset(1e-9));
    assertThat(r.accounts().bandPredicted()).isEqualTo(3);
    assertThat(r.accounts().bandPrecision()).isCloseTo(2.0 / 3, offset(1e-9));
    assertThat(r.accounts().bandRecall()).isCloseTo(2.0 / 3, offset(1e-9));
  }

  @Test
  void personFiguresLabelAPersonByAnyMotivatedAccount() {
    EvaluationReport r = Evaluation.evaluate(truth, out);
    assertThat(r.persons().k()).isEqualTo(2);
    assertThat(r.persons().total()).isEqualTo(4);
    assertThat(r.persons().precisionAtK()).isEqualTo(1.0);
    assertThat(r.persons().recallAtK()).isEqualTo(1.0);
    assertThat(r.persons().auc()).isEqualTo(1.0);
    assertThat(r.persons().bandPrecision()).isEqualTo(1.0);
    assertThat(r.persons().bandRecall()).isEqualTo(1.0);
  }

  @Test
  void linkingIsPairwise() {
    EvaluationReport.PrecisionRecall l = Evaluation.evaluate(truth, out).linking();
    assertThat(l.truePositives()).isEqualTo(1);
    assertThat(l.predicted()).isEqualTo(2);
    assertThat(l.expected()).isEqualTo(1);
    assertThat(l.precision()).isEqualTo(0.5);
    assertThat(l.recall()).isEqualTo(1.0);
  }

  @Test
  void suggestedLinksAreCountedAndReviewedAgainstTheTruth() throws Exception {
    assertThat(Evaluation.evaluate(truth, out).suggestions().suggested().predicted()).isZero(); // no link-suggestions.csv
    // P1's two accounts left apart, a suggestion joins them; a second one joins two bystanders
    Files.writeString(out.resolve("identities.csv"), "person,site,account,confidence,evidence\n"
        + "X,s1,1,1.000,\nW,s2,1,1.000,\nY,s1,2,0.8,style\nY,s1,3,0.8,style\nZ,s1,4,1.000,\n");
    Files.writeString(out.resolve("link-suggestions.csv"), "site_a,account_a,person_a,site_b,account_b,person_b,confidence,method,version,evidence\n"
        + "s1,1,X,s2,1,W,0.700,boosted-trees,3.0.0,boosted-weak\ns1,4,Z,s1,5,,0.600,boosted-trees,3.0.0,boosted-weak\n");
    EvaluationReport.Suggestions s = Evaluation.evaluate(truth, out).suggestions();
    assertThat(s.suggested().truePositives()).isEqualTo(1);
    assertThat(s.suggested().predicted()).isEqualTo(2);
    assertThat(s.suggested().expected()).isEqualTo(1); // the one true pair the linking missed
    assertThat(s.afterReview().truePositives()).isEqualTo(1);
    assertThat(s.afterReview().predicted()).isEqualTo(2); // Y's wrong pair stays
    assertThat(s.ifAllMerged().predicted()).isEqualTo(3);
    assertThat(s.ifAllMerged().precision()).isEqualTo(1.0 / 3);
  }

  @Test
  void indicatorSpansMatchByHalfOverlapOfTheShorter() {
    EvaluationReport r = Evaluation.evaluate(truth, out);
    assertThat(r.indicators().get("production-claim").precision()).isEqualTo(1.0);
    assertThat(r.indicators().get("access-claim").recall()).isEqualTo(0.0);
    assertThat(r.indicators().get("meeting-intent").recall()).isEqualTo(1.0);
    assertThat(r.indicators().get("opsec").precision()).isEqualTo(0.0);
    assertThat(r.indicators().get("opsec").recall()).isNaN();
    assertThat(r.indicatorsOverall().precision()).isEqualTo(0.5);
    assertThat(r.indicatorsOverall().recall()).isCloseTo(2.0 / 3, offset(1e-9));
  }

  @Test
  void mediaAccuracyAndConfusion() {
    EvaluationReport.Media m = Evaluation.evaluate(truth, out).media();
    assertThat(m.correct()).isEqualTo(2);
    assertThat(m.accuracy()).isCloseTo(2.0 / 3, offset(1e-9));
    assertThat(m.confusion()).containsEntry("known-perceptual", Map.of("new", 1L)).containsEntry("new", Map.of("new", 1L));
  }

  @Test
  void personBandsAgainstExpectedBands() {
    EvaluationReport.Bands b = Evaluation.evaluate(truth, out).bands();
    // P1 -> X critical (ok), P2 -> Y high (expected low), P3 -> Y high (ok), P4 -> Z low (ok), P5 missing
    assertThat(b.total()).isEqualTo(5);
    assertThat(b.agreeing()).isEqualTo(3);
    assertThat(b.confusion()).containsEntry("low", Map.of("high", 1L, "low", 1L, "missing", 1L));
  }

  @Test
  void writesJsonAndMarkdown() throws Exception {
    Evaluation.evaluateAndWrite(truth, out);
    JsonNode j = new ObjectMapper().readTree(out.resolve("evaluation.json").toFile());
    assertThat(j.path("persons").path("precision_at_k").asDouble()).isEqualTo(1.0);
    assertThat(j.path("indicators").path("opsec").path("recall").isNull()).isTrue();
    assertThat(j.path("linking").path("precision").asDouble()).isEqualTo(0.5);
    assertThat(j.path("person_bands").path("agreement").asDouble()).isEqualTo(0.6);
    assertThat(Files.readString(out.resolve("evaluation.md"))).contains("| persons | 2 | 4 | 1.000 | 1.000 | 1.000 | 2 | 1.000 | 1.000 |")
        .contains("| opsec | 0 | 1 | 0 | 0.000 | n/a |");
  }

  @Test
  void badTruthIsRefusedWithLocation() throws Exception {
    Files.writeString(truth, "{\"format\":\"other\"}");
    assertThatThrownBy(() -> Evaluation.evaluate(truth, out)).isInstanceOf(WebwatchException.class).hasMessageContaining("format");
    Files.writeString(truth, "{\"format\":\"webwatch-truth\",\"version\":1}");
    Files.writeString(truth.getParent().resolve("accounts.csv"), "site,account,person,role,motivated\ns1,1,P1,x,maybe\n");
    assertThatThrownBy(() -> Evaluation.evaluate(truth, out)).isInstanceOf(WebwatchException.class)
        .hasMessageContaining("accounts.csv:2: motivated");
  }

  @Test
  void aucCountsTiesAsHalf() {
    assertThat(Metrics.auc(List.of(new Metrics.Scored(1, true), new Metrics.Scored(1, false)))).isEqualTo(0.5);
    assertThat(Metrics.auc(List.of(new Metrics.Scored(2, true), new Metrics.Scored(1, false), new Metrics.Scored(3, false))))
        .isEqualTo(0.5);
    assertThat(Metrics.overlapMatch(0, 10, 5, 12)).isTrue();
    assertThat(Metrics.overlapMatch(20, 30, 28, 40)).isFalse();
  }
}
