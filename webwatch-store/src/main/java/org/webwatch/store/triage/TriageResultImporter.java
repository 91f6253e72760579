package org.webwatch.store.triage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.webwatch.WebwatchException;
import org.webwatch.store.WebwatchStore;
import org.webwatch.store.internal.CsvReader;
import org.webwatch.store.internal.Jdbc;

/**
 * Loads a triage output directory (shared/spec/outputs.md) into the V20 tables as a new run, in
 * one transaction: a bad file leaves the store as it was and the error names file, line and
 * field. accounts.csv and persons.csv are required; the others are optional (a run without
 * media has no media.csv rows to show). Streaming, O(1) memory in the number of rows apart
 * from explanations.json, which is read as a tree.
 */
public final class TriageResultImporter {
  private static final int BATCH = 5_000;
  private final WebwatchStore store;

  public TriageResultImporter(WebwatchStore store) {
    this.store = store;
  }

  /** Imports {@code outDir} as a new run and returns it. */
  public TriageRun importRun(Path outDir) {
    if (!Files.isRegularFile(outDir.resolve("accounts.csv")) || !Files.isRegularFile(outDir.resolve("persons.csv"))) {
      throw new WebwatchException(WebwatchException.Kind.INVALID_INPUT,
          outDir + ": not a triage output directory (accounts.csv and persons.csv required)");
    }
    Jdbc db = new Jdbc(store);
    long now = System.currentTimeMillis();
    long run = db.tx(c -> {
      Jdbc.update(c, "INSERT INTO triage_run (imported_at, source_dir, status, summary) VALUES (?,?,?,?)", now,
          outDir.toAbsolutePath().toString(), "importing", readOptional(outDir.resolve("summary.json")));
      long id = Jdbc.list(c, "SELECT last_insert_rowid()", rs -> rs.getLong(1)).get(0);
      long accounts = load(c, outDir, "accounts.csv", id, "rank,site,account,username,person,score,band,reasons",
          "INSERT INTO triage_account (run, rank, site, account, username, person, score, band, reasons) VALUES (?,?,?,?,?,?,?,?,?)",
          new char[] {'i', 's', 's', 's', 's', 'd', 's', 's'});
      long persons = load(c, outDir, "persons.csv", id, "rank,person,score,band,accounts,reasons",
          "INSERT INTO triage_person (run, rank, person, score, band, accounts, reasons) VALUES (?,?,?,?,?,?,?)",
          new char[] {'i', 's', 'd', 's', 's', 's'});
      load(c, outDir, "identities.csv", id, "person,site,account,confidence,evidence",
          "INSERT INTO triage_identity (run, person, site, account, confidence, evidence) VALUES (?,?,?,?,?,?)",
          new char[] {'s', 's', 's', 'd', 's'});
      load(c, outDir, "indicators.csv", id, "site,kind,item,account,category,start,end,text",
          "INSERT INTO triage_indicator (run, site, kind, item, account, category, start, end, text) VALUES (?,?,?,?,?,?,?,?,?)",
          new char[] {'s', 's', 's', 's', 's', 'i', 'i', 's'});
      load(c, outDir, "identifiers.csv", id, "site,kind,item,account,type,value,valid",
          "INSERT INTO triage_identifier (run, site, kind, item, account, type, value, valid) VALUES (?,?,?,?,?,?,?,?)",
          new char[] {'s', 's', 's', 's', 's', 's', 'b'});
      load(c, outDir, "media.csv", id, "site,post,account,attachment,status,source,category,distance",
          "INSERT INTO triage_media (run, site, post, account, attachment, status, source, category, distance) VALUES (?,?,?,?,?,?,?,?,?)",
          new char[] {'s', 's', 's', 's', 's', 's', 's', 'n'});
      load(c, outDir, "payments.csv", id, "from_site,from_account,to_site,to_account,txid,time,amount_sat,evidence",
          "INSERT INTO triage_payment (run, from_site, from_account, to_site, to_account, txid, time, amount_sat, evidence) VALUES (?,?,?,?,?,?,?,?,?)",
          new char[] {'s', 's', 's', 's', 's', 's', 'i', 's'});
      load(c, outDir, "link-suggestions.csv", id, "site_a,account_a,person_a,site_b,account_b,person_b,confidence,method,version,evidence",
          "INSERT INTO triage_suggestion (run, site_a, account_a, person_a, site_b, account_b, person_b, confidence, method, version, evidence) "
              + "VALUES (?,?,?,?,?,?,?,?,?,?,?)",
          new char[] {'s', 's', 's', 's', 's', 's', 'd', 's', 's', 's'});
      Jdbc.update(c, "UPDATE triage_suggestion SET best_rank = (SELECT MIN(p.rank) FROM triage_person p INDEXED BY triage_person_key "
          + "WHERE p.run = triage_suggestion.run AND p.person IN (triage_suggestion.person_a, triage_suggestion.person_b)) WHERE run = ?", id);
      loadExplanations(c, outDir.resolve("explanations.json"), id);
      tag(c, id);
      Jdbc.update(c, "UPDATE triage_run SET status = 'complete', accounts = ?, persons = ? WHERE id = ?", accounts, persons, id);
      return id;
    });
    return new TriageRepository(store).run(run).orElseThrow();
  }

