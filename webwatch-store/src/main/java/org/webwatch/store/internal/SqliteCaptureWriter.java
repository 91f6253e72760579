package org.webwatch.store.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.webwatch.WebwatchException;
import org.webwatch.ingest.ReadReport;
import org.webwatch.ingest.RecordError;
import org.webwatch.model.Account;
import org.webwatch.model.Attachment;
import org.webwatch.model.Board;
import org.webwatch.model.CaptureManifest;
import org.webwatch.model.ForumThread;
import org.webwatch.model.Message;
import org.webwatch.model.Post;
import org.webwatch.model.Site;
import org.webwatch.store.CaptureInfo;
import org.webwatch.store.CaptureWriter;

/**
 * Writes one capture in ONE SQLite transaction with prepared-statement batches. SQLite keeps
 * uncommitted pages out of the database proper (WAL), so a killed process leaves the store as
 * it was, and readers keep seeing the last committed state while an import runs.
 */
final class SqliteCaptureWriter implements CaptureWriter {
  /** Rows per JDBC batch: large enough to amortise JNI calls, small enough to bound memory. */
  static final int BATCH = 2_000;

  private final Connection c;
  private final String capture;
  private final ObjectMapper json;
  private final Batch site, board, thread, account, post, message, attachment, rejected, warning;
  private final List<Batch> all = new ArrayList<>();
  private final List<String[]> deferredIndexes = new ArrayList<>(); // {table, CREATE INDEX ...}
  private boolean earlyIndexesBuilt;
  private long warnings;
  private boolean committed;
  /** Whether this import runs with a rollback journal instead of WAL ({@link #bulkJournal}). */
  private final boolean bulk;

