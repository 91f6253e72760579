package org.webwatch.triage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.webwatch.WebwatchException;
import org.webwatch.triage.internal.CsvTable;
import org.webwatch.triage.internal.EvaluationWriter;
import org.webwatch.triage.internal.Metrics;

/**
 * Scores a triage output directory against the generator's ground truth ({@code truth.json}
 * beside {@code persons.csv}, {@code accounts.csv}, {@code indicators.csv}, {@code media.csv}):
 * ranking precision at K and AUC for accounts and persons, critical+high band precision/recall,
 * pairwise linking precision/recall, per-code indicator span precision/recall and media status
 * accuracy. Definitions: docs/evaluation.md. O(n log n) in accounts and spans.
 */
public final class Evaluation {
  public static final String JSON = "evaluation.json";
  public static final String MARKDOWN = "evaluation.md";

  private Evaluation() {}

  /** Evaluates {@code outDir} against {@code truthJson} and writes evaluation.json and evaluation.md into {@code outDir}. */
  public static EvaluationReport evaluateAndWrite(Path truthJson, Path outDir) {
    EvaluationReport r = evaluate(truthJson, outDir);
    EvaluationWriter.write(outDir.resolve(JSON), outDir.resolve(MARKDOWN), r);
    return r;
  }

  /** The figures as markdown tables (the content of evaluation.md). */
  public static String markdown(EvaluationReport r) {
    return EvaluationWriter.markdown(r);
  }

  public static EvaluationReport evaluate(Path truthJson, Path outDir) {
    long seed = readManifest(truthJson);
    Path t = truthJson.toAbsolutePath().getParent();
    CsvTable truthAccounts = CsvTable.read(t.resolve("accounts.csv"), "site", "account", "person", "motivated");
    Map<String, String> truthPerson = new HashMap<>();
    Map<String, Boolean> motivated = new HashMap<>();
    for (CsvTable.Row row : truthAccounts.rows()) {
      String key = row.get("site") + ":" + row.get("account");
      truthPerson.put(key, row.get("person"));
      motivated.put(key, truthAccounts.boolValue(row, "motivated"));
    }
    Set<String> motivatedPersons = new HashSet<>();
    Map<String, String> expectedBand = new TreeMap<>();
    Path tp = t.resolve("persons.csv");
    if (Files.exists(tp)) {
      CsvTable persons = CsvTable.read(tp, "person", "motivated");
      for (CsvTable.Row row : persons.rows()) {
        if (persons.boolValue(row, "motivated")) motivatedPersons.add(row.get("person"));
        if (persons.header().contains("expected_band")) expectedBand.put(row.get("person"), row.get("expected_band"));
      }
    } else {
      motivated.forEach((k, m) -> { if (m) motivatedPersons.add(truthPerson.get(k)); });
    }
    IndicatorFigures ind = indicators(t, outDir);
    Map<String, String> predicted = predictedPersons(outDir);
    return new EvaluationReport(seed, accounts(outDir, motivated), persons(outDir, truthPerson, motivatedPersons),
        linking(predicted, truthPerson), ind.perCode(), ind.total(), media(t, outDir), bands(outDir, truthPerson, expectedBand),
        suggestions(outDir, predicted, truthPerson));
  }

  private static EvaluationReport.Bands bands(Path out, Map<String, String> truthPerson, Map<String, String> expected) {
    CsvTable ps = CsvTable.read(out.resolve("persons.csv"), "score", "band", "accounts");
    Map<String, Double> bestScore = new HashMap<>();
    Map<String, String> bestBand = new HashMap<>();
    for (CsvTable.Row r : ps.rows()) {
      double score = ps.doubleValue(r, "score");
      for (String acc : r.get("accounts").split("\\|")) {
        String tpers = truthPerson.get(acc);
        if (tpers != null && (!bestScore.containsKey(tpers) || score > bestScore.get(tpers))) {
          bestScore.put(tpers, score);
          bestBand.put(tpers, r.get("band"));
        }
      }
    }
    Map<String, Map<String, Long>> confusion = new TreeMap<>();
    long agreeing = 0;
    for (var e : expected.entrySet()) {
      String got = bestBand.getOrDefault(e.getKey(), "missing");
      confusion.computeIfAbsent(e.getValue(), x -> new TreeMap<>()).merge(got, 1L, Long::sum);
      if (got.equals(e.getValue())) agreeing++;
    }
    return new EvaluationReport.Bands(expected.size(), agreeing, Metrics.ratio(agreeing, expected.size()), confusion);
  }

