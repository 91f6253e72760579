package org.webwatch.store.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.webwatch.WebwatchException;
import org.webwatch.casework.AuditChain;
import org.webwatch.casework.AuditEntry;
import org.webwatch.casework.AuditVerification;
import org.webwatch.store.WebwatchStore;
import org.webwatch.store.internal.Jdbc;

/**
 * The append-only, hash-chained audit log ({@link AuditChain}). Appends are group-committed
 * ({@link GroupCommit}): concurrent callers' rows are written together in one write transaction
 * that reads the head, inserts the rows in arrival order (each hash chained on the previous one)
 * and moves the head once. {@link #append} returns only after the transaction holding its row
 * has committed, so a caller that acts after appending (e.g. serves the audited page) is never
 * ahead of the log. Several instances, or processes, on one store still form one chain: each
 * transaction takes the writer lock (BEGIN IMMEDIATE) before reading the head.
 */
public final class AuditLog {
  private static final ObjectMapper JSON = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
  private final Jdbc db;
  private final GroupCommit<Row, AuditEntry> writer;

  /** What a caller appends; seq and hashes are assigned at commit. */
  private record Row(long time, String actor, String action, String target, String detail) {}

  public AuditLog(WebwatchStore store) {
    this.db = new Jdbc(store);
    this.writer = new GroupCommit<>(this::commit, GroupCommit.DEFAULT_MAX_BATCH);
  }

  /**
   * Appends a row and returns it once committed; {@code detail} is written as canonical
   * (key-sorted) JSON. Throws when the row could not be committed (nothing of it is stored).
   */
  public AuditEntry append(long time, String actor, String action, String target, Map<String, ?> detail) {
    String json;
    try {
      json = JSON.writeValueAsString(new TreeMap<>(detail == null ? Map.of() : detail));
    } catch (JsonProcessingException e) {
      throw new WebwatchException(WebwatchException.Kind.INVALID_INPUT, "audit detail is not JSON-serialisable", e);
    }
    return writer.submit(new Row(time, actor == null ? "-" : actor, Objects.requireNonNull(action, "action"),
        target == null ? "" : target, json));
  }

  /** One transaction for a batch: rows chained in the given order after the stored head. */
  private List<AuditEntry> commit(List<Row> rows) {
    return db.tx(c -> {
      AuditEntry head = Jdbc.list(c, "SELECT a.* FROM audit_head h JOIN audit_log a ON a.seq = h.seq", AuditLog::entry)
          .stream().findFirst().orElse(null);
      List<AuditEntry> out = new ArrayList<>(rows.size());
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO audit_log (seq, time, actor, action, target, detail, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?)")) {
        for (Row r : rows) {
          head = AuditChain.next(head, r.time(), r.actor(), r.action(), r.target(), r.detail());
          Jdbc.bind(ps, head.seq(), head.time(), head.actor(), head.action(), head.target(), head.detail(), head.prevHash(), head.hash());
          ps.executeUpdate();
          out.add(head);
        }
      }
      Jdbc.update(c, "INSERT INTO audit_head (id, seq, hash) VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash",
          head.seq(), head.hash());
      return out;
    });
  }

  /** Number of write transactions this instance has run for appends (a batch each). */
  public long commits() {
    return writer.batches();
  }

  static AuditEntry entry(ResultSet rs) throws SQLException {
    return new AuditEntry(rs.getLong("seq"), rs.getLong("time"), rs.getString("actor"), rs.getString("action"),
        rs.getString("target"), rs.getString("detail"), rs.getString("prev_hash"), rs.getString("hash"));
  }

  /** Newest first, rows with seq below {@code beforeSeq} (use Long.MAX_VALUE for the first page). */
  public List<AuditEntry> page(long beforeSeq, int limit, String action) {
    if (action == null || action.isBlank()) {
      return db.list("SELECT * FROM audit_log WHERE seq < ? ORDER BY seq DESC LIMIT ?", AuditLog::entry, beforeSeq, limit);
    }
    return db.list("SELECT * FROM audit_log WHERE action = ? AND seq < ? ORDER BY seq DESC LIMIT ?", AuditLog::entry,
        action, beforeSeq, limit);
  }

  /**
   * Verifies the whole chain in storage (insertion) order, streaming; names the first broken row.
   */
  public AuditVerification verify() {
    return db.with(c -> {
      AuditChain chain = new AuditChain();
      try (PreparedStatement ps = c.prepareStatement("SELECT * FROM audit_log ORDER BY rowid"); ResultSet rs = ps.executeQuery()) {
        while (rs.next()) if (!chain.accept(entry(rs))) break;
      }
      long headSeq = 0;
      String headHash = null;
      try (PreparedStatement ps = c.prepareStatement("SELECT seq, hash FROM audit_head WHERE id = 1"); ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          headSeq = rs.getLong(1);
          headHash = rs.getString(2);
        }
      }
      return chain.finish(headSeq, headHash);
    });
  }

  /** Number of rows (for paging UIs). */
  public long size() {
    return db.one("SELECT count(*) FROM audit_log", rs -> rs.getLong(1)).orElse(0L);
  }

}
