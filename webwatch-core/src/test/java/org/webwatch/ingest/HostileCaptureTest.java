package org.webwatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.webwatch.ingest.Captures.utf8;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostileCaptureTest {
  @TempDir Path tmp;

  @Test
  void zipSlipPathsAreRefused() throws Exception {
    Map<String, byte[]> m = Captures.basic();
    m.put("../../evil.jsonl", utf8("{}"));
    assertThatThrownBy(() -> new CaptureReader().read(Captures.zip(tmp.resolve("slip.zip"), "", m), new Captures.Recorder()))
        .isInstanceOf(CaptureRefusedException.class)
        .hasMessage("unsafe entry path '../../evil.jsonl' in archive: climbs out of the capture with '..'; capture refused");
    List<Captures.TarItem> items = Captures.tarItems("", Captures.basic());
    items.add(Captures.TarItem.file("/etc/cron.d/x", utf8("{}")));
    assertThatThrownBy(() -> new CaptureReader().read(Captures.tarGz(tmp.resolve("abs.tar.gz"), items), new Captures.Recorder()))
        .isInstanceOf(CaptureRefusedException.class)
        .hasMessageContaining("is an absolute path");
    assertThat(Files.exists(tmp.resolve("evil.jsonl"))).isFalse();
  }

  @Test
  void tarSymlinkAsDataFileIsRefusedAndOtherLinksIgnored() throws Exception {
    Map<String, byte[]> m = Captures.basic();
    m.remove("posts.jsonl");
    List<Captures.TarItem> items = Captures.tarItems("", m);
    items.add(new Captures.TarItem("posts.jsonl", '2', new byte[0], "/etc/passwd"));
    assertThatThrownBy(() -> new CaptureReader().read(Captures.tarGz(tmp.resolve("l.tar.gz"), items), new Captures.Recorder()))
        .isInstanceOf(CaptureRefusedException.class)
        .hasMessage("'posts.jsonl' is a link, folder or special file; links are never followed; capture refused");
    List<Captures.TarItem> ok = Captures.tarItems("", Captures.basic());
    ok.add(new Captures.TarItem("extra", '2', new byte[0], "../../outside"));
    ReadReport r = new CaptureReader().read(Captures.tarGz(tmp.resolve("ok.tar.gz"), ok), new Captures.Recorder());
    assertThat(r.warnings()).containsExactly("ignored 'extra' (a link, folder or special file)");
  }

  @Test
  void directorySymlinkIsNeverFollowed() throws Exception {
    Path outside = Files.writeString(tmp.resolve("secret.jsonl"), Captures.POSTS);
    Map<String, byte[]> m = Captures.basic();
    m.remove("posts.jsonl");
    Path cap = Captures.dir(tmp.resolve("cap"), m);
    Files.createSymbolicLink(cap.resolve("posts.jsonl"), outside);
    assertThatThrownBy(() -> new CaptureReader().read(cap, new Captures.Recorder()))
        .isInstanceOf(CaptureRefusedException.class)
        .hasMessageContaining("'posts.jsonl' is a link");
  }

  @Test
  void zipBombByRatioIsRefused() throws Exception {
    Map<String, byte[]> m = Captures.basic();
    byte[] zeros = new byte[8 << 20]; // compresses ~1000:1
    Arrays.fill(zeros, (byte) ' ');
    m.put("posts.jsonl", zeros);
    assertThatThrownBy(() -> new CaptureReader().read(Captures.zip(tmp.resolve("bomb.zip"), "", m), new Captures.Recorder()))
        .isInstanceOf(CaptureRefusedException.class)
        .hasMessageContaining("zip entry posts.jsonl inflates")
        .hasMessageContaining("refused as a decompression bomb");
    m.put("posts.jsonl.gz", Captures.gzip(m.remove("posts.jsonl")));
    assertThatThrownBy(() -> new CaptureReader().read(Captures.dir(tmp.resolve("gzbomb"), m), new Captures.Recorder()))
        .isInstanceOf(CaptureRefusedException.class)
        .hasMessageContaining("posts.jsonl.gz inflates");
  }

  @Test
  void totalSizeLimitIsEnforced() throws Exception {
    ReaderLimits small = new ReaderLimits(4096, 1 << 30, 2048, 1000, 100);
    Map<String, byte[]> m = Captures.basic();
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 40; i++) b.append("{\"id\":").append(i).append(",\"site\":\"s1\",\"author\":17,\"created_at\":0,\"text\":\"t\"}\n");
    m.put("posts.jsonl", utf8(b.toString()));
    assertThatThrownBy(() -> new CaptureReader(small).read(Captures.tarGz(tmp.resolve("t.tar.gz"), Captures.tarItems("", m)), new Captures.Recorder()))
        .isInstanceOf(CaptureRefusedException.class)
        .hasMessageContaining("limit maxTotalBytes");
    ReaderLimits entries = new ReaderLimits(4096, 1 << 30, 1 << 30, 1000, 3);
    assertThatThrownBy(() -> new CaptureReader(entries).read(Captures.zip(tmp.resolve("n.zip"), "", m), new Captures.Recorder()))
        .hasMessageContaining("limit maxEntries");
  }

  @Test
  void hugeLineIsSkippedWithoutBufferingIt() throws Exception {
    ReaderLimits limits = new ReaderLimits(4096, 1L << 30, 1L << 30, 1000, 100);
    String huge = "{\"id\":2,\"site\":\"s1\",\"author\":17,\"created_at\":0,\"text\":\"" + "a".repeat(200_000) + "\"}";
    Map<String, byte[]> m = Captures.withPosts(huge, "{\"id\":3,\"site\":\"s1\",\"author\":17,\"created_at\":0,\"text\":\"ok\"}", huge);
    Captures.Recorder v = new Captures.Recorder();
    ReadReport r = new CaptureReader(limits).read(Captures.dir(tmp.resolve("h"), m), v);
    assertThat(r.errors()).extracting(Object::toString).containsExactly(
        "posts.jsonl:1: -: line longer than 4096 bytes (limit maxLineBytes); skipped",
        "posts.jsonl:3: -: line longer than 4096 bytes (limit maxLineBytes); skipped");
    assertThat(v.posts).extracting(p -> p.id()).containsExactly("3");
  }

  @Test
  void invalidUtf8IsALocatedError() throws Exception {
    byte[] good = utf8("{\"id\":3,\"site\":\"s1\",\"author\":17,\"created_at\":0,\"text\":\"caf\u00e9\"}\n");
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.write(good);
    b.write(utf8("{\"id\":4,\"site\":\"s1\",\"author\":17,\"created_at\":0,\"text\":\"x"));
    b.write(new byte[] {(byte) 0xc3, (byte) 0x28});
    b.write(utf8("\"}\n"));
    b.write(utf8("{\"id\":5,\"site\":\"s1\",\"author\":17,\"created_at\":0,\"text\":\""));
    b.write(new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80}); // an encoded surrogate
    b.write(utf8("\"}\n"));
    Map<String, byte[]> m = Captures.basic();
    m.put("posts.jsonl", b.toByteArray());
    Captures.Recorder v = new Captures.Recorder();
    ReadReport r = new CaptureReader().read(Captures.dir(tmp.resolve("u"), m), v);
    assertThat(r.errors()).extracting(Object::toString).containsExactly(
        "posts.jsonl:2: -: invalid UTF-8 at byte 57 of the line",
        "posts.jsonl:3: -: invalid UTF-8 at byte 56 of the line");
    assertThat(v.posts.get(0).text()).isEqualTo("caf\u00e9");
  }

  @Test
  void truncatedGzipKeepsWhatWasReadAndReportsWhereItEnds() throws Exception {
    StringBuilder b = new StringBuilder();
    java.util.Random rnd = new java.util.Random(1);
    for (int i = 0; i < 2000; i++) {
      b.append("{\"id\":").append(i).append(",\"site\":\"s1\",\"author\":17,\"created_at\":0,\"text\":\"").append(Long.toHexString(rnd.nextLong())).append("\"}\n");
    }
    ByteArrayOutputStream bo = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bo)) {
      gz.write(utf8(b.toString()));
    }
    byte[] full = bo.toByteArray();
    Map<String, byte[]> m = Captures.basic();
    m.remove("posts.jsonl");
    m.put("posts.jsonl.gz", Arrays.copyOf(full, full.length / 2));
    Captures.Recorder v = new Captures.Recorder();
    ReadReport r = new CaptureReader().read(Captures.dir(tmp.resolve("tr"), m), v);
    assertThat(r.errors()).hasSize(1);
    RecordError e = r.errors().get(0);
    assertThat(e.file()).isEqualTo("posts.jsonl.gz");
    assertThat(e.problem()).startsWith("file ends early: truncated or corrupt compressed data");
    assertThat(v.posts.size()).isBetween(1, 1999);
    assertThat(e.line()).isGreaterThan(v.posts.size());
  }

  @Test
  void notAnArchiveIsRefused() throws Exception {
    Path f = Files.writeString(tmp.resolve("x.bin"), "hello");
    assertThatThrownBy(() -> new CaptureReader().read(f, new Captures.Recorder()))
        .isInstanceOf(CaptureRefusedException.class)
        .hasMessage("capture x.bin is neither a directory, a .zip nor a .tar.gz");
    Path g = Files.write(tmp.resolve("y.tar.gz"), Captures.gzip(utf8("not a tar at all".repeat(100))));
    assertThatThrownBy(() -> new CaptureReader().read(g, new Captures.Recorder()))
        .isInstanceOf(CaptureRefusedException.class)
        .hasMessageContaining("corrupt tar header");
  }
}