  private record IndicatorFigures(Map<String, EvaluationReport.PrecisionRecall> perCode, EvaluationReport.PrecisionRecall total) {}

  private static long readManifest(Path truthJson) {
    try {
      JsonNode n = new ObjectMapper().readTree(truthJson.toFile());
      if (n == null || !"webwatch-truth".equals(n.path("format").asText()))
        throw new WebwatchException(WebwatchException.Kind.INVALID_INPUT, truthJson + ": format: must be \"webwatch-truth\"");
      if (n.path("version").asInt(0) != 1)
        throw new WebwatchException(WebwatchException.Kind.INVALID_INPUT, truthJson + ": version: only version 1 is understood");
      return n.path("seed").asLong(0);
    } catch (IOException e) {
      throw new WebwatchException(WebwatchException.Kind.INVALID_INPUT, truthJson + ": cannot read: " + e.getMessage(), e);
    }
  }

  private static EvaluationReport.Ranking accounts(Path out, Map<String, Boolean> motivated) {
    CsvTable acc = CsvTable.read(out.resolve("accounts.csv"), "rank", "site", "account", "score", "band");
    List<CsvTable.Row> rows = new ArrayList<>(acc.rows());
    rows.sort(Comparator.comparingInt(r -> acc.intValue(r, "rank")));
    List<Boolean> ranked = new ArrayList<>();
    List<Metrics.Scored> scored = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    long bandPred = 0, bandTp = 0;
    for (CsvTable.Row r : rows) {
      String key = r.get("site") + ":" + r.get("account");
      Boolean m = motivated.get(key);
      if (m == null) continue;
      seen.add(key);
      ranked.add(m);
      scored.add(new Metrics.Scored(acc.doubleValue(r, "score"), m));
      if (urgent(r.get("band"))) {
        bandPred++;
        if (m) bandTp++;
      }
    }
    motivated.forEach((k, m) -> { if (!seen.contains(k)) { ranked.add(m); scored.add(new Metrics.Scored(Double.NEGATIVE_INFINITY, m)); } });
    int k = (int) motivated.values().stream().filter(b -> b).count();
    double p = Metrics.precisionAtK(ranked, k);
    return new EvaluationReport.Ranking(k, motivated.size(), p, p, Metrics.auc(scored), bandPred,
        Metrics.ratio(bandTp, bandPred), Metrics.ratio(bandTp, k));
  }

  /**
   * A predicted person is labelled motivated when any of its accounts belongs to a motivated
   * truth person (an investigator opening it finds that offender).
   */
  private static EvaluationReport.Ranking persons(Path out, Map<String, String> truthPerson, Set<String> motivatedPersons) {
    CsvTable ps = CsvTable.read(out.resolve("persons.csv"), "rank", "person", "score", "band", "accounts");
    List<CsvTable.Row> rows = new ArrayList<>(ps.rows());
    rows.sort(Comparator.comparingInt(r -> ps.intValue(r, "rank")));
    int k = motivatedPersons.size();
    List<Boolean> ranked = new ArrayList<>();
    List<Metrics.Scored> scored = new ArrayList<>();
    Set<String> foundInK = new HashSet<>(), foundInBands = new HashSet<>(), covered = new HashSet<>();
    long bandPred = 0, bandTp = 0;
    for (CsvTable.Row r : rows) {
      boolean label = false;
      Set<String> hit = new HashSet<>();
      boolean known = false;
      for (String acc : r.get("accounts").split("\\|")) {
        String tpers = truthPerson.get(acc);
        if (tpers == null) continue;
        known = true;
        covered.add(tpers);
        if (motivatedPersons.contains(tpers)) { label = true; hit.add(tpers); }
      }
      if (!known) continue;
      if (ranked.size() < k) foundInK.addAll(hit);
      ranked.add(label);
      scored.add(new Metrics.Scored(ps.doubleValue(r, "score"), label));
      if (urgent(r.get("band"))) {
        bandPred++;
        if (label) { bandTp++; foundInBands.addAll(hit); }
      }
    }
    for (String tpers : new TreeMap<>(invert(truthPerson)).keySet())
      if (!covered.contains(tpers)) { ranked.add(motivatedPersons.contains(tpers)); scored.add(new Metrics.Scored(Double.NEGATIVE_INFINITY, motivatedPersons.contains(tpers))); }
    return new EvaluationReport.Ranking(k, ranked.size(), Metrics.precisionAtK(ranked, k), Metrics.ratio(foundInK.size(), k),
        Metrics.auc(scored), bandPred, Metrics.ratio(bandTp, bandPred), Metrics.ratio(foundInBands.size(), k));
  }

