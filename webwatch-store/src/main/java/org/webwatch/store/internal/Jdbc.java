package org.webwatch.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.List;
import java.util.Optional;
import org.webwatch.WebwatchException;
import org.webwatch.store.WebwatchStore;

/** Small JDBC helpers for the repositories: parameter binding, row mapping, typed errors. */
public final class Jdbc {
  /** Maps the current row of a result set. */
  @FunctionalInterface
  public interface RowMapper<T> {
    T map(ResultSet rs) throws SQLException;
  }

  /** Work inside one connection. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  /** Idle connections kept per store: opening a SQLite connection (file, schema, pragmas) costs more than most queries. */
  public static final int POOL_SIZE = 64;
  /**
   * Prepared statements kept per pooled connection (least recently used evicted): preparing
   * (parsing and planning) a statement costs SQLite about as much as running a dossier's
   * small indexed queries, and the server runs the same few dozen statements all day.
   */
  public static final int STATEMENT_CACHE_SIZE = 64;
  private static final Map<WebwatchStore, BlockingQueue<Pooled>> POOLS = Collections.synchronizedMap(new WeakHashMap<>());
  /** The pooled connection the current thread is working on, so the static helpers find its statement cache. */
  private static final ThreadLocal<Pooled> CURRENT = new ThreadLocal<>();
  private final WebwatchStore store;
  private final BlockingQueue<Pooled> pool;

  /** A pooled connection and its statement cache (used by one thread at a time). */
  private static final class Pooled {
    final Connection connection;
    final Map<String, PreparedStatement> statements = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
        if (size() <= STATEMENT_CACHE_SIZE) return false;
        closeQuietly(eldest.getValue());
        return true;
      }
    };

    Pooled(Connection connection) {
      this.connection = connection;
    }

    PreparedStatement prepare(String sql) throws SQLException {
      PreparedStatement ps = statements.get(sql);
      if (ps == null) {
        ps = connection.prepareStatement(sql);
        statements.put(sql, ps);
      }
      return ps;
    }

    void close() {
      statements.values().forEach(Jdbc::closeQuietly);
      statements.clear();
      try {
        connection.close();
      } catch (SQLException ignored) {
        // closing a broken connection: nothing left to do
      }
    }
  }

  private static void closeQuietly(PreparedStatement ps) {
    try {
      ps.close();
    } catch (SQLException ignored) {
      // a statement of a connection being dropped
    }
  }

  public Jdbc(WebwatchStore store) {
    this.store = store;
    this.pool = POOLS.computeIfAbsent(store, s -> new ArrayBlockingQueue<>(POOL_SIZE));
  }

  /** Runs {@code work} on a pooled connection (returned in auto-commit mode; dropped after an error). */
  public <T> T with(Work<T> work) {
    Pooled p = pool.poll();
    Pooled outer = CURRENT.get();
    boolean ok = false;
    try {
      if (p == null) p = new Pooled(store.connection());
      CURRENT.set(p);
      T r = work.run(p.connection);
      ok = p.connection.getAutoCommit();
      return r;
    } catch (SQLException e) {
      throw new WebwatchException(WebwatchException.Kind.INTERNAL, "store error: " + e.getMessage(), e);
    } finally {
      if (outer == null) CURRENT.remove();
      else CURRENT.set(outer);
      if (p != null && !(ok && pool.offer(p))) p.close();
    }
  }

  /** The cached statement for {@code sql} when {@code c} is the current pooled connection, else null (caller prepares and closes). */
  private static PreparedStatement cached(Connection c, String sql) throws SQLException {
    Pooled p = CURRENT.get();
    return p != null && p.connection == c ? p.prepare(sql) : null;
  }

  /**
   * Runs {@code work} in one write transaction opened with BEGIN IMMEDIATE: the writer lock is
   * taken up front (waiting under the busy timeout), so a read-then-write transaction cannot fail
   * with SQLITE_BUSY_SNAPSHOT when another connection commits in between (WAL mode).
   */
  public <T> T tx(Work<T> work) {
    return with(c -> {
      try (java.sql.Statement st = c.createStatement()) {
        st.execute("BEGIN IMMEDIATE");
      }
      try {
        T r = work.run(c);
        try (java.sql.Statement st = c.createStatement()) {
          st.execute("COMMIT");
        }
        return r;
      } catch (SQLException | RuntimeException e) {
        try (java.sql.Statement st = c.createStatement()) {
          st.execute("ROLLBACK");
        } catch (SQLException ignored) {
          // the transaction may already be gone; the original error matters
        }
        throw e;
      }
    });
  }

  public <T> List<T> list(String sql, RowMapper<T> m, Object... args) {
    return with(c -> list(c, sql, m, args));
  }

  public static <T> List<T> list(Connection c, String sql, RowMapper<T> m, Object... args) throws SQLException {
    PreparedStatement cached = cached(c, sql);
    if (cached != null) return query(cached, m, args);
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      return query(ps, m, args);
    }
  }

  /** Closing the result set resets the statement, so a cached one holds no read snapshot between uses. */
  private static <T> List<T> query(PreparedStatement ps, RowMapper<T> m, Object... args) throws SQLException {
    bind(ps, args);
    try (ResultSet rs = ps.executeQuery()) {
      List<T> out = new ArrayList<>();
      while (rs.next()) out.add(m.map(rs));
      return out;
    }
  }

  public <T> Optional<T> one(String sql, RowMapper<T> m, Object... args) {
    List<T> l = list(sql, m, args);
    return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
  }

  public int update(String sql, Object... args) {
    return with(c -> update(c, sql, args));
  }

  public static int update(Connection c, String sql, Object... args) throws SQLException {
    PreparedStatement cached = cached(c, sql);
    if (cached != null) {
      bind(cached, args);
      return cached.executeUpdate();
    }
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, args);
      return ps.executeUpdate();
    }
  }

  public static void bind(PreparedStatement ps, Object... args) throws SQLException {
    for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
  }
}
