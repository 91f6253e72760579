package org.webwatch.signals;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.webwatch.WebwatchException;
import org.webwatch.model.IndicatorCode;
import org.webwatch.model.IndicatorSpan;
import org.webwatch.model.TextItem;
import org.webwatch.signals.internal.FoldedText;
import org.webwatch.signals.internal.NaiveBayesSentenceClassifier;
import org.webwatch.signals.internal.RuleEngine;
import org.webwatch.signals.internal.RuleSet;
import org.webwatch.signals.internal.TextNormaliser;

/**
 * Indicator detector: rules (data, {@link #DEFAULT_RULES}) matched on normalised text with
 * Aho–Corasick, plus an optional sentence classifier that adds spans where rules ran out: it
 * scores only sentences that contain at least one rule term (any lexicon) but where no rule of
 * the predicted code fired.
 * Text is processed in chunks of at most {@link #CHUNK_CHARS} characters cut at a line or
 * sentence end, and at most {@link #MAX_SPANS_PER_ITEM} spans are returned, so time is linear
 * and memory bounded by the chunk size whatever the input. Immutable and thread-safe.
 */
public final class RuleIndicatorDetector implements IndicatorDetector {
  public static final String DEFAULT_RULES = "org/webwatch/signals/rules/indicators-v1.rules";
  public static final int CHUNK_CHARS = 32 * 1024;
  public static final int MAX_SPANS_PER_ITEM = 1_000;
  public static final String METHOD_RULE = "rule";
  /** Hits of one code in one sentence at most this many tokens apart become one span. */
  public static final int MERGE_GAP_TOKENS = 3;
  public static final String METHOD_CLASSIFIER = "classifier";

  private final RuleEngine engine;
  private final NaiveBayesSentenceClassifier classifier;

  private RuleIndicatorDetector(RuleEngine engine, NaiveBayesSentenceClassifier classifier) {
    this.engine = engine;
    this.classifier = classifier;
  }

  /** The shipped rules plus the shipped sentence classifier. */
  public static RuleIndicatorDetector withDefaultRules() {
    return new RuleIndicatorDetector(new RuleEngine(defaultRuleSet()), NaiveBayesSentenceClassifier.defaultModel());
  }

  /** The shipped rules only (no statistical layer). */
  public static RuleIndicatorDetector rulesOnly() {
    return new RuleIndicatorDetector(new RuleEngine(defaultRuleSet()), null);
  }

  /**
   * An agency rules file: applied on top of the shipped rules (extend lexicons, replace rules
   * with the same id, {@code disable} ids), or replacing them entirely. The classifier layer
   * stays on unless the defaults are replaced.
   */
  public static RuleIndicatorDetector fromFile(Path rules, boolean replaceDefaults) {
    RuleSet rs = replaceDefaults ? new RuleSet() : defaultRuleSet();
    try (Reader r = Files.newBufferedReader(rules, StandardCharsets.UTF_8)) {
      rs.apply(r, rules.toString());
    } catch (IOException e) {
      throw new WebwatchException(WebwatchException.Kind.INVALID_INPUT, "cannot read rules file " + rules + ": " + e.getMessage(), e);
    }
    return new RuleIndicatorDetector(new RuleEngine(rs), replaceDefaults ? null : NaiveBayesSentenceClassifier.defaultModel());
  }

  /** Rules given as text (tests, tools); {@code replaceDefaults} as in {@link #fromFile}. */
  public static RuleIndicatorDetector fromText(String rules, boolean replaceDefaults, boolean withClassifier) {
    RuleSet rs = replaceDefaults ? new RuleSet() : defaultRuleSet();
    rs.apply(new java.io.StringReader(rules), "<rules>");
    return new RuleIndicatorDetector(new RuleEngine(rs), withClassifier ? NaiveBayesSentenceClassifier.defaultModel() : null);
  }

