package org.webwatch.identity.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.webwatch.WebwatchException;
import org.webwatch.identity.IdentityResult;
import org.webwatch.model.Account;
import org.webwatch.model.AccountKey;
import org.webwatch.model.ForumThread;
import org.webwatch.model.IndicatorCode;
import org.webwatch.model.IndicatorSpan;
import org.webwatch.model.Message;
import org.webwatch.model.PersonAssignment;
import org.webwatch.model.Post;
import org.webwatch.model.TextKind;

class GraphNetworkAnalyzerTest {
  static final Instant T = Instant.parse("2026-01-01T20:00:00Z");

  static AccountKey k(String id) {
    return new AccountKey("s1", id);
  }

  static void post(GraphNetworkAnalyzer g, String id, String thread, String author, String replyTo, List<String> quotes) {
    g.post(new Post(id, "s1", thread, author, T, "text", replyTo, quotes, List.of(), Map.of()));
  }

  static IndicatorSpan span(TextKind kind, String item, String account, IndicatorCode code, String text) {
    return new IndicatorSpan("s1", kind, item, account, code, 0, text.length(), text, "rule", "r1", "1", 0.9);
  }

  /**
   * Forum: admin 1 runs the rules thread t1 and tells newcomers 2 and 3 they must upload
   * something they made themselves; 4 urges 2 to meet children in person; 5 messages 2;
   * 10, 11, 12 talk in t2; 6 is the only one active in both threads (the broker).
   */
  static GraphNetworkAnalyzer forum() {
    GraphNetworkAnalyzer g = new GraphNetworkAnalyzer();
    g.account(new Account("1", "s1", "boss", null, "admin", null, Map.of(), Map.of()));
    g.account(new Account("7", "s1", "helper", null, "moderator", null, Map.of(), Map.of()));
    for (String id : List.of("2", "3", "4", "5", "6", "10", "11", "12")) g.account(new Account(id, "s1", "u" + id, null, "member", null, Map.of(), Map.of()));
    g.thread(new ForumThread("t1", "s1", "b", "Rules", "1", T, Map.of()));
    g.thread(new ForumThread("t2", "s1", "b", "Chat", "10", T, Map.of()));
    post(g, "p1", "t1", "1", null, List.of());
    post(g, "p2", "t1", "2", null, List.of());
    post(g, "p3", "t1", "3", null, List.of());
    post(g, "p4", "t1", "1", "p2", List.of());
    post(g, "p5", "t1", "1", "p3", List.of());
    post(g, "p6", "t1", "4", "p2", List.of());
    post(g, "p7", "t1", "6", null, List.of("p1"));
    post(g, "q1", "t2", "10", null, List.of());
    post(g, "q2", "t2", "11", "q1", List.of());
    post(g, "q3", "t2", "12", "q2", List.of());
    post(g, "q4", "t2", "6", "q3", List.of());
    g.message(new Message("m1", "s1", "5", T, "text", List.of("2"), null, List.of(), Map.of()));
    g.span(span(TextKind.POST, "p1", "1", IndicatorCode.ENTRY_BY_PRODUCTION, "new members must upload something they made themselves"));
    g.span(span(TextKind.POST, "p4", "1", IndicatorCode.ENTRY_BY_PRODUCTION, "upload your own or you are out"));
    g.span(span(TextKind.POST, "p5", "1", IndicatorCode.ENTRY_BY_PRODUCTION, "your own material first"));
    g.span(span(TextKind.POST, "p6", "4", IndicatorCode.CONTACT_ADVOCACY, "you should meet them in person"));
    g.span(span(TextKind.MESSAGE, "m1", "5", IndicatorCode.NORMALISATION, "nothing wrong with it"));
    g.span(span(TextKind.POST, "q2", "11", IndicatorCode.ENTRY_BY_PRODUCTION, "they say you need to upload your own"));
    return g;
  }

