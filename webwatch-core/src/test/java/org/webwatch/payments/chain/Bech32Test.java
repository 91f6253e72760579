package org.webwatch.payments.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class Bech32Test {
  static final Path ADDR = Path.of(System.getProperty("webwatch.shared"), "testdata/crypto/addresses");

  /** Re-encodes a valid string from its hrp and data part; the checksum must come out equal. */
  private static String reencode(String s, Bech32.Variant variant) {
    String lower = s.toLowerCase(Locale.ROOT);
    int sep = lower.lastIndexOf('1');
    String hrp = lower.substring(0, sep);
    String data = lower.substring(sep + 1, lower.length() - 6);
    byte[] values = new byte[data.length()];
    for (int i = 0; i < values.length; i++) values[i] = (byte) Bech32.CHARSET.indexOf(data.charAt(i));
    return Bech32.encode(hrp, values, variant);
  }

  @Test
  void bip173ValidStringsReencodeExactly() throws Exception {
    JsonNode v = new ObjectMapper().readTree(ADDR.resolve("bip173_vectors.json").toFile()).get("valid_bech32");
    assertThat(v.size()).isEqualTo(7);
    for (JsonNode e : v) {
      String s = e.get("string").asText();
      assertThat(reencode(s, Bech32.Variant.BECH32)).isEqualTo(s.toLowerCase(Locale.ROOT));
      assertThat(reencode(s, Bech32.Variant.BECH32M)).isNotEqualTo(s.toLowerCase(Locale.ROOT));
    }
  }

  @Test
  void bip350ValidStringsReencodeExactly() throws Exception {
    JsonNode v = new ObjectMapper().readTree(ADDR.resolve("bip350_vectors.json").toFile()).get("valid_bech32m");
    for (JsonNode e : v) {
      String s = e.get("string").asText();
      assertThat(reencode(s, Bech32.Variant.BECH32M)).isEqualTo(s.toLowerCase(Locale.ROOT));
    }
  }

  @Test
  void segwitAddressesOfBip350VectorsFromTheirPrograms() throws Exception {
    JsonNode v = new ObjectMapper().readTree(ADDR.resolve("bip350_vectors.json").toFile()).get("valid_segwit_addresses");
    for (JsonNode e : v) {
      String s = e.get("string").asText().toLowerCase(Locale.ROOT);
      byte[] spk = Hex.decode(e.get("scriptPubKey").asText());
      int version = spk[0] == 0 ? 0 : (spk[0] & 0xff) - 0x50;
      byte[] program = java.util.Arrays.copyOfRange(spk, 2, spk.length);
      assertThat(Bech32.segwitAddress(s.substring(0, 2), version, program)).isEqualTo(s);
    }
  }

  @Test
  void rejectsBadArguments() {
    assertThatThrownBy(() -> Bech32.segwitAddress("bc", 17, new byte[20])).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Bech32.segwitAddress("bc", 0, new byte[41])).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Bech32.encode("BC", new byte[] {1}, Bech32.Variant.BECH32))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void decodeRejectsEveryBip350InvalidAddressAndAcceptsTheValidOnes() throws Exception {
    JsonNode root = new ObjectMapper().readTree(ADDR.resolve("bip350_vectors.json").toFile());
    for (JsonNode e : root.get("invalid_segwit_addresses")) {
      String s = e.get("string").asText();
      String hrp = s.toLowerCase(Locale.ROOT).startsWith("tb") ? "tb" : "bc";
      assertThat(Bech32.decodeSegwit(hrp, s)).as(e.toString()).isNull();
    }
    for (JsonNode e : root.get("valid_segwit_addresses")) {
      String s = e.get("string").asText();
      byte[] spk = Hex.decode(e.get("scriptPubKey").asText());
      byte[] vp = Bech32.decodeSegwit(s.substring(0, 2).toLowerCase(Locale.ROOT), s);
      assertThat(vp).as(s).isNotNull();
      assertThat(vp[0]).isEqualTo((byte) (spk[0] == 0 ? 0 : (spk[0] & 0xff) - 0x50));
      assertThat(java.util.Arrays.copyOfRange(vp, 1, vp.length)).isEqualTo(java.util.Arrays.copyOfRange(spk, 2, spk.length));
    }
  }
}