  SqliteCaptureWriter(Connection c, CaptureManifest m, String sourcePath, ObjectMapper json) throws SQLException {
    this.c = c;
    this.capture = m.id();
    this.json = json;
    try (Statement s = c.createStatement()) {
      s.execute("PRAGMA cache_size = -131072"); // 128 MiB page cache for the import's b-trees
      s.execute("PRAGMA temp_store = MEMORY");
    }
    bulk = bulkJournal(c);
    c.setAutoCommit(false);
    try (PreparedStatement p = c.prepareStatement(
        "INSERT INTO capture (id, version, collected_at, collector, notes, source_path, status, records, rejected, started_at, extra, indexed)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0, ?, ?, 0) ON CONFLICT (id) DO UPDATE SET version = excluded.version,"
            + " collected_at = excluded.collected_at, collector = excluded.collector, notes = excluded.notes,"
            + " source_path = excluded.source_path, status = excluded.status, records = 0, rejected = 0,"
            + " started_at = excluded.started_at, finished_at = NULL, extra = excluded.extra, indexed = 0")) {
      p.setString(1, m.id());
      p.setInt(2, m.version());
      setTime(p, 3, m.collectedAt());
      p.setString(4, m.collector());
      p.setString(5, m.notes());
      p.setString(6, sourcePath);
      p.setString(7, CaptureInfo.STATUS_IMPORTING);
      p.setLong(8, System.currentTimeMillis());
      p.setString(9, extra(m.extra()));
      p.executeUpdate();
    }
    for (String t : List.of("rejected_record", "capture_file", "capture_warning")) {
      try (PreparedStatement p = c.prepareStatement("DELETE FROM " + t + " WHERE capture = ?")) {
        p.setString(1, capture);
        p.executeUpdate();
      }
    }
    deferSecondaryIndexes();
    site = batch("INSERT OR REPLACE INTO site (id, name, url, software, capture, extra) VALUES (?,?,?,?,?,?)");
    board = batch("INSERT OR REPLACE INTO board (site, id, name, parent, capture, extra) VALUES (?,?,?,?,?,?)");
    thread = batch("INSERT OR REPLACE INTO thread (site, id, board, title, author, created_at, capture, extra) VALUES (?,?,?,?,?,?,?,?)");
    account = batch("INSERT OR REPLACE INTO account (site, id, username, registered_at, role, signature, profile, capture, extra)"
        + " VALUES (?,?,?,?,?,?,?,?,?)");
    post = batch("INSERT OR REPLACE INTO post (site, id, thread, author, created_at, text, reply_to, quotes, capture, extra)"
        + " VALUES (?,?,?,?,?,?,?,?,?,?)");
    message = batch("INSERT OR REPLACE INTO message (site, id, author, created_at, text, subject, recipients, capture, extra)"
        + " VALUES (?,?,?,?,?,?,?,?,?)");
    attachment = batch("INSERT OR REPLACE INTO attachment (site, id, item_kind, item, account, name, mime, size, md5, sha1, sha256,"
        + " pdq, pdq_quality, pdq_policy, photodna, capture, extra) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    rejected = batch("INSERT OR REPLACE INTO rejected_record (capture, file, line, field, problem) VALUES (?,?,?,?,?)");
    warning = batch("INSERT OR REPLACE INTO capture_warning (capture, seq, message) VALUES (?,?,?)");
  }

  /**
   * Into empty record tables, inserting with secondary indexes in place costs a random b-tree
   * insert per index and row; building them once at the end sorts instead (several times
   * faster). The DROP and the CREATE are part of the import's transaction, so a crash or a
   * refusal restores the indexes with everything else. Covers indexes other migrations add.
   */
  private void deferSecondaryIndexes() throws SQLException {
    for (String table : List.of("post", "message", "attachment", "thread", "account", "board")) {
      boolean empty;
      try (Statement s = c.createStatement(); var r = s.executeQuery("SELECT NOT EXISTS (SELECT 1 FROM " + table + ")")) {
        empty = r.next() && r.getInt(1) == 1;
      }
      if (!empty) continue;
      List<String[]> found = new ArrayList<>();
      try (PreparedStatement p = c.prepareStatement("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL")) {
        p.setString(1, table);
        try (var r = p.executeQuery()) {
          while (r.next()) found.add(new String[] {r.getString(1), r.getString(2)});
        }
      }
      for (String[] ix : found) {
        try (Statement s = c.createStatement()) {
          s.execute("DROP INDEX \"" + ix[0].replace("\"", "\"\"") + "\"");
        }
        deferredIndexes.add(new String[] {table, ix[1]});
      }
    }
  }

  private Batch batch(String sql) throws SQLException {
    Batch b = new Batch(c.prepareStatement(sql));
    all.add(b);
    return b;
  }

  /** A prepared statement that executes its batch every {@link #BATCH} rows. */
  private static final class Batch {
    final PreparedStatement ps;
    int pending;

    Batch(PreparedStatement ps) {
      this.ps = ps;
    }

    void add() throws SQLException {
      ps.addBatch();
      if (++pending >= BATCH) flush();
    }

    void flush() throws SQLException {
      if (pending > 0) ps.executeBatch();
      pending = 0;
    }
  }

  @Override
  public void site(Site s) {
    run(() -> {
      PreparedStatement p = site.ps;
      p.setString(1, s.id());
      p.setString(2, s.name());
      p.setString(3, s.url());
      p.setString(4, s.software());
      p.setString(5, capture);
      p.setString(6, extra(s.extra()));
      site.add();
    });
  }

  @Override
  public void board(Board b) {
    run(() -> {
      PreparedStatement p = board.ps;
      p.setString(1, b.site());
      p.setString(2, b.id());
      p.setString(3, b.name());
      p.setString(4, b.parent());
      p.setString(5, capture);
      p.setString(6, extra(b.extra()));
      board.add();
    });
  }

  @Override
  public void thread(ForumThread t) {
    run(() -> {
      PreparedStatement p = thread.ps;
      p.setString(1, t.site());
      p.setString(2, t.id());
      p.setString(3, t.board());
      p.setString(4, t.title());
      p.setString(5, t.author());
      setTime(p, 6, t.createdAt());
      p.setString(7, capture);
      p.setString(8, extra(t.extra()));
      thread.add();
    });
  }

  @Override
  public void account(Account a) {
    run(() -> {
      PreparedStatement p = account.ps;
      p.setString(1, a.site());
      p.setString(2, a.id());
      p.setString(3, a.username());
      setTime(p, 4, a.registeredAt());
      p.setString(5, a.role());
      p.setString(6, a.signature());
      p.setString(7, a.profile() == null || a.profile().isEmpty() ? null : json(a.profile()));
      p.setString(8, capture);
      p.setString(9, extra(a.extra()));
      account.add();
    });
  }

  @Override
  public void post(Post x) {
    run(() -> {
      PreparedStatement p = post.ps;
      p.setString(1, x.site());
      p.setString(2, x.id());
      p.setString(3, x.thread());
      p.setString(4, x.author());
      setTime(p, 5, x.createdAt());
      p.setString(6, x.text());
      p.setString(7, x.replyTo());
      p.setString(8, list(x.quotes()));
      p.setString(9, capture);
      p.setString(10, extra(x.extra()));
      post.add();
      for (Attachment a : x.attachments()) attachment(x.site(), "post", x.id(), x.author(), a);
    });
  }

  /**
   * Builds the deferred indexes of the tables a reader has finished when messages start (it
   * visits sites, boards, threads, accounts and posts first): the sort for {@code post_author}
   * then runs on this thread while the importing thread parses messages and the analysis thread
   * indexes, instead of in the import's serial tail with one core idle. Correct in any order:
   * an index built early is kept up to date by SQLite for later inserts.
   */
  private void buildEarlyIndexes() throws SQLException {
    earlyIndexesBuilt = true;
    for (Batch b : List.of(site, board, thread, account, post)) b.flush();
    List<String> early = List.of("site", "board", "thread", "account", "post");
    try (Statement s = c.createStatement()) {
      for (var it = deferredIndexes.iterator(); it.hasNext(); ) {
        String[] ix = it.next();
        if (!early.contains(ix[0])) continue;
        s.execute(ix[1]);
        it.remove();
      }
    }
  }

  @Override
  public void message(Message x) {
    run(() -> {
      if (!earlyIndexesBuilt) buildEarlyIndexes();
      PreparedStatement p = message.ps;
      p.setString(1, x.site());
      p.setString(2, x.id());
      p.setString(3, x.author());
      setTime(p, 4, x.createdAt());
      p.setString(5, x.text());
      p.setString(6, x.subject());
      p.setString(7, strings(x.recipients()));
      p.setString(8, capture);
      p.setString(9, extra(x.extra()));
      message.add();
      for (Attachment a : x.attachments()) attachment(x.site(), "message", x.id(), x.author(), a);
    });
  }

  private void attachment(String site, String kind, String item, String account, Attachment a) throws SQLException {
    PreparedStatement p = attachment.ps;
    p.setString(1, site);
    p.setString(2, a.id());
    p.setString(3, kind);
    p.setString(4, item);
    p.setString(5, account);
    p.setString(6, a.name());
    p.setString(7, a.mime());
    setLong(p, 8, a.size());
    p.setString(9, a.md5());
    p.setString(10, a.sha1());
    p.setString(11, a.sha256());
    p.setString(12, a.pdq());
    setLong(p, 13, a.pdqQuality() == null ? null : a.pdqQuality().longValue());
    p.setString(14, a.pdqPolicy());
    p.setString(15, a.photodna());
    p.setString(16, capture);
    p.setString(17, extra(a.extra()));
    attachment.add();
  }

  @Override
  public void rejected(RecordError e) {
    run(() -> {
      PreparedStatement p = rejected.ps;
      p.setString(1, capture);
      p.setString(2, e.file());
      p.setLong(3, e.line());
      p.setString(4, e.field());
      p.setString(5, e.problem());
      rejected.add();
    });
  }

  @Override
  public void warning(String text) {
    run(() -> {
      PreparedStatement p = warning.ps;
      p.setString(1, capture);
      p.setLong(2, ++warnings);
      p.setString(3, text);
      warning.add();
    });
  }

  @Override
  public void commit(ReadReport report) {
    run(() -> {
      for (Batch b : all) b.flush();
      try (Statement s = c.createStatement()) {
        for (String[] ix : deferredIndexes) s.execute(ix[1]);
      }
      try (PreparedStatement p = c.prepareStatement("INSERT INTO capture_file (capture, file, accepted, rejected) VALUES (?,?,?,?)")) {
        for (Map.Entry<String, Long> e : report.acceptedByFile().entrySet()) {
          p.setString(1, capture);
          p.setString(2, e.getKey());
          p.setLong(3, e.getValue());
          p.setLong(4, report.rejectedByFile().getOrDefault(e.getKey(), 0L));
          p.addBatch();
        }
        p.executeBatch();
      }
      try (PreparedStatement p = c.prepareStatement(
          "UPDATE capture SET status = ?, records = ?, rejected = ?, finished_at = ? WHERE id = ?")) {
        p.setString(1, CaptureInfo.STATUS_COMPLETE);
        p.setLong(2, report.accepted());
        p.setLong(3, report.rejected());
        p.setLong(4, System.currentTimeMillis());
        p.setString(5, capture);
        p.executeUpdate();
      }
      c.commit();
      committed = true;
      c.setAutoCommit(true);
      if (bulk) {
        restoreWal(c);
      } else {
        try (Statement s = c.createStatement()) {
          s.execute("PRAGMA wal_checkpoint(TRUNCATE)"); // fold the import's WAL back into the database file
        }
      }
    });
  }

  /**
   * Bulk journal: when no other connection has the database open, the import runs with a
   * rollback journal ({@code DELETE}, {@code synchronous = FULL}) instead of WAL, and WAL is
   * restored after its commit or rollback. In WAL every page of a bulk import is written twice
   * — into the WAL, then by the checkpoint into the database — and the checkpoint was most of
   * the import's serial tail (2.5–3.4 s of a 1.1M-post import); a rollback journal writes a page
   * once and, the tables growing into new pages, journals almost nothing. The commit is as
   * atomic: a {@code kill -9} leaves a hot journal that the next connection rolls back. What
   * changes is concurrency: SQLite leaves WAL only with no other connection open, so a running
   * server (its pool holds connections) keeps the WAL path and keeps reading the previous
   * state; a reader that connects during a bulk import waits for it (busy timeout) instead.
   * Returns whether the switch happened.
   */
  private static boolean bulkJournal(Connection c) throws SQLException {
    if (Boolean.getBoolean(WAL_ONLY_PROPERTY)) return false;
    boolean switched;
    try (Statement s = c.createStatement(); java.sql.ResultSet r = s.executeQuery("PRAGMA journal_mode = DELETE")) {
      switched = r.next() && "delete".equalsIgnoreCase(r.getString(1));
    } catch (SQLException e) {
      return false; // another connection has the database open: stay in WAL
    }
    if (switched) {
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA synchronous = FULL");
      }
    }
    return switched;
  }

