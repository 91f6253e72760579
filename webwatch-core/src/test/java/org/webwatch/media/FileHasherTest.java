package org.webwatch.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileHasherTest {
  static final Path PDQ = Path.of(System.getProperty("webwatch.shared")).resolve("testdata/pdq");
  final FileHasher hasher = new FileHasher(PdqPolicy.FULL, false, new ImageDecoder());
  @TempDir Path tmp;

  @Test
  void exactDigestsOfAnyFileMatchKnownValues() throws IOException {
    Path f = tmp.resolve("abc.txt");
    Files.writeString(f, "abc", StandardCharsets.US_ASCII);
    FileHashes h = hasher.hash(f);
    assertThat(h.md5()).isEqualTo("900150983cd24fb0d6963f7d28e17f72");
    assertThat(h.sha1()).isEqualTo("a9993e364706816aba3e25717850c26c9cd0d89d");
    assertThat(h.sha256()).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThat(h.size()).isEqualTo(3);
    assertThat(h.pdq()).isNull();
    assertThat(h.error()).startsWith("unsupported-format");
  }

  @Test
  void imageGetsAllHashesAndPolicy() {
    FileHashes h = hasher.hash(PDQ.resolve("pdq-data/bridge-mods/aaa-orig.jpg"));
    assertThat(h.ok()).isTrue();
    assertThat(h.pdq().hash().toHex()).isEqualTo("f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22");
    assertThat(h.pdq().policy()).isEqualTo(PdqPolicy.FULL);
    assertThat(h.md5()).hasSize(32);
  }

  @Test
  void everyShippedFormatDecodesIncludingWebp() throws IOException {
    for (String name : new String[] {"F.webp", "HSV.webp", "I.webp", "LAB.webp", "PA.webp", "P.png", "1.png"}) {
      FileHashes h = hasher.hash(PDQ.resolve("pdq-data/misc-images/modes").resolve(name));
      assertThat(h.error()).as(name).isNull();
      assertThat(h.pdq().quality()).as(name).isPositive();
    }
    // the luminance-preserving WebP modes stay near the original photo
    PdqHash original = hasher.hash(PDQ.resolve("pdq-data/misc-images/modes/original.jpg")).pdq().hash();
    PdqHash pa = hasher.hash(PDQ.resolve("pdq-data/misc-images/modes/PA.webp")).pdq().hash();
    assertThat(pa.distance(original)).isLessThanOrEqualTo(31);
  }

  @Test
  void losslessFormatsWrittenHereHashLikeTheRasterTheyHold() throws IOException {
    // a benign synthetic raster, written to temp files only (never to the repository)
    java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(200, 120, java.awt.image.BufferedImage.TYPE_3BYTE_BGR);
    for (int y = 0; y < 120; y++) {
      for (int x = 0; x < 200; x++) img.setRGB(x, y, ((x * 255 / 200) << 16) | (((x ^ y) & 0xff) << 8) | (y * 2));
    }
    PdqHash expected = new PdqHasher().hash(img, PdqPolicy.FULL, false).hash();
    for (String format : new String[] {"png", "bmp", "tiff"}) {
      Path f = tmp.resolve("synthetic." + format);
      assertThat(javax.imageio.ImageIO.write(img, format, f.toFile())).as(format).isTrue();
      FileHashes h = hasher.hash(f);
      assertThat(h.error()).as(format).isNull();
      assertThat(h.pdq().hash()).as(format).isEqualTo(expected);
    }
    Path gif = tmp.resolve("synthetic.gif");
    assertThat(javax.imageio.ImageIO.write(img, "gif", gif.toFile())).isTrue();
    FileHashes g = hasher.hash(gif);
    assertThat(g.error()).isNull();
    assertThat(g.pdq().hash().distance(expected)).isLessThanOrEqualTo(31); // GIF quantises to a palette
  }

  @Test
  void truncatedJpegIsACorruptRowNotAnException() throws IOException {
    byte[] full = Files.readAllBytes(PDQ.resolve("pdq-data/bridge-mods/aaa-orig.jpg"));
    Path f = tmp.resolve("cut.jpg");
    Files.write(f, Arrays.copyOf(full, full.length / 3));
    FileHashes h = hasher.hash(f);
    assertThat(h.pdq()).isNull();
    assertThat(h.error()).startsWith("corrupt");
    assertThat(h.sha256()).hasSize(64);
  }

  @Test
  void randomBytesAreUnsupportedOrCorrupt() throws IOException {
    byte[] junk = new byte[4096];
    new Random(7).nextBytes(junk);
    Path f = tmp.resolve("junk.png");
    Files.write(f, junk);
    assertThat(hasher.hash(f).error()).matches("(unsupported-format|corrupt).*");
    Path g = tmp.resolve("fake.png");
    byte[] withMagic = Arrays.copyOf(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, 4096);
    System.arraycopy(junk, 0, withMagic, 8, 4088);
    Files.write(g, withMagic);
    assertThat(hasher.hash(g).error()).startsWith("corrupt");
  }

  @Test
  void decompressionBombIsRefusedFromTheHeaderBeforeDecoding() throws IOException {
    Path f = tmp.resolve("bomb.png");
    Files.write(f, pngHeader(100_000, 100_000));
    FileHashes h = hasher.hash(f);
    assertThat(h.error()).startsWith("too-large").contains("100000×100000");
    ImageDecoder small = new ImageDecoder(1000, Duration.ofSeconds(5));
    assertThatThrownBy(() -> small.decode(PDQ.resolve("pdq-data/bridge-mods/square-128x128.jpg")))
        .isInstanceOf(MediaDecodeException.class)
        .matches(e -> ((MediaDecodeException) e).reason() == MediaDecodeException.Reason.TOO_LARGE);
  }

  @Test
  void decodeOverTheTimeLimitIsAbortedAsTimeout() {
    // a 1 ms budget for a 1.6 MP JPEG: the watchdog aborts the reader long before it can finish
    FileHasher impatient = new FileHasher(PdqPolicy.FULL, false, new ImageDecoder(ImageDecoder.DEFAULT_MAX_PIXELS, Duration.ofMillis(1)));
    FileHashes h = impatient.hash(PDQ.resolve("pdq-data/bridge-mods/aaa-orig.jpg"));
    assertThat(h.error()).startsWith("timeout");
    assertThat(h.md5()).isEqualTo("d35c785545392755e7e4164457657269");
  }

  @Test
  void tinyImagesGetTheZeroHashWithQualityZero() {
    PdqResult r = new PdqHasher().hashLuma(new float[16], 4, 4, PdqPolicy.FULL, true);
    assertThat(r.hash()).isEqualTo(PdqHash.ZERO);
    assertThat(r.quality()).isZero();
    assertThat(r.dihedral()).hasSize(8).containsOnly(PdqHash.ZERO);
  }

  @Test
  void constructorsRejectBadArguments() {
    assertThatThrownBy(() -> new ImageDecoder(0, Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ImageDecoder(10, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new FileHasher(null, false, new ImageDecoder())).isInstanceOf(IllegalArgumentException.class);
  }

  /** PNG signature + IHDR claiming w×h (8-bit RGB) + a small IDAT + IEND. */
  static byte[] pngHeader(int w, int h) throws IOException {
    ByteArrayOutputStream bos = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bos);
    out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
    ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
    DataOutputStream d = new DataOutputStream(ihdr);
    d.writeInt(w);
    d.writeInt(h);
    d.write(new byte[] {8, 2, 0, 0, 0});
    chunk(out, "IHDR", ihdr.toByteArray());
    chunk(out, "IDAT", new byte[] {0x78, (byte) 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01});
    chunk(out, "IEND", new byte[0]);
    return bos.toByteArray();
  }

  static void chunk(DataOutputStream out, String type, byte[] data) throws IOException {
    out.writeInt(data.length);
    byte[] t = type.getBytes(StandardCharsets.US_ASCII);
    out.write(t);
    out.write(data);
    CRC32 crc = new CRC32();
    crc.update(t);
    crc.update(data);
    out.writeInt((int) crc.getValue());
  }
}
