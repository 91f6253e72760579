package org.webwatch.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.webwatch.media.hashset.HashSetSpec;
import org.webwatch.model.Attachment;
import org.webwatch.model.MediaResult;
import org.webwatch.model.MediaStatus;

class KnownMediaTest {
  static final Path SHARED = Path.of(System.getProperty("webwatch.shared"));
  static final Path VICS = SHARED.resolve("testdata/vics");
  static final Path PDQ = SHARED.resolve("testdata/pdq/pdq-data");
  static final String BRIDGE = "f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22";
  static final String BLUR_A_LOT = "f8f8f0cee0f4a84f0637022a038f67f0b36e26d596621e1d33e6b39c4e9c9b22";
  @TempDir Path tmp;
  KnownMedia known;
  Path csv;

  @BeforeEach
  void load() throws IOException {
    csv = tmp.resolve("pdq-set.csv");
    Files.writeString(csv, "pdq,category,series,source\n" + BRIDGE + ",A1,bridge-series,hotline-x\n");
    known = KnownMedia.load(List.of(
        VICS.resolve("sample_vics2_hashset_default.synthetic.json"), VICS.resolve("sample_vics2_case_us.synthetic.json"), csv));
  }

  static Attachment att(String id, String md5, String sha256, String pdq, Integer quality) {
    return new Attachment(id, null, null, null, md5, null, sha256, pdq, quality, null, null, Map.of());
  }

  @Test
  void statusesOfMediaCsv() {
    MediaResult exact = known.classify("s1", "p1", "u1", att("a1", "00000000000000000000000000000002", null, null, null));
    assertThat(exact.status()).isEqualTo(MediaStatus.KNOWN_EXACT);
    assertThat(exact.category()).isEqualTo("vic-us:1");
    assertThat(exact.entry()).isEqualTo("sample_vics2_hashset_default.synthetic.json/2");
    assertThat(exact.method()).isEqualTo("md5");
    assertThat(exact.distance()).isNull();
    assertThat(exact.contentKey()).isEqualTo("md5:00000000000000000000000000000002");
    assertThat(exact.accountKey().account()).isEqualTo("u1");

    MediaResult near = known.classify("s1", "p1", "u1", att("a2", null, "ab".repeat(32), BLUR_A_LOT, 100));
    assertThat(near.status()).isEqualTo(MediaStatus.KNOWN_PERCEPTUAL);
    assertThat(near.distance()).isEqualTo(PdqHash.parse(BRIDGE).distance(PdqHash.parse(BLUR_A_LOT))).isPositive();
    assertThat(near.category()).isEqualTo("ncmec:A1");
    assertThat(near.source()).isEqualTo("hotline-x");
    assertThat(near.method()).isEqualTo("pdq");
    assertThat(near.contentKey()).isEqualTo("sha256:" + "ab".repeat(32));

    MediaResult low = known.classify("s1", "p1", "u1", att("a3", null, null, BLUR_A_LOT, 30));
    assertThat(low.status()).isEqualTo(MediaStatus.LOW_QUALITY);
    assertThat(low.contentKey()).isEqualTo("pdq:" + BLUR_A_LOT);

    MediaResult fresh = known.classify("s1", "p1", "u1", att("a4", "ff".repeat(16), null, "0f".repeat(32), 90));
    assertThat(fresh.status()).isEqualTo(MediaStatus.NEW);
    assertThat(fresh.source()).isNull();

    assertThat(known.classify("s1", "p1", "u1", att("a5", null, null, null, null)).status()).isEqualTo(MediaStatus.UNHASHED);
    // a low-quality PDQ with an exact hit is still known-exact
    assertThat(known.classify("s", "p", "u", att("a6", "00000000000000000000000000000011", null, BLUR_A_LOT, 10)).status())
        .isEqualTo(MediaStatus.KNOWN_EXACT);
  }