  /**
   * Back to WAL (and NORMAL sync) after a bulk import's commit or rollback. Never fails the
   * import: if a reader that connected meanwhile holds a lock, its connection has set WAL on
   * opening or the next one will (every pooled connection is configured with WAL).
   */
  private static void restoreWal(Connection c) {
    try (Statement s = c.createStatement()) {
      s.execute("PRAGMA journal_mode = WAL");
      s.execute("PRAGMA synchronous = NORMAL");
    } catch (SQLException ignored) {
      // see above: WAL comes back with the next connection
    }
  }

  /** System property that keeps imports in WAL whatever else is connected (for comparing the two, and as an escape hatch). */
  public static final String WAL_ONLY_PROPERTY = "webwatch.import.walOnly";

  @Override
  public void close() {
    try {
      if (!committed) {
        c.rollback();
        if (bulk) {
          c.setAutoCommit(true);
          restoreWal(c);
        }
      }
    } catch (SQLException ignored) {
      // the connection is closed next; SQLite discards an open transaction then (the next connection restores WAL)
    } finally {
      for (Batch b : all) {
        try {
          b.ps.close();
        } catch (SQLException ignored) {
          // closing
        }
      }
      try {
        c.close();
      } catch (SQLException ignored) {
        // closing
      }
    }
  }

