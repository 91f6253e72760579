package org.webwatch.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8Test {
  private static int check(int... bytes) {
    byte[] b = new byte[bytes.length];
    for (int i = 0; i < b.length; i++) b[i] = (byte) bytes[i];
    return Utf8.firstInvalid(b, 0, b.length);
  }

  @Test
  void acceptsValidText() {
    byte[] b = "ascii, caf\u00e9, \u20ac, \uD83D\uDE00, \u0434\u0435\u0442\u0438".getBytes(StandardCharsets.UTF_8);
    assertThat(Utf8.firstInvalid(b, 0, b.length)).isEqualTo(-1);
    assertThat(check(0xf4, 0x8f, 0xbf, 0xbf)).isEqualTo(-1); // U+10FFFF
  }

  @Test
  void rejectsMalformedSequencesAtTheirFirstByte() {
    assertThat(check('a', 0x80)).isEqualTo(1); // lone continuation
    assertThat(check('a', 'b', 0xc3)).isEqualTo(2); // cut short
    assertThat(check(0xc0, 0xaf)).isEqualTo(0); // overlong '/'
    assertThat(check(0xe0, 0x80, 0xaf)).isEqualTo(0); // overlong
    assertThat(check(0xed, 0xa0, 0x80)).isEqualTo(0); // surrogate D800
    assertThat(check(0xf4, 0x90, 0x80, 0x80)).isEqualTo(0); // above U+10FFFF
    assertThat(check(0xf5, 0x80, 0x80, 0x80)).isEqualTo(0);
    assertThat(check('x', 0xe2, 0x82, 'y')).isEqualTo(1); // bad continuation
  }

  @Test
  void respectsOffsetAndLength() {
    byte[] b = {(byte) 0xff, 'o', 'k', (byte) 0xff};
    assertThat(Utf8.firstInvalid(b, 1, 2)).isEqualTo(-1);
    assertThat(Utf8.firstInvalid(b, 1, 3)).isEqualTo(2);
  }
}
