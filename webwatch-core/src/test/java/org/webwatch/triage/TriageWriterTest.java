package org.webwatch.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.webwatch.identity.IdentityResult;
import org.webwatch.model.AccountKey;
import org.webwatch.model.Evidence;
import org.webwatch.model.PersonAssignment;
import org.webwatch.csv.CsvWriter;

class TriageWriterTest {
  @TempDir Path dir;

  private static RiskScore score(double s, Band b, String factor, long n) {
    return new RiskScore(s, b, 0.5, List.of(new FactorContribution(factor, n, s, List.of(new Evidence(factor, "v", 1, "d")))), "m@1");
  }

  @Test
  void csvQuotesOnlyWhenNeeded() {
    StringWriter sw = new StringWriter();
    CsvWriter w = new CsvWriter(sw);
    w.row("plain", "a,b", "say \"hi\"", "two\nlines", "cr\r", "", null, " spaced ");
    assertThat(sw.toString()).isEqualTo("plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\r\",,, spaced \n");
    assertThat(w.rows()).isEqualTo(1);
  }

  @Test
  void accountsAndPersonsHaveExactHeadersRanksAndFormats() throws Exception {
    List<RankedAccount> accounts = List.of(
        new RankedAccount(1, new AccountKey("s1", "2"), "a,b", "p1", score(40.5, Band.HIGH, "new-media", 1)),
        new RankedAccount(2, new AccountKey("s1", "3"), null, "p2", new RiskScore(0, Band.LOW, 0, List.of(), "m@1")));
    TriageWriter.writeAccounts(dir.resolve("accounts.csv"), accounts);
    assertThat(Files.readString(dir.resolve("accounts.csv"))).isEqualTo(
        "rank,site,account,username,person,score,band,reasons\n1,s1,2,\"a,b\",p1,40.500,high,new-media=1\n2,s1,3,,p2,0.000,low,\n");
    List<RankedPerson> persons = List.of(new RankedPerson(1, "p1", List.of(new AccountKey("s1", "2"), new AccountKey("s2", "9")),
        score(41, Band.HIGH, "new-media", 2)));
    TriageWriter.writePersons(dir.resolve("persons.csv"), persons);
    assertThat(Files.readString(dir.resolve("persons.csv")))
        .isEqualTo("rank,person,score,band,accounts,reasons\n1,p1,41.000,high,s1:2|s2:9,new-media=2\n");
    TriageWriter.writeIdentities(dir.resolve("identities.csv"), new IdentityResult(List.of(
        new PersonAssignment("p1", new AccountKey("s2", "9"), 0.87654, List.of("shared-btc", "username")),
        new PersonAssignment("p1", new AccountKey("s1", "2"), 0.9, List.of("shared-btc"))), List.of()), persons);
    assertThat(Files.readString(dir.resolve("identities.csv"))).isEqualTo(
        "person,site,account,confidence,evidence\np1,s1,2,0.900,shared-btc\np1,s2,9,0.877,shared-btc;username\n");
  }

  @Test
  void suggestionsNameBothPersonsAndTheCodesThatCount() throws Exception {
    AccountKey a = new AccountKey("s1", "2");
    AccountKey b = new AccountKey("s2", "9");
    List<org.webwatch.model.Evidence> ev = List.of(new org.webwatch.model.Evidence("username", "x", 1.5, "d"),
        new org.webwatch.model.Evidence("style", "y", -0.5, "d"), new org.webwatch.model.Evidence("boosted-weak", "p=0.7", 0.85, "d"));
    TriageWriter.writeSuggestions(dir.resolve("s.csv"), new IdentityResult(List.of(new PersonAssignment("p1", a, 1.0, List.of()),
        new PersonAssignment("p2", b, 1.0, List.of())), List.of(),
        List.of(new org.webwatch.model.AccountLink(a, b, 0.7012, "boosted-trees", "3.0.0", ev))));
    assertThat(Files.readString(dir.resolve("s.csv"))).isEqualTo(
        "site_a,account_a,person_a,site_b,account_b,person_b,confidence,method,version,evidence\n"
            + "s1,2,p1,s2,9,p2,0.701,boosted-trees,3.0.0,username;boosted-weak\n");
  }