  private interface SqlAction {
    void run() throws SQLException;
  }

  private static void run(SqlAction a) {
    try {
      a.run();
    } catch (SQLException e) {
      throw new WebwatchException(WebwatchException.Kind.INTERNAL, "store write failed: " + e.getMessage(), e);
    }
  }

  static void setTime(PreparedStatement p, int i, Instant t) throws SQLException {
    if (t == null) p.setNull(i, Types.INTEGER);
    else p.setLong(i, t.toEpochMilli());
  }

  private static void setLong(PreparedStatement p, int i, Long v) throws SQLException {
    if (v == null) p.setNull(i, Types.INTEGER);
    else p.setLong(i, v);
  }

  private String list(Collection<String> ids) {
    return ids == null || ids.isEmpty() ? null : strings(ids);
  }

  private String strings(Collection<String> ids) {
    String flat = ids == null ? null : FlatJson.strings(ids); // null: as the mapper writes it
    return flat != null ? flat : json(ids);
  }

  private String extra(Map<String, Object> extra) {
    if (extra == null || extra.isEmpty()) return null;
    String flat = FlatJson.object(extra);
    return flat != null ? flat : json(extra);
  }

  private String json(Object o) {
    try {
      return json.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new WebwatchException(WebwatchException.Kind.INTERNAL, "cannot encode JSON: " + e.getMessage(), e);
    }
  }
}