  /** Fills the queue filter keys (see V21) from the indicator and media rows of the run. */
  private static void tag(Connection c, long run) throws SQLException {
    Jdbc.update(c, "INSERT OR IGNORE INTO triage_account_tag (run, tag, rank) SELECT DISTINCT a.run, 'indicator:' || i.category, a.rank "
        + "FROM triage_indicator i JOIN triage_account a INDEXED BY triage_account_key ON a.run = i.run AND a.site = i.site AND a.account = i.account "
        + "WHERE i.run = ?", run);
    Jdbc.update(c, "INSERT OR IGNORE INTO triage_account_tag (run, tag, rank) SELECT DISTINCT a.run, 'media:' || m.status, a.rank "
        + "FROM triage_media m JOIN triage_account a INDEXED BY triage_account_key ON a.run = m.run AND a.site = m.site AND a.account = m.account "
        + "WHERE m.run = ?", run);
    Jdbc.update(c, "INSERT OR IGNORE INTO triage_person_tag (run, tag, rank) SELECT DISTINCT p.run, t.tag, p.rank "
        + "FROM triage_account_tag t JOIN triage_account a ON a.run = t.run AND a.rank = t.rank "
        + "JOIN triage_person p INDEXED BY triage_person_key ON p.run = a.run AND p.person = a.person WHERE t.run = ?", run);
  }

  private static String readOptional(Path p) {
    try {
      return Files.isRegularFile(p) ? Files.readString(p) : null;
    } catch (IOException e) {
      throw new WebwatchException(WebwatchException.Kind.INVALID_INPUT, p + ": " + e.getMessage(), e);
    }
  }

