package org.webwatch.signals.identifiers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class BitcoinAddressValidatorTest {
  private final BitcoinAddressValidator v = new BitcoinAddressValidator();

  @Test
  void bip350ValidSegwitAddressesDecodeToTheirScript() {
    int n = 0;
    for (JsonNode e : Vectors.json("bip350_vectors.json").get("valid_segwit_addresses")) {
      String s = e.get("string").asText();
      BitcoinAddressValidator.BitcoinAddress a = v.decode(s);
      assertThat(a).as(s).isNotNull();
      assertThat(a.scriptPubKeyHex()).as(s).isEqualTo(e.get("scriptPubKey").asText());
      IdentifierCheck c = v.check(s);
      assertThat(c.valid()).isTrue();
      assertThat(c.value()).isEqualTo(s.toLowerCase(Locale.ROOT));
      n++;
    }
    assertThat(n).isGreaterThanOrEqualTo(6);
  }

  @Test
  void bip350InvalidSegwitAddressesAreRejected() {
    for (String s : Vectors.strings("bip350_vectors.json", "invalid_segwit_addresses")) {
      assertThat(v.decode(s)).as(s).isNull();
      assertThat(v.check(s).valid()).as(s).isFalse();
    }
  }

  @Test
  void bip173InvalidSegwitAddressesAreRejected() {
    for (String s : Vectors.strings("bip173_vectors.json", "invalid_segwit_addresses")) assertThat(v.decode(s)).as(s).isNull();
  }

  @Test
  void bip173V1PlusEntriesAreInvalidUnderBip350() {
    int invalid = 0;
    for (JsonNode e : Vectors.json("bip173_vectors.json").get("valid_segwit_addresses_as_published_in_bip173")) {
      String s = e.get("string").asText();
      boolean v0 = s.toLowerCase(Locale.ROOT).matches("^[a-z]+1q.*");
      if (v0) assertThat(v.decode(s)).as(s).isNotNull();
      else {
        assertThat(v.decode(s)).as(s).isNull();
        invalid++;
      }
    }
    assertThat(invalid).isEqualTo(3);
  }

  @Test
  void keyIoValidAddressesDecodeToTheirScriptOnTheirChain() {
    int n = 0;
    for (String[] e : Vectors.keyIoValidAddresses()) {
      BitcoinAddressValidator.BitcoinAddress a = v.decode(e[0]);
      assertThat(a).as(e[0]).isNotNull();
      assertThat(a.scriptPubKeyHex()).as(e[0]).isEqualTo(e[1]);
      String expectedNet = switch (e[2]) {
        case "main" -> "main";
        case "regtest" -> BitcoinAddressValidator.looksSegwit(e[0]) ? "regtest" : "test";
        default -> "test";
      };
      assertThat(a.network()).as(e[0]).isEqualTo(expectedNet);
      if (Boolean.parseBoolean(e[3])) assertThat(v.decode(flipCase(e[0]))).as("case flip " + e[0]).isNotNull();
      n++;
    }
    assertThat(n).isEqualTo(54);
  }

  @Test
  void keyIoInvalidStringsAreNotAddresses() {
    int n = 0;
    for (String s : Vectors.keyIoInvalid()) {
      assertThat(v.decode(s)).as(s).isNull();
      n++;
    }
    assertThat(n).isEqualTo(79);
  }

  @Test
  void oneCharacterOffIsANearMissNotADrop() {
    IdentifierCheck c = v.check("1FsSia9rv4NeEwvJ2GvXrX7LyxYspbN2mp");
    assertThat(c.valid()).isFalse();
    assertThat(c.value()).isEqualTo("1FsSia9rv4NeEwvJ2GvXrX7LyxYspbN2mp");
  }

  private static String flipCase(String s) {
    StringBuilder sb = new StringBuilder();
    for (char c : s.toCharArray()) sb.append(Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
    return sb.toString();
  }
}