  @Test
  void reasonsListOnlyContributingFactorsStrongestFirst() {
    RiskScore s = new RiskScore(30, Band.HIGH, 0.5, List.of(new FactorContribution("access-claim", 2, 25, List.of()),
        new FactorContribution("opsec", 3, 5, List.of()), new FactorContribution("activity", 9, 0, List.of())), "m@1");
    assertThat(s.reasons()).isEqualTo("access-claim=2;opsec=3");
  }

  @Test
  void excerptsNeverSplitSurrogatePairs() {
    // cut points 41 and 204 fall inside surrogate pairs and must move outwards
    String text = "😀".repeat(60) + "xSPANy" + "😀".repeat(60);
    Excerpt x = Excerpt.of(text, 121, 125);
    assertThat(x.span()).isEqualTo("SPAN");
    assertThat(x.before()).startsWith("…");
    assertThat(x.after()).endsWith("…");
    assertThat(Character.isLowSurrogate(x.before().charAt(1))).isFalse();
    assertThat(Character.isHighSurrogate(x.after().charAt(x.after().length() - 2))).isFalse();
    assertThat(x.before().length()).isEqualTo(Excerpt.CONTEXT_CHARS + 2);
    assertThat(x.after().length()).isEqualTo(Excerpt.CONTEXT_CHARS + 2);
    assertThat(Excerpt.of("short SPAN text", 6, 10)).isEqualTo(new Excerpt("short ", "SPAN", " text"));
  }

  @Test
  void fixedPointFormattingMatchesFormatForRoundedScores() {
    java.util.Random rnd = new java.util.Random(9);
    for (int i = 0; i < 5000; i++) {
      double x = Math.round(rnd.nextDouble() * 200_000 - 1000) / 1000.0;
      assertThat(TriageWriter.number(x)).isEqualTo(String.format(java.util.Locale.ROOT, "%.3f", x));
    }
    assertThat(org.webwatch.triage.internal.Numbers.fixed(0.0000004, 6)).isEqualTo("0.000000");
    assertThat(org.webwatch.triage.internal.Numbers.fixed(3, 6)).isEqualTo("3.000000");
    assertThat(org.webwatch.triage.internal.Numbers.fixed(2.5, 0)).isEqualTo("3");
  }

  @Test
  void theReportSaysWhyAScoreWasCappedBelowHigh() throws Exception {
    RiskModel model = RiskModel.defaults();
    java.util.Map<String, RiskEvidence.Observation> m = new java.util.HashMap<>();
    m.put("access-claim", RiskEvidence.Observation.counted(1, List.of(new Evidence("access-claim", "i look after kids", 0.75, "post s1/5 [0,17)"))));
    m.put("interest-disclosure", RiskEvidence.Observation.counted(4, List.of(new Evidence("interest-disclosure", "x", 0.7, "post s1/6 [0,1)"))));
    m.put("known-media", RiskEvidence.Observation.counted(20, List.of(new Evidence("known-media", "sha256:aa", 1, "media s1/7 attachment 1"))));
    RiskScore s = model.score(new RiskEvidence(m, 1));
    assertThat(s.band()).isEqualTo(Band.MEDIUM);
    AccountKey k = new AccountKey("s1", "2");
    TriageResult r = new TriageResult(List.of(new RankedAccount(1, k, "u", "p1", s)), List.of(new RankedPerson(1, "p1", List.of(k), s)),
        new IdentityResult(List.of(new PersonAssignment("p1", k, 1.0, List.of())), List.of()), java.util.Map.of(), java.util.Map.of(),
        new TriageSummary(List.of(), java.util.Map.of(), java.util.Map.of("model", model.version()), java.util.Map.of(), List.of()));
    TriageWriter.writeReport(dir.resolve("report.html"), r, 10);
    String html = Files.readString(dir.resolve("report.html"));
    assertThat(html).contains("<b>uncorroborated</b>", "score capped at 29.9", "<b>access-claim</b>");
  }
}