  private static Map<String, Integer> invert(Map<String, String> truthPerson) {
    Map<String, Integer> m = new HashMap<>();
    truthPerson.values().forEach(p -> m.merge(p, 1, Integer::sum));
    return m;
  }

  private static boolean urgent(String band) {
    return band.equals(Band.CRITICAL.code()) || band.equals(Band.HIGH.code());
  }

  /** The person of each account in identities.csv, keyed {@code site:account}. */
  private static Map<String, String> predictedPersons(Path out) {
    CsvTable ids = CsvTable.read(out.resolve("identities.csv"), "person", "site", "account");
    Map<String, String> predicted = new HashMap<>();
    for (CsvTable.Row r : ids.rows()) predicted.put(r.get("site") + ":" + r.get("account"), r.get("person"));
    return predicted;
  }

  private static EvaluationReport.PrecisionRecall linking(Map<String, String> predicted, Map<String, String> truthPerson) {
    long[] c = Metrics.pairCounts(predicted, truthPerson);
    return EvaluationReport.PrecisionRecall.of(c[0], c[1], c[2]);
  }

  private static EvaluationReport.Suggestions suggestions(Path out, Map<String, String> predicted, Map<String, String> truthPerson) {
    EvaluationReport.PrecisionRecall none = EvaluationReport.PrecisionRecall.of(0, 0, 0);
    Path file = out.resolve("link-suggestions.csv");
    if (!Files.exists(file)) return new EvaluationReport.Suggestions(none, none, none);
    List<String[]> pairs = new ArrayList<>();
    for (CsvTable.Row r : CsvTable.read(file, "site_a", "account_a", "site_b", "account_b").rows()) {
      pairs.add(new String[] {r.get("site_a") + ":" + r.get("account_a"), r.get("site_b") + ":" + r.get("account_b")});
    }
    return reviewSuggestions(predicted, truthPerson, pairs);
  }

  /**
   * {@link EvaluationReport.Suggestions} of suggested account pairs ({@code site:account} keys)
   * over a predicted and a true person per account (accounts missing from {@code predicted} are singletons).
   */
  public static EvaluationReport.Suggestions reviewSuggestions(Map<String, String> predicted, Map<String, String> truthPerson, List<String[]> pairs) {
    predicted = new HashMap<>(predicted);
    long[] linked = Metrics.pairCounts(predicted, truthPerson);
    Map<String, String> reviewed = new HashMap<>(); // union-find over predicted person ids
    Map<String, String> merged = new HashMap<>();
    long correct = 0;
    for (String[] pair : pairs) {
      String a = person(predicted, pair[0]);
      String b = person(predicted, pair[1]);
      String ta = truthPerson.get(pair[0]);
      if (ta != null && ta.equals(truthPerson.get(pair[1]))) {
        correct++;
        reviewed.put(root(reviewed, a), root(reviewed, b));
      }
      merged.put(root(merged, a), root(merged, b));
    }
    long[] after = Metrics.pairCounts(relabel(predicted, reviewed), truthPerson);
    long[] all = Metrics.pairCounts(relabel(predicted, merged), truthPerson);
    return new EvaluationReport.Suggestions(EvaluationReport.PrecisionRecall.of(correct, pairs.size(), linked[2] - linked[0]),
        EvaluationReport.PrecisionRecall.of(after[0], after[1], after[2]), EvaluationReport.PrecisionRecall.of(all[0], all[1], all[2]));
  }

