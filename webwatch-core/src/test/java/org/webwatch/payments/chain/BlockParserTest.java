package org.webwatch.payments.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlockParserTest {
  static final Path BLOCKS = Path.of(System.getProperty("webwatch.shared"), "testdata/crypto/blocks");

  static ChainBlock parseRaw(String name) throws Exception {
    byte[] b = Files.readAllBytes(BLOCKS.resolve(name));
    return new BlockParser().parse(b, 0, b.length, name, 0);
  }

  @Test
  void block169482HashNonceAndMerkle() throws Exception {
    ChainBlock b = parseRaw("block169482.dat");
    assertThat(b.hashHex()).isEqualTo("0000000000000756935f1ee9d5987857b604046f846d3df56d024cdb5f368665");
    assertThat(b.nonce()).isEqualTo(3973947400L);
    assertThat(b.version()).isEqualTo(1);
    assertThat(b.txs()).hasSize(14);
    assertThat(b.merkleOk()).isTrue();
    assertThat(b.witnessCheck()).isEqualTo(WitnessCheck.ABSENT);
  }

  @Test
  void blocks227835And227836() throws Exception {
    ChainBlock v1 = parseRaw("block227835.dat");
    assertThat(v1.hashHex()).isEqualTo("00000000000001aa077d7aa84c532a4d69bdbff519609d1da0835261b7a74eb6");
    assertThat(v1.version()).isEqualTo(1);
    assertThat(v1.txs()).hasSize(122);
    assertThat(v1.merkleOk()).isTrue();
    ChainBlock v2 = parseRaw("block227836.dat");
    assertThat(v2.hashHex()).isEqualTo("00000000000000d0dfd4c9d588d325dce4f32c1b31b7c0064cba7025a9b9adcc");
    assertThat(v2.version()).isEqualTo(2);
    assertThat(v2.txs()).hasSize(100);
    assertThat(v2.merkleOk()).isTrue();
    assertThat(v2.prevHashHex()).isEqualTo(v1.hashHex());
  }

  @Test
  void block481815PreActivationHasCommitmentButNoWitnesses() throws Exception {
    ChainBlock b = parseRaw("block481815.dat");
    assertThat(b.txs()).hasSize(2097);
    assertThat(b.merkleRootHex()).isEqualTo("f115afa8134171a0a686bfbe9667b60ae6fb5f6a439e0265789babc315333262");
    assertThat(b.merkleOk()).isTrue();
    ChainTx cb = b.txs().get(0);
    assertThat(cb.isCoinbase()).isTrue();
    assertThat(cb.txidHex()).startsWith("919a0df2").endsWith("4f90");
    assertThat(b.txs()).noneMatch(ChainTx::segwit);
    assertThat(b.witnessRoot()).isNotNull();
    // No coinbase witness yet: the commitment verifies with the all-zero reserved value.
    assertThat(b.witnessCheck()).isEqualTo(WitnessCheck.OK);
  }

  @Test
  void block481829SegwitCoinbaseAndWitnessRoot() throws Exception {
    ChainBlock b = parseRaw("block481829.dat");
    assertThat(b.txs()).hasSize(2020);
    assertThat(b.merkleRootHex()).isEqualTo("f06f697be2cac7af7ed8cd0b0b81eaa1a39e444c6ebd3697e35ab34461b6c58d");
    assertThat(b.merkleOk()).isTrue();
    assertThat(b.witnessRootHex()).isEqualTo("0a02ddb2f86a14051294f8d98dd6959dd12bf3d016ca816c3db9b32d3e24fc2d");
    assertThat(b.witnessCheck()).isEqualTo(WitnessCheck.OK);
    ChainTx cb = b.txs().get(0);
    assertThat(cb.segwit()).isTrue();
    assertThat(cb.txidHex()).startsWith("9c1ab453").endsWith("daa4");
    assertThat(cb.wtxidHex()).startsWith("2bbda73a").endsWith("83a6");
    // Every other tx is legacy-serialised: txid == wtxid.
    assertThat(b.txs().subList(1, b.txs().size())).allMatch(t -> !t.segwit() && t.txidHex().equals(t.wtxidHex()));
  }

  @Test
  void chainLinksFromGenesisAndLastHash() {
    List<ChainBlock> blocks = new ArrayList<>();
    ReadSummary s = new BlockFileReader().read(BLOCKS.resolve("first-100k-blocks.dat"), blocks::add);
    assertThat(s.format()).isEqualTo("blk");
    assertThat(s.errors()).isEmpty();
    assertThat(blocks).hasSize(439);
    assertThat(s.blocks()).isEqualTo(439);
    assertThat(blocks.get(0).hashHex()).isEqualTo("000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f");
    assertThat(blocks.get(0).prevHashHex()).isEqualTo("0".repeat(64));
    for (int i = 1; i < blocks.size(); i++) {
      assertThat(blocks.get(i).prevHashHex()).as("link %d", i).isEqualTo(blocks.get(i - 1).hashHex());
      assertThat(blocks.get(i).merkleOk()).isTrue();
    }
    assertThat(s.lastHash()).isEqualTo("0000000025c6b644f8add734be7e666fa4afa43ca0204d623a0c0b1fd2104c7a");
    assertThat(blocks.get(170).hashHex()).isEqualTo("00000000d1145790a8694403d4063f323d499e655c83426834d4ce2f8dd4a2ee");
  }

  @Test
  void hexBlocksParse() {
    String[][] expected = {
      {"block0.hex", "000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f"},
      {"block1.hex", "00000000839a8e6886ab5951d76f411475428afc90947ee320161bbf18eb6048"},
      {"block170.hex", "00000000d1145790a8694403d4063f323d499e655c83426834d4ce2f8dd4a2ee"},
    };
    for (String[] e : expected) {
      List<ChainBlock> got = new ArrayList<>();
      ReadSummary s = new BlockFileReader().read(BLOCKS.resolve(e[0]), got::add);
      assertThat(s.format()).isEqualTo("hex");
      assertThat(got).hasSize(1);
      assertThat(got.get(0).hashHex()).isEqualTo(e[1]);
    }
  }

  @Test
  void block170PaysHalTenBitcoinFromBlock9Coinbase() {
    List<ChainBlock> got = new ArrayList<>();
    new BlockFileReader().read(BLOCKS.resolve("block170.hex"), got::add);
    ChainTx tx = got.get(0).txs().get(1);
    assertThat(tx.txidHex()).isEqualTo("f4184fc596403b9d638783cf57adfe4c75c605f6356fbc91338530e9831e9e16");
    assertThat(tx.inputs()).hasSize(1);
    assertThat(tx.inputs().get(0).prevTxidHex())
        .isEqualTo("0437cd7f8525ceed2324359c2d0ba26006d92d856a9c20fa0241106ee5a597c9"); // block 9 coinbase
    assertThat(tx.inputs().get(0).prevVout()).isZero();
    assertThat(tx.outputs()).extracting(TxOutput::valueSat).containsExactly(1_000_000_000L, 4_000_000_000L);
    assertThat(tx.outputs()).allMatch(o -> o.script().type() == ScriptType.P2PK);
    assertThat(tx.outputs().get(0).script().address()).isEqualTo("1Q2TWHE3GMdB6BZKafqwxXtWAWgFt5Jvm3");
    assertThat(tx.outputs().get(1).script().address()).isEqualTo("12cbQLTFMXRnSzktFkuoG3eHoMeFtpTu3S");
  }

  @Test
  void absurdCountsAreLocatedErrorsNotAllocations() throws Exception {
    byte[] b = Files.readAllBytes(BLOCKS.resolve("block169482.dat"));
    byte[] bad = java.util.Arrays.copyOf(b, 90);
    bad[80] = (byte) 0xff; // tx count varint 0xff + 8 bytes of 0xff...
    java.util.Arrays.fill(bad, 81, 89, (byte) 0x7f);
    assertThatThrownBy(() -> new BlockParser().parse(bad, 0, bad.length, "x.dat", 100))
        .isInstanceOf(ChainFormatException.class)
        .hasMessageContaining("x.dat @")
        .hasMessageContaining("tx count");
    byte[] cut = java.util.Arrays.copyOf(b, b.length - 10);
    assertThatThrownBy(() -> new BlockParser().parse(cut, 0, cut.length, "cut.dat", 0))
        .isInstanceOf(ChainFormatException.class)
        .hasMessageContaining("truncated");
  }

  @Test
  void randomCorruptionsGiveABlockOrALocatedErrorNeverAnotherException() throws Exception {
    byte[] orig = Files.readAllBytes(BLOCKS.resolve("block169482.dat"));
    java.util.SplittableRandom r = new java.util.SplittableRandom(2026);
    int errors = 0;
    for (int i = 0; i < 3000; i++) {
      byte[] b = orig.clone();
      int len = b.length;
      switch (i % 3) {
        case 0 -> b[r.nextInt(len)] = (byte) r.nextInt(256);
        case 1 -> len = r.nextInt(len);
        default -> {
          int at = 80 + r.nextInt(len - 89);
          for (int k = 0; k < 9; k++) b[at + k] = (byte) 0xff;
        }
      }
      try {
        ChainBlock blk = new BlockParser().parse(b, 0, len, "fuzz", 0);
        assertThat(blk.txs()).isNotEmpty();
      } catch (ChainFormatException e) {
        assertThat(e.source()).isEqualTo("fuzz");
        assertThat(e.offset()).isBetween(0L, (long) len);
        errors++;
      }
    }
    assertThat(errors).isGreaterThan(1000);
  }

  @Test
  void alteredWitnessReservedValueIsACommitmentMismatchWhileMerkleStaysValid() throws Exception {
    byte[] b = Files.readAllBytes(BLOCKS.resolve("block481829.dat"));
    // The coinbase witness: 1 item of 32 bytes (0x01 0x20 + reserved value), first after the header.
    int at = -1;
    for (int i = 80; i < 2000 && at < 0; i++) {
      if (b[i] == 1 && b[i + 1] == 0x20) at = i + 2;
    }
    assertThat(at).isPositive();
    byte[] bad = b.clone();
    bad[at] ^= 1;
    ChainBlock blk = new BlockParser().parse(bad, 0, bad.length, "x", 0);
    assertThat(blk.merkleOk()).isTrue(); // txids exclude witness data
    assertThat(blk.witnessCheck()).isEqualTo(WitnessCheck.MISMATCH);
  }
}
