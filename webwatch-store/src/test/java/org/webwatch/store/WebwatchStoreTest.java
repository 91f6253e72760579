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

  private static long pragma(WebwatchStore s, String name) throws Exception {
    try (Connection c = s.connection(); ResultSet rs = c.createStatement().executeQuery("pragma " + name)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void aNewDatabaseHasLargerPagesAndAnOldOneKeepsItsOwn(@TempDir Path dir) throws Exception {
    try (WebwatchStore s = WebwatchStore.open(dir.resolve("new"))) {
      assertThat(pragma(s, "page_size")).isEqualTo(WebwatchStore.PAGE_SIZE);
    }
    // a database created with 4 KiB pages (as before) opens, migrates and keeps them
    Path old = dir.resolve("old");
    java.nio.file.Files.createDirectories(old);
    try (Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + old.resolve(WebwatchStore.DATABASE_FILE))) {
      c.createStatement().execute("pragma page_size = 4096");
      c.createStatement().execute("pragma journal_mode = wal"); // writes the first page
    }
    try (WebwatchStore s = WebwatchStore.open(old)) {
      assertThat(pragma(s, "page_size")).isEqualTo(4096);
      try (Connection c = s.connection(); ResultSet rs = c.createStatement().executeQuery("select count(*) from post")) {
        assertThat(rs.next()).isTrue();
      }
    }
  }
}
