package org.webwatch.server.internal;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.webwatch.WebwatchException;
import org.webwatch.casework.Decision;
import org.webwatch.store.casework.LinkDecision;
import org.webwatch.store.casework.Note;
import org.webwatch.store.triage.DossierQueries;
import org.webwatch.store.triage.IdentifierRow;
import org.webwatch.store.triage.PaymentRow;
import org.webwatch.store.triage.IdentityRow;
import org.webwatch.store.triage.IndicatorRow;
import org.webwatch.store.triage.MediaRow;
import org.webwatch.store.triage.QueueAccount;
import org.webwatch.store.triage.QueuePerson;

/**
 * Person and account dossiers (pages and JSON); every view is audited, and the page is sent
 * only after its audit row is committed. Every section is bounded: posts and messages come a
 * keyset page at a time ({@code ?items=CURSOR}), activity and indicator counts are aggregated
 * in SQL, so a prolific account costs what a quiet one does.
 */
public final class DossierRoutes {
  /** Posts and messages per dossier page. */
  static final int ITEMS = 50;
  static final int MAX_PAIRS = 30;
  private final Services s;

  DossierRoutes(Services s) {
    this.s = s;
  }

  /** An account of a person with why it was joined. */
  public record AccountLine(QueueAccount account, IdentityRow identity) {}

  /** A pair of a person's accounts and the link decision in force ({@code none}, {@code confirmed}, {@code rejected}). */
  public record LinkPair(String a, String b, String state) {}

  /** A post or message with its text split into marked and plain segments. */
  public record ItemView(String kind, String id, String time, String title, List<Highlight.Segment> segments, List<IndicatorRow> spans) {}

  /** A suggested link to another person's account with the link decision in force ({@code none}, {@code confirmed}, {@code rejected}). */
  public record SuggestionLine(Explanations.Suggestion suggestion, String state) {}

  public record PersonView(long run, QueuePerson person, List<AccountLine> accounts, List<Explanations.Factor> factors,
      List<LinkPair> pairs, List<SuggestionLine> suggestions, List<Decision> decisions, List<Note> notes, boolean watched) {}

  public record AccountView(long run, QueueAccount account, DossierQueries.Profile profile, List<Explanations.Factor> factors,
      List<IdentifierRow> identifiers, List<PaymentRow> payments, List<MediaRow> media, List<ItemView> items, Charts.Chart week, Charts.Chart hour,
      List<DossierQueries.Contact> contacts, List<AccountLine> siblings, List<Decision> decisions, List<Note> notes,
      boolean watched, Map<String, Long> indicatorCounts, String itemsAfter, String nextItems) {
    public String key() {
      return account.key();
    }

    /** Link to the next page of posts and messages, or null on the last page. */
    public String nextItemsLink() {
      return nextItems == null ? null : Urls.account(account.site(), account.account()) + "?items=" + Urls.enc(nextItems) + "#items";
    }
  }

  void register(RoutesConfig r) {
    r.get("/person/{id}", ctx -> s.templates().render(ctx, "person.jte", "Person " + ctx.pathParam("id"), "queue", person(ctx)), Access.READ);
    r.get("/account/{site}/{account}", ctx -> {
      AccountView v = account(ctx);
      s.templates().render(ctx, "account.jte", "Account " + v.account().username(), "queue", v);
    }, Access.READ);
    r.get("/api/persons/{id}", ctx -> ctx.json(person(ctx)), Access.READ);
    r.get("/api/accounts/{site}/{account}", ctx -> ctx.json(account(ctx)), Access.READ);
    r.get("/api/accounts/{site}/{account}/network", this::network, Access.READ);
  }

  private long run() {
    long run = s.runId();
    if (run < 0) throw new WebwatchException(WebwatchException.Kind.NOT_FOUND, "no triage run imported yet");
    return run;
  }

  /**
   * The link decision in force ({@code confirmed} / {@code rejected}) per pair whose first account
   * (the smaller key, as links are stored) is in {@code firsts}, keyed {@code a + "\n" + b}.
   */
  static Map<String, String> linkStates(Services s, java.util.Set<String> firsts) {
    Map<String, String> states = new HashMap<>();
    for (LinkDecision d : s.decisions().linkDecisionsFrom(firsts)) {
      states.put(d.accountA() + "\n" + d.accountB(), d.confirmed() ? "confirmed" : "rejected");
    }
    return states;
  }

  PersonView person(Context ctx) {
    long run = run();
    String id = ctx.pathParam("id");
    QueuePerson p = s.triage().person(run, id)
        .orElseThrow(() -> new WebwatchException(WebwatchException.Kind.NOT_FOUND, "no person '" + id + "' in the current run"));
    List<AccountLine> lines = lines(run, id);
    List<LinkPair> pairs = new ArrayList<>();
    for (int i = 0; i < lines.size() && pairs.size() < MAX_PAIRS; i++) {
      for (int j = i + 1; j < lines.size() && pairs.size() < MAX_PAIRS; j++) {
        String a = lines.get(i).account().key();
        String b = lines.get(j).account().key();
        if (a.compareTo(b) > 0) {
          String t = a;
          a = b;
          b = t;
        }
        pairs.add(new LinkPair(a, b, "none"));
      }
    }
    Explanations.Parsed explanation = Explanations.read(s.triage().explanation(run, "person", id).orElse(null));
    List<Explanations.Suggestion> suggested = explanation.suggestions();
    // only the decisions on the pairs shown (the first account of a stored link is the smaller key)
    java.util.Set<String> firsts = new java.util.HashSet<>();
    pairs.forEach(x -> firsts.add(x.a()));
    suggested.forEach(x -> firsts.add(x.a()));
    Map<String, String> states = linkStates(s, firsts);
    pairs.replaceAll(x -> new LinkPair(x.a(), x.b(), states.getOrDefault(x.a() + "\n" + x.b(), "none")));
    List<SuggestionLine> suggestions = suggested.stream()
        .map(x -> new SuggestionLine(x, states.getOrDefault(x.a() + "\n" + x.b(), "none"))).toList();
    PersonView view = new PersonView(run, p, lines, explanation.factors(), pairs, suggestions,
        s.decisions().about(id), s.cases().notes("person", id), s.cases().watched("person", id));
    s.audit(ctx, "dossier.view", "person:" + id, Map.of());
    return view;
  }

