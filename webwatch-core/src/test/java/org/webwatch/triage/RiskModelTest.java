package org.webwatch.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.webwatch.WebwatchException;
import org.webwatch.model.Evidence;

class RiskModelTest {
  private final RiskModel model = RiskModel.defaults();
  private static final List<String> FACTORS = List.of("new-media", "production-claim", "shared-new-media", "known-media",
      "entry-by-production", "gatekeeper", "access-claim", "meeting-intent", "contact-advocacy", "paid-streaming", "payments",
      "interest-disclosure", "normalisation", "encouraged", "opsec", "activity", "duration", "network", "admin");

  private static RiskEvidence ev(Object... codeCount) {
    Map<String, RiskEvidence.Observation> m = new HashMap<>();
    for (int i = 0; i < codeCount.length; i += 2) {
      long n = ((Number) codeCount[i + 1]).longValue();
      m.put((String) codeCount[i], RiskEvidence.Observation.counted(n, List.of(new Evidence((String) codeCount[i], "v", 1, "d"))));
    }
    return new RiskEvidence(m, 1);
  }

  private double score(Object... codeCount) {
    return model.score(ev(codeCount)).score();
  }

  @Test
  void moreEvidenceNeverLowersAScore() {
    Random rnd = new Random(42);
    for (int trial = 0; trial < 2000; trial++) {
      Map<String, RiskEvidence.Observation> m = new HashMap<>();
      for (String f : FACTORS) if (rnd.nextInt(4) == 0) m.put(f, RiskEvidence.Observation.counted(rnd.nextInt(6), List.of()));
      int sites = 1 + rnd.nextInt(3);
      RiskScore before = model.score(new RiskEvidence(m, sites));
      Map<String, RiskEvidence.Observation> more = new HashMap<>(m);
      String f = FACTORS.get(rnd.nextInt(FACTORS.size()));
      long n = more.containsKey(f) ? more.get(f).count() : 0;
      more.put(f, RiskEvidence.Observation.counted(n + 1 + rnd.nextInt(3), List.of()));
      RiskScore after = model.score(new RiskEvidence(more, sites + rnd.nextInt(2)));
      assertThat(after.score()).as("adding %s to %s", f, m.keySet()).isGreaterThanOrEqualTo(before.score());
      assertThat(after.confidence()).isGreaterThanOrEqualTo(before.confidence());
    }
  }

  @Test
  void independentFamiliesBeatRepeatsOfOne() {
    double repeats = score("access-claim", 4);
    double corroborated = score("access-claim", 2, "interest-disclosure", 2);
    assertThat(corroborated).isGreaterThan(repeats);
    assertThat(model.score(ev("access-claim", 2, "interest-disclosure", 2)).confidence())
        .isGreaterThan(model.score(ev("access-claim", 4)).confidence());
    // two factors of one family (contact) add less than two of different families
    assertThat(score("meeting-intent", 1, "contact-advocacy", 1)).isLessThan(score("meeting-intent", 1, "paid-streaming", 1));
    // repeats saturate: the tenth piece adds less than the second
    assertThat(score("access-claim", 10) - score("access-claim", 9)).isLessThan(score("access-claim", 2) - score("access-claim", 1));
  }

  @Test
  void volumeOpsecAndNetworkAloneStayAtZero() {
    Map<String, RiskEvidence.Observation> m = new HashMap<>();
    m.put("activity", RiskEvidence.Observation.counted(100_000, List.of()));
    m.put("duration", new RiskEvidence.Observation(3000, 3000, List.of()));
    m.put("network", new RiskEvidence.Observation(5000, 1.0, List.of()));
    m.put("opsec", RiskEvidence.Observation.counted(500, List.of()));
    m.put("encouraged", RiskEvidence.Observation.counted(50, List.of()));
    m.put("admin", RiskEvidence.Observation.counted(1, List.of()));
    RiskScore s = model.score(new RiskEvidence(m, 3));
    assertThat(s.score()).isZero();
    assertThat(s.band()).isEqualTo(Band.LOW);
    assertThat(s.reasons()).isEmpty();
    assertThat(score("opsec", 1000)).isZero();
    assertThat(model.band(score("normalisation", 1000))).isEqualTo(Band.LOW);
  }

  @Test
  void opsecCountsOnlyInCombination() {
    assertThat(score("access-claim", 1, "opsec", 5)).isGreaterThan(score("access-claim", 1));
  }

  @Test
  void newMaterialDominates() {
    // v2: new material saturates highest, and corroborated new material outranks any amount of any other factor
    double two = score("new-media", 2, "production-claim", 1);
    for (String f : FACTORS) {
      if (f.equals("new-media")) continue;
      assertThat(f.equals("production-claim") ? score(f, 1000) : score(f, 1000, "production-claim", 1)).as(f).isLessThan(two);
    }
    // v2 (was: one new file alone -> high): files alone are one channel; a claim corroborates them
    assertThat(model.band(score("new-media", 1))).isEqualTo(Band.MEDIUM);
    assertThat(model.band(score("new-media", 1, "production-claim", 1))).isIn(Band.HIGH, Band.CRITICAL);
    assertThat(model.band(score("new-media", 1, "access-claim", 1))).isEqualTo(Band.CRITICAL);
  }

