package org.webwatch.store.triage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.webwatch.store.WebwatchStore;
import org.webwatch.store.internal.Jdbc;

/**
 * Capture records an account dossier shows: profile, posts and messages (newest first, one
 * keyset page at a time), activity counts and the accounts it talked to (replies both ways,
 * messages sent). Every query is bounded by the page or by the number of distinct buckets, never
 * by how prolific the account is, except {@link #contacts} (one row per reply or recipient).
 */
public final class DossierQueries {
  /** A post or message by the account. kind: post | message. */
  public record Item(String site, String kind, String id, long time, String title, String text) {}

  /** Capture profile of an account. */
  public record Profile(String site, String id, String username, Long registeredAt, String role, String signature) {}

  /** Another account the subject interacted with, and how often. */
  public record Contact(String site, String account, String username, long replies, long messages) {}

  /**
   * Position in the newest-first order (time desc, kind desc — 'post' before 'message' at equal
   * times —, id desc) after which a page continues; the last item of the previous page.
   */
  public record Cursor(long time, String kind, String id) {
    public Cursor {
      if (!"post".equals(kind) && !"message".equals(kind)) throw new IllegalArgumentException("kind must be post or message: " + kind);
      java.util.Objects.requireNonNull(id, "id");
    }

    /** As written in a URL: {@code time~kind~id}. Null (first page) for null or malformed text. */
    public static Cursor parse(String text) {
      if (text == null) return null;
      String[] p = text.split("~", 3);
      if (p.length != 3 || !("post".equals(p[1]) || "message".equals(p[1])) || p[2].isEmpty()) return null;
      try {
        return new Cursor(Long.parseLong(p[0]), p[1], p[2]);
      } catch (NumberFormatException e) {
        return null;
      }
    }

    @Override
    public String toString() {
      return time + "~" + kind + "~" + id;
    }
  }

  /** A page of items, newest first; {@code next} continues after the last one, null at the end. */
  public record ItemPage(List<Item> items, Cursor next) {}

  /** Posts and messages per hour of day (UTC, index 0–23) and per ISO week (Monday's epoch day → count, ascending). */
  public record Activity(long[] perHour, java.util.SortedMap<Long, Long> perWeek) {}

  private final Jdbc db;

  public DossierQueries(WebwatchStore store) {
    this.db = new Jdbc(store);
  }

  public Optional<Profile> profile(String site, String account) {
    return db.one("SELECT * FROM account WHERE site = ? AND id = ?", rs -> new Profile(rs.getString("site"), rs.getString("id"),
        rs.getString("username"), (Long) (rs.getObject("registered_at") == null ? null : rs.getLong("registered_at")),
        rs.getString("role"), rs.getString("signature")), site, account);
  }

  /**
   * The account's posts and messages, newest first, {@code limit} after {@code after} (null: from
   * the newest). Keyset on (created_at, id) per table through the (site, author, created_at)
   * indexes, so a page costs O(log n + limit) however many items the account has.
   */
  public ItemPage items(String site, String account, Cursor after, int limit) {
    if (limit < 1) throw new IllegalArgumentException("limit must be at least 1: " + limit);
    return db.with(c -> {
      List<Item> all = new java.util.ArrayList<>(2 * limit + 2);
      all.addAll(Jdbc.list(c, "SELECT p.id, p.created_at, p.text, t.title FROM post p LEFT JOIN thread t ON t.site = p.site AND t.id = p.thread "
          + "WHERE p.site = ? AND p.author = ? AND " + keyset("p.", after, "post") + " ORDER BY p.created_at DESC, p.id DESC LIMIT ?",
          rs -> new Item(site, "post", rs.getString("id"), rs.getLong("created_at"), rs.getString("title"), rs.getString("text")),
          keysetArgs(site, account, after, "post", limit + 1)));
      all.addAll(Jdbc.list(c, "SELECT id, created_at, subject, text FROM message p WHERE site = ? AND author = ? AND " + keyset("p.", after, "message")
          + " ORDER BY created_at DESC, id DESC LIMIT ?",
          rs -> new Item(site, "message", rs.getString("id"), rs.getLong("created_at"), rs.getString("subject"), rs.getString("text")),
          keysetArgs(site, account, after, "message", limit + 1)));
      all.sort(NEWEST_FIRST);
      if (all.size() <= limit) return new ItemPage(List.copyOf(all), null);
      List<Item> page = List.copyOf(all.subList(0, limit));
      Item last = page.get(limit - 1);
      return new ItemPage(page, new Cursor(last.time(), last.kind(), last.id()));
    });
  }

  static final java.util.Comparator<Item> NEWEST_FIRST = java.util.Comparator.comparingLong(Item::time).reversed()
      .thenComparing(Item::kind, java.util.Comparator.reverseOrder())
      .thenComparing(Item::id, java.util.Comparator.reverseOrder());

