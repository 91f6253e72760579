package org.webwatch.signals.identifiers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Bech32Test {
  @Test
  void bip173RawStrings() {
    for (String s : Vectors.strings("bip173_vectors.json", "valid_bech32")) {
      Bech32.Decoded d = Bech32.decode(s);
      assertThat(d).as(s).isNotNull();
      assertThat(d.variant()).as(s).isEqualTo(Bech32.Variant.BECH32);
    }
    int n = 0;
    for (String s : Vectors.strings("bip173_vectors.json", "invalid_bech32")) {
      Bech32.Decoded d = Bech32.decode(s);
      assertThat(d == null || d.variant() != Bech32.Variant.BECH32).as(s).isTrue();
      n++;
    }
    assertThat(n).isGreaterThan(10);
  }

  @Test
  void bip350RawStrings() {
    for (String s : Vectors.strings("bip350_vectors.json", "valid_bech32m")) {
      Bech32.Decoded d = Bech32.decode(s);
      assertThat(d).as(s).isNotNull();
      assertThat(d.variant()).as(s).isEqualTo(Bech32.Variant.BECH32M);
    }
    for (String s : Vectors.strings("bip350_vectors.json", "invalid_bech32m")) {
      Bech32.Decoded d = Bech32.decode(s);
      assertThat(d == null || d.variant() != Bech32.Variant.BECH32M).as(s).isTrue();
    }
  }

  @Test
  void encodeRoundTrip() {
    byte[] data = {0, 14, 20, 15, 7, 13, 26, 0, 25, 18, 6, 11, 13, 8, 21, 4, 20, 3, 17, 2, 29, 3};
    String s = Bech32.encode("bc", data, Bech32.Variant.BECH32M);
    Bech32.Decoded d = Bech32.decode(s);
    assertThat(d.data()).isEqualTo(data);
    assertThat(d.variant()).isEqualTo(Bech32.Variant.BECH32M);
  }
}
