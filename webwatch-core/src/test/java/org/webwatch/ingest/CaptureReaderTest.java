package org.webwatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.webwatch.ingest.Captures.utf8;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.webwatch.WebwatchException;
import org.webwatch.model.Post;

class CaptureReaderTest {
  @TempDir Path tmp;
  private final CaptureReader reader = new CaptureReader();

  private void assertBasic(ReadReport r, Captures.Recorder v) {
    assertThat(r.manifest().id()).isEqualTo("test-1");
    assertThat(r.manifest().collector()).isEqualTo("unit");
    assertThat(r.accepted()).isEqualTo(4);
    assertThat(r.rejected()).isZero();
    assertThat(v.sites).extracting(s -> s.id()).containsExactly("s1");
    assertThat(v.accounts).extracting(a -> a.id()).containsExactly("17", "18");
    Post p = v.posts.get(0);
    assertThat(p.id()).isEqualTo("901");
    assertThat(p.thread()).isEqualTo("55");
    assertThat(p.author()).isEqualTo("17");
    assertThat(p.createdAt()).isEqualTo(Instant.parse("2019-03-02T21:14:00Z"));
    assertThat(p.attachments().get(0).md5()).isEqualTo("abcdef0123456789abcdef0123456789");
    assertThat(p.attachments().get(0).sha1()).isNull();
    assertThat(p.replyTo()).isNull();
    assertThat(p.quotes()).isEmpty();
  }

  @Test
  void readsDirectory() {
    Captures.Recorder v = new Captures.Recorder();
    assertBasic(reader.read(dirOf(Captures.basic()), v), v);
  }

