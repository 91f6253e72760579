package org.webwatch.payments.chain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ScriptClassifierTest {
  static final Path ADDR = Path.of(System.getProperty("webwatch.shared"), "testdata/crypto/addresses");

  private static String hrpAddress(OutputScript s, String hrp) {
    return Bech32.segwitAddress(hrp, s.witnessVersion(), s.program());
  }

  @Test
  void handBuiltSegwitScriptsGiveBip173And350Addresses() {
    // P2WPKH: OP_0 PUSH20 <hash>
    OutputScript wpkh = ScriptClassifier.classify(Hex.decode("0014751e76e8199196d454941c45d1b3a323f1433bd6"));
    assertThat(wpkh.type()).isEqualTo(ScriptType.P2WPKH);
    assertThat(wpkh.address()).isEqualTo("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4");
    // P2WSH: OP_0 PUSH32 <sha256(script)> (BIP-173 testnet vector)
    OutputScript wsh = ScriptClassifier.classify(
        Hex.decode("00201863143c14c5166804bd19203356da136c985678cd4d27a1b8c6329604903262"));
    assertThat(wsh.type()).isEqualTo(ScriptType.P2WSH);
    assertThat(hrpAddress(wsh, "tb")).isEqualTo("tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sl5k7");
    // P2TR: OP_1 PUSH32 <x-only key> (BIP-350 vector, generator point)
    OutputScript tr = ScriptClassifier.classify(
        Hex.decode("512079be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798"));
    assertThat(tr.type()).isEqualTo(ScriptType.P2TR);
    assertThat(tr.address()).isEqualTo("bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0");
  }

  @Test
  void everyBip350SegwitVectorRoundTripsFromItsScript() throws Exception {
    JsonNode v = new ObjectMapper().readTree(ADDR.resolve("bip350_vectors.json").toFile()).get("valid_segwit_addresses");
    for (JsonNode e : v) {
      String s = e.get("string").asText().toLowerCase(Locale.ROOT);
      OutputScript os = ScriptClassifier.classify(Hex.decode(e.get("scriptPubKey").asText()));
      assertThat(os.type().hasAddress()).as(s).isTrue();
      assertThat(hrpAddress(os, s.substring(0, 2))).isEqualTo(s);
    }
  }

  @Test
  void mainnetKeyIoVectorsClassifyToTheirAddresses() throws Exception {
    JsonNode vectors = new ObjectMapper().readTree(ADDR.resolve("key_io_valid.json").toFile());
    int n = 0;
    for (JsonNode v : vectors) {
      JsonNode meta = v.get(2);
      if (!meta.get("chain").asText().equals("main") || meta.get("isPrivkey").asBoolean()) continue;
      OutputScript os = ScriptClassifier.classify(Hex.decode(v.get(1).asText()));
      assertThat(os.address()).as(v.toString()).isEqualTo(v.get(0).asText().toLowerCase(Locale.ROOT).startsWith("bc1")
          ? v.get(0).asText().toLowerCase(Locale.ROOT) : v.get(0).asText());
      n++;
    }
    assertThat(n).isEqualTo(14);
  }

  @Test
  void addresslessScriptsAreAnnotatedWithTheirHex() {
    OutputScript ret = ScriptClassifier.classify(Hex.decode("6a0568656c6c6f"));
    assertThat(ret.type()).isEqualTo(ScriptType.OP_RETURN);
    assertThat(ret.address()).isNull();
    assertThat(ret.annotation()).isEqualTo("op-return 6a0568656c6c6f");
    String key = "02" + "11".repeat(32);
    OutputScript multi = ScriptClassifier.classify(Hex.decode("51" + "21" + key + "21" + key + "52ae"));
    assertThat(multi.type()).isEqualTo(ScriptType.MULTISIG);
    assertThat(multi.annotation()).startsWith("nonstandard 5121");
    OutputScript junk = ScriptClassifier.classify(Hex.decode("76a9"));
    assertThat(junk.type()).isEqualTo(ScriptType.NONSTANDARD);
    assertThat(junk.annotation()).isEqualTo("nonstandard 76a9");
    assertThat(ScriptClassifier.classify(new byte[0]).type()).isEqualTo(ScriptType.NONSTANDARD);
    // A 33-byte push that is not a valid key prefix is not P2PK.
    assertThat(ScriptClassifier.classify(Hex.decode("21" + "05" + "11".repeat(32) + "ac")).type())
        .isEqualTo(ScriptType.NONSTANDARD);
  }

  @Test
  void p2pkIsShownAsP2pkhOfItsKey() {
    // Block 9 coinbase key (Satoshi) from the genesis era; explorers show 12cbQLTF…
    String pub = "0411db93e1dcdb8a016b49840f8c53bc1eb68a382e97b1482ecad7b148a6909a5cb2e0eaddfb84ccf9744464f82e160bfa9b8b64f9d4c03f999b8643f656b412a3";
    OutputScript p2pk = ScriptClassifier.classify(Hex.decode("41" + pub + "ac"));
    assertThat(p2pk.type()).isEqualTo(ScriptType.P2PK);
    assertThat(p2pk.address()).isEqualTo("12cbQLTFMXRnSzktFkuoG3eHoMeFtpTu3S");
    OutputScript pkh = ScriptClassifier.classify(Hex.decode("76a914" + Hex.encode(Hashes.hash160(Hex.decode(pub), 0, 65)) + "88ac"));
    assertThat(pkh.addressKey()).isEqualTo(p2pk.addressKey());
  }
}
