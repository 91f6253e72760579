package org.webwatch.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.webwatch.WebwatchException;

class PopulationGeneratorTest {
  @TempDir Path tmp;

  private static GenerateOptions opts(int persons, long seed, GenerateOptions.OutputFormat f) {
    return new GenerateOptions(persons, seed, 6.0, 4, f);
  }

  static Map<String, byte[]> tree(Path root) throws IOException {
    Map<String, byte[]> m = new TreeMap<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) m.put(root.relativize(p).toString(), Files.readAllBytes(p));
    }
    return m;
  }

  @Test
  void sameSeedGivesIdenticalBytesWhateverTheThreadCount() throws IOException {
    new PopulationGenerator(1).generate(opts(250, 5, GenerateOptions.OutputFormat.DIR), tmp.resolve("a"));
    new PopulationGenerator(4).generate(opts(250, 5, GenerateOptions.OutputFormat.DIR), tmp.resolve("b"));
    Map<String, byte[]> a = tree(tmp.resolve("a"));
    Map<String, byte[]> b = tree(tmp.resolve("b"));
    assertThat(a.keySet()).isEqualTo(b.keySet()).contains("capture/posts.jsonl", "truth/links.csv", "known-hashes.csv");
    for (String k : a.keySet()) assertThat(b.get(k)).as(k).isEqualTo(a.get(k));
  }

  @Test
  void differentSeedGivesDifferentPopulation() throws IOException {
    new PopulationGenerator(2).generate(opts(250, 5, GenerateOptions.OutputFormat.DIR), tmp.resolve("a"));
    new PopulationGenerator(2).generate(opts(250, 6, GenerateOptions.OutputFormat.DIR), tmp.resolve("b"));
    assertThat(Files.readAllBytes(tmp.resolve("b/capture/posts.jsonl"))).isNotEqualTo(Files.readAllBytes(tmp.resolve("a/capture/posts.jsonl")));
    assertThat(Files.readAllBytes(tmp.resolve("b/truth/persons.csv"))).isNotEqualTo(Files.readAllBytes(tmp.resolve("a/truth/persons.csv")));
  }

  @Test
  void zipAndTarGzHoldExactlyTheDirectoryFiles() throws IOException {
    PopulationGenerator g = new PopulationGenerator(2);
    g.generate(opts(120, 9, GenerateOptions.OutputFormat.DIR), tmp.resolve("d"));
    g.generate(opts(120, 9, GenerateOptions.OutputFormat.ZIP), tmp.resolve("z"));
    g.generate(opts(120, 9, GenerateOptions.OutputFormat.TAR_GZ), tmp.resolve("t"));
    Map<String, byte[]> dir = tree(tmp.resolve("d/capture"));
    assertThat(Files.exists(tmp.resolve("z/capture"))).isFalse();
    Map<String, byte[]> zip = new TreeMap<>();
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(tmp.resolve("z/capture.zip")))) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) zip.put(e.getName(), in.readAllBytes());
    }
    Map<String, byte[]> tar = untar(tmp.resolve("t/capture.tar.gz"));
    assertThat(zip.keySet()).isEqualTo(dir.keySet());
    assertThat(tar.keySet()).isEqualTo(dir.keySet());
    for (String k : dir.keySet()) {
      assertThat(zip.get(k)).as(k).isEqualTo(dir.get(k));
      assertThat(tar.get(k)).as(k).isEqualTo(dir.get(k));
    }
    assertThat(tree(tmp.resolve("z/truth"))).containsOnlyKeys(tree(tmp.resolve("d/truth")).keySet());
  }

  static Map<String, byte[]> untar(Path p) throws IOException {
    Map<String, byte[]> m = new TreeMap<>();
    try (InputStream in = new GZIPInputStream(Files.newInputStream(p))) {
      byte[] all = in.readAllBytes();
      int off = 0;
      while (off + 512 <= all.length && all[off] != 0) {
        String name = new String(all, off, 100, java.nio.charset.StandardCharsets.US_ASCII).replace("\0", "");
        long size = Long.parseLong(new String(all, off + 124, 11, java.nio.charset.StandardCharsets.US_ASCII).trim(), 8);
        int sum = 0;
        for (int i = 0; i < 512; i++) sum += (i >= 148 && i < 156) ? ' ' : all[off + i] & 0xff;
        long stored = Long.parseLong(new String(all, off + 148, 6, java.nio.charset.StandardCharsets.US_ASCII).trim(), 8);
        assertThat(stored).as("tar header checksum of " + name).isEqualTo(sum);
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(all, off + 512, (int) size);
        m.put(name, b.toByteArray());
        off += 512 + (int) ((size + 511) / 512 * 512);
      }
    }
    return m;
  }

  @Test
  void badOptionsAreRejectedWithClearErrors() {
    assertThatThrownBy(() -> new GenerateOptions(0, 1, 10, 4, GenerateOptions.OutputFormat.DIR))
        .isInstanceOf(WebwatchException.class).hasMessageContaining("persons");
    assertThatThrownBy(() -> new GenerateOptions(10, 1, -1, 4, GenerateOptions.OutputFormat.DIR))
        .isInstanceOf(WebwatchException.class).hasMessageContaining("posts-per-person-mean");
    assertThatThrownBy(() -> new GenerateOptions(10, 1, 10, 0, GenerateOptions.OutputFormat.DIR))
        .isInstanceOf(WebwatchException.class).hasMessageContaining("sites");
    assertThatThrownBy(() -> GenerateOptions.OutputFormat.parse("rar")).isInstanceOf(WebwatchException.class).hasMessageContaining("--format");
    assertThat(GenerateOptions.OutputFormat.parse("tar.gz")).isEqualTo(GenerateOptions.OutputFormat.TAR_GZ);
  }

  @Test
  void proportionsAreRealistic() throws IOException {
    Generated g = Generated.get();
    List<Map<String, String>> persons = Csv.read(g.dir.resolve("truth/persons.csv"));
    assertThat(persons).hasSize(Generated.PERSONS);
    Map<String, Integer> roles = new HashMap<>();
    int motivated = 0;
    int multi = 0;
    for (Map<String, String> p : persons) {
      Role r = Role.valueOf(p.get("role").toUpperCase().replace('-', '_'));
      roles.merge(p.get("role"), 1, Integer::sum);
      assertThat(p.get("motivated")).isEqualTo(Boolean.toString(r.motivated()));
      assertThat(p.get("expected_band")).isEqualTo(r.expectedBand());
      if (r.motivated()) motivated++;
      if (p.get("accounts").contains("|")) multi++;
    }
    for (Role r : Role.values()) assertThat(roles).as("every role present").containsKey(r.code());
    assertThat(roles.get("lurker") + roles.get("consumer")).isGreaterThan(Generated.PERSONS * 6 / 10);
    assertThat(motivated).isBetween(Generated.PERSONS / 50, Generated.PERSONS / 8);
    assertThat(multi).isBetween(Generated.PERSONS / 12, Generated.PERSONS / 3);
    double postsPerPerson = g.summary.posts() / (double) Generated.PERSONS;
    assertThat(postsPerPerson).isBetween(GenerateOptions.DEFAULT_POSTS_PER_PERSON_MEAN * 0.8, GenerateOptions.DEFAULT_POSTS_PER_PERSON_MEAN * 1.4);
    // Few accounts post a lot: the top 5% of accounts write most of the posts.
    Map<String, Integer> perAuthor = new HashMap<>();
    for (var post : g.records("posts.jsonl")) perAuthor.merge(Generated.key(post.get("site"), post.get("author")), 1, Integer::sum);
    List<Integer> counts = perAuthor.values().stream().sorted((a, b) -> b - a).toList();
    int accounts = g.records("accounts.jsonl").size();
    long top = counts.stream().limit(Math.max(1, accounts / 20)).mapToLong(Integer::longValue).sum();
    assertThat(top).isGreaterThan(g.summary.posts() / 3);
    assertThat(perAuthor.size()).isLessThan(accounts * 6 / 10);
  }
}
