package org.webwatch.media.hashset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.webwatch.WebwatchException;
import org.webwatch.media.HashType;

class HashSetReadersTest {
  static final Path VICS = Path.of(System.getProperty("webwatch.shared")).resolve("testdata/vics");
  static final Path PDQ_INPUT = Path.of(System.getProperty("webwatch.shared")).resolve("testdata/pdq/pdq-data/reg-test-input");
  static final String PHOTODNA_B64 = "A".repeat(192);
  @TempDir Path tmp;

  static List<HashEntry> read(HashSetSpec spec, ReadSummary[] summary) {
    List<HashEntry> out = new ArrayList<>();
    summary[0] = spec.read(out::add);
    return out;
  }

  @Test
  void vics2DefaultHashSetForm() {
    ReadSummary[] s = new ReadSummary[1];
    HashSetSpec spec = HashSetSpec.parse(VICS.resolve("sample_vics2_hashset_default.synthetic.json").toString());
    assertThat(spec.format()).isEqualTo(HashSetFormat.VICS);
    List<HashEntry> e = read(spec, s);
    assertThat(s[0].version()).isEqualTo("2.0");
    assertThat(s[0].profile()).isEqualTo("DEFAULT");
    assertThat(e).extracting(HashEntry::id).containsExactly("1", "2", "3");
    assertThat(e.get(0).category()).isEqualTo(new Category("vic-us", "0")); // 0 = non-pertinent, not uncategorised
    assertThat(e.get(1).md5()).isEqualTo("00000000000000000000000000000002");
    assertThat(e.get(1).photodna()).isEqualTo(PHOTODNA_B64);
    assertThat(e.get(1).series()).isEqualTo("SYNTHETIC-SERIES-A");
    assertThat(e.get(2).sha1()).isNull();
    assertThat(s[0].rejected()).isZero();
    assertThat(s[0].errors()).isEmpty();
  }

  @Test
  void vics2UsCaseFormReadsMediaInsideCasesAndKeepsNullUncategorised() {
    ReadSummary[] s = new ReadSummary[1];
    List<HashEntry> e = read(HashSetSpec.detect(VICS.resolve("sample_vics2_case_us.synthetic.json")), s);
    assertThat(s[0].profile()).isEqualTo("US");
    assertThat(e).extracting(HashEntry::md5)
        .containsExactly("00000000000000000000000000000011", "00000000000000000000000000000012");
    assertThat(e.get(1).category().toString()).isEqualTo("vic-us:uncategorised");
  }

  @Test
  void vics1xWithBomUppercaseHexBooleansAsStringsAndCasesKey() throws IOException {
    Path f = tmp.resolve("v13.json");
    Files.write(f, ("\uFEFF{\"odata.metadata\":\"http://github.com/ICMEC/ProjectVic/DataModels/1.3.xml#Media\","
        + "\"Cases\":[{\"CaseNumber\":\"X\",\"Media\":[{\"MediaID\":\"77\",\"Category\":\"1\",\"MD5\":\"ABCDEF0123456789ABCDEF0123456789\","
        + "\"IsDistributed\":true,\"VictimIdentified\":\"False\"}]}]}").getBytes(StandardCharsets.UTF_8));
    ReadSummary[] s = new ReadSummary[1];
    List<HashEntry> e = read(HashSetSpec.parse(f.toString()), s);
    assertThat(s[0].version()).isEqualTo("1.3");
    assertThat(e).singleElement().satisfies(x -> {
      assertThat(x.id()).isEqualTo("77");
      assertThat(x.md5()).isEqualTo("abcdef0123456789abcdef0123456789");
      assertThat(x.category().toString()).isEqualTo("vic-us:1");
    });
  }

  @Test
  void vicsUkProfileKeepsItsOwnScheme() throws IOException {
    Path f = tmp.resolve("uk.json");
    Files.writeString(f, "{\"@odata.context\":\"http://github.com/VICSDATAMODEL/ProjectVic/DataModels/2.0.xml/UK/$metadata#Cases\","
        + "\"value\":[{\"Media\":[{\"MediaID\":1,\"Category\":1,\"SHA1\":\"" + "a".repeat(40) + "\"}]}]}");
    ReadSummary[] s = new ReadSummary[1];
    assertThat(read(HashSetSpec.detect(f), s).get(0).category()).isEqualTo(new Category("vics-uk", "1"));
  }

  @Test
  void wrongTypesRejectTheRecordWithItsLocationAndTheRestLoads() throws IOException {
    Path f = tmp.resolve("hostile.json");
    Files.writeString(f, "{\"@odata.context\":\"http://github.com/VICSDATAMODEL/ProjectVic/DataModels/2.0.xml/US/$metadata#Media\",\n"
        + "\"value\":[\n"
        + "{\"MediaID\":1,\"MD5\":12345},\n"
        + "{\"MediaID\":2,\"Category\":{\"x\":1},\"MD5\":\"" + "b".repeat(32) + "\"},\n"
        + "{\"MediaID\":3,\"MD5\":\"not-a-hash\",\"SHA1\":\"" + "c".repeat(40) + "\"},\n"
        + "\"a string\",\n"
        + "{\"MediaID\":4,\"MD5\":\"" + "d".repeat(32) + "\",\"IsDistributed\":\"maybe\"}\n"
        + "]}");
    ReadSummary[] s = new ReadSummary[1];
    List<HashEntry> e = read(HashSetSpec.detect(f), s);
    assertThat(e).extracting(HashEntry::id).containsExactly("3", "4");
    assertThat(e.get(0).md5()).isNull();
    assertThat(s[0].rejected()).isEqualTo(3);
    assertThat(s[0].errors()).anySatisfy(m -> assertThat(m).contains("hostile.json:3:").contains("MD5: expected a string, got a number"));
    assertThat(s[0].errors()).anySatisfy(m -> assertThat(m).contains("hostile.json:4:").contains("Category: expected an integer or null"));
    assertThat(s[0].errors()).anySatisfy(m -> assertThat(m).contains("hostile.json:5:").contains("invalid md5"));
    assertThat(s[0].errors()).anySatisfy(m -> assertThat(m).contains("hostile.json:6:").contains("expected an object"));
    assertThat(s[0].errors()).anySatisfy(m -> assertThat(m).contains("IsDistributed: expected true/false"));
  }

