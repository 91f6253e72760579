package org.webwatch.store.triage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.webwatch.store.WebwatchStore;
import org.webwatch.store.internal.Jdbc;

/**
 * Capture records an account dossier shows: profile, posts and messages (newest first, bounded),
 * activity counts and the accounts it talked to (replies both ways, messages sent).
 */
public final class DossierQueries {
  /** A post or message by the account. kind: post | message. */
  public record Item(String site, String kind, String id, long time, String title, String text) {}

  /** Capture profile of an account. */
  public record Profile(String site, String id, String username, Long registeredAt, String role, String signature) {}

  /** Another account the subject interacted with, and how often. */
  public record Contact(String site, String account, String username, long replies, long messages) {}

  private final Jdbc db;

  public DossierQueries(WebwatchStore store) {
    this.db = new Jdbc(store);
  }

  public Optional<Profile> profile(String site, String account) {
    return db.one("SELECT * FROM account WHERE site = ? AND id = ?", rs -> new Profile(rs.getString("site"), rs.getString("id"),
        rs.getString("username"), (Long) (rs.getObject("registered_at") == null ? null : rs.getLong("registered_at")),
        rs.getString("role"), rs.getString("signature")), site, account);
  }

  public List<Item> posts(String site, String account, int limit) {
    return db.list("SELECT p.id, p.created_at, p.text, t.title FROM post p LEFT JOIN thread t ON t.site = p.site AND t.id = p.thread "
        + "WHERE p.site = ? AND p.author = ? ORDER BY p.created_at DESC LIMIT ?", rs -> new Item(site, "post", rs.getString("id"),
            rs.getLong("created_at"), rs.getString("title"), rs.getString("text")), site, account, limit);
  }

  public List<Item> messages(String site, String account, int limit) {
    return db.list("SELECT id, created_at, subject, text FROM message WHERE site = ? AND author = ? ORDER BY created_at DESC LIMIT ?",
        rs -> new Item(site, "message", rs.getString("id"), rs.getLong("created_at"), rs.getString("subject"), rs.getString("text")),
        site, account, limit);
  }

  /** Creation times (epoch ms) of all posts and messages by the account. */
  public List<Long> activityTimes(String site, String account) {
    return db.list("SELECT created_at FROM post WHERE site = ? AND author = ? UNION ALL "
        + "SELECT created_at FROM message WHERE site = ? AND author = ?", rs -> rs.getLong(1), site, account, site, account);
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
    return counts.entrySet().stream()
        .sorted((x, y) -> Long.compare(y.getValue()[0] + y.getValue()[1], x.getValue()[0] + x.getValue()[1]))
        .limit(limit)
        .map(e -> new Contact(site, e.getKey(), profile(site, e.getKey()).map(Profile::username).orElse(e.getKey()),
            e.getValue()[0], e.getValue()[1]))
        .toList();
  }
}
