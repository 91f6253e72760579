package org.webwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MediaCommandsTest {
  static final Path SHARED = Path.of(System.getProperty("webwatch.shared")).resolve("testdata");

  @Test
  void hashWritesCsvWithErrorRowsAndGoesOn(@TempDir Path tmp) throws Exception {
    Path out = tmp.resolve("h.csv");
    int rc = WebwatchCli.commandLine().execute("hash", "--policy", "nn512", "--out", out.toString(),
        SHARED.resolve("pdq/pdq-data/bridge-mods/aaa-orig.jpg").toString(), SHARED.resolve("vics/README.md").toString());
    assertThat(rc).isEqualTo(WebwatchCli.EXIT_WITH_REJECTS);
    List<String> lines = Files.readAllLines(out);
    assertThat(lines.get(0)).isEqualTo("path,md5,sha1,sha256,pdq,quality,policy,error");
    assertThat(lines.get(1)).contains(",d8f8f0cee0f4a84f0637022a078f67f0b36e2ed596621e1d33e6339c4e9c9b22,100,nn512,");
    assertThat(lines.get(2)).contains("README.md").contains("unsupported-format");
  }

  @Test
  void matchAndHashsetLifecycle(@TempDir Path tmp) throws Exception {
    Path data = tmp.resolve("data");
    String vics = SHARED.resolve("vics/sample_vics2_case_us.synthetic.json").toString();
    assertThat(WebwatchCli.commandLine().execute("hashset", "import", "--data", data.toString(), "--name", "us", vics)).isZero();
    Path out = tmp.resolve("m.csv");
    assertThat(WebwatchCli.commandLine().execute("match", "--data", data.toString(), "--out", out.toString(),
        "00000000000000000000000000000012", "ffffffffffffffffffffffffffffffff")).isZero();
    List<String> lines = Files.readAllLines(out);
    assertThat(lines.get(1)).isEqualTo("00000000000000000000000000000012,us,2,md5,0,,vic-us:uncategorised,,us,false");
    assertThat(lines.get(2)).isEqualTo("ffffffffffffffffffffffffffffffff,,,,,,,,,");
    assertThat(WebwatchCli.commandLine().execute("hashset", "remove", "--data", data.toString(), "us")).isZero();
    assertThat(WebwatchCli.commandLine().execute("hashset", "remove", "--data", data.toString(), "us"))
        .isEqualTo(WebwatchCli.EXIT_REFUSED);
  }
}
