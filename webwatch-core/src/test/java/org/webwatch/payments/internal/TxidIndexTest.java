package org.webwatch.payments.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TxidIndexTest {
  @Test
  void equalPrefixesDoNotAliasAndDuplicatesPointAtTheNewest() {
    byte[] arena = new byte[32 * 4];
    byte[] a = new byte[32];
    byte[] b = new byte[32];
    Arrays.fill(a, (byte) 7);
    Arrays.fill(b, (byte) 7);
    b[31] = 8; // same 8-byte prefix, different txid
    System.arraycopy(a, 0, arena, 0, 32);
    System.arraycopy(b, 0, arena, 32, 32);
    System.arraycopy(a, 0, arena, 64, 32);
    TxidIndex idx = new TxidIndex();
    idx.put(a, 0, arena);
    idx.put(b, 1, arena);
    assertThat(idx.get(a, arena)).isZero();
    assertThat(idx.get(b, arena)).isEqualTo(1);
    idx.put(a, 2, arena); // BIP-30 duplicate
    assertThat(idx.get(a, arena)).isEqualTo(2);
    assertThat(idx.get(new byte[32], arena)).isEqualTo(-1);
  }

  @Test
  void survivesGrowth() {
    int n = 20_000;
    byte[] arena = new byte[32 * n];
    TxidIndex idx = new TxidIndex();
    for (int i = 0; i < n; i++) {
      arena[i * 32] = (byte) i;
      arena[i * 32 + 1] = (byte) (i >> 8);
      arena[i * 32 + 9] = 1;
      idx.put(Arrays.copyOfRange(arena, i * 32, i * 32 + 32), i, arena);
    }
    for (int i = 0; i < n; i += 13) assertThat(idx.get(Arrays.copyOfRange(arena, i * 32, i * 32 + 32), arena)).isEqualTo(i);
  }
}
