package org.webwatch.generate.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AddressCodecTest {
  private static final Path VECTORS = Path.of(System.getProperty("webwatch.shared", "/work/shared"), "testdata/crypto/addresses");

  @Test
  void base58MatchesBitcoinCoreVectors() throws Exception {
    JsonNode arr = new ObjectMapper().readTree(VECTORS.resolve("base58_encode_decode.json").toFile());
    int n = 0;
    for (JsonNode pair : arr) {
      byte[] raw = HexFormat.of().parseHex(pair.get(0).asText());
      assertThat(AddressCodec.base58(raw)).as(pair.get(0).asText()).isEqualTo(pair.get(1).asText());
      n++;
    }
    assertThat(n).isGreaterThan(10);
  }

  @Test
  void segwitMatchesBip350Vectors() throws Exception {
    JsonNode arr = new ObjectMapper().readTree(VECTORS.resolve("bip350_vectors.json").toFile()).get("valid_segwit_addresses");
    int n = 0;
    for (JsonNode v : arr) {
      String addr = v.get("string").asText().toLowerCase(Locale.ROOT);
      byte[] spk = HexFormat.of().parseHex(v.get("scriptPubKey").asText());
      int version = spk[0] == 0 ? 0 : (spk[0] & 0xff) - 0x50;
      byte[] program = java.util.Arrays.copyOfRange(spk, 2, spk.length);
      String hrp = addr.substring(0, addr.lastIndexOf('1'));
      assertThat(AddressCodec.segwit(hrp, version, program)).isEqualTo(addr);
      n++;
    }
    assertThat(n).isGreaterThanOrEqualTo(5);
  }

  @Test
  void eip55MatchesErc55Vectors() throws Exception {
    for (String line : Files.readAllLines(VECTORS.resolve("eip55_checksum_vectors.txt"))) {
      if (!line.startsWith("0x")) continue;
      byte[] raw = HexFormat.of().parseHex(line.substring(2).toLowerCase(Locale.ROOT));
      assertThat(AddressCodec.eip55(raw)).isEqualTo(line.strip());
    }
  }

  @Test
  void p2pkhOfKnownHash160() {
    // Bitcoin Core key_io vector: hash160 65a16059864a2fdbc7c99a4723a8395bc6f188eb -> 1AGNa15ZQXAZUgFiqJ2i7Z2DPU2J6hW62i
    byte[] h = HexFormat.of().parseHex("65a16059864a2fdbc7c99a4723a8395bc6f188eb");
    assertThat(AddressCodec.p2pkh(h)).isEqualTo("1AGNa15ZQXAZUgFiqJ2i7Z2DPU2J6hW62i");
  }

  @Test
  void generatedIdentifiersPassIndependentValidatorsAndNearMissesFail() {
    SplittableRandom r = new SplittableRandom(3);
    for (int i = 0; i < 200; i++) {
      String btc = Identifiers.btc(r, i % 4);
      assertThat(org.webwatch.generate.IndependentChecksAccess.valid("btc", btc)).as(btc).isTrue();
      assertThat(org.webwatch.generate.IndependentChecksAccess.valid("btc", Identifiers.nearMiss("btc", btc, r))).isFalse();
      String eth = Identifiers.eth(r);
      assertThat(org.webwatch.generate.IndependentChecksAccess.valid("eth", eth)).as(eth).isTrue();
      assertThat(org.webwatch.generate.IndependentChecksAccess.valid("eth", Identifiers.nearMiss("eth", eth, r))).isFalse();
      if (i % 10 == 0) {
        String xmr = Identifiers.xmr(r);
        assertThat(xmr).hasSize(95).startsWith("4");
        assertThat(org.webwatch.generate.IndependentChecksAccess.valid("xmr", xmr)).isTrue();
        assertThat(org.webwatch.generate.IndependentChecksAccess.valid("xmr", Identifiers.nearMiss("xmr", xmr, r))).isFalse();
        String onion = Identifiers.onion(r);
        assertThat(org.webwatch.generate.IndependentChecksAccess.valid("onion", onion)).as(onion).isTrue();
        assertThat(org.webwatch.generate.IndependentChecksAccess.valid("onion", Identifiers.nearMiss("onion", onion, r))).isFalse();
      }
    }
    assertThat(Identifiers.session(r)).matches("05[0-9a-f]{64}");
  }
}
