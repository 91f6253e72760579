package org.webwatch.server.internal;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.webwatch.store.triage.SuggestionRow;

/**
 * The review list of suggested links (link-suggestions.csv): pairs of accounts of two persons the
 * weak-pair model holds more likely than not but did not merge, those touching the highest-ranked
 * persons first, each with the link decision in force. Confirming or rejecting goes through the
 * link decisions of {@link CaseRoutes}. Viewing is audited: the list ties accounts to persons.
 */
public final class SuggestionRoutes {
  static final int PAGE = 50;
  static final int MAX_PAGE = 500;
  private final Services s;

  SuggestionRoutes(Services s) {
    this.s = s;
  }

  /** A suggestion with the decision in force ({@code none}, {@code confirmed}, {@code rejected}). */
  public record Line(SuggestionRow suggestion, String state) {}

  /** One page: {@code next} is the offset of the next page, or −1 on the last. */
  public record View(long run, long total, long offset, long next, List<Line> items) {
    public String nextLink() {
      return "/suggestions?offset=" + next;
    }
  }

  void register(RoutesConfig r) {
    r.get("/suggestions", ctx -> s.templates().render(ctx, "suggestions.jte", "Suggested links", "suggestions", view(ctx, PAGE)), Access.READ);
    r.get("/api/suggestions", ctx -> ctx.json(view(ctx, (int) Math.min(Math.max(QueueRoutes.longParam(ctx, "limit", PAGE), 1), MAX_PAGE))),
        Access.READ);
  }

  private View view(Context ctx, int limit) {
    long run = s.runId();
    long offset = Math.max(0, QueueRoutes.longParam(ctx, "offset", 0));
    if (run < 0) return new View(run, 0, 0, -1, List.of());
    List<SuggestionRow> rows = s.triage().suggestions(run, offset, limit);
    Set<String> firsts = new HashSet<>();
    rows.forEach(x -> firsts.add(x.a()));
    Map<String, String> states = DossierRoutes.linkStates(s, firsts);
    List<Line> lines = rows.stream().map(x -> new Line(x, states.getOrDefault(x.a() + "\n" + x.b(), "none"))).toList();
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("offset", offset);
    detail.put("shown", lines.size());
    s.audit(ctx, "suggestions.view", "run:" + run, detail);
    return new View(run, s.triage().suggestionCount(run), offset, rows.size() == limit ? offset + limit : -1, lines);
  }
}
