package org.webwatch.triage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.webwatch.model.AccountKey;
import org.webwatch.model.IdentifierType;
import org.webwatch.model.Payment;

class TriagePipelineTest {
  @TempDir Path dir;

  private TriageResult run(Path out, TriageOptions o) {
    return new TriagePipeline(Fixture.components(), o).run(List.of(Fixture.siteOne(), Fixture.siteTwo()), out);
  }

  private static List<String> lines(Path p) throws IOException {
    return Files.readAllLines(p, StandardCharsets.UTF_8);
  }

  private static RankedAccount account(TriageResult r, String site, String id) {
    return r.accounts().stream().filter(a -> a.account().equals(new AccountKey(site, id))).findFirst().orElseThrow();
  }

  @Test
  void ranksTheLinkedProducerFirstWithExplainedReasons() throws IOException {
    TriageResult r = run(dir, TriageOptions.defaults());
    RankedPerson top = r.persons().get(0);
    assertThat(top.accounts()).containsExactly(new AccountKey("s1", "2"), new AccountKey("s2", "7"));
    assertThat(top.person()).isEqualTo("p-s1:2");
    assertThat(top.score().band()).isEqualTo(Band.CRITICAL);
    assertThat(top.score().reasons()).startsWith("new-media=1;").contains("access-claim=1", "production-claim=1", "cross-site=2");
    // the person is scored on all its accounts: above each account on its own
    assertThat(top.score().score()).isGreaterThan(account(r, "s1", "2").score().score())
        .isGreaterThan(account(r, "s2", "7").score().score());
    // contributions add up to the score (within rounding)
    double sum = top.score().factors().stream().mapToDouble(FactorContribution::contribution).sum();
    assertThat(sum).isCloseTo(top.score().score(), org.assertj.core.data.Offset.offset(0.01));

    RankedAccount collector = account(r, "s1", "3");
    assertThat(collector.score().reasons().split(";")).contains("shared-new-media=1", "known-media=1").doesNotContain("new-media=1");
    // the known hash in the ignored category (0, non-pertinent) does not count
    assertThat(collector.score().factors()).filteredOn(f -> f.factor().equals("known-media")).singleElement()
        .satisfies(f -> assertThat(f.count()).isEqualTo(1));
    assertThat(account(r, "s1", "4").score().score()).as("volume + opsec alone").isZero();
    assertThat(account(r, "s1", "4").score().band()).isEqualTo(Band.LOW);
    assertThat(account(r, "s1", "5").score().score()).as("hard negative").isZero();
    assertThat(account(r, "s1", "1").score().reasons()).contains("entry-by-production=1", "gatekeeper=1");
    assertThat(account(r, "s1", "6").score().reasons()).contains("meeting-intent=1", "normalisation=1");
    assertThat(account(r, "s1", "9").username()).isNull();
  }

