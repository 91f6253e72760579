package org.webwatch.triage;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.webwatch.ingest.RecordError;
import org.webwatch.model.*;
import org.webwatch.triage.fakes.*;

/** A small hand-made forum population (two sites) and fake components for pipeline tests. Non-graphic. */
final class Fixture {
  static final String NEW_HASH = "aa".repeat(32);
  static final String KNOWN_HASH = "bb".repeat(32);
  static final String IGNORED_HASH = "cc".repeat(32);

  private Fixture() {}

  static TriageComponents components() {
    return components(Optional.empty());
  }

  static TriageComponents components(Optional<java.util.function.Function<List<IdentifierOccurrence>, PaymentsInput>> payments) {
    return new TriageComponents(new KeywordDetector(), new PatternExtractor(),
        new SetMediaClassifier(Map.of(KNOWN_HASH, "1", IGNORED_HASH, "0")), SharedIdentifierLinker::new, ReplyNetwork::new,
        payments, RiskModel.defaults(), Map.of("hash-set:testset", "1"));
  }

  static Instant t(int day, int hour) {
    return Instant.parse("2019-03-01T00:00:00Z").plusSeconds(day * 86400L + hour * 3600L);
  }

  static Attachment att(String id, String sha256) {
    return new Attachment(id, id + ".jpg", "image/jpeg", 1000L, null, null, sha256, null, null, null, null, Map.of());
  }

  static Account account(String site, String id, String name, String role, String signature) {
    return new Account(id, site, name, t(0, 0), role, signature, Map.of(), Map.of());
  }

  static Post post(String site, String id, String author, Instant at, String text, String replyTo, List<Attachment> atts) {
    return new Post(id, site, "t1", author, at, text, replyTo, List.of(), atts, Map.of());
  }

  static MemorySource siteOne() {
    MemorySource s = new MemorySource("capture-one");
    s.add(v -> v.manifest(new CaptureManifest("one", 1, t(40, 0), "test", null, Map.of())));
    s.add(v -> v.site(new Site("s1", "Board one", "http://one.onion", "phpbb", Map.of())));
    s.add(v -> v.thread(new ForumThread("t1", "s1", "b1", "Welcome thread", "1", t(0, 1), Map.of())));
    s.add(v -> v.account(account("s1", "1", "boss", "admin", null)));
    s.add(v -> v.account(account("s1", "2", "maker", "member", "tips to bc1qabc123")));
    s.add(v -> v.account(account("s1", "3", "collector", "member", null)));
    s.add(v -> v.account(account("s1", "4", "chatty", "member", null)));
    s.add(v -> v.account(account("s1", "5", "newsreader", "member", null)));
    s.add(v -> v.account(account("s1", "6", "greeter", "member", null)));
    s.add(v -> v.account(new Account("8", "s1", "o\"w,l <script>alert(1)</script>", t(0, 0), "member", null,
        Map.of("about", "I have known since my teens, ask me"), Map.of())));
    s.reject(new RecordError("posts.jsonl", 7, "created_at", "not a timestamp"));
    s.add(v -> v.post(post("s1", "100", "1", t(1, 0), "Rule: upload your own material to enter the inner board.", null, List.of())));
    s.add(v -> v.post(post("s1", "101", "2", t(2, 0), "All of this set I made myself, more soon", "100", List.of(att("a1", NEW_HASH)))));
    s.add(v -> v.post(post("s1", "102", "3", t(5, 0), "reposting", "101",
        List.of(att("a2", NEW_HASH), att("a3", KNOWN_HASH), att("a4", IGNORED_HASH)))));
    for (int i = 0; i < 30; i++) {
      int n = i;
      s.add(v -> v.post(post("s1", "2" + String.format("%02d", n), "4", t(1 + n, 3), "hello everyone, nice weather", "100", List.of())));
    }
    s.add(v -> v.post(post("s1", "300", "4", t(3, 3), "always use Tails, and use Tails again", "101", List.of())));
    s.add(v -> v.post(post("s1", "301", "5", t(3, 4),
        "police say forums demand you upload your own material; that is banned here", null, List.of())));
    s.add(v -> v.post(post("s1", "302", "6", t(3, 5), "welcome, you're normal here", "101", List.of())));
    s.add(v -> v.post(post("s1", "303", "9", t(3, 6), "this will explode the detector", null, List.of())));
    s.add(v -> v.post(post("s1", "304", "9", t(3, 7), "", null, List.of(new Attachment("a5", null, null, null, null, null,
        null, null, null, null, null, Map.of())))));
    s.add(v -> v.message(new Message("M1", "s1", "6", t(4, 0), "let me know, write to greeter@mail.test", List.of("2"),
        "Meet up soon?", List.of(), Map.of())));
    return s;
  }

  static MemorySource siteTwo() {
    MemorySource s = new MemorySource("capture-two");
    s.add(v -> v.manifest(new CaptureManifest("two", 1, t(40, 0), "test", null, Map.of())));
    s.add(v -> v.site(new Site("s2", "Board two", null, "custom", Map.of())));
    s.add(v -> v.account(account("s2", "7", "maker_two", "member", "same wallet bc1qabc123")));
    s.add(v -> v.post(post("s2", "900", "7", t(6, 0), "I look after my neighbour's two every Friday", null, List.of())));
    return s;
  }
}
