package org.webwatch.triage.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.webwatch.identity.IdentityResult;
import org.webwatch.identity.network.NetworkRole;
import org.webwatch.model.AccountKey;
import org.webwatch.model.Evidence;
import org.webwatch.model.Payment;
import org.webwatch.model.PersonAssignment;
import org.webwatch.triage.Excerpt;
import org.webwatch.triage.PaymentsInput;
import org.webwatch.triage.RankedAccount;
import org.webwatch.triage.RankedPerson;
import org.webwatch.triage.RiskModel;
import org.webwatch.triage.RiskScore;

/**
 * The batch half of triage: adds the factors known only after the stream (first posting of new
 * material, network roles, payments) to the per-account aggregates, completes the identity
 * result with singletons, scores accounts and persons (a person = its accounts' aggregates
 * merged), and ranks both: score descending, then key ascending. O(A log A) for A accounts.
 */
public final class Ranker {
  /** Person id given to an account the linker did not assign: {@code solo:site:account}. */
  public static final String SOLO_PREFIX = "solo:";

  /** Ranked output. */
  public record Ranking(List<RankedAccount> accounts, List<RankedPerson> persons, IdentityResult identity,
      Map<String, Excerpt> excerpts, Map<AccountKey, List<String>> identifiers) {}

  private final RiskModel model;
  private final Map<AccountKey, AccountAggregate> aggregates;
  private long seq;

  public Ranker(RiskModel model, Map<AccountKey, AccountAggregate> aggregates, long firstDerivedSeq) {
    this.model = model;
    this.aggregates = aggregates;
    this.seq = firstDerivedSeq;
  }

  private AccountAggregate agg(AccountKey k) {
    return aggregates.computeIfAbsent(k, x -> new AccountAggregate(x, model.evidencePerFactor()));
  }

  public void newMedia(NewMediaTracker tracker) {
    for (NewMediaTracker.Resolved r : tracker.resolve()) {
      NewMediaTracker.Occurrence f = r.first();
      String where = f.site() + "/" + f.post() + " attachment " + f.attachment();
      agg(f.account()).add("new-media", new Evidence("new-media", r.contentKey(), 1.0,
          "media " + where + " first posted" + (f.time() == null ? "" : " " + f.time()) + "; " + r.occurrences() + " occurrence(s)"), null, f.seq());
      for (var e : r.reposts().entrySet()) {
        for (int i = 0; i < e.getValue(); i++)
          agg(e.getKey()).add("shared-new-media", new Evidence("shared-new-media", r.contentKey(), 0.5,
              "re-posted new media first posted by " + f.account() + " in " + where), null, f.seq());
      }
    }
  }

  public void roles(Map<AccountKey, NetworkRole> roles) {
    double maxPr = 0, maxBt = 0;
    for (NetworkRole r : roles.values()) {
      maxPr = Math.max(maxPr, r.pagerank());
      maxBt = Math.max(maxBt, r.betweenness());
    }
    for (NetworkRole r : new TreeMap<>(roles).values()) {
      long s = ++seq;
      AccountAggregate a = agg(r.account());
      List<Evidence> ev = r.evidence() == null ? List.of() : r.evidence();
      if (r.gatekeeper()) a.set("gatekeeper", 1, 1, ev.isEmpty()
          ? List.of(new Evidence("gatekeeper", r.account().toString(), 1.0, "enforces entry rules (network analysis)")) : ev, s);
      if (r.encouraged() > 0) a.set("encouraged", r.encouraged(), r.encouraged(),
          List.of(new Evidence("encouraged", Integer.toString(r.encouraged()), 1.0,
              "addressed " + r.encouraged() + " other account(s) with indicator spans")), s);
      double pr = maxPr > 0 ? r.pagerank() / maxPr : 0;
      double bt = maxBt > 0 ? r.betweenness() / maxBt : 0;
      double centrality = Math.max(pr, bt);
      if (centrality > 0) a.set("network", (long) r.inDegree() + r.outDegree(), centrality,
          List.of(new Evidence("network", Numbers.fixed(centrality, 3), centrality, "pagerank " + Numbers.fixed(r.pagerank(), 6)
              + ", betweenness " + Numbers.fixed(r.betweenness(), 3) + ", in " + r.inDegree() + ", out " + r.outDegree()
              + ", community " + r.community())), s);
      if (r.admin() || r.moderator()) a.set("admin", 1, 1,
          List.of(new Evidence("admin", r.admin() ? "admin" : "moderator", 1.0, "site role")), s);
    }
  }

