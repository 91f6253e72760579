package org.webwatch.store.casework;

import java.util.List;
import java.util.Set;
import org.webwatch.WebwatchException;
import org.webwatch.store.WebwatchStore;
import org.webwatch.store.internal.Jdbc;

/** Watchlist and notes on persons and accounts. */
public final class CaseRepository {
  private static final Set<String> KINDS = Set.of("person", "account");
  public static final int MAX_NOTE_LENGTH = 20_000;
  private final Jdbc db;

  public CaseRepository(WebwatchStore store) {
    this.db = new Jdbc(store);
  }

  private static void check(String kind, String subject) {
    if (!KINDS.contains(kind)) throw new WebwatchException(WebwatchException.Kind.INVALID_INPUT, "subject kind must be person or account");
    if (subject == null || subject.isBlank()) throw new WebwatchException(WebwatchException.Kind.INVALID_INPUT, "subject missing");
  }

  public void watch(String kind, String subject, String actor, String reason, long now) {
    check(kind, subject);
    db.update("INSERT INTO watchlist (subject_kind, subject, added_by, added_at, reason) VALUES (?,?,?,?,?) "
        + "ON CONFLICT (subject_kind, subject) DO UPDATE SET reason = excluded.reason", kind, subject, actor, now,
        reason == null ? "" : reason.strip());
  }

  public boolean unwatch(String kind, String subject) {
    return db.update("DELETE FROM watchlist WHERE subject_kind = ? AND subject = ?", kind, subject) > 0;
  }

  public boolean watched(String kind, String subject) {
    return db.one("SELECT 1 FROM watchlist WHERE subject_kind = ? AND subject = ?", rs -> 1, kind, subject).isPresent();
  }

  public List<WatchEntry> watchlist() {
    return db.list("SELECT * FROM watchlist ORDER BY added_at DESC", rs -> new WatchEntry(rs.getString("subject_kind"),
        rs.getString("subject"), rs.getString("added_by"), rs.getLong("added_at"), rs.getString("reason")));
  }

  public Note addNote(String kind, String subject, String author, String text, long now) {
    check(kind, subject);
    if (text == null || text.isBlank()) throw new WebwatchException(WebwatchException.Kind.INVALID_INPUT, "note is empty");
    if (text.length() > MAX_NOTE_LENGTH) throw new WebwatchException(WebwatchException.Kind.INVALID_INPUT, "note longer than " + MAX_NOTE_LENGTH);
    db.update("INSERT INTO note (subject_kind, subject, author, created_at, text) VALUES (?,?,?,?,?)", kind, subject, author, now, text.strip());
    return notes(kind, subject).get(0);
  }

  /** Newest first. */
  public List<Note> notes(String kind, String subject) {
    return db.list("SELECT * FROM note WHERE subject_kind = ? AND subject = ? ORDER BY id DESC", rs -> new Note(rs.getLong("id"),
        rs.getString("subject_kind"), rs.getString("subject"), rs.getString("author"), rs.getLong("created_at"),
        rs.getString("text")), kind, subject);
  }
}
