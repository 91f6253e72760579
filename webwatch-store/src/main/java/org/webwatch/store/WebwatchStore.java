package org.webwatch.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.webwatch.WebwatchException;

/**
 * The embedded default store: one SQLite database ({@code webwatch.db}, WAL, one writer) under
 * a data directory, migrated by Flyway from {@code classpath:db/migration}, next to the Lucene
 * full-text index ({@code index/}). Stages never see SQL: they use the repository classes of
 * this module, which a PostgreSQL implementation can replace.
 *
 * <p>Migration version ranges by owner: V1–V9 capture records and import, V10–V19 hash sets and
 * media, V20–V29 triage results, V30–V39 users, audit, cases and decisions.
 */
public final class WebwatchStore implements AutoCloseable {
  public static final String DEFAULT_DATA_DIR = "webwatch-data";
  public static final String DATABASE_FILE = "webwatch.db";
  /** Page size of a new database file, in bytes. */
  public static final int PAGE_SIZE = 8192;

  private final Path dataDir;
  private final SQLiteDataSource dataSource;

  private WebwatchStore(Path dataDir, SQLiteDataSource dataSource) {
    this.dataDir = dataDir;
    this.dataSource = dataSource;
  }

  /** Opens (creating if needed) the store under {@code dataDir} and applies pending migrations. */
  public static WebwatchStore open(Path dataDir) {
    try {
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw new WebwatchException(
          WebwatchException.Kind.INVALID_INPUT, "cannot create data directory " + dataDir + ": " + e.getMessage(), e);
    }
    Path file = dataDir.resolve(DATABASE_FILE).toAbsolutePath();
    if (!Files.exists(file)) createDatabase(file);
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    config.enforceForeignKeys(true);
    config.setBusyTimeout(30_000);
    SQLiteDataSource ds = new SQLiteDataSource(config);
    ds.setUrl("jdbc:sqlite:" + file);
    Flyway.configure(WebwatchStore.class.getClassLoader())
        .dataSource(ds)
        .locations("classpath:db/migration")
        .load()
        .migrate();
    return new WebwatchStore(dataDir, ds);
  }

  /**
   * Creates the database file with {@link #PAGE_SIZE} pages. The page size must be set before
   * anything writes the first page, and switching to WAL does (so the pooled configuration,
   * which sets WAL on open, cannot do it); an existing file keeps its own page size. 8 KiB pages
   * made a bulk import's inserts, index build and commit 10-28 % cheaper than 4 KiB
   * (docs/store.md, "Performance design").
   */
  private static void createDatabase(Path file) {
    try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
        java.sql.Statement st = c.createStatement()) {
      st.execute("PRAGMA page_size = " + PAGE_SIZE);
      st.execute("PRAGMA journal_mode = WAL");
    } catch (java.sql.SQLException e) {
      throw new WebwatchException(WebwatchException.Kind.INVALID_INPUT, "cannot create database " + file + ": " + e.getMessage(), e);
    }
  }

  public Path dataDir() {
    return dataDir;
  }

  /** Directory of the Lucene full-text index. */
  public Path indexDir() {
    return dataDir.resolve("index");
  }

  /** A new connection; callers close it. SQLite allows one writer at a time (WAL readers run alongside). */
  public Connection connection() {
    try {
      return dataSource.getConnection();
    } catch (SQLException e) {
      throw new WebwatchException(WebwatchException.Kind.INTERNAL, "cannot open store: " + e.getMessage(), e);
    }
  }

  /** Runs a statement outside any transaction (maintenance). */
  public void execute(String sql) {
    try (Connection c = connection(); Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new UncheckedIOException(new IOException(e));
    }
  }

  @Override
  public void close() {
    // connections are per use; nothing pooled to release
  }
}