  @Test
  void rolesGatekeepersAndEncouragement() {
    GraphNetworkAnalyzer g = forum();
    Map<AccountKey, NetworkRole> r = g.analyze();
    assertThat(r.get(k("1")).admin()).isTrue();
    assertThat(r.get(k("7")).moderator()).isTrue();
    assertThat(r.get(k("1")).gatekeeper()).isTrue();
    assertThat(r.get(k("1")).evidence()).anySatisfy(e -> {
      assertThat(e.code()).isEqualTo("gatekeeper");
      assertThat(e.detail()).contains("s1/post/p1").contains("own thread");
    });
    assertThat(r.get(k("1")).encouraged()).isEqualTo(2); // told 2 and 3
    // one entry-rule mention by an ordinary member, in someone else's thread: not a gatekeeper
    assertThat(r.get(k("11")).gatekeeper()).isFalse();
    assertThat(r.get(k("4")).encouraged()).isEqualTo(1);
    assertThat(r.get(k("4")).evidence()).anySatisfy(e -> {
      assertThat(e.code()).isEqualTo("encouraged");
      assertThat(e.value()).isEqualTo("s1:2");
      assertThat(e.detail()).contains("s1/post/p6").contains("contact-advocacy");
    });
    assertThat(g.encouragements()).anySatisfy(e -> {
      assertThat(e.from()).isEqualTo(k("5"));
      assertThat(e.to()).isEqualTo(k("2"));
      assertThat(e.via()).isEqualTo("message");
    });
  }

  @Test
  void brokerHasTheHighestBetweennessAndInfluencerTheHighestPagerank() {
    Map<AccountKey, NetworkRole> r = forum().analyze();
    AccountKey broker = r.values().stream().max((a, b) -> Double.compare(a.betweenness(), b.betweenness())).orElseThrow().account();
    assertThat(broker).isIn(k("6"), k("1"));
    assertThat(r.get(k("6")).betweenness()).isGreaterThan(r.get(k("11")).betweenness());
    assertThat(r.get(k("1")).pagerank()).isGreaterThan(r.get(k("3")).pagerank());
    assertThat(r.get(k("1")).inDegree()).isGreaterThan(0);
    assertThat(r.get(k("10")).community()).isEqualTo(r.get(k("12")).community());
    assertThat(r.get(k("7")).inDegree() + r.get(k("7")).outDegree()).isZero();
  }

  @Test
  void egoNetworksAndPaths() {
    GraphNetworkAnalyzer g = forum();
    g.analyze();
    InteractionGraph a = g.accountGraph();
    EgoNetwork ego = a.ego("s1:2", 1, 50);
    assertThat(ego.nodes()).first().isEqualTo("s1:2");
    assertThat(ego.nodes()).contains("s1:1", "s1:4", "s1:5").doesNotContain("s1:10");
    assertThat(ego.edges()).allSatisfy(e -> assertThat(ego.nodes()).contains(e.from(), e.to()));
    EgoNetwork capped = a.ego("s1:2", 2, 3);
    assertThat(capped.nodes()).hasSize(3);
    assertThat(capped.truncated()).isTrue();
    NetworkPath path = a.path("s1:5", "s1:12").orElseThrow();
    assertThat(path.nodes()).first().isEqualTo("s1:5");
    assertThat(path.nodes()).last().isEqualTo("s1:12");
    assertThat(path.nodes()).contains("s1:6");
    assertThat(path.edges()).hasSize(path.hops());
    assertThat(a.path("s1:5", "s1:7")).isEmpty();
    assertThatThrownBy(() -> a.ego("s9:1", 1, 10)).isInstanceOf(WebwatchException.class);
    assertThat(a.edge("s1:5", "s1:2").orElseThrow().messages()).isEqualTo(1);
  }

  @Test
  void personGraphMergesAccountsOfOnePerson() {
    GraphNetworkAnalyzer g = forum();
    g.analyze();
    IdentityResult id = new IdentityResult(List.of(new PersonAssignment("p-a", k("10"), 0.99, List.of("shared-btc")),
        new PersonAssignment("p-a", k("6"), 0.99, List.of("shared-btc"))), List.of());
    InteractionGraph p = g.personGraph(id);
    assertThat(p.nodes()).contains("p-a").doesNotContain("s1:10", "s1:6");
    assertThat(p.edges()).noneSatisfy(e -> assertThat(e.from()).isEqualTo(e.to()));
    assertThat(p.path("s1:2", "s1:12").orElseThrow().nodes()).contains("p-a");
    Map<String, PersonRole> roles = PersonRoles.of(p, id, g.analyze());
    assertThat(roles.get("p-a").accounts()).containsExactly(k("10"), k("6"));
    assertThat(roles.get("s1:1").admin()).isTrue();
    assertThat(roles.get("s1:1").gatekeeper()).isTrue();
    assertThat(roles.get("p-a").inDegree() + roles.get("p-a").outDegree()).isGreaterThan(0);
    assertThat(roles.values().stream().mapToDouble(PersonRole::pagerank).sum()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
  }

  @Test
  void analysisIsDeterministic() {
    assertThat(forum().analyze()).isEqualTo(forum().analyze());
  }
}
