package org.webwatch.store.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.webwatch.WebwatchException;
import org.webwatch.model.CaptureManifest;
import org.webwatch.model.TextKind;
import org.webwatch.store.CaptureInfo;
import org.webwatch.store.CaptureRepository;
import org.webwatch.store.CaptureWriter;
import org.webwatch.store.StoreSummary;
import org.webwatch.store.WebwatchStore;
import org.webwatch.store.search.IndexedText;

/** {@link CaptureRepository} over the embedded SQLite store. */
public final class SqliteCaptureRepository implements CaptureRepository {
  /** Tables counted by {@link #summary()}, in display order. */
  public static final List<String> TABLES =
      List.of("site", "board", "thread", "account", "post", "message", "attachment", "rejected_record");
  private static final String CAPTURE_COLUMNS =
      "id, version, status, indexed, records, rejected, source_path, started_at, finished_at";

  private final WebwatchStore store;
  private final ObjectMapper json = new ObjectMapper();

  public SqliteCaptureRepository(WebwatchStore store) {
    if (store == null) throw new IllegalArgumentException("store must not be null");
    this.store = store;
  }

  @Override
  public Optional<CaptureInfo> capture(String id) {
    return query("SELECT " + CAPTURE_COLUMNS + " FROM capture WHERE id = ?", List.of(id)).stream().findFirst();
  }

  @Override
  public List<CaptureInfo> captures() {
    return query("SELECT " + CAPTURE_COLUMNS + " FROM capture ORDER BY started_at, id", List.of());
  }

  private List<CaptureInfo> query(String sql, List<String> args) {
    try (Connection c = store.connection(); PreparedStatement p = c.prepareStatement(sql)) {
      for (int i = 0; i < args.size(); i++) p.setString(i + 1, args.get(i));
      List<CaptureInfo> out = new ArrayList<>();
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          long fin = r.getLong(9);
          boolean finNull = r.wasNull();
          out.add(new CaptureInfo(r.getString(1), r.getInt(2), r.getString(3), r.getInt(4) != 0, r.getLong(5), r.getLong(6),
              r.getString(7), Instant.ofEpochMilli(r.getLong(8)), finNull ? null : Instant.ofEpochMilli(fin)));
        }
      }
      return out;
    } catch (SQLException e) {
      throw fail(e);
    }
  }

  @Override
  public CaptureWriter begin(CaptureManifest manifest, String sourcePath) {
    Connection c = store.connection();
    try {
      return new SqliteCaptureWriter(c, manifest, sourcePath, json);
    } catch (SQLException | RuntimeException e) {
      try {
        c.close();
      } catch (SQLException ignored) {
        // reporting the first failure
      }
      throw e instanceof SQLException s ? fail(s) : (RuntimeException) e;
    }
  }

  @Override
  public List<String> capturesAwaitingIndex() {
    List<String> out = new ArrayList<>();
    for (CaptureInfo c : captures()) if (c.complete() && !c.indexed()) out.add(c.id());
    return out;
  }

  @Override
  public void markIndexed(String captureId) {
    try (Connection c = store.connection(); PreparedStatement p = c.prepareStatement("UPDATE capture SET indexed = 1 WHERE id = ?")) {
      p.setString(1, captureId);
      p.executeUpdate();
    } catch (SQLException e) {
      throw fail(e);
    }
  }

  @Override
  public void forEachText(String captureId, Consumer<IndexedText> sink) {
    try (Connection c = store.connection()) {
      each(c, "SELECT site, id, author, created_at, text FROM post WHERE capture = ?", captureId,
          r -> sink.accept(new IndexedText(r.getString(1), TextKind.POST, r.getString(2), r.getString(3), time(r, 4), r.getString(5))));
      each(c, "SELECT site, id, author, created_at, subject, text FROM message WHERE capture = ?", captureId,
          r -> sink.accept(IndexedText.message(r.getString(1), r.getString(2), r.getString(3), time(r, 4), r.getString(5), r.getString(6))));
      each(c, "SELECT site, id, registered_at, signature FROM account WHERE capture = ? AND signature IS NOT NULL", captureId, r -> {
        IndexedText t = IndexedText.signature(r.getString(1), r.getString(2), time(r, 3), r.getString(4));
        if (t != null) sink.accept(t);
      });
      each(c, "SELECT site, id, author, created_at, title FROM thread WHERE capture = ? AND title IS NOT NULL", captureId, r -> {
        IndexedText t = IndexedText.threadTitle(r.getString(1), r.getString(2), r.getString(3), time(r, 4), r.getString(5));
        if (t != null) sink.accept(t);
      });
    } catch (SQLException e) {
      throw fail(e);
    }
  }

  @Override
  public List<Optional<String>> indexedTexts(List<TextRef> items) {
    List<Optional<String>> out = new ArrayList<>(items.size());
    Map<TextKind, PreparedStatement> statements = new java.util.EnumMap<>(TextKind.class);
    try (Connection c = store.connection()) {
      try {
        for (TextRef item : items) {
          String sql = switch (item.kind()) {
            case POST -> "SELECT text FROM post WHERE site = ? AND id = ?";
            case MESSAGE -> "SELECT text, subject FROM message WHERE site = ? AND id = ?";
            case SIGNATURE -> "SELECT signature FROM account WHERE site = ? AND id = ?";
            case THREAD_TITLE -> "SELECT title FROM thread WHERE site = ? AND id = ?";
            case PROFILE -> null; // profiles are not indexed
          };
          if (sql == null) {
            out.add(Optional.empty());
            continue;
          }
          PreparedStatement p = statements.get(item.kind());
          if (p == null) statements.put(item.kind(), p = c.prepareStatement(sql));
          p.setString(1, item.site());
          p.setString(2, item.id());
          try (ResultSet r = p.executeQuery()) {
            if (!r.next() || r.getString(1) == null) {
              out.add(Optional.empty());
            } else {
              // the same composition as the import's (IndexedText.message): highlight offsets must match
              out.add(Optional.of(item.kind() == TextKind.MESSAGE
                  ? IndexedText.message(item.site(), item.id(), null, null, r.getString(2), r.getString(1)).text() : r.getString(1)));
            }
          }
        }
      } finally {
        for (PreparedStatement p : statements.values()) p.close();
      }
    } catch (SQLException e) {
      throw fail(e);
    }
    return out;
  }

  private interface Row {
    void accept(ResultSet r) throws SQLException;
  }

  private static void each(Connection c, String sql, String arg, Row row) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(sql)) {
      p.setString(1, arg);
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) row.accept(r);
      }
    }
  }

  private static Instant time(ResultSet r, int i) throws SQLException {
    long v = r.getLong(i);
    return r.wasNull() ? null : Instant.ofEpochMilli(v);
  }

  @Override
  public StoreSummary summary() {
    Map<String, Long> rows = new LinkedHashMap<>();
    try (Connection c = store.connection(); Statement s = c.createStatement()) {
      for (String t : TABLES) {
        try (ResultSet r = s.executeQuery("SELECT count(*) FROM " + t)) {
          r.next();
          rows.put(t, r.getLong(1));
        }
      }
    } catch (SQLException e) {
      throw fail(e);
    }
    return new StoreSummary(rows, captures(), 0, 0);
  }

  private static WebwatchException fail(SQLException e) {
    return new WebwatchException(WebwatchException.Kind.INTERNAL, "store query failed: " + e.getMessage(), e);
  }
}
