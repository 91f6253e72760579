package org.webwatch.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.webwatch.ingest.internal.SyntheticCaptureWriter;

/** Kills an importing child JVM with SIGKILL and checks that a re-run gives a clean import's store. */
class ImportCrashTest {
  @TempDir Path tmp;

  @Test
  void killedImportThenRerunEqualsCleanImport() throws Exception {
    Path cap = SyntheticCaptureWriter.write(tmp.resolve("cap"), "crash-1", 2, 500, 50, 40_000, false, 42);
    Path crashed = tmp.resolve("crashed");
    // make sure migrations ran before the child starts so the kill lands inside the import
    WebwatchStore.open(crashed).close();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
        ImportChild.class.getName(), crashed.toString(), cap.toString())
        .redirectErrorStream(true)
        .start();
    boolean sawDone = false;
    long lastProgress = 0;
    try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.equals("done")) sawDone = true;
        if (line.startsWith("records ")) {
          lastProgress = Long.parseLong(line.substring(8));
          if (lastProgress >= 8_000) {
            child.destroyForcibly(); // SIGKILL: no shutdown hooks, no finally blocks
            break;
          }
        }
      }
    }
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(sawDone).as("child finished before it was killed").isFalse();
    assertThat(lastProgress).isGreaterThanOrEqualTo(8_000);
    assertThat(child.exitValue()).isNotZero();

    try (WebwatchStore store = WebwatchStore.open(crashed)) {
      StoreSummary afterKill = new ImportService(store).summary();
      assertThat(afterKill.captures()).isEmpty(); // nothing of the killed import is visible
      assertThat(afterKill.rows("post")).isZero();
      assertThat(afterKill.indexDocs()).isZero();
      new ImportService(store).importCapture(cap);
    }
    List<String> rerun;
    try (WebwatchStore store = WebwatchStore.open(crashed)) {
      rerun = StoreDump.dump(store);
    }
    List<String> clean;
    try (WebwatchStore store = WebwatchStore.open(tmp.resolve("clean"))) {
      new ImportService(store).importCapture(cap);
      clean = StoreDump.dump(store);
    }
    assertThat(rerun).hasSameSizeAs(clean);
    assertThat(rerun).isEqualTo(clean);
    assertThat(clean).contains("index-docs|" + (40_000 + 2 * 50 + 2 * 167));
  }
}
