package org.webwatch.store.casework;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.webwatch.casework.Decision;
import org.webwatch.casework.DecisionKind;
import org.webwatch.identity.AccountLinker;
import org.webwatch.identity.EvidenceAccountLinker;
import org.webwatch.identity.OperatingPoint;
import org.webwatch.model.AccountKey;
import org.webwatch.store.WebwatchStore;
import org.webwatch.store.internal.Jdbc;

/**
 * Decisions on persons and links. Rows are appended, never changed; the newest decision on a
 * subject is the one in force. Triage reads {@link #linkDecisions()} and {@link #personDecisions()}.
 */
public final class DecisionRepository {
  private final Jdbc db;

  public DecisionRepository(WebwatchStore store) {
    this.db = new Jdbc(store);
  }

  private static Decision decision(ResultSet rs) throws SQLException {
    return new Decision(rs.getLong("id"), DecisionKind.fromCode(rs.getString("kind")), rs.getString("subject"),
        rs.getString("other"), rs.getString("reason"), rs.getString("actor"), rs.getLong("decided_at"));
  }

  /** Records a decision (already validated by {@link Decision}'s constructor); returns it with its id. */
  public Decision record(Decision d) {
    return db.tx(c -> {
      Jdbc.update(c, "INSERT INTO decision (kind, subject, other, reason, actor, decided_at) VALUES (?,?,?,?,?,?)",
          d.kind().code(), d.subject(), d.other(), d.reason(), d.actor(), d.time());
      return Jdbc.list(c, "SELECT * FROM decision WHERE id = last_insert_rowid()", DecisionRepository::decision).get(0);
    });
  }

  /** All decisions naming this person id or account (site:account), newest first. */
  public List<Decision> about(String subject) {
    // two index range scans (decision_subject, decision_other from V34) instead of a scan for the OR
    return db.list("SELECT * FROM decision WHERE subject = ? UNION SELECT * FROM decision INDEXED BY decision_other WHERE other = ? ORDER BY id DESC",
        DecisionRepository::decision, subject, subject);
  }

  /** Every decision, newest first. */
  public List<Decision> all() {
    return db.list("SELECT * FROM decision ORDER BY id DESC", DecisionRepository::decision);
  }

  /** The decision in force per link (newest per account pair), for the next triage run. */
  public List<LinkDecision> linkDecisions() {
    Map<String, LinkDecision> latest = new LinkedHashMap<>();
    for (Decision d : db.list("SELECT * FROM decision WHERE kind IN ('link-confirmed','link-rejected') ORDER BY id",
        DecisionRepository::decision)) {
      latest.put(d.subject() + "\n" + d.other(),
          new LinkDecision(d.subject(), d.other(), d.kind() == DecisionKind.LINK_CONFIRMED, d.actor(), d.time()));
    }
    return List.copyOf(latest.values());
  }

  /**
   * A fresh {@link EvidenceAccountLinker} per call with {@code decisions} applied (what every
   * triage run, CLI or server job, links with), so analysts' confirmations and rejections hold.
   */
  public static Supplier<AccountLinker> linkerWith(List<LinkDecision> decisions) {
    return linkerWith(decisions, OperatingPoint.STRICT);
  }

  /** As {@link #linkerWith(List)}, linking at {@code point} ({@link OperatingPoint}). */
  public static Supplier<AccountLinker> linkerWith(List<LinkDecision> decisions, OperatingPoint point) {
    List<LinkDecision> fixed = List.copyOf(decisions);
    java.util.Objects.requireNonNull(point, "point");
    return () -> {
      EvidenceAccountLinker linker = new EvidenceAccountLinker();
      linker.operatingPoint(point);
      for (LinkDecision d : fixed) linker.decision(AccountKey.parse(d.accountA()), AccountKey.parse(d.accountB()), d.confirmed());
      return linker;
    };
  }

  /**
   * The decisions in force on links whose first account ({@code accountA}) is one of {@code accounts}
   * ({@code site:account} keys): what a person dossier needs, without reading every link decision.
   */
  public List<LinkDecision> linkDecisionsFrom(java.util.Collection<String> accounts) {
    if (accounts.isEmpty()) return List.of();
    Map<String, LinkDecision> latest = new LinkedHashMap<>();
    String marks = String.join(",", java.util.Collections.nCopies(accounts.size(), "?"));
    for (Decision d : db.list("SELECT * FROM decision INDEXED BY decision_subject WHERE subject IN (" + marks
        + ") AND kind IN ('link-confirmed','link-rejected') ORDER BY id", DecisionRepository::decision, accounts.toArray())) {
      latest.put(d.subject() + "\n" + d.other(),
          new LinkDecision(d.subject(), d.other(), d.kind() == DecisionKind.LINK_CONFIRMED, d.actor(), d.time()));
    }
    return List.copyOf(latest.values());
  }

  /** The decision in force per person id (newest: referred or dismissed). */
  public Map<String, Decision> personDecisions() {
    Map<String, Decision> latest = new LinkedHashMap<>();
    for (Decision d : db.list("SELECT * FROM decision WHERE kind IN ('referred','dismissed') ORDER BY id", DecisionRepository::decision)) {
      latest.put(d.subject(), d);
    }
    return Map.copyOf(latest);
  }
}
