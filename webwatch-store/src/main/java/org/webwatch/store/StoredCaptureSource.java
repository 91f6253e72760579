package org.webwatch.store;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import org.webwatch.WebwatchException;
import org.webwatch.ingest.CaptureVisitor;
import org.webwatch.model.Account;
import org.webwatch.model.Attachment;
import org.webwatch.model.Board;
import org.webwatch.model.CaptureManifest;
import org.webwatch.model.ForumThread;
import org.webwatch.model.Message;
import org.webwatch.model.Post;
import org.webwatch.model.Site;
import org.webwatch.triage.CaptureSource;
import org.webwatch.triage.SourceCounts;

/**
 * Every capture record the store holds, read back as ONE {@link CaptureSource} for triage. The
 * store keeps the union of all imported captures (a record re-sent by a later capture replaces
 * the earlier one by its key {@code (site, id)}), so triage over this source sees each record
 * once, whether or not the capture files still exist. Only committed rows are visible, i.e.
 * records of complete imports.
 *
 * <p>Order: manifest (one synthetic manifest {@code store}, collected at the newest capture's
 * collection time), then sites, boards, threads, accounts, posts, messages, each by key; a
 * post's or message's attachments in the order they were written. Each table is streamed by one
 * query (posts and messages joined with their attachments on {@code attachment_item}), so
 * memory is O(one item). Nothing is rejected: the store holds accepted records only.
 */
public final class StoredCaptureSource implements CaptureSource {
  /** Progress is reported to the listener after this many records (and at the end). */
  public static final int PROGRESS_EVERY = 1_000;
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
  private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {};
  private static final TypeReference<List<String>> LIST = new TypeReference<>() {};
  private static final String ATTACHMENT_COLUMNS =
      "a.id, a.name, a.mime, a.size, a.md5, a.sha1, a.sha256, a.pdq, a.pdq_quality, a.pdq_policy, a.photodna, a.extra";

  private final WebwatchStore store;
  private final LongConsumer progress;
  private final ObjectMapper json = new ObjectMapper();

  /** {@code progress} (may be null) receives the records read so far. */
  public StoredCaptureSource(WebwatchStore store, LongConsumer progress) {
    if (store == null) throw new IllegalArgumentException("store is required");
    this.store = store;
    this.progress = progress == null ? n -> {} : progress;
  }

  @Override
  public String name() {
    return "store:" + store.dataDir().toAbsolutePath().normalize();
  }

  /** Records the source will deliver (sites, boards, threads, accounts, posts, messages), for a progress total. */
  public long records() {
    String sql = "SELECT (SELECT count(*) FROM site) + (SELECT count(*) FROM board) + (SELECT count(*) FROM thread)"
        + " + (SELECT count(*) FROM account) + (SELECT count(*) FROM post) + (SELECT count(*) FROM message)";
    try (Connection c = store.connection(); PreparedStatement p = c.prepareStatement(sql); ResultSet r = p.executeQuery()) {
      return r.next() ? r.getLong(1) : 0;
    } catch (SQLException e) {
      throw fail(e);
    }
  }

  @Override
  public SourceCounts read(CaptureVisitor v) {
    long[] n = {0};
    Runnable step = () -> {
      if (++n[0] % PROGRESS_EVERY == 0) progress.accept(n[0]);
    };
    try (Connection c = store.connection()) {
      c.setAutoCommit(false); // one read transaction: one consistent snapshot of every table
      try {
        v.manifest(manifest(c));
        rows(c, "SELECT id, name, url, software, extra FROM site ORDER BY id", r -> {
          v.site(new Site(r.getString(1), r.getString(2), r.getString(3), r.getString(4), map(r.getString(5))));
          step.run();
        });
        rows(c, "SELECT site, id, name, parent, extra FROM board ORDER BY site, id", r -> {
          v.board(new Board(r.getString(2), r.getString(1), r.getString(3), r.getString(4), map(r.getString(5))));
          step.run();
        });
        rows(c, "SELECT site, id, board, title, author, created_at, extra FROM thread ORDER BY site, id", r -> {
          v.thread(new ForumThread(r.getString(2), r.getString(1), r.getString(3), r.getString(4), r.getString(5), time(r, 6),
              map(r.getString(7))));
          step.run();
        });
        rows(c, "SELECT site, id, username, registered_at, role, signature, profile, extra FROM account ORDER BY site, id", r -> {
          String profile = r.getString(7);
          v.account(new Account(r.getString(2), r.getString(1), r.getString(3), time(r, 4), r.getString(5), r.getString(6),
              profile == null ? Map.of() : parse(profile, STRING_MAP), map(r.getString(8))));
          step.run();
        });
        items(c, "SELECT p.site, p.id, p.thread, p.author, p.created_at, p.text, p.reply_to, p.quotes, p.extra, " + ATTACHMENT_COLUMNS
            + " FROM post p LEFT JOIN attachment a ON a.site = p.site AND a.item_kind = 'post' AND a.item = p.id"
            + " ORDER BY p.site, p.id, a.rowid", 9, (x, atts) -> {
              v.post(new Post(str(x[1]), str(x[0]), str(x[2]), str(x[3]), time(x[4]), str(x[5]), str(x[6]),
                  x[7] == null ? List.of() : parse(str(x[7]), LIST), atts, map(str(x[8]))));
              step.run();
            });
        items(c, "SELECT m.site, m.id, m.author, m.created_at, m.text, m.subject, m.recipients, m.extra, " + ATTACHMENT_COLUMNS
            + " FROM message m LEFT JOIN attachment a ON a.site = m.site AND a.item_kind = 'message' AND a.item = m.id"
            + " ORDER BY m.site, m.id, a.rowid", 8, (x, atts) -> {
              v.message(new Message(str(x[1]), str(x[0]), str(x[2]), time(x[3]), str(x[4]),
                  x[6] == null ? List.of() : parse(str(x[6]), LIST), str(x[5]), atts, map(str(x[7]))));
              step.run();
            });
      } finally {
        c.rollback();
      }
    } catch (SQLException e) {
      throw fail(e);
    }
    progress.accept(n[0]);
    return new SourceCounts(n[0], 0);
  }

