package org.webwatch.store.triage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;
import java.util.Optional;
import org.webwatch.store.WebwatchStore;
import org.webwatch.store.internal.Jdbc;

/**
 * Read side of imported triage runs. Queries name their index ({@code INDEXED BY}) because the
 * store keeps no planner statistics and SQLite would otherwise scan whole runs.
 * Queue pages are keyset-paginated on rank ({@code rank >
 * afterRank ORDER BY rank LIMIT n}), which stays O(log n + page) at any depth, with indexes on
 * (run, band, rank) and (run, site, rank) for filters.
 */
public final class TriageRepository {
  private final Jdbc db;
  private final Map<Long, List<String>> sitesByRun = new java.util.concurrent.ConcurrentHashMap<>();

  public TriageRepository(WebwatchStore store) {
    this.db = new Jdbc(store);
  }

  private static TriageRun run(ResultSet rs) throws SQLException {
    return new TriageRun(rs.getLong("id"), rs.getLong("imported_at"), rs.getString("source_dir"), rs.getString("status"),
        rs.getLong("accounts"), rs.getLong("persons"), rs.getString("summary"));
  }

  private static QueueAccount account(ResultSet rs) throws SQLException {
    return new QueueAccount(rs.getLong("rank"), rs.getString("site"), rs.getString("account"), rs.getString("username"),
        rs.getString("person"), rs.getDouble("score"), rs.getString("band"), rs.getString("reasons"));
  }

  private static QueuePerson person(ResultSet rs) throws SQLException {
    String acc = rs.getString("accounts");
    return new QueuePerson(rs.getLong("rank"), rs.getString("person"), rs.getDouble("score"), rs.getString("band"),
        acc.isEmpty() ? List.of() : List.of(acc.split("\\|")), rs.getString("reasons"));
  }

  public Optional<TriageRun> run(long id) {
    return db.one("SELECT * FROM triage_run WHERE id = ?", TriageRepository::run, id);
  }

  /** The newest complete run, if any. */
  public Optional<TriageRun> currentRun() {
    return db.one("SELECT * FROM triage_run WHERE status = 'complete' ORDER BY id DESC LIMIT 1", TriageRepository::run);
  }

  /** Id of the newest complete run, or -1: what every page asks first, without reading the run's summary text. */
  public long currentRunId() {
    return db.one("SELECT id FROM triage_run WHERE status = 'complete' ORDER BY id DESC LIMIT 1", rs -> rs.getLong(1)).orElse(-1L);
  }

  public List<TriageRun> runs() {
    return db.list("SELECT * FROM triage_run ORDER BY id DESC", TriageRepository::run);
  }

  /** Accounts ranked after {@code afterRank} matching {@code f}, best first, at most {@code limit}. */
  public List<QueueAccount> accounts(long run, QueueFilter f, long afterRank, int limit) {
    List<Object> args = new ArrayList<>();
    StringBuilder sql = new StringBuilder();
    List<String> tags = tags(f);
    if (tags.isEmpty()) {
      sql.append("SELECT a.* FROM triage_account a ").append(accountIndex(f)).append(" WHERE a.run = ? AND a.rank > ?");
      args.add(run);
      args.add(afterRank);
    } else {
      // drive from the rarest known key: the tag range, in rank order
      sql.append("SELECT a.* FROM triage_account_tag t JOIN triage_account a ON a.run = t.run AND a.rank = t.rank "
          + "WHERE t.run = ? AND t.tag = ? AND t.rank > ?");
      args.add(run);
      args.add(tags.get(0));
      args.add(afterRank);
      for (String tag : tags.subList(1, tags.size())) {
        sql.append(" AND EXISTS (SELECT 1 FROM triage_account_tag u WHERE u.run = a.run AND u.tag = ? AND u.rank = a.rank)");
        args.add(tag);
      }
    }
    if (f.band() != null) {
      sql.append(" AND a.band = ?");
      args.add(f.band());
    }
    if (f.site() != null) {
      sql.append(" AND a.site = ?");
      args.add(f.site());
    }
    sql.append(tags.isEmpty() ? " ORDER BY a.rank LIMIT ?" : " ORDER BY t.rank LIMIT ?");
    args.add(limit);
    return db.list(sql.toString(), TriageRepository::account, args.toArray());
  }

  private static List<String> tags(QueueFilter f) {
    List<String> tags = new ArrayList<>();
    if (f.indicator() != null) tags.add("indicator:" + f.indicator());
    if (f.mediaStatus() != null) tags.add("media:" + f.mediaStatus());
    return tags;
  }

  /**
   * Index for a band or site filter without tags: without statistics SQLite would walk the
   * primary key and filter, which is O(accounts) for a rare band or site.
   */
  private static String accountIndex(QueueFilter f) {
    if (f.band() != null) return "INDEXED BY triage_account_band";
    if (f.site() != null) return "INDEXED BY triage_account_site";
    return "";
  }

