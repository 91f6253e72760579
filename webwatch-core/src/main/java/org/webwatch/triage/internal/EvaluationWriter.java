package org.webwatch.triage.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.webwatch.triage.EvaluationReport;

/** Writes evaluation.json (NaN as null) and evaluation.md (tables for docs). */
public final class EvaluationWriter {
  private EvaluationWriter() {}

  public static void write(Path json, Path md, EvaluationReport r) {
    try {
      Files.writeString(json, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(toMap(r)) + "\n",
          StandardCharsets.UTF_8);
      Files.writeString(md, markdown(r), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Object num(double x) {
    return Double.isNaN(x) ? null : Math.round(x * 10000.0) / 10000.0;
  }

  public static Map<String, Object> toMap(EvaluationReport r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("format", "webwatch-evaluation");
    m.put("version", 1);
    m.put("seed", r.seed());
    m.put("accounts", ranking(r.accounts()));
    m.put("persons", ranking(r.persons()));
    m.put("linking", pr(r.linking()));
    Map<String, Object> sug = new LinkedHashMap<>();
    sug.put("suggested", pr(r.suggestions().suggested()));
    sug.put("after_review", pr(r.suggestions().afterReview()));
    sug.put("if_all_merged", pr(r.suggestions().ifAllMerged()));
    m.put("link_suggestions", sug);
    Map<String, Object> ind = new LinkedHashMap<>();
    r.indicators().forEach((k, v) -> ind.put(k, pr(v)));
    m.put("indicators", ind);
    m.put("indicators_overall", pr(r.indicatorsOverall()));
    Map<String, Object> media = new LinkedHashMap<>();
    media.put("total", r.media().total());
    media.put("correct", r.media().correct());
    media.put("accuracy", num(r.media().accuracy()));
    media.put("confusion", r.media().confusion());
    m.put("media", media);
    Map<String, Object> bands = new LinkedHashMap<>();
    bands.put("total", r.bands().total());
    bands.put("agreeing", r.bands().agreeing());
    bands.put("agreement", num(r.bands().agreement()));
    bands.put("confusion", r.bands().confusion());
    m.put("person_bands", bands);
    return m;
  }

  private static Map<String, Object> ranking(EvaluationReport.Ranking x) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("k", x.k());
    m.put("total", x.total());
    m.put("precision_at_k", num(x.precisionAtK()));
    m.put("recall_at_k", num(x.recallAtK()));
    m.put("auc", num(x.auc()));
    m.put("critical_high_predicted", x.bandPredicted());
    m.put("critical_high_precision", num(x.bandPrecision()));
    m.put("critical_high_recall", num(x.bandRecall()));
    return m;
  }

  private static Map<String, Object> pr(EvaluationReport.PrecisionRecall x) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("true_positives", x.truePositives());
    m.put("predicted", x.predicted());
    m.put("expected", x.expected());
    m.put("precision", num(x.precision()));
    m.put("recall", num(x.recall()));
    return m;
  }

  static String f(double x) {
    return Double.isNaN(x) ? "n/a" : String.format(Locale.ROOT, "%.3f", x);
  }

  public static String markdown(EvaluationReport r) {
    StringBuilder sb = new StringBuilder();
    sb.append("# Triage evaluation (seed ").append(r.seed()).append(")\n\n");
    sb.append("| ranking | K | total | precision@K | recall@K | AUC | critical+high | precision | recall |\n|---|---|---|---|---|---|---|---|---|\n");
    for (var e : Map.of("accounts", r.accounts(), "persons", r.persons()).entrySet().stream()
        .sorted(Map.Entry.comparingByKey()).toList()) {
      EvaluationReport.Ranking x = e.getValue();
      sb.append("| ").append(e.getKey()).append(" | ").append(x.k()).append(" | ").append(x.total()).append(" | ")
          .append(f(x.precisionAtK())).append(" | ").append(f(x.recallAtK())).append(" | ").append(f(x.auc())).append(" | ")
          .append(x.bandPredicted()).append(" | ").append(f(x.bandPrecision())).append(" | ").append(f(x.bandRecall())).append(" |\n");
    }
    sb.append("\n| linking (pairs) | true pos. | predicted | expected | precision | recall |\n|---|---|---|---|---|---|\n");
    row(sb, "account pairs", r.linking());
    row(sb, "suggested links (expected: pairs missed)", r.suggestions().suggested());
    row(sb, "account pairs, correct suggestions confirmed", r.suggestions().afterReview());
    row(sb, "account pairs, every suggestion merged", r.suggestions().ifAllMerged());
    sb.append("\n| indicator code | true pos. | predicted | expected | precision | recall |\n|---|---|---|---|---|---|\n");
    r.indicators().forEach((k, v) -> row(sb, k, v));
    row(sb, "**all**", r.indicatorsOverall());
    sb.append("\nMedia status accuracy: ").append(r.media().correct()).append(" / ").append(r.media().total())
        .append(" = ").append(f(r.media().accuracy())).append("\n\n| truth \\ predicted | counts |\n|---|---|\n");
    r.media().confusion().forEach((k, v) -> sb.append("| ").append(k).append(" | ").append(v).append(" |\n"));
    sb.append("\nPerson bands agreeing with expected_band: ").append(r.bands().agreeing()).append(" / ")
        .append(r.bands().total()).append(" = ").append(f(r.bands().agreement()))
        .append("\n\n| expected \\ predicted | counts |\n|---|---|\n");
    r.bands().confusion().forEach((k, v) -> sb.append("| ").append(k).append(" | ").append(v).append(" |\n"));
    return sb.toString();
  }

  private static void row(StringBuilder sb, String name, EvaluationReport.PrecisionRecall x) {
    sb.append("| ").append(name).append(" | ").append(x.truePositives()).append(" | ").append(x.predicted()).append(" | ")
        .append(x.expected()).append(" | ").append(f(x.precision())).append(" | ").append(f(x.recall())).append(" |\n");
  }
}
