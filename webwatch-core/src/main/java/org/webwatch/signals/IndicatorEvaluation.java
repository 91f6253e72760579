package org.webwatch.signals;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.webwatch.WebwatchException;
import org.webwatch.model.IndicatorCode;
import org.webwatch.signals.internal.Csv;

/**
 * Compares detected spans ({@code indicators.csv}) with truth spans (same columns; located by
 * header name, extra columns ignored). A detected span is correct when it overlaps a truth span
 * of the same item ({@code site,kind,item}) and code; a truth span is found when a detected
 * span of its code overlaps it. Truth rows whose {@code category} is not an indicator code
 * (e.g. {@code none}, {@code hard-negative}) mark hard negatives: a detected span overlapping
 * one counts towards the hard-negative false-positive rate. O(rows + matches per item).
 */
public final class IndicatorEvaluation {
  /** Scores of one code. */
  public record CodeScore(IndicatorCode code, int detected, int detectedCorrect, int truth, int truthFound) {
    public double precision() {
      return detected == 0 ? 0 : detectedCorrect / (double) detected;
    }

    public double recall() {
      return truth == 0 ? 0 : truthFound / (double) truth;
    }
  }

  /** All codes, plus hard negatives: how many there were and how many any detected span hit. */
  public record Report(List<CodeScore> perCode, int hardNegatives, int hardNegativesHit) {
    public double hardNegativeFalsePositiveRate() {
      return hardNegatives == 0 ? 0 : hardNegativesHit / (double) hardNegatives;
    }

    public String toMarkdown() {
      StringBuilder sb = new StringBuilder("| code | precision | recall | detected | truth |\n|---|---|---|---|---|\n");
      for (CodeScore c : perCode) {
        sb.append(String.format(java.util.Locale.ROOT, "| %s | %.2f | %.2f | %d | %d |%n", c.code().code(), c.precision(), c.recall(), c.detected(), c.truth()));
      }
      sb.append(String.format(java.util.Locale.ROOT, "%nHard negatives hit: %d / %d (%.2f)%n", hardNegativesHit, hardNegatives, hardNegativeFalsePositiveRate()));
      return sb.toString();
    }
  }

  private record Span(String key, String category, int start, int end) {
    boolean overlaps(Span o) {
      return start < o.end && o.start < end;
    }
  }

  private IndicatorEvaluation() {}

  public static Report evaluate(Path detectedCsv, Path truthCsv) {
    return evaluate(read(detectedCsv), read(truthCsv));
  }

  private static Report evaluate(List<Span> detected, List<Span> truth) {
    Map<String, List<Span>> truthByItem = new HashMap<>();
    for (Span t : truth) truthByItem.computeIfAbsent(t.key(), k -> new ArrayList<>()).add(t);
    Map<IndicatorCode, int[]> m = new EnumMap<>(IndicatorCode.class); // detected, correct, truth, found
    for (IndicatorCode c : IndicatorCode.values()) m.put(c, new int[4]);
    Set<Span> found = new HashSet<>();
    Set<Span> negativesHit = new HashSet<>();
    int negatives = 0;
    for (Span t : truth) {
      IndicatorCode c = code(t.category());
      if (c == null) negatives++;
      else m.get(c)[2]++;
    }
    for (Span d : detected) {
      IndicatorCode c = code(d.category());
      if (c == null) continue;
      m.get(c)[0]++;
      boolean correct = false;
      for (Span t : truthByItem.getOrDefault(d.key(), List.of())) {
        if (!d.overlaps(t)) continue;
        if (t.category().equals(d.category())) {
          correct = true;
          found.add(t);
        } else if (code(t.category()) == null) {
          negativesHit.add(t);
        }
      }
      if (correct) m.get(c)[1]++;
    }
    for (Span t : found) m.get(code(t.category()))[3]++;
    List<CodeScore> scores = new ArrayList<>();
    for (IndicatorCode c : IndicatorCode.values()) {
      int[] v = m.get(c);
      scores.add(new CodeScore(c, v[0], v[1], v[2], v[3]));
    }
    return new Report(scores, negatives, negativesHit.size());
  }

  private static IndicatorCode code(String s) {
    for (IndicatorCode c : IndicatorCode.values()) if (c.code().equals(s)) return c;
    return null;
  }

  private static List<Span> read(Path csv) {
    List<List<String>> rows;
    try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
      rows = Csv.read(r);
    } catch (IOException e) {
      throw new WebwatchException(WebwatchException.Kind.INVALID_INPUT, "cannot read " + csv + ": " + e.getMessage(), e);
    }
    if (rows.isEmpty()) throw new WebwatchException(WebwatchException.Kind.INVALID_INPUT, csv + ":1: empty file, expected a header");
    List<String> header = rows.get(0);
    int[] col = new int[6];
    String[] names = {"site", "kind", "item", "category", "start", "end"};
    for (int i = 0; i < names.length; i++) {
      col[i] = header.indexOf(names[i]);
      if (col[i] < 0) throw new WebwatchException(WebwatchException.Kind.INVALID_INPUT, csv + ":1: missing column '" + names[i] + "'");
    }
    List<Span> out = new ArrayList<>();
    for (int r = 1; r < rows.size(); r++) {
      List<String> row = rows.get(r);
      if (row.size() == 1 && row.get(0).isEmpty()) continue;
      if (row.size() < header.size()) throw new WebwatchException(WebwatchException.Kind.INVALID_INPUT, csv + ": record " + (r + 1) + ": expected " + header.size() + " fields, got " + row.size());
      try {
        out.add(new Span(row.get(col[0]) + "\u0000" + row.get(col[1]) + "\u0000" + row.get(col[2]), row.get(col[3]),
            Integer.parseInt(row.get(col[4]).strip()), Integer.parseInt(row.get(col[5]).strip())));
      } catch (NumberFormatException e) {
        throw new WebwatchException(WebwatchException.Kind.INVALID_INPUT, csv + ": record " + (r + 1) + ": start/end: not a number");
      }
    }
    return out;
  }
}
