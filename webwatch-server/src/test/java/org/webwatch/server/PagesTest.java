package org.webwatch.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.webwatch.casework.AuditEntry;
import org.webwatch.store.WebwatchStore;
import org.webwatch.store.audit.AuditLog;

class PagesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path dir;
  static WebwatchStore store;
  static WebwatchServer server;
  static Client inv;

  @BeforeAll
  static void start() throws Exception {
    store = WebwatchStore.open(dir.resolve("data"));
    var users = Fixture.seed(store, dir);
    server = WebwatchServer.create(store, users, WebwatchServer.defaultOptions(store, false)).start("127.0.0.1", 0);
    inv = new Client(server.port());
    assertThat(inv.login("investigator", Fixture.password("investigator")).statusCode()).isEqualTo(302);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void queueListsPersonsAndAccountsWithFiltersAndPaging() throws Exception {
    String persons = inv.get("/queue").body();
    assertThat(persons).contains("href=\"/person/P1\"").contains("critical").contains("s1:a1, s2:b7");
    assertThat(persons.indexOf("/person/P1")).isLessThan(persons.indexOf("/person/P2"));
    String accounts = inv.get("/queue?view=accounts&band=high").body();
    assertThat(accounts).contains("/account/s2/b7").doesNotContain("/account/s1/a1\"");
    assertThat(inv.get("/queue?view=accounts&indicator=entry-by-production").body()).contains("/account/s1/a1").doesNotContain("/account/s2/b7");
    assertThat(inv.get("/queue?view=accounts&media=new").body()).contains("/account/s1/a1").doesNotContain("/account/s1/a2");
    JsonNode page = JSON.readTree(inv.get("/api/queue/accounts?limit=2").body());
    assertThat(page.path("items")).hasSize(2);
    assertThat(page.path("next").asLong()).isEqualTo(2);
    JsonNode rest = JSON.readTree(inv.get("/api/queue/accounts?limit=2&after=2").body());
    assertThat(rest.path("items").get(0).path("account").asText()).isEqualTo("a2");
    assertThat(rest.path("next").asLong()).isEqualTo(-1);
  }

  @Test
  void accountDossierHighlightsSpansAndEscapesCaptureText() {
    HttpResponse<String> r = inv.get("/account/s1/a1");
    assertThat(r.statusCode()).isEqualTo(200);
    String html = r.body();
    assertThat(html).contains("<mark class=\"entry-by-production\" title=\"entry-by-production\">must upload something they made themselves</mark>");
    assertThat(html).doesNotContain("<script>alert(1)</script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    assertThat(html).contains(Fixture.SHA).contains("bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq").contains("valid");
    assertThat(html).contains("<svg").contains("class=\"bar\"").contains("Posts and messages per week");
    assertThat(html).contains("entry-by-production</td><td>4.5</td>");
    assertThat(html).contains("data-url=\"/api/accounts/s1/a1/network\"").doesNotContain("<img");
    assertThat(inv.get("/account/s1/nobody").statusCode()).isEqualTo(404);
  }

  @Test
  void personDossierShowsAccountsLinkEvidenceAndPairs() {
    String html = inv.get("/person/P1").body();
    assertThat(html).contains("shared-btc;username").contains("0.90").contains("value=\"link-confirmed\"");
    assertThat(html).contains("new-media</td><td>2.0</td>").contains("Export JSON");
    assertThat(inv.get("/person/P404").statusCode()).isEqualTo(404);
  }

  @Test
  void suggestedLinksAreListedForReviewAndTheViewIsAudited() throws Exception {
    String html = inv.get("/suggestions").body();
    assertThat(html).contains("<h1>Suggested links</h1>").contains("href=\"/person/P1\"").contains("href=\"/person/P2\"")
        .contains("username;boosted-weak").contains("0.62").contains("value=\"link-confirmed\"");
    // the fixture is shared: decide here, so the state shown is this test's decision
    assertThat(inv.post("/decisions", Map.of("kind", "link-confirmed", "subject", "s1:a2", "other", "s2:b7", "back", "/suggestions"), true)
        .statusCode()).isEqualTo(303);
    JsonNode api = JSON.readTree(inv.get("/api/suggestions?limit=1").body());
    assertThat(api.path("total").asLong()).isEqualTo(1);
    assertThat(api.path("items").get(0).path("suggestion").path("bandB").asText()).isEqualTo("critical");
    assertThat(api.path("items").get(0).path("state").asText()).isEqualTo("confirmed");
    assertThat(api.path("next").asLong()).isEqualTo(1); // a full page: there may be more
    assertThat(JSON.readTree(inv.get("/api/suggestions?offset=1").body()).path("items")).isEmpty();
    assertThat(new AuditLog(store).page(Long.MAX_VALUE, 1000, "suggestions.view")).extracting(AuditEntry::target).contains("run:1");
  }

  @Test
  void personDossierPutsSuggestedLinksToAnAnalyst() throws Exception {
    String html = inv.get("/person/P1").body();
    assertThat(html).contains("Suggested links to other persons (not merged)").contains("href=\"/person/P2\"")
        .contains("username beta~gamma; boosted-weak p=0.62").doesNotContain("style 0.1");
    assertThat(html).doesNotContain("\"other_person\""); // not also dumped as a raw factor
    assertThat(inv.post("/decisions", Map.of("kind", "link-rejected", "subject", "s1:a2", "other", "s2:b7", "back", "/person/P1"), true)
        .statusCode()).isEqualTo(303);
    JsonNode view = JSON.readTree(inv.get("/api/persons/P1").body());
    assertThat(view.path("suggestions").get(0).path("suggestion").path("otherPerson").asText()).isEqualTo("P2");
    assertThat(view.path("suggestions").get(0).path("state").asText()).isEqualTo("rejected");
  }

  @Test
  void networkJsonHasEgoSiblingsAndContacts() throws Exception {
    JsonNode g = JSON.readTree(inv.get("/api/accounts/s1/a1/network").body());
    assertThat(g.path("nodes").findValuesAsText("id")).contains("s1:a1", "s2:b7", "s1:a2");
    assertThat(g.path("edges").findValuesAsText("kind")).contains("same-person", "contact");
  }

  @Test
  void searchHighlightsAndFacets() throws Exception {
    String html = inv.get("/search?q=look%20AND%20kids").body();
    assertThat(html).contains("2 hit(s)").contains("<mark>look</mark>").contains("s2</a> 1");
    String escaped = inv.get("/search?q=members").body();
    assertThat(escaped).contains("&lt;script&gt;").doesNotContain("<script>alert");
    JsonNode api = JSON.readTree(inv.get("/api/search?q=kids&kind=message").body());
    assertThat(api.path("result").path("total").asLong()).isEqualTo(1);
    assertThat(api.path("result").path("kinds").path("message").asLong()).isEqualTo(1);
    assertThat(inv.get("/search?q=%22unbalanced").statusCode()).isEqualTo(400);
    assertThat(inv.get("/api/search?q=upload").body()).contains("entry-by-production");
    // the field filters the search page advertises (site:, kind:, account:) match
    JsonNode byAccount = JSON.readTree(inv.get("/api/search?q=account:a1%20AND%20kids").body());
    assertThat(byAccount.path("result").path("total").asLong()).isEqualTo(1);
    JsonNode bySite = JSON.readTree(inv.get("/api/search?q=site:s2%20AND%20kids").body());
    assertThat(bySite.path("result").path("total").asLong()).isEqualTo(1);
  }

  @Test
  void decisionsWatchlistNotesAndExport() throws Exception {
    assertThat(inv.post("/watchlist", Map.of("kind", "person", "subject", "P1", "reason", "priority", "back", "/person/P1"), true).statusCode()).isEqualTo(303);
    assertThat(inv.post("/notes", Map.of("kind", "person", "subject", "P1", "text", "Asked platform for records"), true).statusCode()).isEqualTo(303);
    assertThat(inv.post("/decisions", Map.of("kind", "link-confirmed", "subject", "s2:b7", "other", "s1:a1"), true).statusCode()).isEqualTo(303);
    String person = inv.get("/person/P1").body();
    assertThat(person).contains("Remove from watchlist").contains("Asked platform for records").contains("confirmed");
    assertThat(inv.get("/cases").body()).contains("priority").contains("link-confirmed");
    JsonNode export = JSON.readTree(inv.get("/cases/export?person=P1&format=json").body());
    assertThat(export.path("format").asText()).isEqualTo("webwatch-case/1");
    assertThat(export.path("accounts")).hasSize(2);
    assertThat(export.toString()).contains(Fixture.SHA).contains("must upload something").contains("Asked platform for records");
    HttpResponse<String> csv = inv.get("/cases/export?person=P1&format=csv");
    assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
    assertThat(csv.body()).startsWith("person,site,account,record").contains("media,post,p1,new," + Fixture.SHA);
    assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).contains("case-P1.csv");
  }

  @Test
  void hashLookupFindsCaptureAttachments() throws Exception {
    JsonNode exact = JSON.readTree(inv.get("/m/lookup?signal_type=sha256&signal=" + Fixture.SHA).body());
    assertThat(exact.path("matches").get(0).path("entry").asText()).isEqualTo("s1/at1");
    assertThat(exact.path("matches").get(0).path("policy").asText()).isEqualTo("new");
    String near = "0" + Fixture.PDQ.substring(1);
    JsonNode pdq = JSON.readTree(inv.get("/m/lookup?signal_type=pdq&signal=" + near).body());
    assertThat(pdq.path("matches").get(0).path("distance").asInt()).isEqualTo(4);
    assertThat(inv.get("/m/lookup?signal_type=pdq&signal=zz").statusCode()).isEqualTo(400);
    assertThat(inv.get("/h/hash?url=http://example.org/x").statusCode()).isEqualTo(400);
    assertThat(inv.post("/hash", Map.of("signal_type", "md5", "signal", "b".repeat(32)), true).body()).contains("s1/at1");
  }

  @Test
  void uploadedFileIsHashedWithCsrfInTheMultipartForm() throws Exception {
    byte[] content = "not an image, just bytes".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    String expected = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
    java.util.function.Function<String, java.net.http.HttpRequest> upload = csrf -> {
      String b = "----ww" + System.nanoTime();
      String body = "--" + b + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n"
          + "--" + b + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.bin\"\r\nContent-Type: application/octet-stream\r\n\r\n"
          + new String(content, java.nio.charset.StandardCharsets.UTF_8) + "\r\n--" + b + "--\r\n";
      return java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + server.port() + "/h/hash"))
          .header("Content-Type", "multipart/form-data; boundary=" + b).POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build();
    };
    assertThat(inv.send(upload.apply("wrong")).statusCode()).isEqualTo(403);
    HttpResponse<String> r = inv.send(upload.apply(inv.csrf()));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(r.body()).path("sha256").asText()).isEqualTo(expected);
  }

  @Test
  void adminImportsListsMatchesAndRemovesAHashSet() throws Exception {
    Client admin = new Client(server.port());
    assertThat(admin.login("admin", Fixture.password("admin")).statusCode()).isEqualTo(302);
    assertThat(inv.get("/hashsets").statusCode()).isEqualTo(403);
    String md5 = "0123456789abcdef0123456789abcdef";
    java.util.function.BiFunction<String, String, java.net.http.HttpRequest> upload = (csrf, csv) -> {
      String b = "----ww" + System.nanoTime();
      StringBuilder body = new StringBuilder();
      for (String[] f : new String[][] {{"_csrf", csrf}, {"name", "national"}, {"source", "test agency"}, {"pdq_threshold", "31"}}) {
        body.append("--").append(b).append("\r\nContent-Disposition: form-data; name=\"").append(f[0]).append("\"\r\n\r\n")
            .append(f[1]).append("\r\n");
      }
      body.append("--").append(b).append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"set.csv\"\r\n")
          .append("Content-Type: text/csv\r\n\r\n").append(csv).append("\r\n--").append(b).append("--\r\n");
      return java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + server.port() + "/hashsets"))
          .header("Content-Type", "multipart/form-data; boundary=" + b)
          .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body.toString())).build();
    };
    assertThat(admin.send(upload.apply("wrong", "md5\n" + md5 + "\n")).statusCode()).isEqualTo(403);
    HttpResponse<String> imported = admin.send(upload.apply(admin.csrf(), "md5,category\n" + md5.toUpperCase() + ",1\n"));
    assertThat(imported.statusCode()).isEqualTo(200);
    assertThat(imported.body()).contains("Imported national: 1 entries").contains("test agency");
    assertThat(JSON.readTree(admin.get("/api/hashsets").body()).toString()).contains("national");
    assertThat(inv.post("/hash", Map.of("signal_type", "md5", "signal", md5), true).body()).contains("national");
    assertThat(admin.post("/hashsets/national/remove", Map.of(), true).statusCode()).isEqualTo(303);
    assertThat(admin.get("/hashsets").body()).doesNotContain("test agency");
    assertThat(store.dataDir().resolve("staging")).isEmptyDirectory();
  }

  @Test
  void everyApiRouteIsInTheOpenApiDocument() throws Exception {
    JsonNode doc = JSON.readTree(inv.get("/api/openapi.json").body());
    JsonNode paths = doc.path("paths");
    for (WebwatchServer.Route r : server.routes()) {
      if (!(r.path().startsWith("/api/") || r.path().startsWith("/h/") || r.path().startsWith("/m/"))) continue;
      assertThat(paths.has(r.path())).as("openapi path " + r.path()).isTrue();
      assertThat(paths.path(r.path()).has(r.method().toLowerCase())).as("openapi " + r.method() + " " + r.path()).isTrue();
    }
  }

  @Test
  void accountDossierPagesPostsAndMessagesAndAuditsWhichPage() {
    String first = inv.get("/account/s1/a1").body();
    assertThat(first).contains("id=\"post-p3\"").contains("id=\"post-p1\"").doesNotContain("Older posts and messages");
    // continue after p3 (the newest): only p1 is left, with a way back to the newest
    String cursor = (Fixture.T0 + 8 * 86_400_000L) + "~post~p3";
    HttpResponse<String> older = inv.get("/account/s1/a1?items=" + cursor);
    assertThat(older.statusCode()).isEqualTo(200);
    assertThat(older.body()).contains("id=\"post-p1\"").doesNotContain("id=\"post-p3\"").contains("Newest posts and messages");
    // a malformed cursor is ignored: first page
    assertThat(inv.get("/account/s1/a1?items=nonsense%3Cb%3E").body()).contains("id=\"post-p3\"").doesNotContain("nonsense");
    var views = new AuditLog(store).page(Long.MAX_VALUE, 1000, "dossier.view");
    assertThat(views).filteredOn(e -> e.target().equals("account:s1:a1")).extracting(AuditEntry::detail)
        .contains("{}", "{\"items_after\":\"" + cursor + "\"}");
  }

  @Test
  void viewsSearchesExportsAndDecisionsAreAuditedInAnIntactChain() {
    inv.get("/person/P2");
    inv.get("/search?q=audited%20query");
    inv.get("/cases/export?person=P2");
    inv.post("/decisions", Map.of("kind", "referred", "subject", "P2"), true);
    AuditLog log = new AuditLog(store);
    var entries = log.page(Long.MAX_VALUE, 1000, null);
    assertThat(entries).extracting(AuditEntry::action).contains("login.ok", "dossier.view", "search", "export", "decision");
    assertThat(entries).filteredOn(e -> e.action().equals("search")).extracting(AuditEntry::detail).anyMatch(d -> d.contains("audited query"));
    assertThat(entries).filteredOn(e -> e.action().equals("dossier.view")).extracting(AuditEntry::target).contains("person:P2");
    assertThat(entries).allMatch(e -> !e.actor().isEmpty());
    assertThat(log.verify().intact()).isTrue();
  }
}
