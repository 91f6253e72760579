package org.webwatch.signals.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.webwatch.model.IndicatorCode;

/**
 * Runs a compiled {@link RuleSet} over a {@link FoldedText}: one Aho–Corasick pass finds every
 * term (whole words; a term ending in {@code *} matches word prefixes), terms are grouped into
 * the sets that rules and cancels refer to, then each rule's chain is checked inside one
 * sentence. Work is bounded: at most {@link #MAX_TERM_HITS} term hits per text and
 * {@link #MAX_SET_HITS} per set are considered, so the pair search is O(hits × window).
 * Immutable and thread-safe.
 */
public final class RuleEngine {
  public static final int MAX_TERM_HITS = 20_000;
  public static final int MAX_SET_HITS = 2_000;
  /** Longest term, in tokens, that the window search allows for. */
  static final int MAX_TERM_TOKENS = 12;

  /** A rule hit over tokens {@code [from, to)}. */
  public record Hit(IndicatorCode code, int from, int to, String rule, double confidence) {}

  private record CompiledRule(RuleSet.Rule rule, int[] sets) {}

  private record CompiledCancel(RuleSet.Cancel cancel, int set, int codeMask) {}

  private final AhoCorasick ac;
  private final boolean[] prefix;
  private final int[] patternTokens;
  private final int[][] termSets;
  private final int setCount;
  private final List<CompiledRule> rules = new ArrayList<>();
  private final List<CompiledCancel> cancels = new ArrayList<>();
  private final String version;

  public RuleEngine(RuleSet rs) {
    this.version = rs.version();
    Map<String, Integer> termIds = new HashMap<>();
    List<String> patterns = new ArrayList<>();
    List<Boolean> isPrefix = new ArrayList<>();
    List<List<Integer>> sets = new ArrayList<>();
    Map<String, Integer> setIds = new HashMap<>();
    for (RuleSet.Rule r : rs.rules.values()) {
      int[] ids = new int[r.items().size()];
      for (int i = 0; i < ids.length; i++) ids[i] = set(rs, r.items().get(i), "rule " + r.id(), termIds, patterns, isPrefix, sets, setIds);
      rules.add(new CompiledRule(r, ids));
    }
    for (RuleSet.Cancel c : rs.cancels.values()) {
      int mask = 0;
      for (IndicatorCode code : c.codes()) mask |= 1 << code.ordinal();
      cancels.add(new CompiledCancel(c, set(rs, c.terms(), "cancel " + c.id(), termIds, patterns, isPrefix, sets, setIds), mask));
    }
    if (patterns.isEmpty()) patterns.add("\u0000");
    ac = new AhoCorasick(patterns);
    prefix = new boolean[patterns.size()];
    patternTokens = new int[patterns.size()];
    for (int i = 0; i < isPrefix.size(); i++) {
      prefix[i] = isPrefix.get(i);
      int spaces = 0;
      for (char c : patterns.get(i).toCharArray()) if (c == ' ') spaces++;
      patternTokens[i] = prefix[i] ? spaces : spaces - 1;
    }
    int[][] ts = new int[patterns.size()][];
    for (int s = 0; s < sets.size(); s++)
      for (int term : sets.get(s)) ts[term] = ts[term] == null ? new int[] {s} : append(ts[term], s);
    termSets = ts;
    setCount = sets.size();
  }

  private static int[] append(int[] a, int v) {
    for (int x : a) if (x == v) return a;
    int[] r = Arrays.copyOf(a, a.length + 1);
    r[a.length] = v;
    return r;
  }

  private static int set(RuleSet rs, List<String> raw, String where, Map<String, Integer> termIds, List<String> patterns,
      List<Boolean> isPrefix, List<List<Integer>> sets, Map<String, Integer> setIds) {
    List<Integer> members = new ArrayList<>();
    for (String t : rs.expand(raw, where)) {
      boolean pre = t.endsWith("*");
      String folded = TextNormaliser.foldTerm(pre ? t.substring(0, t.length() - 1) : t);
      if (folded.isEmpty()) continue;
      String pattern = " " + folded + (pre ? "" : " ");
      Integer id = termIds.get(pattern);
      if (id == null) {
        id = patterns.size();
        termIds.put(pattern, id);
        patterns.add(pattern);
        isPrefix.add(pre);
      }
      if (!members.contains(id)) members.add(id);
    }
    String key = members.toString();
    Integer existing = setIds.get(key);
    if (existing != null) return existing;
    sets.add(members);
    setIds.put(key, sets.size() - 1);
    return sets.size() - 1;
  }

  public String version() {
    return version;
  }

  /** Hits, and per sentence the bit mask (by {@link IndicatorCode#ordinal()}) of cancelled codes. */
  public record Result(List<Hit> hits, Map<Integer, Integer> cancelled, java.util.BitSet sentencesWithTerms) {
    public boolean isCancelled(int sentence, IndicatorCode code) {
      return (cancelled.getOrDefault(sentence, 0) & (1 << code.ordinal())) != 0;
    }
  }

