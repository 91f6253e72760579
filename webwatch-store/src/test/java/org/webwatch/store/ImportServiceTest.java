package org.webwatch.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.webwatch.ingest.CaptureRefusedException;
import org.webwatch.ingest.internal.SyntheticCaptureWriter;
import org.webwatch.store.search.FullTextIndex;

class ImportServiceTest {
  @TempDir Path tmp;

  /** A small capture with two rejected posts and one message. */
  private Path handmade(String id) throws Exception {
    Path d = Files.createDirectories(tmp.resolve("cap-" + id));
    Files.writeString(d.resolve("capture.json"), "{\"format\":\"webwatch-capture\",\"version\":1,\"id\":\"" + id + "\",\"collected_at\":1551561240}");
    Files.writeString(d.resolve("sites.jsonl"), "{\"id\":\"s1\",\"name\":\"Example board\",\"software\":\"phpbb\",\"lang\":\"en\"}\n");
    Files.writeString(d.resolve("threads.jsonl"), "{\"id\":55,\"site\":\"s1\",\"title\":\"Welcome thread\",\"author\":17}\n");
    Files.writeString(d.resolve("accounts.jsonl"),
        "{\"id\":17,\"site\":\"s1\",\"username\":\"owl_77\",\"signature\":\"see you friday\",\"profile\":{\"contact\":\"owl@example.org\"}}\n"
            + "{\"id\":18,\"site\":\"s1\",\"username\":\"lark\"}\n");
    Files.writeString(d.resolve("posts.jsonl"),
        "{\"id\":901,\"site\":\"s1\",\"thread\":55,\"author\":17,\"created_at\":\"2019-03-02T21:14:00Z\",\"text\":\"I look after my neighbour's kids every Friday\","
            + "\"quotes\":[900],\"attachments\":[{\"id\":\"a1\",\"md5\":\"ABCDEF0123456789ABCDEF0123456789\",\"pdq_quality\":92}]}\n"
            + "{\"id\":902,\"site\":\"s1\",\"author\":99,\"created_at\":0,\"text\":\"who\"}\n"
            + "{\"id\":903,\"site\":\"s1\",\"author\":18,\"created_at\":\"yesterday\",\"text\":\"when\"}\n");
    Files.writeString(d.resolve("messages.jsonl"),
        "{\"id\":1,\"site\":\"s1\",\"author\":17,\"recipients\":[18],\"created_at\":0,\"subject\":\"garden\",\"text\":\"the garden party is on\"}\n");
    Files.writeString(d.resolve("notes.txt"), "collector notes");
    return d;
  }

  /** A zip whose sites, accounts and posts are fine and whose messages.jsonl is a decompression bomb. */
  private Path bombZip(String id) throws Exception {
    return bombZip(id, 0, 8 << 20);
  }

  /** Like {@link #bombZip(String)} but messages.jsonl starts with 5,000 good messages before a bigger bomb. */
  private Path bombZipAfterMessages(String id) throws Exception {
    return bombZip(id, 5_000, 64 << 20);
  }

