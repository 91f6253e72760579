package org.webwatch.store.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.webwatch.media.HashSetInfo;
import org.webwatch.media.HashSetOptions;
import org.webwatch.media.KnownMedia;
import org.webwatch.media.hashset.HashEntry;
import org.webwatch.media.hashset.HashSetFormatException;
import org.webwatch.media.hashset.HashSetSpec;
import org.webwatch.model.Attachment;
import org.webwatch.model.MediaStatus;
import org.webwatch.store.WebwatchStore;

class HashSetRepositoryTest {
  static final Path VICS = Path.of(System.getProperty("webwatch.shared")).resolve("testdata/vics");

  @Test
  void importListReplaceRemoveAndLoadForMatching(@TempDir Path dir) throws Exception {
    try (WebwatchStore store = WebwatchStore.open(dir.resolve("data"))) {
      HashSetRepository repo = new HashSetRepository(store);
      HashSetSpec spec = HashSetSpec.detect(VICS.resolve("sample_vics2_case_us.synthetic.json"));
      var result = repo.importSet(spec, new HashSetOptions("us", "agency-x", false, 20));
      assertThat(result.info().entries()).isEqualTo(2);
      HashSetInfo listed = repo.list().get(0);
      assertThat(listed.name()).isEqualTo("us");
      assertThat(listed.version()).isEqualTo("2.0");
      assertThat(listed.profile()).isEqualTo("US");
      assertThat(listed.options().pdqThreshold()).isEqualTo(20);
      assertThat(listed.options().source()).isEqualTo("agency-x");
      List<HashEntry> entries = new ArrayList<>();
      repo.forEachEntry("us", entries::add);
      assertThat(entries).extracting(e -> e.category().toString()).containsExactly("vic-us:0", "vic-us:uncategorised");

      // a truncated replacement fails and leaves the stored set untouched
      Path cut = dir.resolve("cut.json");
      String whole = Files.readString(VICS.resolve("sample_vics2_hashset_default.synthetic.json"));
      Files.writeString(cut, whole.substring(0, whole.length() / 2));
      assertThatThrownBy(() -> repo.importSet(HashSetSpec.detect(cut), new HashSetOptions("us", null, false, 31)))
          .isInstanceOf(HashSetFormatException.class);
      assertThat(repo.find("us").orElseThrow().entries()).isEqualTo(2);
      entries.clear();
      repo.forEachEntry("us", entries::add);
      assertThat(entries).hasSize(2);

      // a good replacement swaps the content
      repo.importSet(HashSetSpec.detect(VICS.resolve("sample_vics2_hashset_default.synthetic.json")),
          new HashSetOptions("us", null, false, 31));
      assertThat(repo.find("us").orElseThrow().entries()).isEqualTo(3);

      KnownMedia known = repo.loadAll();
      var a = new Attachment("a", null, null, null, "00000000000000000000000000000003", null, null, null, null, null, null, Map.of());
      assertThat(known.classify("s", "p", "u", a).status()).isEqualTo(MediaStatus.KNOWN_EXACT);
      assertThat(known.classify("s", "p", "u", a).category()).isEqualTo("vic-us:2");

      assertThat(repo.remove("us")).isTrue();
      assertThat(repo.remove("us")).isFalse();
      assertThat(repo.list()).isEmpty();
      entries.clear();
      repo.forEachEntry("us", entries::add);
      assertThat(entries).isEmpty();
    }
  }
}
