package org.webwatch.triage.internal;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.webwatch.model.AccountKey;
import org.webwatch.model.AccountLink;
import org.webwatch.model.Evidence;
import org.webwatch.triage.Band;
import org.webwatch.triage.Excerpt;
import org.webwatch.triage.FactorContribution;
import org.webwatch.triage.RankedAccount;
import org.webwatch.triage.RankedPerson;
import org.webwatch.triage.TriageResult;

/**
 * report.html: one self-contained static page (inline CSS, no script, no external resource):
 * the ranked queue of persons, then for each of the top persons its accounts, reasons and
 * evidence — indicator spans quoted in context with the span in {@code <mark>}, identifiers,
 * media as hashes and the links that joined its accounts. Text and hashes only, never images;
 * every captured string is HTML-escaped.
 */
public final class HtmlReport {
  /** Queue rows shown before pointing at persons.csv for the rest. */
  public static final int QUEUE_ROWS = 1000;
  static final int EVIDENCE_SHOWN = 5;

  private static final String CSS = "body{font-family:system-ui,sans-serif;margin:2em;color:#222}"
      + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2em .5em;text-align:left;vertical-align:top}"
      + ".critical{background:#f8d0d0}.high{background:#fbe3c8}.medium{background:#fdf5c4}.low{background:#eef}"
      + "mark{background:#ffe36e}code{font-size:.9em}section{border-top:2px solid #999;margin-top:1.5em}"
      + ".ctx{color:#555}.note{color:#666;font-size:.9em}";

  private HtmlReport() {}

  public static void write(Writer w, TriageResult r, int top) throws IOException {
    w.write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"
        + "<title>Webwatch triage report</title><style>" + CSS + "</style></head><body>\n");
    w.write("<h1>Webwatch triage report</h1>\n<p class=\"note\">Text and hashes only. Model "
        + esc(r.persons().isEmpty() ? "" : r.persons().get(0).score().modelVersion()) + ". "
        + r.persons().size() + " persons, " + r.accounts().size() + " accounts. Bands: "
        + bandCounts(r) + ". Full lists: persons.csv, accounts.csv; every factor and its evidence: explanations.json.</p>\n");
    w.write("<h2>Queue</h2>\n<table><tr><th>rank</th><th>person</th><th>band</th><th>score</th><th>accounts</th><th>reasons</th></tr>\n");
    int rows = Math.min(QUEUE_ROWS, r.persons().size());
    for (int i = 0; i < rows; i++) {
      RankedPerson p = r.persons().get(i);
      String id = i < top ? "<a href=\"#p" + p.rank() + "\">" + esc(p.person()) + "</a>" : esc(p.person());
      w.write("<tr class=\"" + p.score().band().code() + "\"><td>" + p.rank() + "</td><td>" + id + "</td><td>"
          + p.score().band().code() + "</td><td>" + num(p.score().score()) + "</td><td>"
          + esc(p.accounts().stream().map(AccountKey::toString).collect(Collectors.joining(" | "))) + "</td><td>"
          + esc(p.score().reasons()) + "</td></tr>\n");
    }
    w.write("</table>\n");
    if (r.persons().size() > rows) w.write("<p class=\"note\">" + (r.persons().size() - rows) + " more in persons.csv.</p>\n");
    Map<String, List<AccountLink>> links = ExplanationsWriter.linksByPerson(r);
    Map<AccountKey, RankedAccount> accounts = new java.util.HashMap<>();
    for (RankedAccount a : r.accounts()) accounts.put(a.account(), a);
    for (int i = 0; i < Math.min(top, r.persons().size()); i++)
      person(w, r.persons().get(i), accounts, links, r.excerpts(), r.identifiers());
    w.write("</body></html>\n");
  }

  private static void person(Writer w, RankedPerson p, Map<AccountKey, RankedAccount> accounts,
      Map<String, List<AccountLink>> links, Map<String, Excerpt> excerpts, Map<AccountKey, List<String>> identifiers)
      throws IOException {
    w.write("<section id=\"p" + p.rank() + "\"><h2>#" + p.rank() + " " + esc(p.person()) + " <span class=\""
        + p.score().band().code() + "\">" + p.score().band().code() + " " + num(p.score().score()) + "</span></h2>\n");
    w.write("<p>Confidence " + num(p.score().confidence()) + ". Reasons: <code>" + esc(p.score().reasons()) + "</code></p>\n");
    w.write("<table><tr><th>account</th><th>username</th><th>rank</th><th>band</th><th>score</th><th>reasons</th></tr>\n");
    for (AccountKey k : p.accounts()) {
      RankedAccount a = accounts.get(k);
      if (a == null) continue;
      w.write("<tr><td>" + esc(k.toString()) + "</td><td>" + esc(a.username()) + "</td><td>" + a.rank() + "</td><td>"
          + a.score().band().code() + "</td><td>" + num(a.score().score()) + "</td><td>" + esc(a.score().reasons()) + "</td></tr>\n");
    }
    w.write("</table>\n<h3>Factors</h3>\n<ul>\n");
    for (FactorContribution f : p.score().factors()) {
      if (f.contribution() < 0 && !f.evidence().isEmpty()) {
        // a cap (e.g. the corroboration rule): say why the score stops below the next band
        w.write("<li><b>" + esc(f.factor()) + "</b> (" + num(f.contribution()) + "): " + esc(f.evidence().get(0).detail()) + "</li>\n");
        continue;
      }
      if (f.contribution() <= 0) continue;
      w.write("<li><b>" + esc(f.factor()) + "</b> &times;" + f.count() + " (+" + num(f.contribution()) + ")<ul>\n");
      int shown = 0;
      for (Evidence e : f.evidence()) {
        if (shown++ == EVIDENCE_SHOWN) {
          w.write("<li class=\"note\">" + (f.evidence().size() - EVIDENCE_SHOWN) + " more in explanations.json</li>\n");
          break;
        }
        w.write("<li>" + evidence(e, excerpts.get(e.detail())) + "</li>\n");
      }
      w.write("</ul></li>\n");
    }
    w.write("</ul>\n");
    StringBuilder ids = new StringBuilder();
    for (AccountKey k : p.accounts())
      for (String id : identifiers.getOrDefault(k, List.of()))
        ids.append("<li><code>").append(esc(id)).append("</code> <span class=\"note\">").append(esc(k.toString())).append("</span></li>\n");
    if (ids.length() > 0) w.write("<h3>Identifiers</h3>\n<ul>\n" + ids + "</ul>\n");
    List<AccountLink> ls = links.getOrDefault(p.person(), List.of());
    if (!ls.isEmpty()) {
      w.write("<h3>Links between its accounts</h3>\n<ul>\n");
      for (AccountLink l : ls) {
        String ev = l.evidence() == null ? "" : l.evidence().stream()
            .map(e -> e.code() + (e.value() == null ? "" : " " + e.value())).collect(Collectors.joining("; "));
        w.write("<li>" + esc(l.a().toString()) + " &harr; " + esc(l.b().toString()) + " confidence "
            + num(l.confidence()) + " (" + esc(l.method()) + "): <code>" + esc(ev) + "</code></li>\n");
      }
      w.write("</ul>\n");
    }
    w.write("</section>\n");
  }

  private static String evidence(Evidence e, Excerpt x) {
    String where = "<span class=\"note\">" + esc(e.detail()) + "</span>";
    if (x != null)
      return where + "<br><q class=\"ctx\">" + esc(x.before()) + "<mark>" + esc(x.span()) + "</mark>" + esc(x.after()) + "</q>";
    return where + (e.value() == null || e.value().isEmpty() ? "" : " <code>" + esc(e.value()) + "</code>");
  }

  private static String bandCounts(TriageResult r) {
    StringBuilder sb = new StringBuilder();
    for (Band b : Band.values()) {
      long n = r.persons().stream().filter(p -> p.score().band() == b).count();
      if (sb.length() > 0) sb.append(", ");
      sb.append(b.code()).append(' ').append(n);
    }
    return sb.toString();
  }

  private static String num(double x) {
    return org.webwatch.triage.TriageWriter.number(x);
  }

  /** HTML-escapes text for element content and attribute values. */
  public static String esc(String s) {
    if (s == null) return "";
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }
}