  static RuleSet defaultRuleSet() {
    InputStream in = RuleIndicatorDetector.class.getClassLoader().getResourceAsStream(DEFAULT_RULES);
    if (in == null) throw new WebwatchException(WebwatchException.Kind.INTERNAL, "shipped rules missing: " + DEFAULT_RULES);
    try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      return new RuleSet().apply(r, DEFAULT_RULES);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String version() {
    return classifier == null ? engine.version() : engine.version() + "+" + classifier.version();
  }

  @Override
  public List<IndicatorSpan> detect(TextItem item) {
    String text = item.text();
    List<IndicatorSpan> out = new ArrayList<>();
    if (text == null || text.isEmpty()) return out;
    for (int start = 0; start < text.length() && out.size() < MAX_SPANS_PER_ITEM; ) {
      int end = chunkEnd(text, start);
      detectChunk(item, text, start, end, out);
      start = end;
    }
    return out.size() > MAX_SPANS_PER_ITEM ? List.copyOf(out.subList(0, MAX_SPANS_PER_ITEM)) : out;
  }

  static int chunkEnd(String text, int start) {
    if (text.length() - start <= CHUNK_CHARS) return text.length();
    int hard = start + CHUNK_CHARS;
    for (int i = hard; i > hard - 2048; i--) {
      char c = text.charAt(i - 1);
      if (c == '\n' || c == '.' || c == '!' || c == '?') return i;
    }
    return Character.isHighSurrogate(text.charAt(hard - 1)) ? hard - 1 : hard;
  }

  private void detectChunk(TextItem item, String text, int offset, int end, List<IndicatorSpan> out) {
    FoldedText f = TextNormaliser.normalise(text.subSequence(offset, end));
    RuleEngine.Result result = engine.run(f);
    List<RuleEngine.Hit> hits = new ArrayList<>(result.hits());
    hits.sort(Comparator.comparing((RuleEngine.Hit h) -> h.code()).thenComparingInt(RuleEngine.Hit::from)
        .thenComparing(Comparator.comparingDouble(RuleEngine.Hit::confidence).reversed()));
    List<IndicatorSpan> chunk = new ArrayList<>();
    RuleEngine.Hit cur = null;
    int curTo = -1;
    for (RuleEngine.Hit h : hits) { // merge close hits of one code in a sentence; keep the strongest rule
      if (cur != null && h.code() == cur.code() && h.from() <= curTo + MERGE_GAP_TOKENS && f.sentence[h.from()] == f.sentence[cur.from()]) {
        curTo = Math.max(curTo, h.to());
        if (h.confidence() > cur.confidence()) cur = new RuleEngine.Hit(h.code(), cur.from(), curTo, h.rule(), h.confidence());
        continue;
      }
      if (cur != null) chunk.add(span(item, text, offset, f, cur.code(), cur.from(), curTo, METHOD_RULE, cur.rule(), engine.version(), cur.confidence()));
      cur = h;
      curTo = h.to();
    }
    if (cur != null) chunk.add(span(item, text, offset, f, cur.code(), cur.from(), curTo, METHOD_RULE, cur.rule(), engine.version(), cur.confidence()));
    if (classifier != null) classify(item, text, offset, f, result, hits, chunk);
    chunk.sort(Comparator.comparingInt(IndicatorSpan::start).thenComparing(IndicatorSpan::code));
    out.addAll(chunk);
  }

  private void classify(TextItem item, String text, int offset, FoldedText f, RuleEngine.Result result, List<RuleEngine.Hit> hits,
      List<IndicatorSpan> chunk) {
    int s = 0;
    while (s < f.size) {
      int e = s;
      while (e < f.size && f.sentence[e] == f.sentence[s]) e++;
      int sentence = f.sentence[s];
      boolean quoted = f.blockQuoted[s];
      if (!quoted && e - s >= 3 && result.sentencesWithTerms().get(sentence)) {
        IndicatorCode code = classifier.predictCode(f, s, e); // cheap; the reason is built only for a span we keep
        NaiveBayesSentenceClassifier.Prediction p = code == null || result.isCancelled(sentence, code) || hasHit(hits, f, code, sentence)
            ? null : classifier.predict(f, s, e);
        if (p != null) {
          chunk.add(span(item, text, offset, f, p.code(), s, e, METHOD_CLASSIFIER, classifier.version() + ":" + String.join(",", p.features()),
              classifier.version(), p.confidence()));
        }
      }
      s = e;
    }
  }

  private static boolean hasHit(List<RuleEngine.Hit> hits, FoldedText f, IndicatorCode code, int sentence) {
    for (RuleEngine.Hit h : hits) if (h.code() == code && f.sentence[h.from()] == sentence) return true;
    return false;
  }

  private static IndicatorSpan span(TextItem item, String text, int offset, FoldedText f, IndicatorCode code, int from, int to,
      String method, String rule, String version, double confidence) {
    int s = offset + f.origStart[from], e = offset + f.origEnd[to - 1];
    return new IndicatorSpan(item.site(), item.kind(), item.item(), item.account(), code, s, e, text.substring(s, e), method, rule,
        version, confidence);
  }
}
