package org.webwatch.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebwatchStoreTest {
  @Test
  void migratesAndReopens(@TempDir Path dir) throws Exception {
    try (WebwatchStore s = WebwatchStore.open(dir)) {
      try (Connection c = s.connection(); ResultSet rs = c.createStatement().executeQuery("select count(*) from post")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getLong(1)).isZero();
      }
    }
    try (WebwatchStore s = WebwatchStore.open(dir);
        Connection c = s.connection();
        ResultSet rs = c.createStatement().executeQuery("pragma journal_mode")) {
      rs.next();
      assertThat(rs.getString(1)).isEqualToIgnoringCase("wal");
    }
  }
}
