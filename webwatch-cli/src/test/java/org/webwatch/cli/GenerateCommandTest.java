package org.webwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class GenerateCommandTest {
  @TempDir Path tmp;

  @Test
  void generatesTheDocumentedLayout() throws Exception {
    CommandLine cl = WebwatchCli.commandLine();
    int rc = cl.execute("generate", "--persons", "60", "--seed", "3", "--out", tmp.toString(), "--format", "tar.gz", "--sites", "3");
    assertThat(rc).isEqualTo(WebwatchCli.EXIT_OK);
    assertThat(tmp.resolve("capture.tar.gz")).exists();
    assertThat(tmp.resolve("known-hashes.csv")).exists();
    for (String f : new String[] {"truth.json", "persons.csv", "accounts.csv", "links.csv", "indicators.csv", "negatives.csv", "media.csv", "decoys.csv"}) {
      assertThat(tmp.resolve("truth").resolve(f)).exists();
    }
    assertThat(Files.readString(tmp.resolve("truth/truth.json"))).contains("\"persons\":60", "\"seed\":3", "\"sites\":3");
  }

  @Test
  void badFormatIsAUsageErrorWithAClearMessage() {
    CommandLine cl = WebwatchCli.commandLine();
    StringWriter err = new StringWriter();
    cl.setErr(new PrintWriter(err));
    int rc = cl.execute("generate", "--persons", "5", "--seed", "1", "--out", tmp.toString(), "--format", "rar");
    assertThat(rc).isEqualTo(WebwatchCli.EXIT_REFUSED);
    assertThat(err.toString()).contains("--format");
    assertThat(cl.execute("generate", "--seed", "1", "--out", tmp.toString())).isEqualTo(WebwatchCli.EXIT_USAGE);
  }
}
