package org.webwatch.store.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.webwatch.WebwatchException;
import org.webwatch.store.WebwatchStore;

class TriageResultImporterTest {
  @TempDir Path data;
  @TempDir Path out;

  /** Writes a small but complete triage output directory. */
  public static void writeRun(Path out) throws Exception {
    Files.writeString(out.resolve("accounts.csv"), """
        rank,site,account,username,person,score,band,reasons
        1,s1,a1,alpha,P1,9.5,critical,entry-by-production=2;new-media=1
        2,s2,b7,"beta, the second",P1,7.25,high,access-claim=1
        3,s1,a2,gamma,P2,1.0,low,
        """);
    Files.writeString(out.resolve("persons.csv"), """
        rank,person,score,band,accounts,reasons
        1,P1,12.0,critical,s1:a1|s2:b7,entry-by-production=2;access-claim=1
        2,P2,1.0,low,s1:a2,
        """);
    Files.writeString(out.resolve("identities.csv"), """
        person,site,account,confidence,evidence
        P1,s1,a1,0.9,shared-btc;username
        P1,s2,b7,0.9,shared-btc
        P2,s1,a2,1,
        """);
    Files.writeString(out.resolve("indicators.csv"), """
        site,kind,item,account,category,start,end,text
        s1,post,p1,a1,entry-by-production,4,20,"must upload ""own""\"
        s2,message,m1,b7,access-claim,0,5,I loo
        """);
    Files.writeString(out.resolve("identifiers.csv"), """
        site,kind,item,account,type,value,valid
        s1,post,p1,a1,btc,bc1qexample,true
        """);
    Files.writeString(out.resolve("media.csv"), """
        site,post,account,attachment,status,source,category,distance
        s1,p1,a1,at1,new,,,
        s1,p1,a1,at2,known-perceptual,setA,A1,12
        """);
    Files.writeString(out.resolve("summary.json"), "{\"accounts\":3}");
    Files.writeString(out.resolve("explanations.json"), """
        {"accounts":[{"site":"s1","account":"a1","factors":[{"code":"entry-by-production","contribution":4.5}]}],
         "persons":{"P1":{"factors":[]}}}
        """);
  }

  @Test
  void importsAllFilesAndPagesByRank() throws Exception {
    writeRun(out);
    WebwatchStore store = WebwatchStore.open(data);
    TriageRun run = new TriageResultImporter(store).importRun(out);
    assertThat(run.accounts()).isEqualTo(3);
    assertThat(run.persons()).isEqualTo(2);
    assertThat(run.summaryJson()).contains("\"accounts\":3");
    TriageRepository t = new TriageRepository(store);
    assertThat(t.currentRun()).get().extracting(TriageRun::id).isEqualTo(run.id());
    assertThat(t.currentRunId()).isEqualTo(run.id());
    assertThat(t.accounts(run.id(), QueueFilter.NONE, 0, 2)).extracting(QueueAccount::key).containsExactly("s1:a1", "s2:b7");
    assertThat(t.accounts(run.id(), QueueFilter.NONE, 2, 2)).extracting(QueueAccount::key).containsExactly("s1:a2");
    assertThat(t.accounts(run.id(), QueueFilter.NONE, 0, 5).get(1).username()).isEqualTo("beta, the second");
    assertThat(t.accounts(run.id(), new QueueFilter("low", null, null, null), 0, 5)).extracting(QueueAccount::key).containsExactly("s1:a2");
    assertThat(t.accounts(run.id(), new QueueFilter(null, "s1", null, null), 0, 5)).hasSize(2);
    assertThat(t.accounts(run.id(), new QueueFilter(null, null, "access-claim", null), 0, 5)).extracting(QueueAccount::key).containsExactly("s2:b7");
    assertThat(t.accounts(run.id(), new QueueFilter(null, null, null, "new"), 0, 5)).extracting(QueueAccount::key).containsExactly("s1:a1");
    assertThat(t.persons(run.id(), new QueueFilter(null, "s2", null, null), 0, 5)).extracting(QueuePerson::person).containsExactly("P1");
    assertThat(t.person(run.id(), "P1").orElseThrow().accounts()).containsExactly("s1:a1", "s2:b7");
    assertThat(t.indicators(run.id(), "s1", "a1")).singleElement().extracting(IndicatorRow::text).isEqualTo("must upload \"own\"");
    assertThat(t.indicatorCounts(run.id(), "s1", "a1")).containsExactly(java.util.Map.entry("entry-by-production", 1L));
    assertThat(t.indicatorCounts(run.id(), "s1", "a2")).isEmpty();
    assertThat(t.indicatorsOfItems(run.id(), "s2", "message", java.util.List.of("m1", "m9"))).extracting(IndicatorRow::account).containsExactly("b7");
    assertThat(t.indicatorsOfItems(run.id(), "s2", "post", java.util.List.of("m1"))).isEmpty();
    assertThat(t.indicatorsOfItems(run.id(), "s1", "post", java.util.List.of())).isEmpty();
    assertThat(t.identifiers(run.id(), "s1", "a1")).singleElement().extracting(IdentifierRow::valid).isEqualTo(true);
    assertThat(t.media(run.id(), "s1", "a1")).extracting(MediaRow::distance).containsExactlyInAnyOrder(null, 12);
    assertThat(t.identities(run.id(), "P1")).hasSize(2);
    assertThat(t.explanation(run.id(), "account", "s1:a1")).get().asString().contains("contribution");
    assertThat(t.explanation(run.id(), "person", "P1")).isPresent();
  }