  private CaptureManifest manifest(Connection c) throws SQLException {
    Long[] newest = {null};
    rows(c, "SELECT max(collected_at) FROM capture WHERE status = '" + CaptureInfo.STATUS_COMPLETE + "'", r -> {
      long t = r.getLong(1);
      if (!r.wasNull()) newest[0] = t;
    });
    return new CaptureManifest("store", 1, newest[0] == null ? null : Instant.ofEpochMilli(newest[0]), "webwatch store",
        "every record of the store's complete captures", Map.of());
  }

  private interface Row {
    void accept(ResultSet r) throws SQLException;
  }

  private interface Item {
    void accept(Object[] columns, List<Attachment> attachments);
  }

  private static void rows(Connection c, String sql, Row row) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(sql); ResultSet r = p.executeQuery()) {
      while (r.next()) row.accept(r);
    }
  }

  /**
   * Streams items joined with their attachments (one row per attachment, or one row with NULL
   * attachment columns): consecutive rows of the same (site, id) make one item, built from the
   * item columns of its first row (copied before the cursor moves on).
   */
  private void items(Connection c, String sql, int itemColumns, Item item) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(sql); ResultSet r = p.executeQuery()) {
      boolean more = r.next();
      while (more) {
        String site = r.getString(1);
        String id = r.getString(2);
        List<Attachment> atts = new ArrayList<>();
        Object[] first = new Object[itemColumns];
        for (int i = 0; i < itemColumns; i++) first[i] = r.getObject(i + 1);
        do {
          Attachment a = attachment(r, itemColumns + 1);
          if (a != null) atts.add(a);
          more = r.next();
        } while (more && site.equals(r.getString(1)) && id.equals(r.getString(2)));
        item.accept(first, List.copyOf(atts));
      }
    }
  }

  private Attachment attachment(ResultSet r, int i) throws SQLException {
    String id = r.getString(i);
    if (id == null) return null;
    long size = r.getLong(i + 3);
    Long sizeOrNull = r.wasNull() ? null : size;
    int quality = r.getInt(i + 8);
    Integer qualityOrNull = r.wasNull() ? null : quality;
    return new Attachment(id, r.getString(i + 1), r.getString(i + 2), sizeOrNull, r.getString(i + 4), r.getString(i + 5),
        r.getString(i + 6), r.getString(i + 7), qualityOrNull, r.getString(i + 9), r.getString(i + 10), map(r.getString(i + 11)));
  }

  private static Instant time(ResultSet r, int i) throws SQLException {
    long t = r.getLong(i);
    return r.wasNull() ? null : Instant.ofEpochMilli(t);
  }

  private static String str(Object o) {
    return o == null ? null : o.toString();
  }

  private static Instant time(Object o) {
    return o == null ? null : Instant.ofEpochMilli(((Number) o).longValue());
  }

  private Map<String, Object> map(String text) {
    return text == null ? Map.of() : parse(text, MAP);
  }

  private <T> T parse(String text, TypeReference<T> type) {
    try {
      return json.readValue(text, type);
    } catch (IOException e) {
      throw new WebwatchException(WebwatchException.Kind.INTERNAL, "stored JSON unreadable: " + e.getMessage(), e);
    }
  }

  private static WebwatchException fail(SQLException e) {
    return new WebwatchException(WebwatchException.Kind.INTERNAL, "cannot read captures from the store: " + e.getMessage(), e);
  }
}