  /** Persons ranked after {@code afterRank}; site/indicator/media filters apply to any of their accounts. */
  public List<QueuePerson> persons(long run, QueueFilter f, long afterRank, int limit) {
    List<Object> args = new ArrayList<>();
    StringBuilder sql = new StringBuilder();
    List<String> tags = tags(f);
    if (tags.isEmpty()) {
      sql.append("SELECT p.* FROM triage_person p ").append(f.band() != null ? "INDEXED BY triage_person_band" : "")
          .append(" WHERE p.run = ? AND p.rank > ?");
      args.add(run);
      args.add(afterRank);
    } else {
      sql.append("SELECT p.* FROM triage_person_tag t JOIN triage_person p ON p.run = t.run AND p.rank = t.rank "
          + "WHERE t.run = ? AND t.tag = ? AND t.rank > ?");
      args.add(run);
      args.add(tags.get(0));
      args.add(afterRank);
      for (String tag : tags.subList(1, tags.size())) {
        sql.append(" AND EXISTS (SELECT 1 FROM triage_person_tag u WHERE u.run = p.run AND u.tag = ? AND u.rank = p.rank)");
        args.add(tag);
      }
    }
    if (f.band() != null) {
      sql.append(" AND p.band = ?");
      args.add(f.band());
    }
    if (f.site() != null) {
      sql.append(" AND EXISTS (SELECT 1 FROM triage_account a INDEXED BY triage_account_person WHERE a.run = p.run AND a.person = p.person AND a.site = ?)");
      args.add(f.site());
    }
    sql.append(tags.isEmpty() ? " ORDER BY p.rank LIMIT ?" : " ORDER BY t.rank LIMIT ?");
    args.add(limit);
    return db.list(sql.toString(), TriageRepository::person, args.toArray());
  }

  public Optional<QueueAccount> account(long run, String site, String account) {
    return db.one("SELECT * FROM triage_account INDEXED BY triage_account_key WHERE run = ? AND site = ? AND account = ?", TriageRepository::account, run, site, account);
  }

  public Optional<QueuePerson> person(long run, String person) {
    return db.one("SELECT * FROM triage_person INDEXED BY triage_person_key WHERE run = ? AND person = ?", TriageRepository::person, run, person);
  }

  public List<QueueAccount> accountsOfPerson(long run, String person) {
    return db.list("SELECT * FROM triage_account INDEXED BY triage_account_person WHERE run = ? AND person = ? ORDER BY rank", TriageRepository::account, run, person);
  }

  public List<IdentityRow> identities(long run, String person) {
    return db.list("SELECT * FROM triage_identity INDEXED BY triage_identity_person WHERE run = ? AND person = ? ORDER BY site, account", rs -> new IdentityRow(
        rs.getString("person"), rs.getString("site"), rs.getString("account"), rs.getDouble("confidence"),
        rs.getString("evidence")), run, person);
  }

  /**
   * Suggested links of a run, those touching the highest-ranked persons first, then by the model's
   * probability; offset-paged (a run holds thousands, not millions).
   */
  public List<SuggestionRow> suggestions(long run, long offset, int limit) {
    return db.list("SELECT s.*, pa.rank AS rank_a, pa.band AS band_a, pb.rank AS rank_b, pb.band AS band_b "
        + "FROM triage_suggestion s INDEXED BY triage_suggestion_order "
        + "JOIN triage_person pa INDEXED BY triage_person_key ON pa.run = s.run AND pa.person = s.person_a "
        + "JOIN triage_person pb INDEXED BY triage_person_key ON pb.run = s.run AND pb.person = s.person_b "
        + "WHERE s.run = ? ORDER BY s.best_rank, s.confidence DESC, s.site_a, s.account_a, s.site_b, s.account_b LIMIT ? OFFSET ?",
        rs -> new SuggestionRow(rs.getString("site_a") + ":" + rs.getString("account_a"), rs.getString("person_a"), rs.getLong("rank_a"),
            rs.getString("band_a"), rs.getString("site_b") + ":" + rs.getString("account_b"), rs.getString("person_b"), rs.getLong("rank_b"),
            rs.getString("band_b"), rs.getDouble("confidence"), rs.getString("method"), rs.getString("version"), rs.getString("evidence")),
        run, limit, offset);
  }

  /** Number of suggested links of a run. */
  public long suggestionCount(long run) {
    return db.list("SELECT COUNT(*) FROM triage_suggestion WHERE run = ?", rs -> rs.getLong(1), run).get(0);
  }

  private static IndicatorRow indicator(ResultSet rs) throws SQLException {
    return new IndicatorRow(rs.getString("site"), rs.getString("kind"), rs.getString("item"), rs.getString("account"),
        rs.getString("category"), rs.getInt("start"), rs.getInt("end"), rs.getString("text"));
  }

  public List<IndicatorRow> indicators(long run, String site, String account) {
    return db.list("SELECT * FROM triage_indicator INDEXED BY triage_indicator_account WHERE run = ? AND site = ? AND account = ? ORDER BY kind, item, start",
        TriageRepository::indicator, run, site, account);
  }

