package org.webwatch.generate.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ObfuscatorTest {
  @Test
  void eachKindChangesTheWordInItsOwnWay() {
    SplittableRandom r = new SplittableRandom(1);
    assertThat(Obfuscator.disguise("meeting", Obfuscator.Kind.LEET, r)).isEqualTo("m33t1ng");
    assertThat(Obfuscator.disguise("meet", Obfuscator.Kind.SPLIT, r)).matches("m[.\\- ]e[.\\- ]e[.\\- ]t");
    assertThat(Obfuscator.disguise("meet", Obfuscator.Kind.MISSPELL, r)).isEqualTo("meat");
    assertThat(Obfuscator.disguise("Meet", Obfuscator.Kind.FULLWIDTH, r)).isEqualTo("\uFF2D\uFF45\uFF45\uFF54");
    String zw = Obfuscator.disguise("upload", Obfuscator.Kind.ZERO_WIDTH, r);
    assertThat(zw.replaceAll("[\u200B\u200C\u200D\u2060]", "")).isEqualTo("upload");
    assertThat(zw.length()).isGreaterThan(6);
    String conf = Obfuscator.disguise("access", Obfuscator.Kind.CONFUSABLE, r);
    assertThat(conf).hasSize(6).isNotEqualTo("access");
    assertThat(conf.chars().anyMatch(c -> c >= 0x370 && c <= 0x4FF)).isTrue();
    String rep = Obfuscator.disguise("meet", Obfuscator.Kind.REPEAT, r);
    assertThat(rep.length()).isBetween(5, 7);
    assertThat(rep.replaceAll("(.)\\1+", "$1")).isEqualTo("met");
  }

  @Test
  void slotsAreNeverTouched() {
    SplittableRandom r = new SplittableRandom(2);
    for (Obfuscator.Kind k : Obfuscator.Kind.values()) {
      for (int i = 0; i < 50; i++) {
        String out = Obfuscator.apply("send payment to {btc} before tonight", k, r);
        assertThat(out).contains("{btc}");
      }
    }
  }
}
