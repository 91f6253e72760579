package org.webwatch.server.internal;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Full-text search page and API; every search is audited with its query. */
public final class SearchRoutes {
  static final int PAGE = 20;
  private final Services s;

  SearchRoutes(Services s) {
    this.s = s;
  }

  /** Search result plus indicator-code facet over the page's hits (from the triage indicators table). */
  public record SearchView(LuceneSearch.Result result, String site, String kind, int offset, Map<String, Long> indicators) {
    public int nextOffset() {
      return offset + PAGE < result.total() ? offset + PAGE : -1;
    }
  }

  void register(RoutesConfig r) {
    r.get("/search", ctx -> s.templates().render(ctx, "search.jte", "Search", "search", search(ctx)), Access.READ);
    r.get("/api/search", ctx -> ctx.json(search(ctx)), Access.READ);
  }

  private SearchView search(Context ctx) {
    String q = ctx.queryParam("q");
    String site = ctx.queryParam("site");
    String kind = ctx.queryParam("kind");
    int offset = (int) Math.min(Math.max(QueueRoutes.longParam(ctx, "offset", 0), 0), 10_000);
    LuceneSearch.Result result = s.search().search(q, site, kind, offset, PAGE);
    if (q != null && !q.isBlank()) {
      s.audit(ctx, "search", "", Map.of("q", q, "site", site == null ? "" : site, "kind", kind == null ? "" : kind,
          "hits", result.total()));
    }
    long run = s.runId();
    List<String> keys = new ArrayList<>();
    for (LuceneSearch.Hit h : result.hits()) keys.add(h.site() + "/" + h.kind() + "/" + h.id());
    Map<String, Long> codes = run < 0 ? Map.of() : s.triage().indicatorCountsForItems(run, keys);
    return new SearchView(result, site, kind, offset, codes);
  }
}