  public void payments(PaymentsInput p) {
    List<Payment> sorted = new ArrayList<>(p.payments());
    sorted.sort(Comparator.comparing(Payment::time, Comparator.nullsLast(Comparator.naturalOrder()))
        .thenComparing(Payment::txid).thenComparing(Payment::from).thenComparing(Payment::to));
    for (Payment pay : sorted) {
      long s = ++seq;
      String detail = "payment " + pay.from() + " -> " + pay.to() + " " + pay.amountSat() + " sat"
          + (pay.time() == null ? "" : " at " + pay.time()) + (pay.evidence() == null ? "" : " (" + pay.evidence() + ")");
      Evidence ev = new Evidence("payments", pay.txid(), 1.0, detail);
      agg(pay.from()).add("payments", ev, null, s);
      if (!pay.to().equals(pay.from())) agg(pay.to()).add("payments", ev, null, s);
    }
  }

  public Ranking rank(IdentityResult identity) {
    Map<AccountKey, PersonAssignment> assigned = new HashMap<>();
    for (PersonAssignment a : identity.assignments()) {
      assigned.put(a.account(), a);
      agg(a.account());
    }
    List<PersonAssignment> all = new ArrayList<>(identity.assignments());
    Map<String, List<AccountKey>> members = new TreeMap<>();
    for (AccountKey k : new TreeMap<>(aggregates).keySet()) {
      PersonAssignment a = assigned.get(k);
      if (a == null) {
        a = new PersonAssignment(SOLO_PREFIX + k, k, 1.0, List.of());
        all.add(a);
      }
      members.computeIfAbsent(a.person(), x -> new ArrayList<>()).add(k);
    }
    Map<AccountKey, RiskScore> accountScores = new HashMap<>();
    List<RankedAccount> accounts = new ArrayList<>();
    for (var e : aggregates.entrySet()) {
      RiskScore s = model.score(e.getValue().toRiskEvidence());
      accountScores.put(e.getKey(), s);
      accounts.add(new RankedAccount(0, e.getKey(), e.getValue().username(), assigned.containsKey(e.getKey())
          ? assigned.get(e.getKey()).person() : SOLO_PREFIX + e.getKey(), s));
    }
    accounts.sort(Comparator.comparingDouble((RankedAccount r) -> -r.score().score()).thenComparing(RankedAccount::account));
    List<RankedAccount> rankedAccounts = new ArrayList<>(accounts.size());
    for (int i = 0; i < accounts.size(); i++) {
      RankedAccount r = accounts.get(i);
      rankedAccounts.add(new RankedAccount(i + 1, r.account(), r.username(), r.person(), r.score()));
    }
    List<RankedPerson> persons = new ArrayList<>();
    for (var e : members.entrySet()) {
      List<AccountKey> keys = e.getValue();
      RiskScore s;
      if (keys.size() == 1) s = accountScores.get(keys.get(0));
      else {
        AccountAggregate merged = new AccountAggregate(null, model.evidencePerFactor());
        for (AccountKey k : keys) merged.merge(aggregates.get(k));
        s = model.score(merged.toRiskEvidence());
      }
      persons.add(new RankedPerson(0, e.getKey(), keys, s));
    }
    persons.sort(Comparator.comparingDouble((RankedPerson r) -> -r.score().score()).thenComparing(RankedPerson::person));
    List<RankedPerson> rankedPersons = new ArrayList<>(persons.size());
    for (int i = 0; i < persons.size(); i++) {
      RankedPerson r = persons.get(i);
      rankedPersons.add(new RankedPerson(i + 1, r.person(), r.accounts(), r.score()));
    }
    Map<String, Excerpt> excerpts = new HashMap<>();
    for (AccountAggregate a : aggregates.values())
      for (EvidenceBuffer b : a.buffers().values())
        for (EvidenceBuffer.Entry en : b.entries())
          if (en.excerpt() != null) excerpts.putIfAbsent(en.evidence().detail(), en.excerpt());
    Map<AccountKey, List<String>> ids = new HashMap<>();
    aggregates.forEach((k, a) -> { if (!a.identifiers().isEmpty()) ids.put(k, a.identifiers()); });
    return new Ranking(rankedAccounts, rankedPersons, new IdentityResult(all, identity.links(), identity.suggestions()), excerpts, ids);
  }
}