  /** A person's accounts, best first, each with the identity row that joined it. */
  private List<AccountLine> lines(long run, String person) {
    Map<String, IdentityRow> ids = new HashMap<>();
    for (IdentityRow r : s.triage().identities(run, person)) ids.put(r.site() + ":" + r.account(), r);
    return s.triage().accountsOfPerson(run, person).stream().map(a -> new AccountLine(a, ids.get(a.key()))).toList();
  }

  AccountView account(Context ctx) {
    long run = run();
    String site = ctx.pathParam("site");
    String acc = ctx.pathParam("account");
    QueueAccount a = s.triage().account(run, site, acc).orElseThrow(
        () -> new WebwatchException(WebwatchException.Kind.NOT_FOUND, "no account '" + site + ":" + acc + "' in the current run"));
    Map<String, Long> counts = s.triage().indicatorCounts(run, site, acc);
    DossierQueries.Cursor after = DossierQueries.Cursor.parse(ctx.queryParam("items"));
    DossierQueries.ItemPage page = s.dossier().items(site, acc, after, ITEMS);
    Map<String, List<IndicatorRow>> byItem = new HashMap<>();
    if (!counts.isEmpty()) {
      for (String kind : List.of("post", "message")) {
        List<String> ids = page.items().stream().filter(it -> it.kind().equals(kind)).map(DossierQueries.Item::id).toList();
        for (IndicatorRow r : s.triage().indicatorsOfItems(run, site, kind, ids)) {
          if (r.account().equals(acc)) byItem.computeIfAbsent(r.kind() + "/" + r.item(), k -> new ArrayList<>()).add(r);
        }
      }
    }
    List<ItemView> items = new ArrayList<>(page.items().size());
    for (DossierQueries.Item it : page.items()) {
      List<IndicatorRow> spans = byItem.getOrDefault(it.kind() + "/" + it.id(), List.of());
      items.add(new ItemView(it.kind(), it.id(), Instant.ofEpochMilli(it.time()).toString(), it.title(),
          Highlight.segments(it.text(), spans), spans));
    }
    DossierQueries.Activity activity = s.dossier().activity(site, acc);
    AccountView view = new AccountView(run, a, s.dossier().profile(site, acc).orElse(null),
        Explanations.parse(s.triage().explanation(run, "account", a.key()).orElse(null)), s.triage().identifiers(run, site, acc),
        s.triage().payments(run, site, acc), s.triage().media(run, site, acc), items, Charts.perWeek(activity.perWeek()),
        Charts.perHour(activity.perHour()), s.dossier().contacts(site, acc, 25), lines(run, a.person()), s.decisions().about(a.key()),
        s.cases().notes("account", a.key()), s.cases().watched("account", a.key()), counts, after == null ? null : after.toString(),
        page.next() == null ? null : page.next().toString());
    s.audit(ctx, "dossier.view", "account:" + a.key(), itemsDetail(after));
    return view;
  }

  /** Which page of items was seen (audit detail); empty for the first page, as before paging existed. */
  private static Map<String, ?> itemsDetail(DossierQueries.Cursor after) {
    return after == null ? Map.of() : Map.of("items_after", after.toString());
  }

  /** Ego network as Cytoscape.js elements: the account, its person's other accounts and its contacts. */
  private void network(Context ctx) {
    long run = run();
    String site = ctx.pathParam("site");
    String acc = ctx.pathParam("account");
    QueueAccount a = s.triage().account(run, site, acc)
        .orElseThrow(() -> new WebwatchException(WebwatchException.Kind.NOT_FOUND, "no account '" + site + ":" + acc + "'"));
    List<Map<String, Object>> nodes = new ArrayList<>();
    List<Map<String, Object>> edges = new ArrayList<>();
    nodes.add(Map.of("data", Map.of("id", a.key(), "label", a.username(), "kind", "ego", "band", a.band())));
    java.util.Set<String> seen = new java.util.HashSet<>(List.of(a.key()));
    for (QueueAccount sib : s.triage().accountsOfPerson(run, a.person())) {
      if (!seen.add(sib.key())) continue;
      nodes.add(Map.of("data", Map.of("id", sib.key(), "label", sib.username(), "kind", "same-person", "band", sib.band())));
      edges.add(Map.of("data", Map.of("id", "p:" + sib.key(), "source", a.key(), "target", sib.key(), "kind", "same-person", "weight", 1)));
    }
    for (DossierQueries.Contact c : s.dossier().contacts(site, acc, 40)) {
      String key = c.site() + ":" + c.account();
      if (seen.add(key)) {
        String band = s.triage().account(run, c.site(), c.account()).map(QueueAccount::band).orElse("");
        nodes.add(Map.of("data", Map.of("id", key, "label", c.username(), "kind", "contact", "band", band)));
      }
      edges.add(Map.of("data", Map.of("id", "c:" + key, "source", a.key(), "target", key, "kind", "contact",
          "weight", c.replies() + c.messages())));
    }
    ctx.json(Map.of("nodes", nodes, "edges", edges));
  }
}
