package org.webwatch.server.internal;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.webwatch.WebwatchException;
import org.webwatch.model.IndicatorCode;
import org.webwatch.store.triage.QueueAccount;
import org.webwatch.store.triage.QueueFilter;
import org.webwatch.store.triage.QueuePerson;

/** The triage queue: persons and accounts by rank, filtered, keyset-paged. */
public final class QueueRoutes {
  static final int PAGE = 50;
  static final int MAX_PAGE = 500;
  static final List<String> BANDS = List.of("critical", "high", "medium", "low");
  static final List<String> MEDIA_STATUSES = List.of("known-exact", "known-perceptual", "new", "low-quality", "unhashed");
  static final List<String> INDICATORS = Arrays.stream(IndicatorCode.values()).map(IndicatorCode::code).toList();
  private final Services s;

  QueueRoutes(Services s) {
    this.s = s;
  }

  /** What the queue page shows. {@code nextAfter} is the rank to continue after, or -1 at the end. */
  public record QueueView(long run, String view, QueueFilter filter, List<QueuePerson> persons, List<QueueAccount> accounts,
      long after, long nextAfter, List<String> sites, List<String> bands, List<String> indicators, List<String> mediaStatuses) {
    public String nextLink() {
      StringBuilder b = new StringBuilder("/queue?view=").append(view).append("&after=").append(nextAfter);
      Map<String, String> f = new LinkedHashMap<>();
      f.put("band", filter.band());
      f.put("site", filter.site());
      f.put("indicator", filter.indicator());
      f.put("media", filter.mediaStatus());
      f.forEach((k, v) -> {
        if (v != null) b.append('&').append(k).append('=').append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8));
      });
      return b.toString();
    }
  }

  void register(RoutesConfig r) {
    r.get("/", ctx -> ctx.redirect("/queue"), Access.READ);
    r.get("/queue", this::page, Access.READ);
    r.get("/api/queue/persons", ctx -> api(ctx, "persons"), Access.READ);
    r.get("/api/queue/accounts", ctx -> api(ctx, "accounts"), Access.READ);
  }

  static QueueFilter filter(Context ctx) {
    return new QueueFilter(ctx.queryParam("band"), ctx.queryParam("site"), ctx.queryParam("indicator"), ctx.queryParam("media"));
  }

  static long longParam(Context ctx, String name, long dflt) {
    String v = ctx.queryParam(name);
    if (v == null || v.isBlank()) return dflt;
    try {
      return Long.parseLong(v.strip());
    } catch (NumberFormatException e) {
      throw new WebwatchException(WebwatchException.Kind.INVALID_INPUT, name + " must be a whole number");
    }
  }

  private void page(Context ctx) {
    String view = "accounts".equals(ctx.queryParam("view")) ? "accounts" : "persons";
    QueueFilter f = filter(ctx);
    long after = longParam(ctx, "after", 0);
    long run = s.runId();
    List<QueuePerson> persons = List.of();
    List<QueueAccount> accounts = List.of();
    long next = -1;
    List<String> sites = List.of();
    if (run >= 0) {
      sites = s.triage().sites(run);
      if (view.equals("persons")) {
        persons = s.triage().persons(run, f, after, PAGE);
        if (persons.size() == PAGE) next = persons.get(PAGE - 1).rank();
      } else {
        accounts = s.triage().accounts(run, f, after, PAGE);
        if (accounts.size() == PAGE) next = accounts.get(PAGE - 1).rank();
      }
    }
    s.templates().render(ctx, "queue.jte", "Triage queue", "queue",
        new QueueView(run, view, f, persons, accounts, after, next, sites, BANDS, INDICATORS, MEDIA_STATUSES));
  }

  private void api(Context ctx, String what) {
    long run = s.runId();
    QueueFilter f = filter(ctx);
    long after = longParam(ctx, "after", 0);
    int limit = (int) Math.min(Math.max(longParam(ctx, "limit", PAGE), 1), MAX_PAGE);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("run", run);
    List<?> items = run < 0 ? List.of()
        : what.equals("persons") ? s.triage().persons(run, f, after, limit) : s.triage().accounts(run, f, after, limit);
    out.put("items", items);
    long next = -1;
    if (items.size() == limit) {
      Object last = items.get(limit - 1);
      next = last instanceof QueuePerson p ? p.rank() : ((QueueAccount) last).rank();
    }
    out.put("next", next);
    ctx.json(out);
  }
}
