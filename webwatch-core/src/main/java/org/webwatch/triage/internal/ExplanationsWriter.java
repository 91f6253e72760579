package org.webwatch.triage.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.webwatch.model.AccountKey;
import org.webwatch.model.AccountLink;
import org.webwatch.model.Evidence;
import org.webwatch.triage.Excerpt;
import org.webwatch.triage.FactorContribution;
import org.webwatch.triage.RankedAccount;
import org.webwatch.triage.RankedPerson;
import org.webwatch.triage.RiskScore;
import org.webwatch.triage.TriageResult;

/**
 * Streams explanations.json: for every person (persons.csv order, with the links that joined
 * its accounts and the suggested links from them to other persons) and every account (accounts.csv order) the score, band, confidence and each
 * factor's count, contribution and retained evidence, with the excerpt around text evidence.
 */
public final class ExplanationsWriter {
  private ExplanationsWriter() {}

  public static void write(Writer out, TriageResult r) throws IOException {
    Map<String, List<AccountLink>> links = linksByPerson(r);
    Map<AccountKey, String> personOf = personOf(r);
    Map<String, List<AccountLink>> suggested = new HashMap<>();
    for (AccountLink l : r.identity().suggestions()) {
      for (AccountKey k : List.of(l.a(), l.b())) if (personOf.containsKey(k)) suggested.computeIfAbsent(personOf.get(k), x -> new ArrayList<>()).add(l);
    }
    try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeStringField("format", "webwatch-explanations");
      g.writeNumberField("version", 1);
      g.writeStringField("model", r.persons().isEmpty() ? "" : r.persons().get(0).score().modelVersion());
      g.writeArrayFieldStart("persons");
      for (RankedPerson p : r.persons()) {
        g.writeStartObject();
        g.writeNumberField("rank", p.rank());
        g.writeStringField("person", p.person());
        g.writeArrayFieldStart("accounts");
        for (AccountKey k : p.accounts()) g.writeString(k.toString());
        g.writeEndArray();
        score(g, p.score(), r.excerpts());
        g.writeArrayFieldStart("links");
        for (AccountLink l : links.getOrDefault(p.person(), List.of())) link(g, l, null);
        g.writeEndArray();
        // suggested links to accounts of OTHER persons (not merged; an analyst may confirm or reject them)
        g.writeArrayFieldStart("suggestions");
        for (AccountLink l : suggested.getOrDefault(p.person(), List.of())) {
          link(g, l, personOf.get(p.person().equals(personOf.get(l.a())) ? l.b() : l.a()));
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("accounts");
      for (RankedAccount a : r.accounts()) {
        g.writeStartObject();
        g.writeNumberField("rank", a.rank());
        g.writeStringField("site", a.account().site());
        g.writeStringField("account", a.account().account());
        g.writeStringField("username", a.username());
        g.writeStringField("person", a.person());
        g.writeArrayFieldStart("identifiers");
        for (String id : r.identifiers().getOrDefault(a.account(), List.of())) g.writeString(id);
        g.writeEndArray();
        score(g, a.score(), r.excerpts());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    out.write('\n');
  }

  /** One link: its accounts, confidence, method, version and evidence; for a suggestion also the other person. */
  private static void link(JsonGenerator g, AccountLink l, String otherPerson) throws IOException {
    g.writeStartObject();
    g.writeStringField("a", l.a().toString());
    g.writeStringField("b", l.b().toString());
    if (otherPerson != null) g.writeStringField("other_person", otherPerson);
    g.writeNumberField("confidence", l.confidence());
    g.writeStringField("method", l.method());
    g.writeStringField("version", l.version());
    g.writeArrayFieldStart("evidence");
    for (Evidence e : l.evidence() == null ? List.<Evidence>of() : l.evidence()) evidence(g, e, null);
    g.writeEndArray();
    g.writeEndObject();
  }

  private static Map<AccountKey, String> personOf(TriageResult r) {
    Map<AccountKey, String> personOf = new HashMap<>();
    for (RankedPerson p : r.persons()) for (AccountKey k : p.accounts()) personOf.put(k, p.person());
    return personOf;
  }

  /** Links whose two ends belong to the same person, by person id, in the linker's order. */
  public static Map<String, List<AccountLink>> linksByPerson(TriageResult r) {
    Map<AccountKey, String> personOf = personOf(r);
    Map<String, List<AccountLink>> m = new HashMap<>();
    for (AccountLink l : r.identity().links()) {
      String pa = personOf.get(l.a());
      if (pa != null && pa.equals(personOf.get(l.b()))) m.computeIfAbsent(pa, x -> new ArrayList<>()).add(l);
    }
    return m;
  }

  private static void score(JsonGenerator g, RiskScore s, Map<String, Excerpt> excerpts) throws IOException {
    g.writeNumberField("score", s.score());
    g.writeStringField("band", s.band().code());
    g.writeNumberField("confidence", s.confidence());
    g.writeStringField("reasons", s.reasons());
    g.writeArrayFieldStart("factors");
    for (FactorContribution f : s.factors()) {
      g.writeStartObject();
      g.writeStringField("factor", f.factor());
      g.writeNumberField("count", f.count());
      g.writeNumberField("contribution", f.contribution());
      g.writeArrayFieldStart("evidence");
      for (Evidence e : f.evidence()) evidence(g, e, excerpts.get(e.detail()));
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void evidence(JsonGenerator g, Evidence e, Excerpt x) throws IOException {
    g.writeStartObject();
    g.writeStringField("code", e.code());
    g.writeStringField("value", e.value());
    g.writeNumberField("weight", e.weight());
    g.writeStringField("detail", e.detail());
    if (x != null) {
      g.writeObjectFieldStart("excerpt");
      g.writeStringField("before", x.before());
      g.writeStringField("span", x.span());
      g.writeStringField("after", x.after());
      g.writeEndObject();
    }
    g.writeEndObject();
  }
}
