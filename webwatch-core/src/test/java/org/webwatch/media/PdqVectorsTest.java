package org.webwatch.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Diffs our PDQ against every vector in {@code shared/testdata/pdq/expected/} as its README
 * says: 0 bits where the producer is exact for our policy, the documented tolerance elsewhere.
 */
class PdqVectorsTest {
  static Path root;
  static final ImageDecoder DECODER = new ImageDecoder();
  static final PdqHasher HASHER = new PdqHasher();
  static final Map<String, PdqResult> FULL = new LinkedHashMap<>();
  static final Map<String, PdqResult> NN512 = new LinkedHashMap<>();
  /** Grey images that we hash from raw samples (README pitfall 3), so getRGB-made rows don't apply. */
  static Map<String, String[]> grayRaw;

  @BeforeAll
  static void setUp() throws IOException {
    root = Path.of(System.getProperty("webwatch.shared")).resolve("testdata/pdq");
    grayRaw = rows("generated_java_grayraw.csv");
  }

  static Map<String, String[]> rows(String file) throws IOException {
    Map<String, String[]> m = new LinkedHashMap<>();
    List<String> lines = Files.readAllLines(root.resolve("expected").resolve(file));
    for (String line : lines.subList(1, lines.size())) {
      if (line.isBlank()) continue;
      String[] f = line.split(",", -1);
      m.put(f[0], f);
    }
    return m;
  }

  static PdqResult full(String image) {
    return FULL.computeIfAbsent(image, k -> HASHER.hash(DECODER.decode(root.resolve(k)), PdqPolicy.FULL, true));
  }

  static PdqResult nn512(String image) {
    return NN512.computeIfAbsent(image, k -> HASHER.hash(DECODER.decode(root.resolve(k)), PdqPolicy.NN512, false));
  }

  @Test
  void fullResolutionMatchesJavaReferenceBitExactly() throws IOException {
    Map<String, String[]> expected = rows("generated_java_ref_fullres.csv");
    assertThat(expected).hasSizeGreaterThan(40);
    List<String> diffs = new ArrayList<>();
    int compared = 0;
    for (String[] row : expected.values()) {
      String image = row[0];
      // The reference used getRGB for grey images; we use raw samples (checked in grayRawMatches),
      // and 16-bit grey I16.png is not an exact vector (README pitfall 4).
      if (grayRaw.containsKey(image) || image.endsWith("I16.png")) continue;
      PdqResult r = full(image);
      compared++;
      int d = r.hash().distance(PdqHash.parse(row[1]));
      if (d != 0 || r.quality() != Integer.parseInt(row[2])) {
        diffs.add(image + " distance=" + d + " quality=" + r.quality() + " expected " + row[2]);
      }
    }
    assertThat(compared).isGreaterThan(40);
    assertThat(diffs).isEmpty();
  }

  @Test
  void dihedralVariantsMatchJavaReferenceBitExactly() throws IOException {
    Map<String, String[]> expected = rows("generated_java_ref_fullres_dihedral.csv");
    List<String> diffs = new ArrayList<>();
    for (String[] row : expected.values()) {
      String image = row[0];
      if (grayRaw.containsKey(image) || image.endsWith("I16.png")) continue;
      PdqResult r = full(image);
      for (Dihedral d : Dihedral.values()) {
        int dist = r.variant(d).distance(PdqHash.parse(row[1 + d.ordinal()]));
        if (dist != 0) diffs.add(image + " " + d + " distance=" + dist);
      }
    }
    assertThat(diffs).isEmpty();
  }

  @Test
  void grayRawMatchesRawSampleVectors() {
    assertThat(grayRaw).hasSize(3);
    for (String[] row : grayRaw.values()) {
      PdqResult r = full(row[0]);
      assertThat(r.hash().toHex()).as(row[0]).isEqualTo(row[1]);
      assertThat(r.quality()).as(row[0]).isEqualTo(Integer.parseInt(row[2]));
    }
  }

  @Test
  void nn512MatchesJavaNearestNeighbourVectors() throws IOException {
    Map<String, String[]> expected = rows("generated_java_nn512.csv");
    List<String> diffs = new ArrayList<>();
    for (String[] row : expected.values()) {
      String image = row[0];
      if (grayRaw.containsKey(image) || image.endsWith("I16.png")) continue;
      PdqResult r = nn512(image);
      int d = r.hash().distance(PdqHash.parse(row[1]));
      if (d != 0 || r.quality() != Integer.parseInt(row[2])) diffs.add(image + " distance=" + d);
    }
    assertThat(diffs).isEmpty();
  }