  /** Number of indicator spans per code over all items of an account, from the covering (run, site, account, category) index. */
  public Map<String, Long> indicatorCounts(long run, String site, String account) {
    Map<String, Long> out = new LinkedHashMap<>();
    db.list("SELECT category, count(*) FROM triage_indicator INDEXED BY triage_indicator_account WHERE run = ? AND site = ? AND account = ? "
        + "GROUP BY category ORDER BY category", rs -> Map.entry(rs.getString(1), rs.getLong(2)), run, site, account)
        .forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  /** Indicator spans of the given items (of one kind, one site), by item then start: one query for a page of items. */
  public List<IndicatorRow> indicatorsOfItems(long run, String site, String kind, java.util.Collection<String> items) {
    if (items.isEmpty()) return List.of();
    Object[] args = new Object[items.size() + 3];
    args[0] = run;
    args[1] = site;
    args[2] = kind;
    int i = 3;
    for (String item : items) args[i++] = item;
    String marks = String.join(",", java.util.Collections.nCopies(items.size(), "?"));
    return db.list("SELECT * FROM triage_indicator INDEXED BY triage_indicator_item WHERE run = ? AND site = ? AND kind = ? AND item IN (" + marks
        + ") ORDER BY item, start", TriageRepository::indicator, args);
  }

  public List<IndicatorRow> indicatorsOfItem(long run, String site, String kind, String item) {
    return db.list("SELECT * FROM triage_indicator INDEXED BY triage_indicator_item WHERE run = ? AND site = ? AND kind = ? AND item = ? ORDER BY start",
        TriageRepository::indicator, run, site, kind, item);
  }

  public List<IdentifierRow> identifiers(long run, String site, String account) {
    return db.list("SELECT * FROM triage_identifier INDEXED BY triage_identifier_account WHERE run = ? AND site = ? AND account = ? ORDER BY type, value",
        rs -> new IdentifierRow(rs.getString("site"), rs.getString("kind"), rs.getString("item"), rs.getString("account"),
            rs.getString("type"), rs.getString("value"), rs.getInt("valid") != 0), run, site, account);
  }

  /** Chain payments the account made or received in a run (empty when the run had no chain data), by time. */
  public List<PaymentRow> payments(long run, String site, String account) {
    return db.list("SELECT * FROM triage_payment INDEXED BY triage_payment_from WHERE run = ? AND from_site = ? AND from_account = ? "
        + "UNION ALL SELECT * FROM triage_payment INDEXED BY triage_payment_to WHERE run = ? AND to_site = ? AND to_account = ? "
        + "ORDER BY time, txid", rs -> new PaymentRow(rs.getString("from_site"), rs.getString("from_account"), rs.getString("to_site"),
            rs.getString("to_account"), rs.getString("txid"), rs.getString("time"), rs.getLong("amount_sat"), rs.getString("evidence")),
        run, site, account, run, site, account);
  }

  /** Media rows of an account with the attachment's hashes from the capture store. */
  public List<MediaRow> media(long run, String site, String account) {
    return db.list("SELECT m.*, t.sha256, t.md5, t.pdq FROM triage_media m INDEXED BY triage_media_account LEFT JOIN attachment t ON t.site = m.site AND t.id = m.attachment "
        + "WHERE m.run = ? AND m.site = ? AND m.account = ? ORDER BY m.status, m.post", rs -> new MediaRow(rs.getString("site"),
            rs.getString("post"), rs.getString("account"), rs.getString("attachment"), rs.getString("status"),
            rs.getString("source"), rs.getString("category"), (Integer) rs.getObject("distance"), rs.getString("sha256"),
            rs.getString("md5"), rs.getString("pdq")), run, site, account);
  }

  /** The explanation JSON of an account ({@code site:account}) or person, as imported. */
  public Optional<String> explanation(long run, String kind, String subject) {
    return db.one("SELECT json FROM triage_explanation WHERE run = ? AND subject_kind = ? AND subject = ?", rs -> rs.getString(1),
        run, kind, subject);
  }

  /** Sites of a run (cached: a complete run never changes, and the scan is O(accounts)). */
  public List<String> sites(long run) {
    return sitesByRun.computeIfAbsent(run, r -> List.copyOf(
        db.list("SELECT DISTINCT site FROM triage_account WHERE run = ? ORDER BY site", rs -> rs.getString(1), r)));
  }

  /** Number of indicator spans per code over the given accounts' items ({@code site/kind/id} keys). */
  public Map<String, Long> indicatorCountsForItems(long run, List<String> itemKeys) {
    Map<String, Long> out = new LinkedHashMap<>();
    for (String key : itemKeys) {
      String[] p = key.split("/", 3);
      if (p.length != 3) continue;
      for (IndicatorRow r : indicatorsOfItem(run, p[0], p[1], p[2])) out.merge(r.category(), 1L, Long::sum);
    }
    return out;
  }
}