  @Test
  void consumerOnlyEvidenceStaysMedium() {
    // a heavy consumer of known material who re-shares others' new files, admits interest and gives opsec advice
    Map<String, RiskEvidence.Observation> m = new HashMap<>();
    m.put("known-media", RiskEvidence.Observation.counted(400, List.of()));
    m.put("shared-new-media", RiskEvidence.Observation.counted(50, List.of()));
    m.put("interest-disclosure", RiskEvidence.Observation.counted(20, List.of()));
    m.put("normalisation", RiskEvidence.Observation.counted(20, List.of()));
    m.put("opsec", RiskEvidence.Observation.counted(30, List.of()));
    m.put("activity", RiskEvidence.Observation.counted(5000, List.of()));
    m.put("network", new RiskEvidence.Observation(900, 1.0, List.of()));
    RiskScore s = model.score(new RiskEvidence(m, 4));
    assertThat(s.band()).isEqualTo(Band.MEDIUM);
    assertThat(s.reasons()).contains("known-media=400", "shared-new-media=50");
    assertThat(s.reasons()).doesNotContain("opsec", "activity", "network", "cross-site");
    assertThat(model.band(score("known-media", 3))).isEqualTo(Band.LOW);
  }

  @Test
  void oneIsolatedSpanNeverMakesHigh() {
    for (String f : List.of("access-claim", "meeting-intent", "paid-streaming", "production-claim", "entry-by-production",
        "contact-advocacy")) {
      Map<String, RiskEvidence.Observation> m = new HashMap<>();
      m.put(f, RiskEvidence.Observation.counted(1, List.of(new Evidence(f, "v", 1, "post s1/1 [0,9)"))));
      m.put("interest-disclosure", RiskEvidence.Observation.counted(5, List.of()));
      m.put("known-media", RiskEvidence.Observation.counted(40, List.of()));
      m.put("activity", RiskEvidence.Observation.counted(900, List.of()));
      m.put("duration", new RiskEvidence.Observation(900, 900, List.of()));
      RiskScore one = model.score(new RiskEvidence(m, 3));
      assertThat(one.band()).as(f).isIn(Band.LOW, Band.MEDIUM);
      // the cap is explained: a negative contribution line, and the contributions still add up
      assertThat(one.factors()).extracting(FactorContribution::factor).contains(RiskModel.UNCORROBORATED);
      assertThat(one.factors().stream().mapToDouble(FactorContribution::contribution).sum())
          .isCloseTo(one.score(), org.assertj.core.data.Offset.offset(0.01));
      assertThat(one.reasons()).doesNotContain(RiskModel.UNCORROBORATED);
      // the same behaviour repeated (a second span) or corroborated by another strong family lifts the cap
      m.put(f, RiskEvidence.Observation.counted(3, List.of()));
      assertThat(model.score(new RiskEvidence(m, 3)).band()).as(f + " repeated").isIn(Band.HIGH, Band.CRITICAL);
    }
    assertThat(model.band(score("access-claim", 1, "meeting-intent", 1))).isIn(Band.HIGH, Band.CRITICAL);
  }

  @Test
  void newFilesAloneAreOneChannel() {
    // however many new files an account posted first, without a second strong piece it stays below high
    assertThat(model.band(score("new-media", 40, "known-media", 40, "interest-disclosure", 5))).isEqualTo(Band.MEDIUM);
    assertThat(model.band(score("new-media", 3, "production-claim", 2))).isEqualTo(Band.CRITICAL);
    assertThat(model.band(score("gatekeeper", 1))).isIn(Band.LOW, Band.MEDIUM);
    assertThat(model.band(score("gatekeeper", 1, "entry-by-production", 4))).isIn(Band.HIGH, Band.CRITICAL);
  }

  @Test
  void contributionsDecomposeTheScoreStrongestFirst() {
    RiskScore s = model.score(ev("new-media", 2, "access-claim", 1, "opsec", 3, "activity", 40));
    double sum = s.factors().stream().mapToDouble(FactorContribution::contribution).sum();
    assertThat(sum).isCloseTo(s.score(), org.assertj.core.data.Offset.offset(0.01));
    assertThat(s.factors().get(0).factor()).isEqualTo("new-media");
    for (int i = 1; i < s.factors().size(); i++)
      assertThat(s.factors().get(i).contribution()).isLessThanOrEqualTo(s.factors().get(i - 1).contribution());
    assertThat(s.reasons()).startsWith("new-media=2;access-claim=1;corroboration=2");
    assertThat(s.factors()).allSatisfy(f -> assertThat(f.evidence()).isNotEmpty());
    assertThat(s.modelVersion()).isEqualTo("webwatch-risk@2.0.0");
  }

