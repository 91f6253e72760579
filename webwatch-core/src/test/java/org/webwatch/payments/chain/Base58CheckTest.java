package org.webwatch.payments.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class Base58CheckTest {
  static final Path ADDR = Path.of(System.getProperty("webwatch.shared"), "testdata/crypto/addresses");

  @Test
  void rawEncodingMatchesBitcoinCoreVectors() throws Exception {
    JsonNode vectors = new ObjectMapper().readTree(ADDR.resolve("base58_encode_decode.json").toFile());
    assertThat(vectors.size()).isGreaterThan(10);
    for (JsonNode v : vectors) {
      assertThat(Base58Check.encodeRaw(Hex.decode(v.get(0).asText()))).as(v.toString()).isEqualTo(v.get(1).asText());
    }
  }

  @Test
  void mainnetP2pkhAndP2shFromKeyIoVectors() throws Exception {
    JsonNode vectors = new ObjectMapper().readTree(ADDR.resolve("key_io_valid.json").toFile());
    int checked = 0;
    for (JsonNode v : vectors) {
      String addr = v.get(0).asText();
      JsonNode meta = v.get(2);
      if (!meta.get("chain").asText().equals("main") || meta.get("isPrivkey").asBoolean()) continue;
      byte[] script = Hex.decode(v.get(1).asText());
      if (addr.startsWith("1")) {
        assertThat(Base58Check.encode(0, Arrays.copyOfRange(script, 3, 23))).isEqualTo(addr);
        checked++;
      } else if (addr.startsWith("3")) {
        assertThat(Base58Check.encode(5, Arrays.copyOfRange(script, 2, 22))).isEqualTo(addr);
        checked++;
      }
    }
    assertThat(checked).isGreaterThanOrEqualTo(4);
  }

  @Test
  void leadingZeroBytesBecomeOnes() {
    assertThat(Base58Check.encodeRaw(new byte[] {0, 0, 1})).isEqualTo("112");
    assertThatThrownBy(() -> Base58Check.encode(256, new byte[20])).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void decodeInvertsEncodeAndRejectsBadChecksums() {
    byte[] payload = Hex.decode("a31c06bd463e3923bc1aadbde48b16976c080717");
    String addr = Base58Check.encode(0, payload);
    assertThat(addr).isEqualTo("1FsSia9rv4NeEwvJ2GvXrX7LyxYspbN2mo");
    byte[] back = Base58Check.decode(addr);
    assertThat(back).hasSize(21);
    assertThat(Arrays.copyOfRange(back, 1, 21)).isEqualTo(payload);
    assertThat(Base58Check.decode("1FsSia9rv4NeEwvJ2GvXrX7LyxYspbN2mn")).isNull();
    assertThat(Base58Check.decode("1FsSia9rv4NeEwvJ2GvXrX7LyxYspbN20o")).isNull(); // '0' not in alphabet
    assertThat(Base58Check.decode("")).isNull();
  }
}