  private Path bombZip(String id, int goodMessages, int bombBytes) throws Exception {
    Path zip = tmp.resolve(id + ".zip");
    Path src = handmade(id);
    try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
      for (String f : List.of("capture.json", "sites.jsonl", "accounts.jsonl", "posts.jsonl")) {
        z.putNextEntry(new ZipEntry(f));
        z.write(Files.readAllBytes(src.resolve(f)));
      }
      z.putNextEntry(new ZipEntry("messages.jsonl"));
      StringBuilder good = new StringBuilder();
      for (int i = 0; i < goodMessages; i++) {
        good.append("{\"id\":").append(i).append(",\"site\":\"s1\",\"author\":17,\"recipients\":[18],\"created_at\":0,\"text\":\"note ")
            .append(i).append("\"}\n");
      }
      z.write(good.toString().getBytes(StandardCharsets.UTF_8));
      z.write(" ".repeat(bombBytes).getBytes(StandardCharsets.US_ASCII));
    }
    return zip;
  }

  @Test
  void theIndexedTextOfEveryKindReadsBackFromTheRecordsForHighlighting() throws Exception {
    try (WebwatchStore store = WebwatchStore.open(tmp.resolve("data"))) {
      ImportService service = new ImportService(store);
      service.importCapture(handmade("c1"));
      CaptureRepository records = service.repository();
      // the index does not store texts (schema 3): search reads them back, composed as the import composed them
      List<org.webwatch.store.search.IndexedText> indexed = new java.util.ArrayList<>();
      records.forEachText("c1", indexed::add);
      assertThat(indexed).extracting(t -> t.kind().code()).contains("post", "message", "signature", "thread-title");
      for (var t : indexed) assertThat(records.indexedText(t.site(), t.kind(), t.id())).contains(t.text());
      assertThat(records.indexedText("s1", org.webwatch.model.TextKind.MESSAGE, "1")).contains("garden\nthe garden party is on");
      assertThat(records.indexedText("s1", org.webwatch.model.TextKind.POST, "404")).isEmpty();
      assertThat(records.indexedText("s1", org.webwatch.model.TextKind.PROFILE, "17")).isEmpty();
      // a page of hits: mixed kinds, in order, one connection
      var M = org.webwatch.model.TextKind.MESSAGE;
      var P = org.webwatch.model.TextKind.POST;
      assertThat(records.indexedTexts(List.of(new CaptureRepository.TextRef("s1", P, "901"), new CaptureRepository.TextRef("s1", P, "404"),
          new CaptureRepository.TextRef("s1", M, "1"), new CaptureRepository.TextRef("s1", P, "901"))))
          .containsExactly(java.util.Optional.of("I look after my neighbour's kids every Friday"), java.util.Optional.empty(),
              java.util.Optional.of("garden\nthe garden party is on"), java.util.Optional.of("I look after my neighbour's kids every Friday"));
    }
  }

  @Test
  void importsRecordsRejectsAndIndex() throws Exception {
    try (WebwatchStore store = WebwatchStore.open(tmp.resolve("data"))) {
      ImportResult r = new ImportService(store).importCapture(handmade("c1"));
      assertThat(r.outcome()).isEqualTo(ImportResult.Outcome.IMPORTED);
      assertThat(r.accepted()).isEqualTo(6);
      assertThat(r.rejected()).isEqualTo(2);
      StoreSummary s = new ImportService(store).summary();
      assertThat(s.rowsPerTable()).containsEntry("site", 1L).containsEntry("thread", 1L).containsEntry("account", 2L)
          .containsEntry("post", 1L).containsEntry("message", 1L).containsEntry("attachment", 1L).containsEntry("rejected_record", 2L);
      assertThat(s.captures()).singleElement().satisfies(c -> {
        assertThat(c.status()).isEqualTo("complete");
        assertThat(c.indexed()).isTrue();
        assertThat(c.records()).isEqualTo(6);
      });
      // post, message, signature of 17, thread title
      assertThat(FullTextIndex.keys(store.indexDir()))
          .containsExactly("s1/message/1", "s1/post/901", "s1/signature/17", "s1/thread-title/55");
      assertThat(s.indexDocs()).isEqualTo(4);
      List<String> dump = StoreDump.dump(store);
      assertThat(dump).contains(
          "rejected_record|c1|posts.jsonl|2|author|unknown account '99' on site 's1' (not in accounts.jsonl)|",
          "capture_file|c1|posts.jsonl|1|2|",
          "capture_warning|c1|1|ignored unknown file 'notes.txt'|");
      assertThat(dump).anyMatch(l -> l.startsWith("post|s1|901|55|17|1551561240000|I look after") && l.contains("|[\"900\"]|c1|null|"));
      assertThat(dump).anyMatch(l -> l.startsWith("attachment|s1|a1|post|901|17|") && l.contains("abcdef0123456789abcdef0123456789"));
      assertThat(dump).anyMatch(l -> l.startsWith("site|s1|Example board|") && l.endsWith("|c1|{\"lang\":\"en\"}|"));
      assertThat(dump).anyMatch(l -> l.startsWith("account|s1|17|owl_77|") && l.contains("{\"contact\":\"owl@example.org\"}"));
    }
  }

  private static List<String> indexes(WebwatchStore store) throws Exception {
    List<String> out = new java.util.ArrayList<>();
    try (var c = store.connection(); var r = c.createStatement().executeQuery(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name")) {
      while (r.next()) out.add(r.getString(1));
    }
    return out;
  }

  @Test
  void secondaryIndexesSurviveBulkImportAndRefusal() throws Exception {
    try (WebwatchStore store = WebwatchStore.open(tmp.resolve("data"))) {
      List<String> before = indexes(store);
      assertThat(before).contains("post_author", "post_reply_to", "attachment_item");
      // refused after posts were written into the empty tables (indexes dropped in the transaction)
      assertThatThrownBy(() -> new ImportService(store).importCapture(bombZip("bomb0"))).isInstanceOf(CaptureRefusedException.class);
      assertThat(indexes(store)).isEqualTo(before);
      assertThat(new ImportService(store).summary().rows("post")).isZero();
      // refused while messages are read, after the post indexes were rebuilt early in the transaction
      assertThatThrownBy(() -> new ImportService(store).importCapture(bombZipAfterMessages("bomb1"))).isInstanceOf(CaptureRefusedException.class);
      assertThat(indexes(store)).isEqualTo(before);
      assertThat(new ImportService(store).summary().rows("post")).isZero();
      assertThat(new ImportService(store).summary().rows("message")).isZero();
      new ImportService(store).importCapture(handmade("good"));
      assertThat(indexes(store)).isEqualTo(before);
      try (var c = store.connection(); var r = c.createStatement().executeQuery(
          "EXPLAIN QUERY PLAN SELECT * FROM post WHERE site = 's1' AND author = '17'")) {
        StringBuilder plan = new StringBuilder();
        while (r.next()) plan.append(r.getString(4));
        assertThat(plan.toString()).contains("post_author");
      }
    }
  }

  @Test
  void importingTwiceChangesNothing() throws Exception {
    Path cap = handmade("c2");
    try (WebwatchStore store = WebwatchStore.open(tmp.resolve("data"))) {
      ImportService service = new ImportService(store);
      service.importCapture(cap);
      List<String> first = StoreDump.dump(store);
      ImportResult again = service.importCapture(cap);
      assertThat(again.outcome()).isEqualTo(ImportResult.Outcome.ALREADY_IMPORTED);
      assertThat(again.accepted()).isEqualTo(6);
      assertThat(StoreDump.dump(store)).isEqualTo(first);
      ImportResult forced = service.importCapture(cap, ImportOptions.defaults().withReimport(true));
      assertThat(forced.outcome()).isEqualTo(ImportResult.Outcome.IMPORTED);
      assertThat(StoreDump.dump(store)).isEqualTo(first);
    }
  }

  @Test
  void refusedCaptureStoresNothingEvenAfterRecordsWereRead() throws Exception {
    try (WebwatchStore store = WebwatchStore.open(tmp.resolve("data"))) {
      ImportService service = new ImportService(store);
      service.importCapture(handmade("base"));
      List<String> before = StoreDump.dump(store);
      // sites, accounts and posts read fine; messages is a decompression bomb: the whole capture is refused
      Path zip = bombZip("bomb");
      Path src = tmp.resolve("cap-bomb");
      assertThatThrownBy(() -> service.importCapture(zip)).isInstanceOf(CaptureRefusedException.class)
          .hasMessageContaining("decompression bomb");
      assertThat(StoreDump.dump(store)).isEqualTo(before);
      assertThat(BulkJournalTest.journalMode(store)).isEqualTo("wal"); // the bulk journal's rollback restored WAL
      Files.writeString(src.resolve("capture.json"), "{\"format\":\"webwatch-capture\",\"version\":9,\"id\":\"bomb\"}");
      assertThatThrownBy(() -> service.importCapture(src)).isInstanceOf(CaptureRefusedException.class);
      assertThat(StoreDump.dump(store)).isEqualTo(before);
    }
  }

  @Test
  void indexMissedBetweenTheTwoCommitsIsRepaired() throws Exception {
    Path cap = SyntheticCaptureWriter.write(tmp.resolve("syn"), "syn-1", 2, 50, 10, 2_000, true, 7);
    try (WebwatchStore store = WebwatchStore.open(tmp.resolve("data"))) {
      ImportService service = new ImportService(store);
      service.importCapture(cap);
      List<String> clean = StoreDump.dump(store);
      // simulate a kill after the SQL commit and before the Lucene commit
      store.execute("UPDATE capture SET indexed = 0");
      try (var s = Files.list(store.indexDir())) {
        for (Path p : s.toList()) Files.delete(p);
      }
      assertThat(FullTextIndex.docCount(store.indexDir())).isZero();
      ImportResult again = service.importCapture(cap);
      assertThat(again.outcome()).isEqualTo(ImportResult.Outcome.ALREADY_IMPORTED);
      assertThat(StoreDump.dump(store)).isEqualTo(clean);
    }
  }
}