  /** Rows of {@code kind}'s table strictly after the cursor in {@link #NEWEST_FIRST} order. */
  private static String keyset(String alias, Cursor after, String kind) {
    if (after == null) return "1";
    int cmp = kind.compareTo(after.kind());
    if (cmp == 0) return "(" + alias + "created_at < ? OR (" + alias + "created_at = ? AND " + alias + "id < ?))";
    // kind sorts after the cursor's kind at equal times ('message' after 'post'): equal times still to come
    return cmp < 0 ? alias + "created_at <= ?" : alias + "created_at < ?";
  }

  private static Object[] keysetArgs(String site, String account, Cursor after, String kind, int limit) {
    if (after == null) return new Object[] {site, account, limit};
    if (kind.equals(after.kind())) return new Object[] {site, account, after.time(), after.time(), after.id(), limit};
    return new Object[] {site, account, after.time(), limit};
  }

  /**
   * Activity counts, aggregated in SQL: one row per distinct hour and per distinct week rather
   * than one per item. Weeks start on Monday (epoch day 0 was a Thursday, hence the +3).
   */
  public Activity activity(String site, String account) {
    return db.with(c -> {
      long[] hours = new long[24];
      for (long[] r : Jdbc.list(c, "SELECT h, sum(n) FROM (SELECT (created_at / 3600000) % 24 AS h, count(*) AS n FROM post WHERE site = ? AND author = ? GROUP BY h "
          + "UNION ALL SELECT (created_at / 3600000) % 24 AS h, count(*) AS n FROM message WHERE site = ? AND author = ? GROUP BY h) GROUP BY h",
          rs -> new long[] {rs.getLong(1), rs.getLong(2)}, site, account, site, account)) {
        hours[(int) Math.floorMod(r[0], 24)] += r[1];
      }
      java.util.SortedMap<Long, Long> weeks = new java.util.TreeMap<>();
      for (long[] r : Jdbc.list(c, "SELECT w, sum(n) FROM (SELECT ((created_at / 86400000) + 3) / 7 AS w, count(*) AS n FROM post WHERE site = ? AND author = ? GROUP BY w "
          + "UNION ALL SELECT ((created_at / 86400000) + 3) / 7 AS w, count(*) AS n FROM message WHERE site = ? AND author = ? GROUP BY w) GROUP BY w",
          rs -> new long[] {rs.getLong(1), rs.getLong(2)}, site, account, site, account)) {
        weeks.merge(r[0] * 7 - 3, r[1], Long::sum);
      }
      return new Activity(hours, weeks);
    });
  }

  /** Accounts the subject replied to, that replied to it, or that it messaged; strongest first. */
  public List<Contact> contacts(String site, String account, int limit) {
    Map<String, long[]> counts = new LinkedHashMap<>();
    db.list("SELECT q.author FROM post p JOIN post q ON q.site = p.site AND q.id = p.reply_to WHERE p.site = ? AND p.author = ? "
        + "UNION ALL SELECT r.author FROM post r INDEXED BY post_reply_to WHERE r.site = ? AND r.reply_to IN "
        + "(SELECT id FROM post WHERE site = ? AND author = ?)",
        rs -> rs.getString(1), site, account, site, site, account)
        .forEach(a -> counts.computeIfAbsent(a, k -> new long[2])[0]++);
    db.list("SELECT j.value FROM message m, json_each(m.recipients) j WHERE m.site = ? AND m.author = ?", rs -> rs.getString(1), site, account)
        .forEach(a -> counts.computeIfAbsent(a, k -> new long[2])[1]++);
    counts.remove(account);
    List<Map.Entry<String, long[]>> top = counts.entrySet().stream()
        .sorted((x, y) -> Long.compare(y.getValue()[0] + y.getValue()[1], x.getValue()[0] + x.getValue()[1]))
        .limit(limit)
        .toList();
    Map<String, String> names = usernames(site, top.stream().map(Map.Entry::getKey).toList());
    return top.stream()
        .map(e -> new Contact(site, e.getKey(), names.getOrDefault(e.getKey(), e.getKey()), e.getValue()[0], e.getValue()[1]))
        .toList();
  }

  /** Usernames of the given accounts of one site, in one query (accounts missing from the store are left out). */
  public Map<String, String> usernames(String site, List<String> accounts) {
    Map<String, String> out = new java.util.HashMap<>();
    if (accounts.isEmpty()) return out;
    Object[] args = new Object[accounts.size() + 1];
    args[0] = site;
    for (int i = 0; i < accounts.size(); i++) args[i + 1] = accounts.get(i);
    String marks = String.join(",", java.util.Collections.nCopies(accounts.size(), "?"));
    db.list("SELECT id, username FROM account WHERE site = ? AND id IN (" + marks + ")", rs -> Map.entry(rs.getString(1), rs.getString(2)), args)
        .forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }
}
