package org.webwatch.store.media;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.webwatch.WebwatchException;
import org.webwatch.media.HashSetInfo;
import org.webwatch.media.HashSetOptions;
import org.webwatch.media.KnownMedia;
import org.webwatch.media.hashset.Category;
import org.webwatch.media.hashset.HashEntry;
import org.webwatch.media.hashset.HashSetFormat;
import org.webwatch.media.hashset.HashSetSpec;
import org.webwatch.media.hashset.ReadSummary;
import org.webwatch.store.WebwatchStore;

/**
 * Persists hash sets: import (streaming, replacing a set of the same name atomically: a failed
 * or interrupted import leaves what was stored untouched), list, remove, and load into a
 * {@link KnownMedia} for matching. Parsing and matching stay in the core.
 */
public final class HashSetRepository {
  private static final int BATCH = 10_000;
  private final WebwatchStore store;

  public HashSetRepository(WebwatchStore store) {
    if (store == null) throw new IllegalArgumentException("store is required");
    this.store = store;
  }

  /** What an import stored and what the reader reported (rejected records with locations). */
  public record ImportResult(HashSetInfo info, ReadSummary summary) {}

  public ImportResult importSet(HashSetSpec spec, HashSetOptions options) {
    try (Connection c = store.connection()) {
      c.setAutoCommit(false);
      try {
        try (PreparedStatement del = c.prepareStatement("DELETE FROM hash_set WHERE name = ?")) {
          del.setString(1, options.name());
          del.executeUpdate();
        }
        Instant now = Instant.now();
        insertSet(c, options, spec, now);
        ReadSummary summary;
        try (PreparedStatement ins = c.prepareStatement(
            "INSERT INTO hash_entry(set_name, entry_id, md5, sha1, sha256, pdq, photodna, category, series, source)"
                + " VALUES (?,?,?,?,?,?,?,?,?,?)")) {
          int[] pending = {0};
          summary = spec.read(e -> {
            try {
              ins.setString(1, options.name());
              ins.setString(2, e.id());
              ins.setString(3, e.md5());
              ins.setString(4, e.sha1());
              ins.setString(5, e.sha256());
              ins.setString(6, e.pdq());
              ins.setString(7, e.photodna());
              ins.setString(8, e.category() == null ? null : e.category().toString());
              ins.setString(9, e.series());
              ins.setString(10, e.source());
              ins.addBatch();
              if (++pending[0] == BATCH) {
                ins.executeBatch();
                pending[0] = 0;
              }
            } catch (SQLException ex) {
              throw new WebwatchException(WebwatchException.Kind.INTERNAL, "cannot store entry " + e.id() + ": " + ex.getMessage(), ex);
            }
          });
          ins.executeBatch();
        }
        try (PreparedStatement up = c.prepareStatement(
            "UPDATE hash_set SET version = ?, profile = ?, entries = ?, rejected = ? WHERE name = ?")) {
          // an UPDATE, not INSERT OR REPLACE: REPLACE deletes the row and would cascade to the entries
          up.setString(1, summary.version());
          up.setString(2, summary.profile());
          up.setLong(3, summary.entries());
          up.setLong(4, summary.rejected());
          up.setString(5, options.name());
          up.executeUpdate();
        }
        c.commit();
        HashSetInfo info = new HashSetInfo(options, spec.format(), summary.version(), summary.profile(), now,
            summary.entries(), summary.rejected());
        return new ImportResult(info, summary);
      } catch (RuntimeException | SQLException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new WebwatchException(WebwatchException.Kind.INTERNAL, "hash-set import failed: " + e.getMessage(), e);
    }
  }

  private static void insertSet(Connection c, HashSetOptions o, HashSetSpec spec, Instant at) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO hash_set(name, source, format, negative, pdq_threshold, imported_at, entries, rejected, file_path)"
            + " VALUES (?,?,?,?,?,?,0,0,?)")) {
      ps.setString(1, o.name());
      ps.setString(2, o.source());
      ps.setString(3, spec.format().name());
      ps.setInt(4, o.negative() ? 1 : 0);
      ps.setInt(5, o.pdqThreshold());
      ps.setLong(6, at.toEpochMilli());
      ps.setString(7, spec.path().toAbsolutePath().toString());
      ps.executeUpdate();
    }
  }

  public List<HashSetInfo> list() {
    return query("SELECT * FROM hash_set ORDER BY name", null);
  }

  public Optional<HashSetInfo> find(String name) {
    return query("SELECT * FROM hash_set WHERE name = ?", name).stream().findFirst();
  }

  /** Removes a set and its entries; false when there was none. */
  public boolean remove(String name) {
    try (Connection c = store.connection(); PreparedStatement ps = c.prepareStatement("DELETE FROM hash_set WHERE name = ?")) {
      ps.setString(1, name);
      return ps.executeUpdate() > 0;
    } catch (SQLException e) {
      throw new WebwatchException(WebwatchException.Kind.INTERNAL, "cannot remove hash set " + name + ": " + e.getMessage(), e);
    }
  }

  /** Streams the stored entries of one set. */
  public void forEachEntry(String name, Consumer<HashEntry> sink) {
    try (Connection c = store.connection();
        PreparedStatement ps = c.prepareStatement(
            "SELECT entry_id, md5, sha1, sha256, pdq, photodna, category, series, source FROM hash_entry WHERE set_name = ?"
                + " ORDER BY rowid")) {
      ps.setString(1, name);
      ps.setFetchSize(BATCH);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          sink.accept(new HashEntry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
              rs.getString(6), Category.fromText(rs.getString(7)), rs.getString(8), rs.getString(9)));
        }
      }
    } catch (SQLException e) {
      throw new WebwatchException(WebwatchException.Kind.INTERNAL, "cannot read hash set " + name + ": " + e.getMessage(), e);
    }
  }

  /** Every stored set, loaded for matching. */
  public KnownMedia loadAll() {
    KnownMedia k = new KnownMedia();
    for (HashSetInfo info : list()) k.addSet(info, sink -> forEachEntry(info.name(), sink));
    return k;
  }

  private List<HashSetInfo> query(String sql, String arg) {
    List<HashSetInfo> out = new ArrayList<>();
    try (Connection c = store.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
      if (arg != null) ps.setString(1, arg);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          HashSetOptions o = new HashSetOptions(rs.getString("name"), rs.getString("source"), rs.getInt("negative") != 0,
              rs.getInt("pdq_threshold"));
          out.add(new HashSetInfo(o, HashSetFormat.valueOf(rs.getString("format")), rs.getString("version"),
              rs.getString("profile"), Instant.ofEpochMilli(rs.getLong("imported_at")), rs.getLong("entries"),
              rs.getLong("rejected")));
        }
      }
    } catch (SQLException e) {
      throw new WebwatchException(WebwatchException.Kind.INTERNAL, "cannot list hash sets: " + e.getMessage(), e);
    }
    return out;
  }
}
