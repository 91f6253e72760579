package org.webwatch.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.webwatch.ingest.internal.SyntheticCaptureWriter;

/**
 * An import with nothing else connected runs on a rollback journal (no WAL double write) and
 * leaves the store in WAL; with another connection open it stays in WAL. Both give the same
 * store. (The crash case of the bulk journal is {@link ImportCrashTest}: its child imports alone.)
 */
class BulkJournalTest {
  @TempDir Path tmp;

  static String journalMode(WebwatchStore store) throws Exception {
    try (Connection c = store.connection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery("PRAGMA journal_mode")) {
      r.next();
      return r.getString(1);
    }
  }

  @Test
  void anImportAloneAndAnImportBesideAReaderGiveTheSameStoreAndLeaveWal() throws Exception {
    Path cap = SyntheticCaptureWriter.write(tmp.resolve("syn"), "syn-1", 2, 50, 10, 3_000, true, 7);
    List<String> alone;
    try (WebwatchStore store = WebwatchStore.open(tmp.resolve("alone"))) {
      ImportResult r = new ImportService(store).importCapture(cap);
      assertThat(r.outcome()).isEqualTo(ImportResult.Outcome.IMPORTED);
      assertThat(journalMode(store)).isEqualTo("wal");
      alone = StoreDump.dump(store);
    }
    try (WebwatchStore store = WebwatchStore.open(tmp.resolve("beside"));
        Connection reader = store.connection();
        Statement s = reader.createStatement()) {
      s.executeQuery("SELECT count(*) FROM capture").close(); // a server's idle pooled connection
      long t0 = System.nanoTime();
      new ImportService(store).importCapture(cap);
      // the writer must see at once that it cannot leave WAL, not wait for the 30 s busy timeout
      assertThat((System.nanoTime() - t0) / 1e9).isLessThan(20.0);
      try (ResultSet r = s.executeQuery("SELECT count(*) FROM post")) {
        r.next();
        assertThat(r.getLong(1)).isEqualTo(3_000);
      }
      assertThat(journalMode(store)).isEqualTo("wal");
      assertThat(StoreDump.dump(store)).isEqualTo(alone);
    }
    assertThat(Files.exists(tmp.resolve("alone").resolve(WebwatchStore.DATABASE_FILE + "-journal"))).isFalse();
  }
}
