package org.webwatch.server.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.webwatch.WebwatchException;
import org.webwatch.media.HashSetOptions;
import org.webwatch.media.hashset.HashSetSpec;
import org.webwatch.server.HashMatch;
import org.webwatch.store.WebwatchStore;
import org.webwatch.store.media.HashSetRepository;

class HashSetLookupTest {
  private static final Path SHARED = Path.of(System.getProperty("webwatch.shared"));
  private static final String BRIDGE_PDQ = "f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22";

  @Test
  void answersFromStoredSetsAndSeesImportsWithoutRestart(@TempDir Path dir) throws Exception {
    WebwatchStore store = WebwatchStore.open(dir.resolve("data"));
    HashSetLookup lookup = new HashSetLookup(store);
    assertThat(lookup.lookup("md5", "0123456789abcdef0123456789abcdef")).isEmpty();

    Path csv = dir.resolve("national.csv");
    Files.writeString(csv, "md5,pdq,category\n0123456789ABCDEF0123456789ABCDEF,,1\n," + BRIDGE_PDQ + ",1\n");
    new HashSetRepository(store).importSet(HashSetSpec.detect(csv), new HashSetOptions("national", "test", false, 31));

    List<HashMatch> exact = lookup.lookup("md5", "0123456789abcdef0123456789abcdef");
    assertThat(exact).hasSize(1);
    assertThat(exact.get(0).set()).isEqualTo("national");
    assertThat(exact.get(0).distance()).isZero();

    // Flip 3 bits of the stored PDQ: still a perceptual match at distance 3.
    char[] near = BRIDGE_PDQ.toCharArray();
    near[0] = 'e'; // f -> e flips one bit
    near[5] = '1'; // 0 -> 1 flips one bit
    near[63] = '3'; // 2 -> 3 flips one bit
    List<HashMatch> perceptual = lookup.lookup("pdq", new String(near));
    assertThat(perceptual).extracting(HashMatch::distance).containsExactly(3);
    assertThat(perceptual.get(0).policy()).isEqualTo("known");

    assertThatThrownBy(() -> lookup.lookup("pdq", "xyz")).isInstanceOf(WebwatchException.class);
  }

  @Test
  void uploadIsHashedInMemoryWithPdqMatchingTheReference() throws Exception {
    byte[] jpeg = Files.readAllBytes(SHARED.resolve("testdata/pdq/pdq-data/bridge-mods/aaa-orig.jpg"));
    Map<String, String> h = new MediaFileHasher().hash(jpeg);
    assertThat(h.get("pdq")).isEqualTo(BRIDGE_PDQ);
    assertThat(h.get("pdq_quality")).isEqualTo("100");
    assertThat(h.get("md5")).hasSize(32);

    Map<String, String> notAnImage = new MediaFileHasher().hash("plain text".getBytes());
    assertThat(notAnImage).containsOnlyKeys("md5", "sha1", "sha256");
  }
}
