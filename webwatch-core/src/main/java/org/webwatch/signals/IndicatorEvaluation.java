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
 * one counts towards the hard-negative false-positive rate. Optionally also: the generator's
 * {@code negatives.csv} (planted hard negatives, {@code negative_type} column): the share of
 * them that any detected span overlaps, per type; and {@code obfuscations.csv} (obfuscation
 * type per truth span, joined on item and offsets): recall per obfuscation type ({@code none}
 * for spans without one). O(rows + matches per item).
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

  /** A group of truth spans (a hard-negative type, an obfuscation type): how many, how many hit. */
  public record GroupScore(String group, int total, int hit) {
    public double rate() {
      return total == 0 ? 0 : hit / (double) total;
    }
  }

  /**
   * All codes, plus hard negatives: how many there were and how many any detected span hit
   * (in-truth rows whose category is not a code, plus {@code negatives.csv} rows when given);
   * per negative type (hit rate = false-positive rate) and per obfuscation type (hit = found).
   */
  public record Report(List<CodeScore> perCode, int hardNegatives, int hardNegativesHit,
      List<GroupScore> negativesByType, List<GroupScore> recallByObfuscation) {
    public Report {
      perCode = List.copyOf(perCode);
      negativesByType = List.copyOf(negativesByType);
      recallByObfuscation = List.copyOf(recallByObfuscation);
    }

    public Report(List<CodeScore> perCode, int hardNegatives, int hardNegativesHit) {
      this(perCode, hardNegatives, hardNegativesHit, List.of(), List.of());
    }

    /** Overall precision and recall over all codes (micro-averaged). */
    public double precision() {
      int d = perCode.stream().mapToInt(CodeScore::detected).sum();
      return d == 0 ? 0 : perCode.stream().mapToInt(CodeScore::detectedCorrect).sum() / (double) d;
    }

    public double recall() {
      int t = perCode.stream().mapToInt(CodeScore::truth).sum();
      return t == 0 ? 0 : perCode.stream().mapToInt(CodeScore::truthFound).sum() / (double) t;
    }

    public double hardNegativeFalsePositiveRate() {
      return hardNegatives == 0 ? 0 : hardNegativesHit / (double) hardNegatives;
    }

    public String toMarkdown() {
      StringBuilder sb = new StringBuilder("| code | precision | recall | detected | truth |\n|---|---|---|---|---|\n");
      for (CodeScore c : perCode) {
        sb.append(String.format(java.util.Locale.ROOT, "| %s | %.2f | %.2f | %d | %d |%n", c.code().code(), c.precision(), c.recall(), c.detected(), c.truth()));
      }
      sb.append(String.format(java.util.Locale.ROOT, "| all | %.2f | %.2f | | |%n", precision(), recall()));
      sb.append(String.format(java.util.Locale.ROOT, "%nHard negatives hit: %d / %d (%.2f)%n", hardNegativesHit, hardNegatives, hardNegativeFalsePositiveRate()));
      if (!negativesByType.isEmpty()) {
        sb.append("\n| hard-negative type | spans | hit by any detection | false-positive rate |\n|---|---|---|---|\n");
        for (GroupScore g : negativesByType) sb.append(String.format(java.util.Locale.ROOT, "| %s | %d | %d | %.3f |%n", g.group(), g.total(), g.hit(), g.rate()));
      }
      if (!recallByObfuscation.isEmpty()) {
        sb.append("\n| obfuscation | truth spans | found | recall |\n|---|---|---|---|\n");
        for (GroupScore g : recallByObfuscation) sb.append(String.format(java.util.Locale.ROOT, "| %s | %d | %d | %.2f |%n", g.group(), g.total(), g.hit(), g.rate()));
      }
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
    return evaluate(detectedCsv, truthCsv, null, null);
  }

  /**
   * As {@link #evaluate(Path, Path)}, plus the generator's {@code negatives.csv} and
   * {@code obfuscations.csv} (either may be null).
   */
  public static Report evaluate(Path detectedCsv, Path truthCsv, Path negativesCsv, Path obfuscationsCsv) {
    List<Span> detected = read(detectedCsv, "category");
    List<Span> truth = read(truthCsv, "category");
    Report base = evaluate(detected, truth);
    List<GroupScore> negatives = negativesCsv == null ? List.of() : negativesByType(detected, read(negativesCsv, "negative_type"));
    List<GroupScore> obfuscation = obfuscationsCsv == null ? List.of() : recallByObfuscation(detected, truth, read(obfuscationsCsv, "obfuscation"));
    int negTotal = base.hardNegatives() + negatives.stream().mapToInt(GroupScore::total).sum();
    int negHit = base.hardNegativesHit() + negatives.stream().mapToInt(GroupScore::hit).sum();
    return new Report(base.perCode(), negTotal, negHit, negatives, obfuscation);
  }

  private static Map<String, List<Span>> byItem(List<Span> spans) {
    Map<String, List<Span>> m = new HashMap<>();
    for (Span s : spans) m.computeIfAbsent(s.key(), k -> new ArrayList<>()).add(s);
    return m;
  }

  private static List<GroupScore> negativesByType(List<Span> detected, List<Span> negatives) {
    Map<String, List<Span>> det = byItem(detected);
    Map<String, int[]> m = new java.util.TreeMap<>();
    for (Span n : negatives) {
      int[] v = m.computeIfAbsent(n.category(), k -> new int[2]);
      v[0]++;
      if (det.getOrDefault(n.key(), List.of()).stream().anyMatch(n::overlaps)) v[1]++;
    }
    List<GroupScore> out = new ArrayList<>();
    m.forEach((k, v) -> out.add(new GroupScore(k, v[0], v[1])));
    return out;
  }

  private static List<GroupScore> recallByObfuscation(List<Span> detected, List<Span> truth, List<Span> obfuscations) {
    Map<String, String> typeOf = new HashMap<>();
    for (Span o : obfuscations) typeOf.put(o.key() + "\u0000" + o.start() + "\u0000" + o.end(), o.category());
    Map<String, List<Span>> det = byItem(detected);
    Map<String, int[]> m = new java.util.TreeMap<>();
    for (Span t : truth) {
      if (code(t.category()) == null) continue;
      String type = typeOf.getOrDefault(t.key() + "\u0000" + t.start() + "\u0000" + t.end(), "none");
      int[] v = m.computeIfAbsent(type, k -> new int[2]);
      v[0]++;
      if (det.getOrDefault(t.key(), List.of()).stream().anyMatch(d -> d.overlaps(t) && d.category().equals(t.category()))) v[1]++;
    }
    List<GroupScore> out = new ArrayList<>();
    m.forEach((k, v) -> out.add(new GroupScore(k, v[0], v[1])));
    return out;
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

  private static List<Span> read(Path csv, String categoryColumn) {
    List<List<String>> rows;
    try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
      rows = Csv.read(r);
    } catch (IOException e) {
      throw new WebwatchException(WebwatchException.Kind.INVALID_INPUT, "cannot read " + csv + ": " + e.getMessage(), e);
    }
    if (rows.isEmpty()) throw new WebwatchException(WebwatchException.Kind.INVALID_INPUT, csv + ":1: empty file, expected a header");
    List<String> header = rows.get(0);
    int[] col = new int[6];
    String[] names = {"site", "kind", "item", categoryColumn, "start", "end"};
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
