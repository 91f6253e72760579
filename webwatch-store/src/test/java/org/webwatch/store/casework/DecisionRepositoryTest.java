package org.webwatch.store.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.webwatch.casework.Decision;
import org.webwatch.casework.DecisionKind;
import org.webwatch.store.WebwatchStore;

class DecisionRepositoryTest {
  @TempDir Path dir;

  @Test
  void newestDecisionPerSubjectIsInForce() {
    WebwatchStore store = WebwatchStore.open(dir);
    DecisionRepository d = new DecisionRepository(store);
    d.record(new Decision(0, DecisionKind.LINK_CONFIRMED, "s1:a", "s2:b", "", "alice", 1));
    d.record(new Decision(0, DecisionKind.LINK_REJECTED, "s2:b", "s1:a", "different writing", "bob", 2));
    d.record(new Decision(0, DecisionKind.LINK_CONFIRMED, "s1:a", "s3:c", "", "bob", 3));
    d.record(new Decision(0, DecisionKind.DISMISSED, "P1", "", "already known", "alice", 4));
    Decision referred = d.record(new Decision(0, DecisionKind.REFERRED, "P1", "", "", "bob", 5));
    assertThat(referred.id()).isPositive();
    assertThat(d.linkDecisions()).containsExactlyInAnyOrder(
        new LinkDecision("s1:a", "s2:b", false, "bob", 2), new LinkDecision("s1:a", "s3:c", true, "bob", 3));
    assertThat(d.personDecisions()).containsOnlyKeys("P1");
    assertThat(d.personDecisions().get("P1").kind()).isEqualTo(DecisionKind.REFERRED);
    assertThat(d.about("s1:a")).hasSize(3);
    // found through the second account too (decision_other), newest first
    assertThat(d.about("s2:b")).extracting(Decision::time).containsExactly(2L, 1L);
    assertThat(d.linkDecisionsFrom(java.util.List.of("s1:a"))).containsExactlyInAnyOrderElementsOf(d.linkDecisions());
    assertThat(d.linkDecisionsFrom(java.util.List.of("s2:b", "s9:z"))).isEmpty();
    assertThat(d.linkDecisionsFrom(java.util.List.of())).isEmpty();
    assertThat(d.all()).hasSize(5);
  }

  @Test
  void linkerWithAppliesDecisionsToEveryFreshLinker() {
    java.util.function.Supplier<org.webwatch.identity.AccountLinker> linkers = DecisionRepository.linkerWith(java.util.List.of(
        new LinkDecision("s1:a", "s2:b", true, "alice", 1), new LinkDecision("s1:a", "s3:c", false, "bob", 2)));
    org.webwatch.identity.AccountLinker first = linkers.get();
    assertThat(linkers.get()).isNotSameAs(first);
    // three accounts with no shared evidence: only the analyst's confirmation joins two of them
    for (String key : java.util.List.of("s1:a", "s2:b", "s3:c")) {
      String[] p = key.split(":");
      first.account(new org.webwatch.model.Account(p[1], p[0], "user" + p[1], null, null, null, java.util.Map.of(), java.util.Map.of()));
    }
    java.util.Map<String, String> person = new java.util.HashMap<>();
    for (org.webwatch.model.PersonAssignment a : first.link().assignments()) person.put(a.account().toString(), a.person());
    assertThat(person.get("s1:a")).isEqualTo(person.get("s2:b"));
    assertThat(person.get("s3:c")).isNotEqualTo(person.get("s1:a"));
  }

  @Test
  void watchlistAndNotes() {
    CaseRepository c = new CaseRepository(WebwatchStore.open(dir));
    c.watch("person", "P1", "alice", "check weekly", 1);
    c.watch("person", "P1", "alice", "check daily", 2);
    assertThat(c.watchlist()).singleElement().extracting(WatchEntry::reason).isEqualTo("check daily");
    assertThat(c.watched("person", "P1")).isTrue();
    c.addNote("person", "P1", "alice", "first", 1);
    c.addNote("person", "P1", "bob", "second", 2);
    assertThat(c.notes("person", "P1")).extracting(Note::text).containsExactly("second", "first");
    assertThat(c.unwatch("person", "P1")).isTrue();
    assertThat(c.watchlist()).isEmpty();
  }
}