  @Test
  void writesEveryFileOfTheContract() throws IOException {
    TriageResult r = run(dir, TriageOptions.defaults());
    List<String> acc = lines(dir.resolve("accounts.csv"));
    assertThat(acc.get(0)).isEqualTo("rank,site,account,username,person,score,band,reasons");
    assertThat(acc).hasSize(1 + 9);
    for (int i = 1; i < acc.size(); i++) assertThat(acc.get(i)).startsWith(i + ",");
    assertThat(acc).anySatisfy(l -> assertThat(l).contains(",\"o\"\"w,l <script>alert(1)</script>\","));
    List<String> persons = lines(dir.resolve("persons.csv"));
    assertThat(persons.get(0)).isEqualTo("rank,person,score,band,accounts,reasons");
    assertThat(persons.get(1)).startsWith("1,p-s1:2,").contains(",critical,s1:2|s2:7,new-media=1;");
    List<String> ids = lines(dir.resolve("identities.csv"));
    assertThat(ids.get(0)).isEqualTo("person,site,account,confidence,evidence");
    assertThat(ids).hasSize(1 + 9).contains("p-s1:2,s2,7,0.900,shared-btc", "solo:s1:9,s1,9,1.000,");
    List<String> ind = lines(dir.resolve("indicators.csv"));
    assertThat(ind.get(0)).isEqualTo("site,kind,item,account,category,start,end,text");
    assertThat(ind).contains("s1,post,101,2,production-claim,18,29,made myself", "s1,message,M1#subject,6,meeting-intent,0,7,Meet up",
        "s1,profile,8,8,interest-disclosure,7,27,known since my teens", "s1,post,302,6,normalisation,9,22,you're normal");
    assertThat(ind).noneMatch(l -> l.contains(",301,"));
    List<String> idf = lines(dir.resolve("identifiers.csv"));
    assertThat(idf).containsExactly("site,kind,item,account,type,value,valid", "s1,signature,2,2,btc,bc1qabc123,true",
        "s1,message,M1,6,email,greeter@mail.test,true", "s2,signature,7,7,btc,bc1qabc123,true");
    List<String> media = lines(dir.resolve("media.csv"));
    assertThat(media).containsExactly("site,post,account,attachment,status,source,category,distance",
        "s1,101,2,a1,new,,,", "s1,102,3,a2,new,,,", "s1,102,3,a3,known-exact,testset,1,", "s1,102,3,a4,known-exact,testset,0,",
        "s1,304,9,a5,unhashed,,,");
    JsonNode summary = new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
    assertThat(summary.path("counts").path("rejected").asLong()).isEqualTo(1);
    assertThat(summary.path("counts").path("component-errors").asLong()).isEqualTo(1);
    assertThat(summary.path("counts").path("read.posts").asLong()).isEqualTo(39);
    assertThat(summary.path("counts").path("written.media").asLong()).isEqualTo(5);
    assertThat(summary.path("versions").path("rules").asText()).isEqualTo("keywords-1");
    assertThat(summary.path("versions").path("model").asText()).isEqualTo("webwatch-risk@2.0.0");
    assertThat(summary.path("versions").path("hash-set:testset").asText()).isEqualTo("1");
    assertThat(summary.path("timings_ms").has("stream")).isTrue();
    assertThat(summary.path("timings_ms").has("identity.link")).isTrue();
    assertThat(summary.path("messages").toString()).contains("posts.jsonl:7: created_at: not a timestamp", "post s1/303");
    assertThat(summary.path("inputs").get(1).path("name").asText()).isEqualTo("capture-two");
    JsonNode ex = new ObjectMapper().readTree(dir.resolve("explanations.json").toFile());
    JsonNode first = ex.path("persons").get(0);
    assertThat(first.path("person").asText()).isEqualTo("p-s1:2");
    assertThat(first.path("links").get(0).path("method").asText()).isEqualTo("shared-identifier");
    assertThat(first.path("factors").toString()).contains("\"span\":\"made myself\"", "post s1/101 [18,29)");
    String html = Files.readString(dir.resolve("report.html"));
    if (System.getProperty("webwatch.dump") != null) Files.writeString(Path.of(System.getProperty("webwatch.dump")), html);
    assertThat(r.identifiers()).containsEntry(new AccountKey("s1", "2"), List.of("btc:bc1qabc123"));
    assertThat(html).contains("<code>btc:bc1qabc123</code>", "<mark>made myself</mark>", "&lt;script&gt;alert(1)&lt;/script&gt;", "p-s1:2")
        .doesNotContain("<script", "<img", "src=");
  }

  @Test
  void outputsAreIdenticalAcrossRunsThreadCountsAndBatchSizes() throws IOException {
    Path a = dir.resolve("a"), b = dir.resolve("b"), c = dir.resolve("c");
    run(a, new TriageOptions(1, 512, 100));
    run(b, new TriageOptions(2, 3, 100));
    run(c, new TriageOptions(4, 1, 100));
    for (String f : List.of("accounts.csv", "persons.csv", "identities.csv", "indicators.csv", "identifiers.csv", "media.csv",
        "explanations.json", "report.html")) {
      assertThat(Files.readAllBytes(b.resolve(f))).as(f).isEqualTo(Files.readAllBytes(a.resolve(f)));
      assertThat(Files.readAllBytes(c.resolve(f))).as(f).isEqualTo(Files.readAllBytes(a.resolve(f)));
    }
    ObjectMapper m = new ObjectMapper();
    JsonNode sa = m.readTree(a.resolve("summary.json").toFile());
    JsonNode sb = m.readTree(b.resolve("summary.json").toFile());
    ((com.fasterxml.jackson.databind.node.ObjectNode) sa).remove("timings_ms");
    ((com.fasterxml.jackson.databind.node.ObjectNode) sb).remove("timings_ms");
    assertThat(sb).isEqualTo(sa);
  }

