package org.webwatch.signals.identifiers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class EthereumAddressValidatorTest {
  private final EthereumAddressValidator v = new EthereumAddressValidator();

  @Test
  void everyEip55VectorIsValidAndItsOwnChecksummedForm() {
    List<String> vectors = Vectors.eip55();
    assertThat(vectors).hasSize(8);
    for (String s : vectors) {
      IdentifierCheck c = v.check(s);
      assertThat(c.valid()).as(s).isTrue();
      assertThat(c.value()).as(s).isEqualTo(s);
      assertThat(EthereumAddressValidator.checksummed(s.substring(2))).isEqualTo(s);
    }
  }

  @Test
  void flippingTheCaseOfOneLetterBreaksTheChecksum() {
    String s = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";
    String bad = "0x5AAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";
    assertThat(v.check(bad).valid()).isFalse();
    assertThat(v.check(bad).value()).isEqualTo(s.toLowerCase(Locale.ROOT));
  }

  @Test
  void allLowerAndAllUpperAreFormatValid() {
    String s = "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359";
    assertThat(v.check(s.toLowerCase(Locale.ROOT)).valid()).isTrue();
    assertThat(v.check("0x" + s.substring(2).toUpperCase(Locale.ROOT)).value()).isEqualTo(s);
    assertThat(v.check("0x" + "g".repeat(40)).valid()).isFalse();
  }
}