  /** Column types: s text, i integer, d real, b boolean, n optional integer. */
  private static long load(Connection c, Path dir, String file, long run, String header, String sql, char[] types) throws SQLException {
    Path p = dir.resolve(file);
    if (!Files.isRegularFile(p)) return 0;
    List<String> columns = List.of(header.split(","));
    long rows = 0;
    try (Reader r = Files.newBufferedReader(p, StandardCharsets.UTF_8); PreparedStatement ps = c.prepareStatement(sql)) {
      CsvReader csv = new CsvReader(r);
      List<String> head = csv.next();
      if (head == null || !head.equals(columns)) {
        throw located(p, 1, "header", "expected '" + header + "'");
      }
      List<String> rec;
      while ((rec = csv.next()) != null) {
        if (rec.size() == 1 && rec.get(0).isEmpty()) continue;
        if (rec.size() != types.length) throw located(p, csv.line(), "record", rec.size() + " fields, expected " + types.length);
        ps.setLong(1, run);
        for (int i = 0; i < types.length; i++) {
          String v = rec.get(i);
          try {
            switch (types[i]) {
              case 'i' -> ps.setLong(i + 2, Long.parseLong(v.strip()));
              case 'd' -> ps.setDouble(i + 2, Double.parseDouble(v.strip()));
              case 'b' -> {
                if (!v.equals("true") && !v.equals("false")) throw new IllegalArgumentException("not true/false: " + v);
                ps.setInt(i + 2, v.equals("true") ? 1 : 0);
              }
              case 'n' -> {
                if (v.isBlank()) ps.setObject(i + 2, null);
                else ps.setLong(i + 2, Long.parseLong(v.strip()));
              }
              default -> ps.setString(i + 2, v);
            }
          } catch (IllegalArgumentException e) {
            throw located(p, csv.line(), columns.get(i), "bad value '" + v + "'");
          }
        }
        ps.addBatch();
        if (++rows % BATCH == 0) ps.executeBatch();
      }
      ps.executeBatch();
    } catch (IOException e) {
      throw new WebwatchException(WebwatchException.Kind.INVALID_INPUT, p + ": " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new WebwatchException(WebwatchException.Kind.INVALID_INPUT, p + ": " + e.getMessage(), e);
    } catch (SQLException e) {
      if (e.getMessage() != null && e.getMessage().contains("UNIQUE")) {
        throw new WebwatchException(WebwatchException.Kind.INVALID_INPUT, p + ": duplicate key (" + e.getMessage() + ")", e);
      }
      throw e;
    }
    return rows;
  }

  private static WebwatchException located(Path p, long line, String field, String problem) {
    return new WebwatchException(WebwatchException.Kind.INVALID_INPUT, p + ":" + line + ": field " + field + ": " + problem);
  }

  /**
   * explanations.json: accepted shapes are {@code {"accounts": X, "persons": Y}} where X/Y is an
   * array of objects carrying {@code site}+{@code account} (or {@code person}), or an object
   * keyed by {@code site:account} (or person id). Each subject's object is stored as JSON text.
   */
  private static void loadExplanations(Connection c, Path p, long run) throws SQLException {
    if (!Files.isRegularFile(p)) return;
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(p.toFile());
    } catch (IOException e) {
      throw new WebwatchException(WebwatchException.Kind.INVALID_INPUT, p + ": not JSON: " + e.getMessage(), e);
    }
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT OR REPLACE INTO triage_explanation (run, subject_kind, subject, json) VALUES (?,?,?,?)")) {
      for (String kind : new String[] {"accounts", "persons"}) {
        JsonNode n = root.path(kind);
        String subjectKind = kind.equals("accounts") ? "account" : "person";
        if (n.isArray()) {
          for (JsonNode e : n) add(ps, run, subjectKind, subjectOf(e, subjectKind, p), e);
        } else if (n.isObject()) {
          for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            add(ps, run, subjectKind, e.getKey(), e.getValue());
          }
        }
      }
      ps.executeBatch();
    }
  }

  private static String subjectOf(JsonNode e, String kind, Path p) {
    if (kind.equals("account") && e.hasNonNull("site") && e.hasNonNull("account")) {
      return e.get("site").asText() + ":" + e.get("account").asText();
    }
    if (kind.equals("person") && e.hasNonNull("person")) return e.get("person").asText();
    throw new WebwatchException(WebwatchException.Kind.INVALID_INPUT, p + ": " + kind + " explanation without its key");
  }

  private static void add(PreparedStatement ps, long run, String kind, String subject, JsonNode json) throws SQLException {
    ps.setLong(1, run);
    ps.setString(2, kind);
    ps.setString(3, subject);
    ps.setString(4, json.toString());
    ps.addBatch();
  }
}
