package org.webwatch.server.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.webwatch.WebwatchException;
import org.webwatch.casework.Decision;
import org.webwatch.casework.DecisionKind;
import org.webwatch.store.casework.Note;
import org.webwatch.store.casework.WatchEntry;
import org.webwatch.store.triage.QueueAccount;
import org.webwatch.store.triage.QueuePerson;

/** Decisions, watchlist, notes, the cases page and case export. Writes are audited. */
public final class CaseRoutes {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Services s;

  CaseRoutes(Services s) {
    this.s = s;
  }

  public record CasesView(List<WatchEntry> watchlist, List<Decision> decisions) {}

  void register(RoutesConfig r) {
    r.get("/cases", ctx -> s.templates().render(ctx, "cases.jte", "Cases", "cases", view()), Access.READ);
    r.get("/api/cases", ctx -> ctx.json(view()), Access.READ);
    r.post("/decisions", ctx -> {
      decide(ctx, ctx.formParam("kind"), ctx.formParam("subject"), ctx.formParam("other"), ctx.formParam("reason"));
      ctx.redirect(Services.localPath(ctx.formParam("back"), "/cases"), io.javalin.http.HttpStatus.SEE_OTHER);
    }, Access.DECIDE);
    r.post("/api/decisions", ctx -> {
      JsonNode b = body(ctx);
      ctx.status(201).json(decide(ctx, text(b, "kind"), text(b, "subject"), text(b, "other"), text(b, "reason")));
    }, Access.DECIDE);
    r.post("/watchlist", ctx -> {
      watch(ctx, ctx.formParam("kind"), ctx.formParam("subject"), ctx.formParam("reason"), ctx.formParam("action"));
      ctx.redirect(Services.localPath(ctx.formParam("back"), "/cases"), io.javalin.http.HttpStatus.SEE_OTHER);
    }, Access.DECIDE);
    r.post("/api/watchlist", ctx -> {
      JsonNode b = body(ctx);
      watch(ctx, text(b, "kind"), text(b, "subject"), text(b, "reason"), text(b, "action"));
      ctx.json(view().watchlist());
    }, Access.DECIDE);
    r.post("/notes", ctx -> {
      note(ctx, ctx.formParam("kind"), ctx.formParam("subject"), ctx.formParam("text"));
      ctx.redirect(Services.localPath(ctx.formParam("back"), "/cases"), io.javalin.http.HttpStatus.SEE_OTHER);
    }, Access.DECIDE);
    r.post("/api/notes", ctx -> {
      JsonNode b = body(ctx);
      ctx.status(201).json(note(ctx, text(b, "kind"), text(b, "subject"), text(b, "text")));
    }, Access.DECIDE);
    r.get("/cases/export", this::export, Access.EXPORT);
    r.get("/api/cases/export", this::export, Access.EXPORT);
  }

  private CasesView view() {
    List<Decision> all = s.decisions().all();
    return new CasesView(s.cases().watchlist(), all.subList(0, Math.min(all.size(), 200)));
  }

  private static JsonNode body(Context ctx) {
    try {
      return JSON.readTree(ctx.body());
    } catch (IOException e) {
      throw new WebwatchException(WebwatchException.Kind.INVALID_INPUT, "request body is not JSON");
    }
  }

  private static String text(JsonNode b, String f) {
    return b.hasNonNull(f) ? b.get(f).asText() : null;
  }

  private Decision decide(Context ctx, String kind, String subject, String other, String reason) {
    Decision d = new Decision(0, DecisionKind.fromCode(kind == null ? "" : kind), subject == null ? "" : subject.strip(),
        other == null ? "" : other.strip(), reason, Security.principal(ctx).user().name(), System.currentTimeMillis());
    Decision saved = s.decisions().record(d);
    s.audit(ctx, "decision", (d.kind().isLink() ? "link:" + d.subject() + "|" + d.other() : "person:" + d.subject()),
        Map.of("kind", d.kind().code(), "reason", d.reason(), "id", saved.id()));
    return saved;
  }

  private void watch(Context ctx, String kind, String subject, String reason, String action) {
    if ("remove".equals(action)) {
      s.cases().unwatch(kind, subject);
      s.audit(ctx, "watchlist.remove", kind + ":" + subject, Map.of());
    } else {
      s.cases().watch(kind, subject, Security.principal(ctx).user().name(), reason, System.currentTimeMillis());
      s.audit(ctx, "watchlist.add", kind + ":" + subject, Map.of("reason", reason == null ? "" : reason));
    }
  }