  @Test
  void truncatedJsonStopsWithALocatedError() throws IOException {
    String whole = Files.readString(VICS.resolve("sample_vics2_hashset_default.synthetic.json"));
    Path f = tmp.resolve("cut.json");
    Files.writeString(f, whole.substring(0, whole.indexOf("\"MediaID\": 3")));
    List<HashEntry> seen = new ArrayList<>();
    assertThatThrownBy(() -> HashSetSpec.detect(f).read(seen::add))
        .isInstanceOf(HashSetFormatException.class)
        .hasMessageMatching(".*cut\\.json:\\d+:\\d+: .*read stopped after 2 entries.*");
    assertThat(seen).hasSize(2);
  }

  @Test
  void giganticStringStopsTheReadWithoutExhaustingMemory() throws IOException {
    Path f = tmp.resolve("huge.json");
    Files.writeString(f, "{\"value\":[{\"MediaID\":1,\"MD5\":\"" + "a".repeat(VicsReader.MAX_STRING_CHARS + 10) + "\"}]}");
    assertThatThrownBy(() -> HashSetSpec.detect(f).read(x -> {}))
        .isInstanceOf(HashSetFormatException.class)
        .hasMessageContaining("huge.json:1:")
        .hasMessageContaining("length");
  }

  @Test
  void deeplyNestedJunkIsRefused() throws IOException {
    Path f = tmp.resolve("deep.json");
    Files.writeString(f, "{\"value\":[{\"Exifs\":" + "[".repeat(5000) + "]".repeat(5000) + "}]}");
    assertThatThrownBy(() -> HashSetSpec.detect(f).read(x -> {})).isInstanceOf(HashSetFormatException.class);
  }

  @Test
  void csvWithHeaderCategoriesInTheirSchemesAndQuoting() throws IOException {
    Path f = tmp.resolve("set.csv");
    Files.writeString(f, "MD5,pdq,Category,series,source,extra\r\n"
        + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA,,A,\"S, one\",hotline-x,zz\r\n"
        + ",f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22,B2,,,\r\n"
        + "nothex,,1,,,\r\n"
        + "\r\n"
        + "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb,,3,\"multi\nline\",,\r\n");
    ReadSummary[] s = new ReadSummary[1];
    HashSetSpec spec = HashSetSpec.detect(f);
    assertThat(spec.format()).isEqualTo(HashSetFormat.CSV);
    List<HashEntry> e = read(spec, s);
    assertThat(e).hasSize(3);
    assertThat(e.get(0).md5()).isEqualTo("a".repeat(32));
    assertThat(e.get(0).category()).isEqualTo(new Category("uk", "A"));
    assertThat(e.get(0).series()).isEqualTo("S, one");
    assertThat(e.get(0).source()).isEqualTo("hotline-x");
    assertThat(e.get(1).category()).isEqualTo(new Category("ncmec", "B2"));
    assertThat(e.get(1).pdq()).startsWith("f8f8");
    assertThat(e.get(2).category()).isEqualTo(new Category("vic-us", "3"));
    assertThat(e.get(2).id()).isEqualTo("6");
    assertThat(s[0].rejected()).isEqualTo(1);
    assertThat(s[0].errors()).anySatisfy(m -> assertThat(m).contains("set.csv:4: md5: invalid md5"));
  }

  @Test
  void icseSemicolonExportReads() {
    ReadSummary[] s = new ReadSummary[1];
    List<HashEntry> e = read(HashSetSpec.detect(VICS.resolve("icse_export_header.synthetic.csv")), s);
    assertThat(s[0].profile()).isEqualTo("ICSE");
    assertThat(e).singleElement().satisfies(x -> {
      assertThat(x.id()).isEqualTo("900001");
      assertThat(x.series()).isEqualTo("SYNTHETIC");
      assertThat(x.sha1()).endsWith("21");
    });
  }

  @Test
  void plainListsNeedATypeFor64HexAndReportBadLines() throws IOException {
    Path needles = PDQ_INPUT.resolve("needles.txt");
    assertThatThrownBy(() -> HashSetSpec.parse(needles.toString()))
        .isInstanceOf(WebwatchException.class).hasMessageContaining("pdq:");
    ReadSummary[] s = new ReadSummary[1];
    List<HashEntry> e = read(HashSetSpec.parse("pdq:" + needles), s);
    assertThat(e).hasSize(100).allSatisfy(x -> assertThat(x.pdq()).hasSize(64));
    Path list = tmp.resolve("md5.txt");
    Files.writeString(list, "# known\n" + "C".repeat(32) + "\n\nzzz\n" + "d".repeat(32) + " note\n");
    HashSetSpec spec = HashSetSpec.parse(list.toString());
    assertThat(spec.listType()).isEqualTo(HashType.MD5);
    List<HashEntry> m = read(spec, s);
    assertThat(m).extracting(HashEntry::md5).containsExactly("c".repeat(32), "d".repeat(32));
    assertThat(s[0].errors()).singleElement().satisfies(x -> assertThat(x).contains("md5.txt:4:"));
  }
}
