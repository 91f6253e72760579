package org.webwatch.signals.identifiers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class Base58Test {
  @Test
  void everyEncodeDecodeVector() {
    int n = 0;
    for (JsonNode v : Vectors.json("base58_encode_decode.json")) {
      byte[] bytes = HexFormat.of().parseHex(v.get(0).asText());
      String b58 = v.get(1).asText();
      assertThat(Base58.encode(bytes)).as(b58).isEqualTo(b58);
      assertThat(Base58.decode(b58)).as(b58).isEqualTo(bytes);
      n++;
    }
    assertThat(n).isEqualTo(21);
  }

  @Test
  void rejectsCharactersOutsideAlphabet() {
    assertThat(Base58.decode("3EFU7m0")).isNull();
    assertThat(Base58.decode("IlO")).isNull();
  }

  @Test
  void checkedRoundTripAndChecksumFailure() {
    byte[] payload = HexFormat.of().parseHex("00eb15231dfceb60925886b67d065299925915aeb1");
    String s = Base58.encodeChecked(payload);
    assertThat(Base58.decodeChecked(s)).isEqualTo(payload);
    char last = s.charAt(s.length() - 1);
    String broken = s.substring(0, s.length() - 1) + (last == 'a' ? 'b' : 'a');
    assertThat(Base58.decodeChecked(broken)).isNull();
  }
}
