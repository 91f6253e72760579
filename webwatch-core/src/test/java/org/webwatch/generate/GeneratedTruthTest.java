package org.webwatch.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.webwatch.model.IndicatorCode;

/** Checks the generated capture against the capture spec and the truth against the capture. */
class GeneratedTruthTest {
  private final Generated g = Generated.get();

  private static boolean timestamp(JsonNode t) {
    if (t == null) return false;
    if (t.isIntegralNumber()) return true;
    try {
      OffsetDateTime.parse(t.asText());
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static boolean id(JsonNode n) {
    return n != null && (n.isTextual() && !n.asText().isEmpty() || n.isIntegralNumber());
  }

  @Test
  void captureConformsToSpecAndReferencesResolve() {
    JsonNode manifest = readJson("capture/capture.json");
    assertThat(manifest.get("format").asText()).isEqualTo("webwatch-capture");
    assertThat(manifest.get("version").asInt()).isEqualTo(1);
    assertThat(manifest.get("id").asText()).isNotEmpty();
    Set<String> sites = new HashSet<>();
    Set<String> idStyles = new HashSet<>();
    for (JsonNode s : g.records("sites.jsonl")) {
      assertThat(id(s.get("id")) && s.hasNonNull("name")).isTrue();
      assertThat(sites.add(s.get("id").asText())).isTrue();
      assertThat(s.get("url").asText()).matches("http://[a-z2-7]{56}\\.onion");
    }
    Set<String> boards = uniqueIds("boards.jsonl", sites);
    Set<String> accounts = new HashSet<>();
    for (JsonNode a : g.records("accounts.jsonl")) {
      assertThat(id(a.get("id")) && sites.contains(a.get("site").asText()) && a.get("username").isTextual()).as(a.toString()).isTrue();
      assertThat(accounts.add(Generated.key(a.get("site"), a.get("id")))).isTrue();
      if (a.has("registered_at")) assertThat(timestamp(a.get("registered_at"))).as(a.toString()).isTrue();
      if (a.has("profile")) a.get("profile").fields().forEachRemaining(e -> assertThat(e.getValue().isTextual()).isTrue());
      idStyles.add(a.get("id").isIntegralNumber() ? "int" : a.get("id").asText().contains("-") && a.get("id").asText().length() > 20 ? "uuid" : "string");
    }
    assertThat(idStyles).contains("int", "uuid", "string");
    Set<String> threads = new HashSet<>();
    for (JsonNode t : g.records("threads.jsonl")) {
      assertThat(threads.add(Generated.key(t.get("site"), t.get("id")))).isTrue();
      assertThat(boards).contains(Generated.key(t.get("site"), t.get("board")));
      assertThat(accounts).contains(Generated.key(t.get("site"), t.get("author")));
      assertThat(t.get("title").asText()).isNotEmpty();
      assertThat(timestamp(t.get("created_at"))).isTrue();
    }
    Set<String> posts = new HashSet<>();
    Set<String> attachments = new HashSet<>();
    Set<String> tsStyles = new HashSet<>();
    for (JsonNode p : g.records("posts.jsonl")) {
      String where = p.toString();
      assertThat(id(p.get("id")) && p.get("text").isTextual() && timestamp(p.get("created_at"))).as(where).isTrue();
      assertThat(accounts).as(where).contains(Generated.key(p.get("site"), p.get("author")));
      assertThat(threads).as(where).contains(Generated.key(p.get("site"), p.get("thread")));
      if (p.has("reply_to")) assertThat(posts).as(where).contains(Generated.key(p.get("site"), p.get("reply_to")));
      if (p.has("quotes")) for (JsonNode q : p.get("quotes")) assertThat(posts).contains(Generated.key(p.get("site"), q));
      assertThat(posts.add(Generated.key(p.get("site"), p.get("id")))).isTrue();
      String ts = p.get("created_at").asText();
      tsStyles.add(p.get("created_at").isIntegralNumber() ? "unix" : ts.endsWith("Z") ? "z" : "offset");
      if (p.has("attachments")) {
        for (JsonNode a : p.get("attachments")) {
          assertThat(attachments.add(Generated.key(p.get("site"), a.get("id")))).as("attachment id unique per site").isTrue();
          if (a.has("md5")) assertThat(a.get("md5").asText()).matches("[0-9a-fA-F]{32}");
          if (a.has("sha1")) assertThat(a.get("sha1").asText()).matches("[0-9a-f]{40}");
          if (a.has("sha256")) assertThat(a.get("sha256").asText()).matches("[0-9a-f]{64}");
          if (a.has("pdq")) assertThat(a.get("pdq").asText()).matches("[0-9a-f]{64}");
          if (a.has("pdq_quality")) assertThat(a.get("pdq_quality").asInt()).isBetween(0, 100);
          if (a.has("pdq_policy")) assertThat(a.get("pdq_policy").asText()).isIn("full", "nn512");
        }
      }
    }
    assertThat(tsStyles).contains("unix", "z", "offset");
    for (JsonNode m : g.records("messages.jsonl")) {
      assertThat(id(m.get("id")) && m.get("text").isTextual() && timestamp(m.get("created_at"))).isTrue();
      assertThat(accounts).contains(Generated.key(m.get("site"), m.get("author")));
      assertThat(m.get("recipients").isArray() && m.get("recipients").size() > 0).isTrue();
      for (JsonNode r : m.get("recipients")) assertThat(accounts).contains(Generated.key(m.get("site"), r));
    }
    assertThat(g.truth.get("accounts").asInt()).isEqualTo(accounts.size());
    assertThat(g.truth.get("posts").asInt()).isEqualTo(posts.size());
    assertThat(g.truth.get("messages").asInt()).isEqualTo(g.records("messages.jsonl").size());
    assertThat(g.truth.get("persons").asInt()).isEqualTo(Generated.PERSONS);
    assertThat(g.truth.get("seed").asLong()).isEqualTo(Generated.SEED);
  }

  private Set<String> uniqueIds(String file, Set<String> sites) {
    Set<String> ids = new HashSet<>();
    for (JsonNode b : g.records(file)) {
      assertThat(sites).contains(b.get("site").asText());
      assertThat(ids.add(Generated.key(b.get("site"), b.get("id")))).isTrue();
    }
    return ids;
  }

  private static long epoch(JsonNode t) {
    return t.isIntegralNumber() ? t.asLong() : OffsetDateTime.parse(t.asText()).toEpochSecond();
  }

  @Test
  void postsComeAfterTheirThreadAndAfterThePostTheyAnswer() {
    Map<String, Long> threadTs = new HashMap<>();
    for (JsonNode t : g.records("threads.jsonl")) threadTs.put(Generated.key(t.get("site"), t.get("id")), epoch(t.get("created_at")));
    Map<String, Long> postTs = new HashMap<>();
    int replies = 0;
    for (JsonNode p : g.records("posts.jsonl")) {
      long ts = epoch(p.get("created_at"));
      assertThat(ts).as(p.toString()).isGreaterThanOrEqualTo(threadTs.get(Generated.key(p.get("site"), p.get("thread"))));
      if (p.has("reply_to")) {
        assertThat(ts).isGreaterThanOrEqualTo(postTs.get(Generated.key(p.get("site"), p.get("reply_to"))));
        replies++;
      }
      postTs.put(Generated.key(p.get("site"), p.get("id")), ts);
    }
    assertThat(replies).isPositive();
  }

  @Test
  void brokenRecordsAreExactlyTheListedLines() throws IOException {
    Map<String, List<Long>> broken = g.broken();
    assertThat(broken.values().stream().mapToInt(List::size).sum()).isGreaterThanOrEqualTo(5);
    Set<String> accounts = new HashSet<>();
    for (JsonNode a : g.records("accounts.jsonl")) accounts.add(Generated.key(a.get("site"), a.get("id")));
    Set<String> problems = new HashSet<>();
    for (JsonNode b : g.truth.get("broken_records")) {
      String line = g.lines.get(b.get("file").asText()).get(b.get("line").asInt() - 1);
      String problem = b.get("problem").asText();
      problems.add(problem);
      JsonNode n;
      try {
        n = Generated.JSON.readTree(line);
      } catch (IOException e) {
        assertThat(problem).isEqualTo("invalid JSON");
        continue;
      }
      switch (problem) {
        case "missing required field username" -> assertThat(n.has("username")).isFalse();
        case "missing required field text" -> assertThat(n.has("text")).isFalse();
        case "missing required field recipients" -> assertThat(n.has("recipients")).isFalse();
        case "bad timestamp created_at" -> assertThat(timestamp(n.get("created_at"))).isFalse();
        case "dangling author" -> assertThat(accounts).doesNotContain(Generated.key(n.get("site"), n.get("author")));
        default -> throw new AssertionError("unexpected problem " + problem);
      }
    }
    assertThat(problems).contains("invalid JSON", "dangling author", "bad timestamp created_at", "missing required field text");
  }

  /** (site, kind, item[, field]) → text, for every text-bearing place. */
  private Map<String, String> texts() {
    Map<String, String> m = new HashMap<>();
    for (JsonNode p : g.records("posts.jsonl")) m.put(p.get("site").asText() + "|post|" + p.get("id").asText(), p.get("text").asText());
    for (JsonNode p : g.records("messages.jsonl")) m.put(p.get("site").asText() + "|message|" + p.get("id").asText(), p.get("text").asText());
    for (JsonNode t : g.records("threads.jsonl")) m.put(t.get("site").asText() + "|thread-title|" + t.get("id").asText(), t.get("title").asText());
    for (JsonNode a : g.records("accounts.jsonl")) {
      String k = a.get("site").asText() + "|";
      if (a.has("signature")) m.put(k + "signature|" + a.get("id").asText(), a.get("signature").asText());
      if (a.has("profile")) a.get("profile").fields().forEachRemaining(e -> m.put(k + "profile|" + a.get("id").asText() + "|" + e.getKey(), e.getValue().asText()));
    }
    return m;
  }

  private static String textKey(Map<String, String> r, String field) {
    String k = r.get("site") + "|" + r.get("kind") + "|" + r.get("item");
    return r.get("kind").equals("profile") ? k + "|" + field : k;
  }

  @Test
  void everyTruthSpanPointsAtTheExactFinalCharacters() throws IOException {
    Map<String, String> texts = texts();
    Set<String> codes = new HashSet<>();
    int n = 0;
    for (String file : new String[] {"indicators.csv", "negatives.csv", "obfuscations.csv"}) {
      for (Map<String, String> r : Csv.read(g.dir.resolve("truth/" + file))) {
        String t = texts.get(textKey(r, "about"));
        assertThat(t).as(r.toString()).isNotNull();
        int s = Integer.parseInt(r.get("start"));
        int e = Integer.parseInt(r.get("end"));
        assertThat(t.substring(s, e)).as(r.toString()).isEqualTo(r.get("text"));
        if (file.equals("indicators.csv")) {
          codes.add(IndicatorCode.fromCode(r.get("category")).code());
          n++;
        }
      }
    }
    assertThat(codes).hasSize(IndicatorCode.values().length);
    assertThat(n).isEqualTo(g.truth.get("indicator_spans").asInt());
    Set<String> obf = new HashSet<>();
    for (Map<String, String> r : Csv.read(g.dir.resolve("truth/obfuscations.csv"))) obf.add(r.get("obfuscation"));
    assertThat(obf).contains("leet", "zero-width", "confusable", "split", "repeat", "misspell", "fullwidth");
    Set<String> negs = new HashSet<>();
    for (Map<String, String> r : Csv.read(g.dir.resolve("truth/negatives.csv"))) negs.add(r.get("negative_type"));
    assertThat(negs).contains("news", "prohibition", "help-seeking", "quote-critique", "privacy");
  }

  @Test
  void bystandersNeverCarryIndicatorsAndMotivatedRolesDo() throws IOException {
    Map<String, String> role = new HashMap<>();
    for (Map<String, String> a : Csv.read(g.dir.resolve("truth/accounts.csv"))) role.put(a.get("site") + ":" + a.get("account"), a.get("role"));
    Map<String, Integer> byRole = new HashMap<>();
    for (Map<String, String> r : Csv.read(g.dir.resolve("truth/indicators.csv"))) byRole.merge(role.get(r.get("site") + ":" + r.get("account")), 1, Integer::sum);
    assertThat(byRole).doesNotContainKey("bystander").containsKeys("producer", "gatekeeper", "stream-seller", "meeting-seeker");
  }

  @Test
  void plantedIdentifiersSitAtTheirOffsetsAndChecksumsAgreeWithValidity() throws IOException {
    Map<String, String> texts = texts();
    Set<String> types = new HashSet<>();
    int invalid = 0;
    for (Map<String, String> r : Csv.read(g.dir.resolve("truth/identifiers.csv"))) {
      String t = texts.get(textKey(r, r.get("field")));
      assertThat(t).as(r.toString()).isNotNull();
      assertThat(t.substring(Integer.parseInt(r.get("start")), Integer.parseInt(r.get("end")))).isEqualTo(r.get("value"));
      boolean valid = Boolean.parseBoolean(r.get("valid"));
      assertThat(IndependentChecks.valid(r.get("type"), r.get("value"))).as(r.toString()).isEqualTo(valid);
      types.add(r.get("type"));
      if (!valid) invalid++;
    }
    assertThat(types).contains("btc", "eth", "xmr", "onion", "email", "telegram", "session", "pgp-key");
    assertThat(invalid).isPositive();
  }

  @Test
  void mediaTruthFollowsFromKnownHashes() throws IOException {
    List<Map<String, String>> known = Csv.read(g.dir.resolve("known-hashes.csv"));
    Set<String> exact = new HashSet<>();
    List<long[]> pdqs = new ArrayList<>();
    for (Map<String, String> k : known) {
      for (String f : new String[] {"md5", "sha1", "sha256", "photodna"}) if (!k.get(f).isEmpty()) exact.add(f + ":" + k.get(f).toLowerCase());
      long[] h = pdq(k.get("pdq"));
      assertThat(bits(h)).isEqualTo(128);
      pdqs.add(h);
      assertThat(k.get("category")).isIn("0", "1", "2", "3", "4");
      assertThat(k.get("source")).isEqualTo("synthetic-national-set");
    }
    Map<String, String> expected = new HashMap<>();
    for (Map<String, String> m : Csv.read(g.dir.resolve("truth/media.csv"))) expected.put(m.get("site") + "|" + m.get("attachment"), m.get("status"));
    Map<String, Integer> seen = new HashMap<>();
    int nn512 = 0;
    int farNear = 0;
    for (JsonNode p : g.records("posts.jsonl")) {
      if (!p.has("attachments")) continue;
      for (JsonNode a : p.get("attachments")) {
        String status;
        boolean isExact = false;
        for (String f : new String[] {"md5", "sha1", "sha256", "photodna"}) if (a.has(f) && exact.contains(f + ":" + a.get(f).asText().toLowerCase())) isExact = true;
        int best = Integer.MAX_VALUE;
        if (a.has("pdq")) for (long[] k : pdqs) best = Math.min(best, dist(pdq(a.get("pdq").asText()), k));
        if (isExact) status = "known-exact";
        else if (!a.has("md5") && !a.has("sha1") && !a.has("sha256") && !a.has("pdq") && !a.has("photodna")) status = "unhashed";
        else if (a.has("pdq") && a.get("pdq_quality").asInt() < 50) status = "low-quality";
        else if (best <= 31) status = "known-perceptual";
        else status = "new";
        if (status.equals("new") && best <= 60) farNear++;
        if (a.has("pdq_policy")) nn512++;
        assertThat(expected.get(p.get("site").asText() + "|" + a.get("id").asText())).as(a.toString()).isEqualTo(status);
        seen.merge(status, 1, Integer::sum);
      }
    }
    assertThat(seen).containsKeys("known-exact", "known-perceptual", "new", "low-quality", "unhashed");
    assertThat(seen.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(expected.size());
    assertThat(nn512).isPositive();
    assertThat(farNear).as("near copies beyond the threshold that must count as new").isPositive();
  }

  @Test
  void linksListEveryPairAndTheirEvidenceIsReallyPlanted() throws IOException {
    Map<String, Set<String>> own = new HashMap<>(); // type|value -> accounts
    for (Map<String, String> r : Csv.read(g.dir.resolve("truth/identifiers.csv"))) {
      if (!r.get("note").startsWith("own") || !r.get("valid").equals("true")) continue;
      String v = r.get("type").equals("pgp-key") ? "pgp|" + r.get("note").replace("own fingerprint ", "") : r.get("type").equals("pgp-fingerprint") ? "pgp|" + r.get("value").replace(" ", "") : r.get("type") + "|" + r.get("value");
      own.computeIfAbsent(v, k -> new HashSet<>()).add(r.get("site") + ":" + r.get("account"));
    }
    Map<String, Integer> pairs = new HashMap<>();
    int hard = 0;
    for (Map<String, String> l : Csv.read(g.dir.resolve("truth/links.csv"))) {
      pairs.merge(l.get("person"), 1, Integer::sum);
      String a = l.get("site_a") + ":" + l.get("account_a");
      String b = l.get("site_b") + ":" + l.get("account_b");
      for (String ev : l.get("evidence").split(";")) {
        assertThat(ev).isIn("shared-btc", "shared-eth", "shared-xmr", "shared-pgp", "shared-email", "shared-contact", "username", "style", "timing", "shared-media");
        String type = switch (ev) {
          case "shared-btc" -> "btc|";
          case "shared-eth" -> "eth|";
          case "shared-xmr" -> "xmr|";
          case "shared-pgp" -> "pgp|";
          case "shared-email" -> "email|";
          default -> null;
        };
        if (type != null) {
          boolean found = own.entrySet().stream().anyMatch(e -> e.getKey().startsWith(type) && e.getValue().contains(a) && e.getValue().contains(b));
          assertThat(found).as(l + " " + ev).isTrue();
        }
      }
      if (l.get("evidence").equals("style;timing")) hard++;
    }
    assertThat(hard).as("hard cases exist").isPositive();
    for (Map<String, String> p : Csv.read(g.dir.resolve("truth/persons.csv"))) {
      int k = p.get("accounts").split("\\|").length;
      assertThat(pairs.getOrDefault(p.get("person"), 0)).isEqualTo(k * (k - 1) / 2);
    }
  }

  @Test
  void buyersPayTheAddressesSellersShow() throws IOException {
    Map<String, String> personOf = new HashMap<>();
    Map<String, String> roleOf = new HashMap<>();
    for (Map<String, String> a : Csv.read(g.dir.resolve("truth/accounts.csv"))) {
      personOf.put(a.get("site") + ":" + a.get("account"), a.get("person"));
      roleOf.put(a.get("person"), a.get("role"));
    }
    Map<String, Set<String>> sellerBtc = new HashMap<>();
    List<Map<String, String>> rows = Csv.read(g.dir.resolve("truth/identifiers.csv"));
    for (Map<String, String> r : rows) {
      String person = personOf.get(r.get("site") + ":" + r.get("account"));
      if (r.get("type").equals("btc") && (r.get("note").equals("own") || r.get("note").equals("seller-own")) && roleOf.get(person).equals("stream-seller")) {
        sellerBtc.computeIfAbsent(person, k -> new HashSet<>()).add(r.get("value"));
      }
    }
    int payments = 0;
    for (Map<String, String> r : rows) {
      if (!r.get("note").startsWith("paid-to:P")) continue;
      String seller = r.get("note").substring("paid-to:".length());
      assertThat(roleOf.get(seller)).isEqualTo("stream-seller");
      assertThat(sellerBtc.get(seller)).as(r.toString()).contains(r.get("value"));
      assertThat(roleOf.get(personOf.get(r.get("site") + ":" + r.get("account")))).isEqualTo("stream-buyer");
      payments++;
    }
    assertThat(payments).isPositive();
  }

  @Test
  void decoysAreSharedByDifferentPersons() throws IOException {
    Map<String, String> personOf = new HashMap<>();
    for (Map<String, String> a : Csv.read(g.dir.resolve("truth/accounts.csv"))) personOf.put(a.get("site") + ":" + a.get("account"), a.get("person"));
    Set<String> types = new HashSet<>();
    for (Map<String, String> d : Csv.read(g.dir.resolve("truth/decoys.csv"))) {
      types.add(d.get("type"));
      if (d.get("type").equals("similar-username")) {
        String[] accs = d.get("value").split("\\|");
        assertThat(personOf.get(accs[0])).isNotNull().isNotEqualTo(personOf.get(accs[1]));
      }
    }
    assertThat(types).contains("donation-address", "exchange-address", "guide-pgp", "similar-username");
    Map<String, Set<String>> donationPosters = new HashMap<>();
    for (Map<String, String> r : Csv.read(g.dir.resolve("truth/identifiers.csv"))) {
      if (r.get("note").equals("decoy-donation")) donationPosters.computeIfAbsent(r.get("value"), k -> new HashSet<>()).add(personOf.get(r.get("site") + ":" + r.get("account")));
    }
    assertThat(donationPosters.values().stream().mapToInt(Set::size).max().orElse(0)).isGreaterThan(1);
  }

  private JsonNode readJson(String rel) {
    try {
      return Generated.JSON.readTree(g.dir.resolve(rel).toFile());
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  static long[] pdq(String hex) {
    long[] h = new long[4];
    for (int i = 0; i < 4; i++) h[i] = Long.parseUnsignedLong(hex.substring(i * 16, i * 16 + 16), 16);
    return h;
  }

  static int dist(long[] a, long[] b) {
    int d = 0;
    for (int i = 0; i < 4; i++) d += Long.bitCount(a[i] ^ b[i]);
    return d;
  }

  static int bits(long[] a) {
    int d = 0;
    for (long x : a) d += Long.bitCount(x);
    return d;
  }
}
