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

  @Test
  void rebuildsFromArenaAndRejectsInconsistentStarts() throws Exception {
    KeyDictionary d = new KeyDictionary();
    for (int i = 0; i < 100; i++) d.intern(key(i, 21));
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    d.writeTo(new java.io.DataOutputStream(bytes));
    java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(bytes.toByteArray());
    byte[] arena = new byte[d.arenaBytes()];
    b.get(arena);
    int[] starts = new int[101];
    for (int i = 0; i <= 100; i++) starts[i] = b.getInt();
    KeyDictionary r = KeyDictionary.of(arena, starts, 100);
    for (int i = 0; i < 100; i++) assertThat(r.find(key(i, 21))).isEqualTo(i);
    assertThat(r.intern(key(100, 33))).isEqualTo(100);
    int[] bad = starts.clone();
    bad[50] = bad[49];
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> KeyDictionary.of(arena, bad, 100))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
