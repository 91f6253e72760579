package org.webwatch.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LineReaderTest {
  /** Reads all lines; a too-long line comes back as "<too long>". */
  private static List<String> lines(InputStream in, long max) throws Exception {
    LineReader r = new LineReader(in, max);
    List<String> out = new ArrayList<>();
    while (r.next()) {
      out.add(r.tooLong() ? "<too long>" : new String(r.bytes(), r.offset(), r.length(), StandardCharsets.UTF_8));
      assertThat(r.lineNumber()).isEqualTo(out.size());
    }
    return out;
  }

  /** Hands out at most {@code chunk} bytes per read, as sockets and inflaters do. */
  private static InputStream trickle(byte[] b, int chunk) {
    return new ByteArrayInputStream(b) {
      @Override
      public synchronized int read(byte[] buf, int off, int len) {
        return super.read(buf, off, Math.min(len, chunk));
      }
    };
  }

  @Test
  void linesAcrossBufferBoundariesCrLfAndNoFinalNewline() throws Exception {
    Random rnd = new Random(5);
    List<String> expected = new ArrayList<>();
    StringBuilder all = new StringBuilder();
    for (int i = 0; i < 60; i++) {
      int len = rnd.nextInt(4) == 0 ? 60_000 + rnd.nextInt(150_000) : rnd.nextInt(300);
      StringBuilder line = new StringBuilder();
      for (int k = 0; k < len; k++) line.append((char) ('a' + rnd.nextInt(26)));
      expected.add(line.toString());
      all.append(line).append(rnd.nextBoolean() ? "\r\n" : "\n");
    }
    all.append("last");
    expected.add("last");
    byte[] b = all.toString().getBytes(StandardCharsets.UTF_8);
    assertThat(lines(new ByteArrayInputStream(b), 1 << 20)).isEqualTo(expected);
    assertThat(lines(trickle(b, 777), 1 << 20)).isEqualTo(expected);
  }

  @Test
  void tooLongLinesAreDroppedAndCountedEvenWhenTheyEndTheStream() throws Exception {
    String big = "x".repeat(300_000);
    byte[] b = ("ok\n" + big + "\n" + "fine\n" + big).getBytes(StandardCharsets.UTF_8);
    assertThat(lines(trickle(b, 5000), 1000)).containsExactly("ok", "<too long>", "fine", "<too long>");
  }

  @Test
  void emptyAndBlankLines() throws Exception {
    LineReader r = new LineReader(new ByteArrayInputStream("\n \t\r\n{}\n".getBytes(StandardCharsets.UTF_8)), 100);
    assertThat(r.next()).isTrue();
    assertThat(r.blank()).isTrue();
    assertThat(r.next()).isTrue();
    assertThat(r.blank()).isTrue();
    assertThat(r.next()).isTrue();
    assertThat(r.blank()).isFalse();
    assertThat(r.lineNumber()).isEqualTo(3);
    assertThat(r.next()).isFalse();
  }
}
