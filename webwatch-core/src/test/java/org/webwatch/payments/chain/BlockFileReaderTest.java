package org.webwatch.payments.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlockFileReaderTest {
  static final Path BLOCKS = BlockParserTest.BLOCKS;
  @TempDir Path tmp;

  private static byte[] frame(int magic, byte[] block) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(magic >>> 24);
    out.write(magic >>> 16);
    out.write(magic >>> 8);
    out.write(magic);
    int n = block.length;
    out.write(n);
    out.write(n >>> 8);
    out.write(n >>> 16);
    out.write(n >>> 24);
    out.writeBytes(block);
    return out.toByteArray();
  }

  private static byte[] cat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) out.writeBytes(p);
    return out.toByteArray();
  }

  private ReadSummary read(byte[] content, List<ChainBlock> sink) throws Exception {
    Path f = tmp.resolve("blk00000.dat");
    Files.write(f, content);
    return new BlockFileReader().read(f, sink::add);
  }

  private static byte[] block(String name) throws Exception {
    return Files.readAllBytes(BLOCKS.resolve(name));
  }

  @Test
  void zeroPaddingIsSkippedBetweenAndAfterBlocks() throws Exception {
    byte[] a = block("block169482.dat");
    byte[] b = block("block227835.dat");
    List<ChainBlock> got = new ArrayList<>();
    ReadSummary s = read(cat(frame(Network.MAINNET.magic(), a), new byte[16], frame(Network.MAINNET.magic(), b), new byte[4096]), got);
    assertThat(s.errors()).isEmpty();
    assertThat(got).extracting(ChainBlock::hashHex).containsExactly(
        "0000000000000756935f1ee9d5987857b604046f846d3df56d024cdb5f368665",
        "00000000000001aa077d7aa84c532a4d69bdbff519609d1da0835261b7a74eb6");
    assertThat(got.get(1).offset()).isEqualTo(8 + a.length + 16 + 8);
  }

  @Test
  void truncatedFileGivesLocatedErrorAndKeepsEarlierBlocks() throws Exception {
    byte[] a = block("block169482.dat");
    byte[] whole = cat(frame(Network.MAINNET.magic(), a), frame(Network.MAINNET.magic(), block("block227835.dat")));
    List<ChainBlock> got = new ArrayList<>();
    ReadSummary s = read(Arrays.copyOf(whole, whole.length - 100), got);
    assertThat(got).hasSize(1);
    assertThat(s.errors()).singleElement().satisfies(e -> {
      assertThat(e.source()).endsWith("blk00000.dat");
      assertThat(e.offset()).isEqualTo(8 + a.length + 8);
      assertThat(e.what()).contains("truncated block");
    });
  }

  @Test
  void otherNetworkMagicIsRecognisedAndSkipped() throws Exception {
    byte[] a = block("block169482.dat");
    List<ChainBlock> got = new ArrayList<>();
    ReadSummary s = read(cat(frame(Network.TESTNET3.magic(), a), frame(Network.MAINNET.magic(), a)), got);
    assertThat(got).hasSize(1);
    assertThat(s.rejected()).isEqualTo(1);
    assertThat(s.errors()).singleElement().satisfies(e -> {
      assertThat(e.offset()).isZero();
      assertThat(e.what()).contains("testnet3 magic");
    });
  }

  @Test
  void absurdSizeAndGarbageResynchroniseToNextMagic() throws Exception {
    byte[] a = block("block169482.dat");
    byte[] absurd = {(byte) 0xf9, (byte) 0xbe, (byte) 0xb4, (byte) 0xd9, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0x7f};
    byte[] garbage = {1, 2, 3, 4, 5, 6, 7};
    List<ChainBlock> got = new ArrayList<>();
    ReadSummary s = read(cat(absurd, frame(Network.MAINNET.magic(), a), garbage, frame(Network.MAINNET.magic(), a)), got);
    assertThat(got).hasSize(2);
    assertThat(s.errors()).hasSize(2);
    assertThat(s.errors().get(0).what()).contains("absurd block size 2147483647");
    assertThat(s.errors().get(1).what()).contains("unknown magic 01020304");
    assertThat(s.errors().get(1).offset()).isEqualTo(8 + 8 + a.length);
  }

  @Test
  void corruptBlockInsideValidFrameIsRejectedAndReadingContinues() throws Exception {
    byte[] a = block("block169482.dat");
    byte[] bad = a.clone();
    bad[80] = (byte) 0xfe; // tx count = huge uint32
    bad[81] = bad[82] = bad[83] = bad[84] = (byte) 0xff;
    List<ChainBlock> got = new ArrayList<>();
    ReadSummary s = read(cat(frame(Network.MAINNET.magic(), bad), frame(Network.MAINNET.magic(), a)), got);
    assertThat(got).hasSize(1);
    assertThat(s.rejected()).isEqualTo(1);
    assertThat(s.errors()).singleElement().satisfies(e -> {
      assertThat(e.offset()).isEqualTo(8 + 85);
      assertThat(e.what()).contains("tx count 4294967295");
    });
  }

  @Test
  void tamperedTransactionIsReportedAsMerkleMismatch() throws Exception {
    byte[] bad = block("block169482.dat").clone();
    bad[bad.length - 5] ^= 1; // last output script byte of the last tx
    List<ChainBlock> got = new ArrayList<>();
    ReadSummary s = read(frame(Network.MAINNET.magic(), bad), got);
    assertThat(got).singleElement().satisfies(b -> assertThat(b.merkleOk()).isFalse());
    assertThat(s.errors()).singleElement().satisfies(e -> assertThat(e.what()).contains("merkle root mismatch"));
  }

  @Test
  void rawAndOversizedRawFiles() throws Exception {
    List<ChainBlock> got = new ArrayList<>();
    ReadSummary s = new BlockFileReader().read(BLOCKS.resolve("block227836.dat"), got::add);
    assertThat(s.format()).isEqualTo("raw");
    assertThat(got).hasSize(1);
    Path big = tmp.resolve("big.bin");
    byte[] junk = new byte[BlockParser.MAX_BLOCK_BYTES + 1];
    junk[0] = 7;
    Files.write(big, junk);
    ReadSummary r = new BlockFileReader().read(big, b -> {});
    assertThat(r.blocks()).isZero();
    assertThat(r.errors()).singleElement().satisfies(e -> assertThat(e.what()).contains("exceeds"));
  }

  @Test
  void hexWithBadCharactersIsLocatedByLine() throws Exception {
    Path f = tmp.resolve("blocks.hex");
    String good = Files.readString(BLOCKS.resolve("block1.hex")).strip();
    Files.writeString(f, good + "\n" + good.substring(0, 100) + "zz\n");
    List<ChainBlock> got = new ArrayList<>();
    ReadSummary s = new BlockFileReader().read(f, got::add);
    assertThat(got).hasSize(1);
    assertThat(s.errors()).singleElement().satisfies(e -> {
      assertThat(e.what()).contains("hex line 2");
      assertThat(e.offset()).isEqualTo(good.length() + 1);
    });
  }

  @Test
  void emptyFileIsReportedNotCrashed() throws Exception {
    ReadSummary s = read(new byte[0], new ArrayList<>());
    assertThat(s.blocks()).isZero();
    assertThat(s.errors()).singleElement().satisfies(e -> assertThat(e.what()).contains("empty file"));
  }

  @Test
  void missingFileIsATypedNotFoundError() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new BlockFileReader().read(tmp.resolve("nope.dat"), b -> {}))
        .isInstanceOf(org.webwatch.WebwatchException.class)
        .hasMessageContaining("block file not found")
        .satisfies(e -> assertThat(((org.webwatch.WebwatchException) e).kind())
            .isEqualTo(org.webwatch.WebwatchException.Kind.NOT_FOUND));
  }
}