  @Test
  void suggestedLinksArePagedByTheirBestPersonThenProbability() throws Exception {
    writeRun(out);
    Files.writeString(out.resolve("link-suggestions.csv"), """
        site_a,account_a,person_a,site_b,account_b,person_b,confidence,method,version,evidence
        s1,a2,P2,s2,b7,P1,0.600,boosted-trees,3.0.0,username;boosted-weak
        s1,a1,P1,s1,a2,P2,0.800,boosted-trees,3.0.0,boosted-weak
        """);
    WebwatchStore store = WebwatchStore.open(data);
    long run = new TriageResultImporter(store).importRun(out).id();
    TriageRepository t = new TriageRepository(store);
    assertThat(t.suggestionCount(run)).isEqualTo(2);
    java.util.List<SuggestionRow> rows = t.suggestions(run, 0, 10);
    assertThat(rows).extracting(SuggestionRow::confidence).containsExactly(0.8, 0.6);
    SuggestionRow second = rows.get(1);
    assertThat(second.a()).isEqualTo("s1:a2");
    assertThat(second.personB()).isEqualTo("P1");
    assertThat(second.rankA()).isEqualTo(2);
    assertThat(second.bandB()).isEqualTo("critical");
    assertThat(second.evidence()).isEqualTo("username;boosted-weak");
    assertThat(t.suggestions(run, 1, 10)).containsExactly(second);
    Files.writeString(out.resolve("link-suggestions.csv"), """
        site_a,account_a,person_a,site_b,account_b,person_b,confidence,method,version,evidence
        s1,a2,P2,s2,b7,P1,likely,boosted-trees,3.0.0,username
        """);
    assertThatThrownBy(() -> new TriageResultImporter(store).importRun(out)).hasMessageContaining("link-suggestions.csv:2: field confidence");
    assertThat(t.currentRunId()).isEqualTo(run);
  }

  @Test
  void badFileIsLocatedAndLeavesStoreUnchanged() throws Exception {
    writeRun(out);
    Files.writeString(out.resolve("media.csv"), """
        site,post,account,attachment,status,source,category,distance
        s1,p1,a1,at1,new,,,
        s1,p1,a1,at2,known-perceptual,setA,A1,twelve
        """);
    WebwatchStore store = WebwatchStore.open(data);
    assertThatThrownBy(() -> new TriageResultImporter(store).importRun(out))
        .isInstanceOf(WebwatchException.class)
        .hasMessageContaining("media.csv:3: field distance");
    assertThat(new TriageRepository(store).runs()).isEmpty();
    assertThat(new TriageRepository(store).currentRunId()).isEqualTo(-1L);
  }
}