  private Note note(Context ctx, String kind, String subject, String text) {
    Note n = s.cases().addNote(kind, subject, Security.principal(ctx).user().name(), text, System.currentTimeMillis());
    s.audit(ctx, "note", kind + ":" + subject, Map.of("id", n.id()));
    return n;
  }

  /**
   * Exports a person's case: scores, accounts with identity evidence, explanations, indicator
   * spans, identifiers, media rows with hashes, decisions and notes. CSV is one row per finding.
   */
  private void export(Context ctx) {
    long run = s.runId();
    String id = ctx.queryParam("person");
    if (run < 0 || id == null) throw new WebwatchException(WebwatchException.Kind.INVALID_INPUT, "export needs ?person=ID of the current run");
    QueuePerson p = s.triage().person(run, id)
        .orElseThrow(() -> new WebwatchException(WebwatchException.Kind.NOT_FOUND, "no person '" + id + "'"));
    String format = "csv".equals(ctx.queryParam("format")) ? "csv" : "json";
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("format", "webwatch-case/1");
    doc.put("exportedBy", Security.principal(ctx).user().name());
    doc.put("exportedAt", java.time.Instant.now().toString());
    doc.put("run", run);
    doc.put("person", p);
    doc.put("explanation", s.triage().explanation(run, "person", id).orElse(null));
    List<Map<String, Object>> accounts = new ArrayList<>();
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("person", "site", "account", "record", "kind", "item", "code_or_type", "value", "detail"));
    for (QueueAccount a : s.triage().accountsOfPerson(run, id)) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("account", a);
      m.put("identity", s.triage().identities(run, id).stream().filter(r -> (r.site() + ":" + r.account()).equals(a.key())).findFirst().orElse(null));
      m.put("explanation", s.triage().explanation(run, "account", a.key()).orElse(null));
      var ind = s.triage().indicators(run, a.site(), a.account());
      var idf = s.triage().identifiers(run, a.site(), a.account());
      var med = s.triage().media(run, a.site(), a.account());
      m.put("indicators", ind);
      m.put("identifiers", idf);
      m.put("media", med);
      accounts.add(m);
      rows.add(List.of(id, a.site(), a.account(), "account", "", "", a.band(), Double.toString(a.score()), a.reasons()));
      ind.forEach(r -> rows.add(List.of(id, r.site(), r.account(), "indicator", r.kind(), r.item(), r.category(), r.text(), r.start() + "-" + r.end())));
      idf.forEach(r -> rows.add(List.of(id, r.site(), r.account(), "identifier", r.kind(), r.item(), r.type(), r.value(), r.valid() ? "valid" : "invalid")));
      med.forEach(r -> rows.add(List.of(id, r.site(), r.account(), "media", "post", r.post(), r.status(), nz(r.sha256()),
          "attachment=" + r.attachment() + ";md5=" + nz(r.md5()) + ";pdq=" + nz(r.pdq()) + ";set=" + nz(r.source()) + ";category="
              + nz(r.category()) + ";distance=" + (r.distance() == null ? "" : r.distance()))));
    }
    doc.put("accounts", accounts);
    List<Decision> decisions = new ArrayList<>(s.decisions().about(id));
    for (QueueAccount a : s.triage().accountsOfPerson(run, id)) {
      for (Decision d : s.decisions().about(a.key())) if (!decisions.contains(d)) decisions.add(d);
    }
    doc.put("decisions", decisions);
    doc.put("notes", s.cases().notes("person", id));
    decisions.forEach(d -> rows.add(List.of(id, "", "", "decision", d.kind().code(), Long.toString(d.id()), d.subject(), d.other(),
        d.actor() + ": " + d.reason())));
    s.audit(ctx, "export", "person:" + id, Map.of("format", format));
    ctx.header("Content-Disposition", "attachment; filename=\"case-" + id.replaceAll("[^A-Za-z0-9._-]", "_") + "." + format + "\"");
    if (format.equals("json")) {
      ctx.json(doc);
    } else {
      StringBuilder b = new StringBuilder();
      for (List<String> row : rows) b.append(csvLine(row));
      ctx.contentType("text/csv; charset=utf-8").result(b.toString());
    }
  }

  private static String nz(String v) {
    return v == null ? "" : v;
  }

  /** RFC 4180 line; cells starting with = + - @ are prefixed with ' against spreadsheet formula injection. */
  static String csvLine(List<String> row) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < row.size(); i++) {
      String v = row.get(i) == null ? "" : row.get(i);
      if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) v = "'" + v;
      if (i > 0) b.append(',');
      if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) b.append('"').append(v.replace("\"", "\"\"")).append('"');
      else b.append(v);
    }
    return b.append("\r\n").toString();
  }
}
