package org.webwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ChainCommandTest {
  static final Path BLOCKS = Path.of(System.getProperty("webwatch.shared"), "testdata/crypto/blocks");
  @TempDir Path tmp;

  private static String[] run(String... args) {
    CommandLine cl = WebwatchCli.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int rc = cl.execute(args);
    return new String[] {Integer.toString(rc), out.toString(), err.toString()};
  }

  @Test
  void parsePrintsCountsAndHashes() {
    String[] r = run("chain", "parse", BLOCKS.resolve("first-100k-blocks.dat").toString());
    assertThat(r[0]).isEqualTo("0");
    assertThat(r[1]).contains("blocks=439").contains("errors=0")
        .contains("first 000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f")
        .contains("last  0000000025c6b644f8add734be7e666fa4afa43ca0204d623a0c0b1fd2104c7a");
  }

  @Test
  void parseOfTruncatedFileReportsLocatedErrorAndExitsWithRejects() throws Exception {
    Path f = tmp.resolve("cut.dat");
    byte[] b = Files.readAllBytes(BLOCKS.resolve("first-100k-blocks.dat"));
    Files.write(f, java.util.Arrays.copyOf(b, 5000));
    String[] r = run("chain", "parse", f.toString());
    assertThat(r[0]).isEqualTo(Integer.toString(WebwatchCli.EXIT_WITH_REJECTS));
    assertThat(r[1]).contains("error " + f + " @").contains("truncated block");
  }

  @Test
  void traceFindsBlock170Payment() {
    String[] r = run("chain", "trace", "--from", "12cbQLTFMXRnSzktFkuoG3eHoMeFtpTu3S",
        "--to", "1Q2TWHE3GMdB6BZKafqwxXtWAWgFt5Jvm3", "--chain", BLOCKS.resolve("first-100k-blocks.dat").toString(),
        "--max-depth", "3");
    assertThat(r[0]).isEqualTo("0");
    assertThat(r[1]).contains("path of 1 hop(s)")
        .contains("tx f4184fc596403b9d638783cf57adfe4c75c605f6356fbc91338530e9831e9e16").contains("1000000000 sat")
        .contains("change hint: vout 1 12cbQLTFMXRnSzktFkuoG3eHoMeFtpTu3S same-address");
    String[] missing = run("chain", "trace", "--from", "1BoatSLRHtKNngkdXEeobR76b53LETtpyT",
        "--to", "1Q2TWHE3GMdB6BZKafqwxXtWAWgFt5Jvm3", "--chain", BLOCKS.resolve("block170.hex").toString());
    assertThat(missing[0]).isEqualTo(Integer.toString(WebwatchCli.EXIT_REFUSED));
    assertThat(missing[2]).contains("does not appear");
  }

  @Test
  void parseIntoStoreThenTraceFromStore() {
    Path store = tmp.resolve("chain.store");
    String[] p = run("chain", "parse", "--store", store.toString(), BLOCKS.resolve("first-100k-blocks.dat").toString());
    assertThat(p[0]).isEqualTo("0");
    assertThat(p[1]).contains("store " + store + ": 439 blocks");
    String[] r = run("chain", "trace", "--store", store.toString(), "--from", "12cbQLTFMXRnSzktFkuoG3eHoMeFtpTu3S",
        "--to", "1Q2TWHE3GMdB6BZKafqwxXtWAWgFt5Jvm3");
    assertThat(r[0]).isEqualTo("0");
    assertThat(r[1]).contains("tx f4184fc596403b9d638783cf57adfe4c75c605f6356fbc91338530e9831e9e16");
    assertThat(run("chain", "trace", "--from", "a", "--to", "b")[0]).isEqualTo(Integer.toString(WebwatchCli.EXIT_USAGE));
  }
}