  @Test
  void perSetThresholdAndReplaceAndRemove() {
    HashSetSpec spec = HashSetSpec.detect(csv);
    known.addSet(spec, new HashSetOptions("pdq-set.csv", "hotline-x", false, 2));
    assertThat(known.classify("s", "p", "u", att("a", null, null, BLUR_A_LOT, 100)).status()).isEqualTo(MediaStatus.NEW);
    assertThat(known.classify("s", "p", "u", att("a", null, null, BRIDGE, 100)).status()).isEqualTo(MediaStatus.KNOWN_PERCEPTUAL);
    assertThat(known.sets()).hasSize(3);
    assertThat(known.versions()).hasSize(3).containsEntry("hash-set:pdq-set.csv", " (" + known.sets().stream()
        .filter(h -> h.name().equals("pdq-set.csv")).findFirst().orElseThrow().entries() + " entries)");
    assertThat(known.removeSet("pdq-set.csv")).isTrue();
    assertThat(known.versions()).doesNotContainKey("hash-set:pdq-set.csv");
    assertThat(known.classify("s", "p", "u", att("a", null, null, BRIDGE, 100)).status()).isEqualTo(MediaStatus.NEW);
    assertThat(known.removeSet("pdq-set.csv")).isFalse();
  }

  @Test
  void negativeSetsSuppressHits() throws IOException {
    Path allow = tmp.resolve("allow.txt");
    Files.writeString(allow, "00000000000000000000000000000002\n");
    known.addSet(HashSetSpec.parse("md5:" + allow), HashSetOptions.of(allow).asNegative());
    MediaResult r = known.classify("s", "p", "u", att("a", "00000000000000000000000000000002", null, null, null));
    assertThat(r.category()).isEqualTo("allow");
    assertThat(r.entry()).startsWith("allow.txt/");
    // a perceptual allow entry suppresses the perceptual known hit
    Path allowPdq = tmp.resolve("allow-pdq.txt");
    Files.writeString(allowPdq, BLUR_A_LOT + "\n");
    known.addSet(HashSetSpec.parse("pdq:" + allowPdq), HashSetOptions.of(allowPdq).asNegative());
    MediaResult p = known.classify("s", "p", "u", att("a", null, null, BLUR_A_LOT, 100));
    assertThat(p.category()).isEqualTo("allow");
    assertThat(p.distance()).isZero();
  }

  @Test
  void filesMatchWithDihedralVariantsAndPolicy() {
    FileHasher dihedral = new FileHasher(PdqPolicy.FULL, true, new ImageDecoder());
    FileHashes rotated = dihedral.hash(PDQ.resolve("reg-test-input/dih/bridge-2-rotate-90.jpg"));
    List<MediaMatch> m = known.match(rotated);
    assertThat(m).isNotEmpty();
    assertThat(m.get(0).method()).isEqualTo("pdq-dihedral");
    assertThat(m.get(0).policy()).isEqualTo("full");
    assertThat(m.get(0).distance()).isLessThanOrEqualTo(31);
    assertThat(m.get(0).set()).isEqualTo("pdq-set.csv");
    FileHasher plain = new FileHasher(PdqPolicy.FULL, false, new ImageDecoder());
    assertThat(known.match(plain.hash(PDQ.resolve("reg-test-input/dih/bridge-2-rotate-90.jpg")))).isEmpty();
    List<MediaMatch> orig = known.match(plain.hash(PDQ.resolve("bridge-mods/aaa-orig.jpg")));
    assertThat(orig).singleElement().satisfies(x -> {
      assertThat(x.method()).isEqualTo("pdq");
      assertThat(x.distance()).isZero();
      assertThat(x.entry()).isEqualTo("2");
    });
  }

  @Test
  void typedPlainListSpecsLoad() {
    KnownMedia k = KnownMedia.loadSpecs(List.of("pdq:" + PDQ.resolve("reg-test-input/needles.txt")));
    assertThat(k.sets()).singleElement().satisfies(s -> assertThat(s.entries()).isEqualTo(100));
  }
}