  private Path dirOf(Map<String, byte[]> files) {
    try {
      return Captures.dir(tmp.resolve("cap"), files);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void readsDirectoryWithOneTopLevelFolder() throws Exception {
    Captures.dir(tmp.resolve("outer/inner"), Captures.basic());
    Captures.Recorder v = new Captures.Recorder();
    assertBasic(reader.read(tmp.resolve("outer"), v), v);
  }

  @Test
  void readsZipAtRootAndUnderOneFolder() throws Exception {
    Captures.Recorder v = new Captures.Recorder();
    assertBasic(reader.read(Captures.zip(tmp.resolve("a.zip"), "", Captures.basic()), v), v);
    Captures.Recorder w = new Captures.Recorder();
    assertBasic(reader.read(Captures.zip(tmp.resolve("b.zip"), "capture-2019/", Captures.basic()), w), w);
  }

  @Test
  void readsTarGzAtRootAndUnderOneFolder() throws Exception {
    Captures.Recorder v = new Captures.Recorder();
    assertBasic(reader.read(Captures.tarGz(tmp.resolve("a.tar.gz"), Captures.tarItems("", Captures.basic())), v), v);
    Captures.Recorder w = new Captures.Recorder();
    assertBasic(reader.read(Captures.tarGz(tmp.resolve("b.tgz"), Captures.tarItems("./top/", Captures.basic())), w), w);
  }

  @Test
  void readsTarGzWithGnuLongNames() throws Exception {
    String top = "x".repeat(120) + "/";
    Captures.Recorder v = new Captures.Recorder();
    assertBasic(reader.read(Captures.tarGz(tmp.resolve("long.tar.gz"), Captures.tarItems(top, Captures.basic())), v), v);
  }

  @Test
  void readsGzipDataFilesInEveryContainer() throws Exception {
    Map<String, byte[]> m = Captures.basic();
    m.put("posts.jsonl.gz", Captures.gzip(m.remove("posts.jsonl")));
    m.put("accounts.jsonl.gz", Captures.gzip(m.remove("accounts.jsonl")));
    Captures.Recorder v = new Captures.Recorder();
    ReadReport r = reader.read(dirOf(m), v);
    assertBasic(r, v);
    assertThat(r.acceptedByFile()).containsEntry("posts.jsonl.gz", 1L).containsEntry("accounts.jsonl.gz", 2L);
    Captures.Recorder z = new Captures.Recorder();
    assertBasic(reader.read(Captures.zip(tmp.resolve("g.zip"), "", m), z), z);
    Captures.Recorder t = new Captures.Recorder();
    assertBasic(reader.read(Captures.tarGz(tmp.resolve("g.tar.gz"), Captures.tarItems("", m)), t), t);
  }

  @Test
  void visitsInSpecOrderWhateverTheFileOrder() throws Exception {
    Map<String, byte[]> m = new java.util.LinkedHashMap<>();
    m.put("messages.jsonl", utf8("{\"id\":1,\"site\":\"s1\",\"author\":17,\"created_at\":0,\"text\":\"hi\",\"recipients\":[18],\"subject\":\"re\"}\n"));
    m.put("posts.jsonl", utf8(Captures.POSTS));
    m.put("accounts.jsonl", utf8(Captures.ACCOUNTS));
    m.put("threads.jsonl", utf8("{\"id\":55,\"site\":\"s1\",\"board\":\"b1\",\"title\":\"Welcome\",\"author\":17,\"created_at\":1551561240}\n"));
    m.put("boards.jsonl", utf8("{\"id\":\"b1\",\"site\":\"s1\",\"name\":\"General\",\"parent\":null}\n"));
    m.put("sites.jsonl", utf8(Captures.SITES));
    m.put("capture.json", utf8(Captures.MANIFEST));
    Captures.Recorder v = new Captures.Recorder();
    ReadReport r = reader.read(Captures.tarGz(tmp.resolve("o.tar.gz"), Captures.tarItems("", m)), v);
    assertThat(v.order).containsExactly("manifest", "sites", "boards", "threads", "accounts", "posts", "messages");
    assertThat(r.rejected()).isZero();
    assertThat(v.threads.get(0).createdAt()).isEqualTo(Instant.ofEpochSecond(1551561240));
    assertThat(v.boards.get(0).parent()).isNull();
    assertThat(v.messages.get(0).recipients()).containsExactly("18");
    assertThat(v.messages.get(0).createdAt()).isEqualTo(Instant.EPOCH);
  }

  @Test
  void acceptsIdAndTimestampFormsAndKeepsUnknownFields() {
    Captures.Recorder v = new Captures.Recorder();
    ReadReport r = reader.read(dirOf(Captures.withPosts(
        "{\"id\":\"p-1\",\"site\":\"s1\",\"author\":\"17\",\"created_at\":\"2019-03-02T23:14:00+02:00\",\"text\":\"a\",\"lang\":\"en\",\"meta\":{\"k\":[1,2]}}",
        "{\"id\":12345678901234567890,\"site\":\"s1\",\"author\":18,\"created_at\":1551561240,\"text\":\"b\",\"quotes\":[\"p-1\",7],\"reply_to\":7}",
        "",
        "  ",
        "{\"id\":3,\"site\":\"s1\",\"author\":18,\"created_at\":\"2019-03-02T21:14:00.250Z\",\"text\":\"c\",\"thread\":null}\r")), v);
    assertThat(r.rejected()).isZero();
    assertThat(v.posts).extracting(Post::id).containsExactly("p-1", "12345678901234567890", "3");
    assertThat(v.posts.get(0).createdAt()).isEqualTo(Instant.parse("2019-03-02T21:14:00Z"));
    assertThat(v.posts.get(0).extra()).containsEntry("lang", "en").containsEntry("meta", Map.of("k", List.of(1, 2)));
    assertThat(v.posts.get(1).createdAt()).isEqualTo(Instant.parse("2019-03-02T21:14:00Z"));
    assertThat(v.posts.get(1).quotes()).containsExactly("p-1", "7");
    assertThat(v.posts.get(1).replyTo()).isEqualTo("7");
    assertThat(v.posts.get(2).createdAt()).isEqualTo(Instant.parse("2019-03-02T21:14:00.250Z"));
    assertThat(v.posts.get(2).thread()).isNull();
  }

  @Test
  void acceptsCrLfAndByteOrderMark() {
    Map<String, byte[]> m = Captures.basic();
    m.put("accounts.jsonl", utf8("\uFEFF" + Captures.ACCOUNTS.replace("\n", "\r\n")));
    Captures.Recorder v = new Captures.Recorder();
    assertBasic(reader.read(dirOf(m), v), v);
  }

  @Test
  void unknownFilesAreIgnoredWithAWarning() {
    Map<String, byte[]> m = Captures.basic();
    m.put("README.txt", utf8("notes"));
    Captures.Recorder v = new Captures.Recorder();
    ReadReport r = reader.read(dirOf(m), v);
    assertThat(r.warnings()).containsExactly("ignored unknown file 'README.txt'");
    assertThat(v.warnings).containsExactly("ignored unknown file 'README.txt'");
  }

  @Test
  void missingManifestIsRefused() {
    Map<String, byte[]> m = Captures.basic();
    m.remove("capture.json");
    assertThatThrownBy(() -> reader.read(dirOf(m), new Captures.Recorder()))
        .isInstanceOf(CaptureRefusedException.class)
        .hasMessageContaining("capture.json (the manifest) is missing")
        .satisfies(e -> assertThat(((WebwatchException) e).kind()).isEqualTo(WebwatchException.Kind.REFUSED));
  }

  @Test
  void newerVersionIsRefusedBeforeAnyRecordIsVisited() {
    Map<String, byte[]> m = Captures.basic();
    m.put("capture.json", utf8("{\"format\":\"webwatch-capture\",\"version\":2,\"id\":\"x\"}"));
    Captures.Recorder v = new Captures.Recorder();
    assertThatThrownBy(() -> reader.read(dirOf(m), v))
        .isInstanceOf(CaptureRefusedException.class)
        .hasMessage("capture.json: version: capture format version 2 is newer than this Webwatch reads (version 1); "
            + "upgrade Webwatch to import it; capture refused");
    assertThat(v.order).isEmpty();
  }

  @Test
  void badManifestsAreRefusedWithTheField() {
    Map<String, byte[]> m = Captures.basic();
    m.put("capture.json", utf8("{\"format\":\"other\",\"version\":1,\"id\":\"x\"}"));
    assertThatThrownBy(() -> reader.read(dirOf(m), new Captures.Recorder()))
        .hasMessage("capture.json: format: expected \"webwatch-capture\", got \"other\"; capture refused");
  }

  @Test
  void missingRequiredFileIsRefusedButOptionalFilesMayBeAbsentAndRequiredMayBeEmpty() {
    Map<String, byte[]> m = Captures.basic();
    m.put("posts.jsonl", new byte[0]);
    ReadReport r = reader.read(dirOf(m), new Captures.Recorder());
    assertThat(r.acceptedByFile()).containsEntry("posts.jsonl", 0L);
    m.remove("accounts.jsonl");
    assertThatThrownBy(() -> reader.read(Captures.zip(tmp.resolve("m.zip"), "", m), new Captures.Recorder()))
        .isInstanceOf(CaptureRefusedException.class)
        .hasMessage("required file accounts.jsonl is missing from capture 'test-1'");
  }

  @Test
  void constructorRejectsBadLimits() {
    assertThatThrownBy(() -> new ReaderLimits(10, 1, 1, 10, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ReaderLimits(4096, 1, 1, 0.5, 1)).isInstanceOf(IllegalArgumentException.class);
  }
}