  public Result run(FoldedText f) {
    int[][] hits = new int[setCount][]; // per set: pairs (from, to) flattened
    int[] counts = new int[setCount];
    int[] total = {0};
    int[] cursor = {0};
    java.util.BitSet withTerms = new java.util.BitSet(f.size == 0 ? 1 : f.sentence[f.size - 1] + 1); // sized once: no growth in the scan
    ac.scan(f.folded, (id, end) -> {
      int pos = prefix[id] ? end - 1 : end - 2; // last char of the match's last token
      while (cursor[0] + 1 < f.size && f.foldStart[cursor[0] + 1] <= pos) cursor[0]++; // ends only grow
      int to = cursor[0] + 1;
      int from = to - patternTokens[id];
      withTerms.set(f.sentence[to - 1]);
      int[] sets = termSets[id];
      if (sets != null) {
        for (int s : sets) {
          if (counts[s] >= MAX_SET_HITS) continue;
          if (hits[s] == null) hits[s] = new int[16];
          else if (hits[s].length < 2 * counts[s] + 2) hits[s] = Arrays.copyOf(hits[s], hits[s].length * 2);
          hits[s][2 * counts[s]] = from;
          hits[s][2 * counts[s] + 1] = to;
          counts[s]++;
        }
      }
      return ++total[0] < MAX_TERM_HITS;
    });
    Map<Integer, Integer> cancelled = new HashMap<>(); // sentence -> code mask (not quoted-only)
    Map<Integer, Integer> cancelledQuoted = new HashMap<>();
    for (CompiledCancel c : cancels) {
      for (int k = 0; k < counts[c.set()]; k++) {
        int sent = f.sentence[hits[c.set()][2 * k]];
        (c.cancel().quotedOnly() ? cancelledQuoted : cancelled).merge(sent, c.codeMask(), (a, b) -> a | b);
      }
    }
    List<Hit> out = new ArrayList<>();
    for (CompiledRule r : rules) {
      int s0 = r.sets()[0];
      for (int k = 0; k < counts[s0]; k++) {
        int from = hits[s0][2 * k], to = hits[s0][2 * k + 1];
        int curFrom = from, curTo = to, lo = from, hi = to;
        boolean ok = true;
        for (int j = 1; j < r.sets().length && ok; j++) {
          int sj = r.sets()[j];
          int dist = r.rule().distances()[j - 1];
          boolean ordered = r.rule().ops()[j - 1] == '>';
          ok = false;
          int bestA = -1, bestB = -1;
          for (int m = firstEndingAtOrAfter(hits[sj], counts[sj], curFrom - dist); m < counts[sj]; m++) {
            int a = hits[sj][2 * m], b = hits[sj][2 * m + 1];
            if (b > curTo + dist + MAX_TERM_TOKENS) break;
            if (f.sentence[a] != f.sentence[curFrom]) continue;
            boolean fits = ordered
                ? a >= curTo && a - curTo <= dist
                : (a >= curTo && a - curTo <= dist) || (b <= curFrom && curFrom - b <= dist);
            // the nearest fitting match wins; of two starting at the same token, the longer
            if (fits && (bestA < 0 || Math.abs(a - curTo) < Math.abs(bestA - curTo) || (a == bestA && b > bestB))) {
              bestA = a;
              bestB = b;
            }
          }
          if (bestA >= 0) { // grow over fitting matches that overlap the chosen one ("start" + "start doing")
            for (int m = firstEndingAtOrAfter(hits[sj], counts[sj], bestA); m < counts[sj]; m++) {
              int a = hits[sj][2 * m], b = hits[sj][2 * m + 1];
              if (a >= bestB || b > bestB + MAX_TERM_TOKENS) break;
              if (a >= bestA && b > bestB && f.sentence[a] == f.sentence[curFrom]) bestB = b;
            }
            curFrom = bestA;
            curTo = bestB;
            lo = Math.min(lo, bestA);
            hi = Math.max(hi, bestB);
            ok = true;
          }
        }
        if (!ok) continue;
        int bit = 1 << r.rule().code().ordinal();
        int sent = f.sentence[lo];
        if ((cancelled.getOrDefault(sent, 0) & bit) != 0) continue;
        if (anyInQuotes(f, lo, hi) && (cancelledQuoted.getOrDefault(sent, 0) & bit) != 0) continue;
        if (anyBlockQuoted(f, lo, hi)) continue;
        out.add(new Hit(r.rule().code(), lo, hi, r.rule().id(), r.rule().confidence()));
      }
    }
    return new Result(out, cancelled, withTerms);
  }

  /** Hits of a set are appended in order of their end token (Aho–Corasick reports by end). */
  private static int firstEndingAtOrAfter(int[] pairs, int count, int end) {
    int lo = 0, hi = count;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (pairs[2 * mid + 1] < end) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private static boolean anyInQuotes(FoldedText f, int from, int to) {
    for (int i = from; i < to; i++) if (f.inQuotes[i]) return true;
    return false;
  }

  private static boolean anyBlockQuoted(FoldedText f, int from, int to) {
    for (int i = from; i < to; i++) if (f.blockQuoted[i]) return true;
    return false;
  }
}
