package org.webwatch.payments.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class KeyDictionaryTest {
  private static byte[] key(int i, int len) {
    byte[] k = new byte[len];
    ByteBuffer.wrap(k).put((byte) (i % 3)).putInt(i);
    return k;
  }

  @Test
  void internsDenseIdsAcrossRehashesAndFindsThemAgain() {
    KeyDictionary d = new KeyDictionary();
    int n = 50_000;
    for (int i = 0; i < n; i++) assertThat(d.intern(key(i, i % 2 == 0 ? 21 : 33))).isEqualTo(i);
    assertThat(d.size()).isEqualTo(n);
    for (int i = 0; i < n; i += 97) {
      assertThat(d.intern(key(i, i % 2 == 0 ? 21 : 33))).isEqualTo(i);
      assertThat(d.find(key(i, i % 2 == 0 ? 21 : 33))).isEqualTo(i);
      assertThat(d.key(i)).isEqualTo(key(i, i % 2 == 0 ? 21 : 33));
      assertThat(d.kind(i)).isEqualTo((byte) (i % 3));
    }
    assertThat(d.find(key(1, 21))).isEqualTo(-1); // same prefix, other length
    assertThat(d.find(key(n + 1, 21))).isEqualTo(-1);
  }
}
