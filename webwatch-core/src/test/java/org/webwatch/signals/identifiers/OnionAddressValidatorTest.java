package org.webwatch.signals.identifiers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class OnionAddressValidatorTest {
  private final OnionAddressValidator v = new OnionAddressValidator();

  @Test
  void publishedTorProjectAddressIsValid() {
    // The Tor Project's own v3 onion (torproject.org).
    IdentifierCheck c = v.check("2gzyxa5ihm7nsggfxnu52rck2vv4rvmdlkiu3zzui5du4xyclen53wid.onion");
    assertThat(c.valid()).isTrue();
    assertThat(c.detail()).isEqualTo("v3");
  }

  @Test
  void addressBuiltFromAKeyValidatesAndAMutationFails() {
    byte[] key = new byte[32];
    new Random(7).nextBytes(key);
    String a = OnionAddressValidator.fromPublicKey(key);
    assertThat(a).hasSize(62);
    assertThat(v.check(a.toUpperCase()).value()).isEqualTo(a);
    assertThat(v.check(a).valid()).isTrue();
    String bad = (a.charAt(0) == 'a' ? 'b' : 'a') + a.substring(1);
    assertThat(v.check(bad).valid()).isFalse();
  }

  @Test
  void v2IsRecognisedButInvalid() {
    IdentifierCheck c = v.check("expyuzz4wqqyqhjn.onion");
    assertThat(c.valid()).isFalse();
    assertThat(c.detail()).isEqualTo("v2 deprecated");
    assertThat(c.value()).isEqualTo("expyuzz4wqqyqhjn.onion");
  }
}
