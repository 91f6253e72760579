package org.webwatch.signals.identifiers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class MoneroAddressValidatorTest {
  private final MoneroAddressValidator v = new MoneroAddressValidator();

  static String address(int prefix, int keyBytes, long seed) {
    byte[] keys = new byte[keyBytes];
    new Random(seed).nextBytes(keys);
    return MoneroAddressValidator.build(prefix, keys);
  }

  @Test
  void builtStandardSubaddressAndIntegratedAddressesValidate() {
    String std = address(18, 64, 1);
    assertThat(std).hasSize(95).startsWith("4");
    assertThat(v.check(std).valid()).isTrue();
    assertThat(v.check(std).detail()).isEqualTo("main standard");
    String sub = address(42, 64, 2);
    assertThat(sub).hasSize(95).startsWith("8");
    assertThat(v.check(sub).detail()).isEqualTo("main subaddress");
    String integrated = address(19, 72, 3);
    assertThat(integrated).hasSize(106);
    assertThat(v.check(integrated).valid()).isTrue();
  }

  @Test
  void publishedGeneralFundAddressValidates() {
    // Monero general fund donation address as published on getmonero.org.
    String s = "44AFFq5kSiGBoZ4NMDwYtN18obc8AemS33DBLWs3H7otXft3XjrpDtQGv7SqSsaBYBb98uNbr2VBBEt7f2wfn3RVGQBEP3A";
    assertThat(v.check(s).valid()).isTrue();
  }

  @Test
  void blockBase58RoundTrips() {
    byte[] data = new byte[69];
    new Random(9).nextBytes(data);
    assertThat(MoneroAddressValidator.decode(MoneroAddressValidator.encode(data))).isEqualTo(data);
  }

  @Test
  void mutationAndWrongPrefixFail() {
    String std = address(18, 64, 4);
    char c = std.charAt(50);
    String bad = std.substring(0, 50) + (c == 'x' ? 'y' : 'x') + std.substring(51);
    assertThat(v.check(bad).valid()).isFalse();
    assertThat(v.check(address(77, 64, 5)).valid()).isFalse();
  }
}
