package org.webwatch.store.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.webwatch.WebwatchException;
import org.webwatch.store.WebwatchStore;

class JdbcTest {
  static final String READ = "SELECT reason FROM watchlist WHERE subject_kind = ? AND subject = ?";
  @TempDir Path dir;
  WebwatchStore store;
  Jdbc db;

  @BeforeEach
  void open() {
    store = WebwatchStore.open(dir);
    db = new Jdbc(store);
    db.update("INSERT INTO watchlist (subject_kind, subject, added_by, added_at, reason) VALUES ('person', 'P1', 'a', 1, 'first')");
    db.update("INSERT INTO watchlist (subject_kind, subject, added_by, added_at, reason) VALUES ('person', 'P2', 'a', 1, 'other')");
  }

  @Test
  void cachedStatementsRebindAndSeeOtherConnectionsCommits() throws Exception {
    assertThat(db.one(READ, rs -> rs.getString(1), "person", "P1")).contains("first");
    assertThat(db.one(READ, rs -> rs.getString(1), "person", "P2")).contains("other");
    assertThat(db.one(READ, rs -> rs.getString(1), "person", "P3")).isEmpty();
    try (Connection other = store.connection(); Statement s = other.createStatement()) {
      s.executeUpdate("UPDATE watchlist SET reason = 'second' WHERE subject = 'P1'");
    }
    // the statement was reset after its last use: no stale snapshot
    assertThat(db.one(READ, rs -> rs.getString(1), "person", "P1")).contains("second");
  }

  @Test
  void idlePooledConnectionsHoldNoReadTransaction() throws Exception {
    for (int i = 0; i < 3; i++) db.list(READ, rs -> rs.getString(1), "person", "P1");
    db.with(c -> Jdbc.list(c, READ, rs -> rs.getString(1), "person", "P2"));
    try (Connection other = store.connection(); Statement s = other.createStatement()) {
      s.executeUpdate("UPDATE watchlist SET reason = 'x' WHERE subject = 'P2'");
      try (ResultSet rs = s.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getInt(1)).as("checkpoint blocked by a reader").isZero();
      }
    }
  }

  @Test
  void aFailedStatementDropsItsConnectionAndTheNextCallWorks() {
    assertThatThrownBy(() -> db.list("SELECT nope FROM watchlist", rs -> 1)).isInstanceOf(WebwatchException.class);
    assertThatThrownBy(() -> db.update("INSERT INTO watchlist (subject_kind) VALUES (NULL)")).isInstanceOf(WebwatchException.class);
    assertThat(db.one(READ, rs -> rs.getString(1), "person", "P1")).contains("first");
    int updated = db.tx(c -> Jdbc.update(c, "UPDATE watchlist SET reason = ? WHERE subject = ?", "in tx", "P1"));
    assertThat(updated).isEqualTo(1);
    assertThat(db.one(READ, rs -> rs.getString(1), "person", "P1")).contains("in tx");
  }

  @Test
  void aRolledBackTransactionLeavesNothingAndTheConnectionStaysUsable() {
    assertThatThrownBy(() -> db.tx(c -> {
      Jdbc.update(c, "UPDATE watchlist SET reason = ? WHERE subject = ?", "lost", "P1");
      throw new IllegalStateException("abort");
    })).hasMessage("abort");
    assertThat(db.one(READ, rs -> rs.getString(1), "person", "P1")).contains("first");
  }
}