  private static String person(Map<String, String> predicted, String account) {
    return predicted.computeIfAbsent(account, k -> "\u0000solo:" + k);
  }

  private static String root(Map<String, String> parent, String x) {
    while (parent.containsKey(x) && !parent.get(x).equals(x)) x = parent.get(x);
    return x;
  }

  private static Map<String, String> relabel(Map<String, String> predicted, Map<String, String> parent) {
    Map<String, String> out = new HashMap<>(predicted.size());
    predicted.forEach((account, p) -> out.put(account, root(parent, p)));
    return out;
  }

  private record Span(String group, String code, int start, int end) {}

  private static IndicatorFigures indicators(Path t, Path out) {
    Map<String, List<Span>> truth = spans(CsvTable.read(t.resolve("indicators.csv"), "site", "kind", "item", "category", "start", "end"));
    Map<String, List<Span>> pred = spans(CsvTable.read(out.resolve("indicators.csv"), "site", "kind", "item", "category", "start", "end"));
    Map<String, long[]> perCode = new TreeMap<>();
    Set<String> groups = new HashSet<>(truth.keySet());
    groups.addAll(pred.keySet());
    for (String g : groups) {
      List<Span> ts = truth.getOrDefault(g, List.of()), ps = pred.getOrDefault(g, List.of());
      String code = g.substring(g.lastIndexOf('\u0001') + 1);
      long[] c = perCode.computeIfAbsent(code, x -> new long[3]);
      c[1] += ps.size();
      c[2] += ts.size();
      boolean[] used = new boolean[ps.size()];
      for (Span s : ts)
        for (int i = 0; i < ps.size(); i++)
          if (!used[i] && Metrics.overlapMatch(s.start(), s.end(), ps.get(i).start(), ps.get(i).end())) {
            used[i] = true;
            c[0]++;
            break;
          }
    }
    Map<String, EvaluationReport.PrecisionRecall> m = new TreeMap<>();
    long tp = 0, p = 0, e = 0;
    for (var en : perCode.entrySet()) {
      long[] c = en.getValue();
      m.put(en.getKey(), EvaluationReport.PrecisionRecall.of(c[0], c[1], c[2]));
      tp += c[0];
      p += c[1];
      e += c[2];
    }
    return new IndicatorFigures(m, EvaluationReport.PrecisionRecall.of(tp, p, e));
  }

  private static Map<String, List<Span>> spans(CsvTable table) {
    Map<String, List<Span>> m = new HashMap<>();
    for (CsvTable.Row r : table.rows()) {
      String g = r.get("site") + "\u0001" + r.get("kind") + "\u0001" + r.get("item") + "\u0001" + r.get("category");
      m.computeIfAbsent(g, x -> new ArrayList<>())
          .add(new Span(g, r.get("category"), table.intValue(r, "start"), table.intValue(r, "end")));
    }
    for (List<Span> l : m.values()) l.sort(Comparator.comparingInt(Span::start).thenComparingInt(Span::end));
    return m;
  }

  private static EvaluationReport.Media media(Path t, Path out) {
    CsvTable truth = CsvTable.read(t.resolve("media.csv"), "site", "post", "attachment", "status");
    CsvTable pred = CsvTable.read(out.resolve("media.csv"), "site", "post", "attachment", "status");
    Map<String, String> predicted = new HashMap<>();
    for (CsvTable.Row r : pred.rows()) predicted.put(r.get("site") + "/" + r.get("post") + "/" + r.get("attachment"), r.get("status"));
    Map<String, Map<String, Long>> confusion = new TreeMap<>();
    long correct = 0;
    for (CsvTable.Row r : truth.rows()) {
      String p = predicted.getOrDefault(r.get("site") + "/" + r.get("post") + "/" + r.get("attachment"), "missing");
      confusion.computeIfAbsent(r.get("status"), x -> new TreeMap<>()).merge(p, 1L, Long::sum);
      if (p.equals(r.get("status"))) correct++;
    }
    long total = truth.rows().size();
    return new EvaluationReport.Media(total, correct, Metrics.ratio(correct, total), confusion);
  }
}