  @Test
  void aResultCanBeWrittenAgainIdentically() throws IOException {
    Path a = dir.resolve("a"), again = dir.resolve("again");
    TriageResult r = run(a, TriageOptions.defaults());
    Files.createDirectories(again);
    TriageWriter.writeAll(again, r, TriageOptions.DEFAULT_REPORT_TOP);
    for (String f : List.of("accounts.csv", "persons.csv", "identities.csv", "explanations.json", "report.html", "summary.json"))
      assertThat(Files.readAllBytes(again.resolve(f))).as(f).isEqualTo(Files.readAllBytes(a.resolve(f)));
  }

  @Test
  void paymentsHookAddsThePaymentsFactorToBothEnds() {
    TriageComponents comps = Fixture.components(Optional.of(ids -> {
      assertThat(ids).extracting(i -> i.type()).contains(IdentifierType.BTC);
      return new PaymentsInput(List.of(new Payment(new AccountKey("s1", "4"), new AccountKey("s1", "2"), "tx1",
          Fixture.t(9, 0), 50_000, "address-match")), "chain-test-1");
    }));
    TriageResult r = new TriagePipeline(comps, TriageOptions.defaults()).run(List.of(Fixture.siteOne(), Fixture.siteTwo()), dir);
    RankedAccount payer = account(r, "s1", "4");
    assertThat(payer.score().reasons()).startsWith("payments=1");
    assertThat(payer.score().score()).isGreaterThan(0);
    assertThat(r.summary().versions()).containsEntry("payments", "chain-test-1");
    assertThat(account(r, "s1", "2").score().factors()).extracting(FactorContribution::factor).contains("payments");
    assertThat(payer.score().factors().stream().filter(f -> f.factor().equals("payments")).findFirst().orElseThrow()
        .evidence().get(0).value()).isEqualTo("tx1");
    assertThat(r.accounts().stream().map(a -> a.account().toString()).collect(Collectors.toList())).hasSize(9);
  }

  @Test
  void aStageFailingOnOneRecordIsReportedAndTheRunGoesOn() {
    TriageComponents base = Fixture.components();
    TriageComponents failing = new TriageComponents(base.detector(), base.extractor(), base.media(), () -> {
      var real = new org.webwatch.triage.fakes.SharedIdentifierLinker();
      return new org.webwatch.identity.AccountLinker() {
        public void account(org.webwatch.model.Account a) { real.account(a); }
        public void text(org.webwatch.model.TextItem i) {
          if (i.item().equals("300")) throw new IllegalStateException("linker broke");
          real.text(i);
        }
        public void activity(AccountKey k, java.time.Instant t) { real.activity(k, t); }
        public void identifier(org.webwatch.model.IdentifierOccurrence i) { real.identifier(i); }
        public void media(org.webwatch.model.MediaResult m) { real.media(m); }
        public void decision(AccountKey a, AccountKey b, boolean c) {}
        public org.webwatch.identity.IdentityResult link() { return real.link(); }
      };
    }, base.networkFactory(), base.payments(), base.model(), base.versions());
    TriageResult r = new TriagePipeline(failing, TriageOptions.defaults()).run(List.of(Fixture.siteOne(), Fixture.siteTwo()), dir);
    assertThat(r.summary().counts().get("component-errors")).isEqualTo(2);
    assertThat(r.summary().messages()).anySatisfy(m -> assertThat(m).contains("post s1/300", "linker broke"));
    assertThat(r.persons().get(0).person()).isEqualTo("p-s1:2");
  }
}
