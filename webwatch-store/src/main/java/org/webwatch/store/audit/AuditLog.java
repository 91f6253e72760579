package org.webwatch.store.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.webwatch.WebwatchException;
import org.webwatch.casework.AuditChain;
import org.webwatch.casework.AuditEntry;
import org.webwatch.casework.AuditVerification;
import org.webwatch.store.WebwatchStore;
import org.webwatch.store.internal.Jdbc;

/**
 * The append-only, hash-chained audit log ({@link AuditChain}). Appends run in one write
 * transaction that reads the head, writes the row and moves the head, so concurrent appends from
 * several server threads still form one chain.
 */
public final class AuditLog {
  private static final ObjectMapper JSON = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
  private final Jdbc db;

  public AuditLog(WebwatchStore store) {
    this.db = new Jdbc(store);
  }

  /** Appends a row; {@code detail} is written as canonical (key-sorted) JSON. */
  public synchronized AuditEntry append(long time, String actor, String action, String target, Map<String, ?> detail) {
    String json;
    try {
      json = JSON.writeValueAsString(new TreeMap<>(detail == null ? Map.of() : detail));
    } catch (JsonProcessingException e) {
      throw new WebwatchException(WebwatchException.Kind.INVALID_INPUT, "audit detail is not JSON-serialisable", e);
    }
    return db.tx(c -> {
      Optional<AuditEntry> head = Jdbc.list(c, "SELECT a.* FROM audit_head h JOIN audit_log a ON a.seq = h.seq",
          AuditLog::entry).stream().findFirst();
      AuditEntry e = AuditChain.next(head.orElse(null), time, actor == null ? "-" : actor, action, target == null ? "" : target, json);
      Jdbc.update(c, "INSERT INTO audit_log (seq, time, actor, action, target, detail, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?)",
          e.seq(), e.time(), e.actor(), e.action(), e.target(), e.detail(), e.prevHash(), e.hash());
      Jdbc.update(c, "INSERT INTO audit_head (id, seq, hash) VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash",
          e.seq(), e.hash());
      return e;
    });
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