  @Test
  void crossSiteAddsOnlyWithStrongEvidence() {
    Map<String, RiskEvidence.Observation> m = Map.of("access-claim", RiskEvidence.Observation.counted(1, List.of()));
    assertThat(model.score(new RiskEvidence(m, 2)).score()).isGreaterThan(model.score(new RiskEvidence(m, 1)).score());
    Map<String, RiskEvidence.Observation> weak = Map.of("opsec", RiskEvidence.Observation.counted(1, List.of()));
    assertThat(model.score(new RiskEvidence(weak, 3)).score()).isZero();
  }

  @Test
  void anAgencyModelOverridesWeightsAndBands(@TempDir Path dir) throws Exception {
    String json = new String(RiskModel.class.getResourceAsStream(RiskModel.DEFAULT_RESOURCE).readAllBytes(), StandardCharsets.UTF_8)
        .replace("\"version\": \"2.0.0\"", "\"version\": \"agency-7\"")
        .replace("\"minStrongEvidence\": 2, \"uncorroboratedMax\": 29.9", "\"minStrongEvidence\": 1, \"uncorroboratedMax\": 14.9")
        .replace("\"bands\": {\"critical\": 60, \"high\": 30, \"medium\": 12}", "\"bands\": {\"critical\": 18, \"high\": 15, \"medium\": 5}");
    Path f = dir.resolve("m.json");
    Files.writeString(f, json);
    RiskModel agency = RiskModel.load(f);
    assertThat(agency.version()).isEqualTo("webwatch-risk@agency-7");
    assertThat(agency.score(ev("access-claim", 1)).band()).isEqualTo(Band.CRITICAL);
    assertThat(model.score(ev("interest-disclosure", 1)).band()).isEqualTo(Band.LOW);
    assertThat(agency.score(ev("interest-disclosure", 1)).band()).isEqualTo(Band.MEDIUM);
  }

  @Test
  void badModelsAreRefusedWithTheFieldAtFault() {
    assertThatThrownBy(() -> RiskModel.parse(new ByteArrayInputStream("{\"format\":\"x\"}".getBytes()), "m.json"))
        .isInstanceOf(WebwatchException.class).hasMessageContaining("m.json: format");
    String bad = "{\"format\":\"webwatch-risk-model\",\"name\":\"n\",\"version\":\"1\",\"factors\":{\"x\":{\"weight\":1,\"k\":0,"
        + "\"family\":\"f\"}},\"familyDecay\":0.5,\"corroboration\":{\"bonusPerFamily\":1,\"maxBonus\":1},"
        + "\"crossSite\":{\"bonusPerSite\":1,\"maxBonus\":1},\"bands\":{\"critical\":3,\"high\":2,\"medium\":1}}";
    assertThatThrownBy(() -> RiskModel.parse(new ByteArrayInputStream(bad.getBytes()), "m.json"))
        .isInstanceOf(WebwatchException.class).hasMessageContaining("factors.x").hasMessageContaining("k must be > 0");
    String capAboveHigh = bad.replace("\"k\":0", "\"k\":1").replace("\"maxBonus\":1}", "\"maxBonus\":1,\"uncorroboratedMax\":2}");
    assertThatThrownBy(() -> RiskModel.parse(new ByteArrayInputStream(capAboveHigh.getBytes()), "m.json"))
        .isInstanceOf(WebwatchException.class).hasMessageContaining("corroboration.uncorroboratedMax");
    String noPieces = bad.replace("\"k\":0", "\"k\":1,\"maxPieces\":0");
    assertThatThrownBy(() -> RiskModel.parse(new ByteArrayInputStream(noPieces.getBytes()), "m.json"))
        .isInstanceOf(WebwatchException.class).hasMessageContaining("factors.x").hasMessageContaining("maxPieces");
    assertThatThrownBy(() -> RiskModel.parse(new ByteArrayInputStream("not json".getBytes()), "m.json"))
        .isInstanceOf(WebwatchException.class).hasMessageContaining("m.json: not JSON");
  }

  @Test
  void knownMediaCountsByCategory() {
    assertThat(model.knownCategoryWeight("1")).isEqualTo(1.0);
    assertThat(model.knownCategoryWeight("2")).isEqualTo(0.5);
    assertThat(model.knownCategoryWeight("0")).isZero();
    assertThat(model.knownCategoryWeight("4")).isZero();
    assertThat(model.knownCategoryWeight(null)).isEqualTo(1.0);
    assertThat(model.knownCategoryWeight("unlisted")).isEqualTo(1.0);
    RiskScore cat1 = model.score(new RiskEvidence(Map.of("known-media", new RiskEvidence.Observation(2, 2.0, List.of())), 1));
    RiskScore cat2 = model.score(new RiskEvidence(Map.of("known-media", new RiskEvidence.Observation(2, 1.0, List.of())), 1));
    assertThat(cat1.score()).isGreaterThan(cat2.score());
    assertThat(cat2.reasons()).isEqualTo("known-media=2");
  }
}