  /** Every row of expected_from_repo.csv, judged by its producer as the README prescribes. */
  @Test
  void repoAssertionsHoldPerProducer() throws IOException {
    List<String> lines = Files.readAllLines(root.resolve("expected/expected_from_repo.csv"));
    List<String> failures = new ArrayList<>();
    Set<String> checkedProducers = new java.util.TreeSet<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",", -1);
      String image = f[0].replace("misc-images/b.jpg", "bridge-mods/aaa-orig.jpg"); // README: same hash
      PdqHash want = PdqHash.parse(f[1]);
      String assertion = f[3];
      String producer = f[4];
      Integer wantQuality = f[2].isEmpty() ? null : Integer.valueOf(f[2]);
      int limit;
      PdqResult got;
      if (producer.startsWith("WASM")) {
        got = nn512(image); // README: WASM = 512×512 nearest neighbour; 2 bits on sharpen-a-lot
        limit = image.endsWith("sharpen-a-lot.jpg") ? 2 : 0;
      } else if (producer.startsWith("pure-Python")) {
        got = full(image); // PIL thumbnail policy: README measured 0–12 bits, repo asserts ≤16
        limit = 16;
      } else if (assertion.startsWith("historical")) {
        got = full(image); // 2018 README output, 2–8 bits off per README (issue #929)
        limit = 8;
      } else if (image.endsWith("I16.png")) {
        continue; // PIL clips I;16 → RGB (quality 36); README pitfall 4: not an exact vector
      } else if (producer.contains("unletterbox")) {
        continue; // unletterbox pre-processing is a python-threatexchange CLI option we do not offer
      } else if (producer.contains("--photo-preprocess=rotations")) {
        got = full(image);
        PdqHash pixelRotated = pixelTransformHash(image, assertion);
        if (pixelRotated.distance(want) != 0) failures.add(line + " pixel-transform distance=" + pixelRotated.distance(want));
        checkedProducers.add(producer);
        continue;
      } else {
        got = full(image);
        limit = 0;
      }
      checkedProducers.add(producer);
      int d = got.hash().distance(want);
      if (d > limit) failures.add(image + " [" + producer + "] distance " + d + " > " + limit);
      if (wantQuality != null && limit == 0 && got.quality() != wantQuality) {
        failures.add(image + " [" + producer + "] quality " + got.quality() + " != " + wantQuality);
      }
    }
    assertThat(checkedProducers).hasSizeGreaterThanOrEqualTo(7);
    assertThat(failures).isEmpty();
  }

  @Test
  void wasmCsvMatchesNn512() throws IOException {
    List<String> lines = Files.readAllLines(root.resolve("pdq-wasm/PDQMD5TestData.csv"));
    int checked = 0;
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      if (!f[0].contains("/data/")) continue; // the .mp4 rows are MD5s of videos not shipped here
      String image = "pdq-data/" + f[0].substring(f[0].indexOf("/data/") + 6)
          .replace("misc-images/b.jpg", "bridge-mods/aaa-orig.jpg");
      int d = nn512(image).hash().distance(PdqHash.parse(f[1]));
      assertThat(d).as(image).isLessThanOrEqualTo(image.endsWith("sharpen-a-lot.jpg") ? 2 : 0);
      checked++;
    }
    assertThat(checked).isEqualTo(16);
  }

  /** pytx "rotations" rotate the pixels, then hash: rebuild that from the raw grey plane. */
  static PdqHash pixelTransformHash(String image, String assertion) {
    var img = DECODER.decode(root.resolve(image));
    var plane = org.webwatch.media.internal.LumaExtractor.extract(img, PdqPolicy.FULL);
    String kind = assertion.substring(assertion.indexOf('(') + 1, assertion.indexOf(')')).replace("dihedral ", "");
    float[] in = plane.luma();
    int w = plane.width();
    int h = plane.height();
    boolean swap = kind.equals("ROTATE90") || kind.equals("ROTATE270") || kind.startsWith("FLIPPLUS") || kind.startsWith("FLIPMINUS");
    int ow = swap ? h : w;
    int oh = swap ? w : h;
    float[] out = new float[ow * oh];
    for (int y = 0; y < oh; y++) {
      for (int x = 0; x < ow; x++) {
        int sx;
        int sy;
        switch (kind) {
          case "ORIGINAL" -> { sx = x; sy = y; }
          case "ROTATE90" -> { sx = w - 1 - y; sy = x; } // counter-clockwise
          case "ROTATE180" -> { sx = w - 1 - x; sy = h - 1 - y; }
          case "ROTATE270" -> { sx = y; sy = h - 1 - x; } // clockwise
          case "FLIPX" -> { sx = x; sy = h - 1 - y; } // upside-down, as pdq-algorithm.md §9
          case "FLIPY" -> { sx = w - 1 - x; sy = y; } // mirror
          case "FLIPPLUS1" -> { sx = y; sy = x; }
          case "FLIPMINUS1" -> { sx = w - 1 - y; sy = h - 1 - x; }
          default -> throw new IllegalArgumentException(kind);
        }
        out[y * ow + x] = in[sy * w + sx];
      }
    }
    return HASHER.hashLuma(out, ow, oh, PdqPolicy.FULL, false).hash();
  }
}
