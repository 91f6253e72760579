package org.webwatch.signals.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.webwatch.WebwatchException;
import org.webwatch.model.IndicatorCode;

/**
 * Multinomial naive Bayes over normalised word unigrams and bigrams of one sentence (Manning,
 * Raghavan &amp; Schütze, IIR ch. 13; Laplace smoothing), ten classes: the nine indicator codes
 * and {@code none}. Trained deterministically at load from a labelled sentence corpus shipped
 * in resources ({@link #CORPUS}, {@code code<TAB>sentence}, hard negatives labelled
 * {@code none}). It predicts a code only when the posterior is at least {@link #THRESHOLD} and at
 * least {@link #MIN_EVIDENCE} of the sentence's features are known for that code; the reason
 * it gives is the features with the highest log-likelihood ratio against {@code none}.
 * Prediction is O(tokens) and allocation-free on the scoring path: unigrams are looked up by
 * hashing the token's characters in place in the folded text (open addressing, verified by
 * comparing characters), bigrams by the pair of unigram ids packed in a {@code long}.
 * Immutable and thread-safe once built.
 */
public final class NaiveBayesSentenceClassifier {
  public static final String CORPUS = "org/webwatch/signals/model/sentences-v1.tsv";
  public static final String VERSION = "nb-sentence-1.0.0";
  public static final double THRESHOLD = 0.98;
  public static final int MIN_EVIDENCE = 3;
  public static final double MAX_CONFIDENCE = 0.6;
  private static final int NONE = IndicatorCode.values().length;
  private static final int CLASSES = NONE + 1;

  /** A labelled sentence; {@code code} null = hard negative / none. */
  public record Labelled(IndicatorCode code, String text) {}

  /** A prediction: code, confidence (capped at {@link #MAX_CONFIDENCE}) and the top features. */
  public record Prediction(IndicatorCode code, double confidence, List<String> features) {}

  private final Map<String, double[]> logLikelihood = new HashMap<>();
  // fast path: unigram id by token chars; bigram row by packed (id1, id2)
  private String[] uniText;
  private int[] uniSlot; // open-addressing table of unigram ids + 1 (0 = empty)
  private double[][] uniLl;
  private long[] biKey;
  private double[][] biLl;
  private int[] biSlot;
  private final double[] logPrior = new double[CLASSES];
  private final double[] logUnseen = new double[CLASSES];

  private static final class Holder {
    static final NaiveBayesSentenceClassifier DEFAULT = train(loadCorpus());
  }

  public static NaiveBayesSentenceClassifier defaultModel() {
    return Holder.DEFAULT;
  }

  public String version() {
    return VERSION;
  }

  public static List<Labelled> loadCorpus() {
    InputStream in = NaiveBayesSentenceClassifier.class.getClassLoader().getResourceAsStream(CORPUS);
    if (in == null) throw new WebwatchException(WebwatchException.Kind.INTERNAL, "shipped corpus missing: " + CORPUS);
    List<Labelled> out = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      int no = 0;
      while ((line = r.readLine()) != null) {
        no++;
        if (line.isBlank() || line.startsWith("#")) continue;
        int tab = line.indexOf('\t');
        if (tab < 0) throw new WebwatchException(WebwatchException.Kind.INTERNAL, CORPUS + ":" + no + ": expected code<TAB>sentence");
        String code = line.substring(0, tab).strip().toLowerCase(Locale.ROOT);
        out.add(new Labelled(code.equals("none") ? null : IndicatorCode.fromCode(code), line.substring(tab + 1).strip()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  public static NaiveBayesSentenceClassifier train(List<Labelled> data) {
    NaiveBayesSentenceClassifier m = new NaiveBayesSentenceClassifier();
    Map<String, int[]> counts = new HashMap<>();
    int[] docs = new int[CLASSES];
    long[] totals = new long[CLASSES];
    for (Labelled l : data) {
      int c = l.code() == null ? NONE : l.code().ordinal();
      docs[c]++;
      FoldedText f = TextNormaliser.normalise(l.text());
      for (String feat : features(f, 0, f.size)) {
        counts.computeIfAbsent(feat, k -> new int[CLASSES])[c]++;
        totals[c]++;
      }
    }
    int vocab = counts.size();
    for (int c = 0; c < CLASSES; c++) {
      m.logPrior[c] = Math.log((docs[c] + 1.0) / (data.size() + CLASSES));
      m.logUnseen[c] = Math.log(1.0 / (totals[c] + vocab + 1.0));
    }
    for (Map.Entry<String, int[]> e : counts.entrySet()) {
      double[] ll = new double[CLASSES];
      for (int c = 0; c < CLASSES; c++) ll[c] = Math.log((e.getValue()[c] + 1.0) / (totals[c] + vocab + 1.0));
      m.logLikelihood.put(e.getKey(), ll);
    }
    m.index();
    return m;
  }

  private void index() {
    List<String> unis = new ArrayList<>();
    for (String k : logLikelihood.keySet()) if (k.indexOf('_') < 0) unis.add(k);
    unis.sort(null);
    uniText = unis.toArray(new String[0]);
    uniLl = new double[uniText.length][];
    uniSlot = new int[tableSize(uniText.length)];
    for (int id = 0; id < uniText.length; id++) {
      uniLl[id] = logLikelihood.get(uniText[id]);
      int mask = uniSlot.length - 1, h = hash(uniText[id], 0, uniText[id].length()) & mask;
      while (uniSlot[h] != 0) h = (h + 1) & mask;
      uniSlot[h] = id + 1;
    }
    Map<String, Integer> ids = new HashMap<>();
    for (int id = 0; id < uniText.length; id++) ids.put(uniText[id], id);
    List<long[]> bis = new ArrayList<>();
    List<double[]> rows = new ArrayList<>();
    for (Map.Entry<String, double[]> e : logLikelihood.entrySet()) {
      int u = e.getKey().indexOf('_');
      if (u < 0) continue;
      Integer a = ids.get(e.getKey().substring(0, u)), b = ids.get(e.getKey().substring(u + 1));
      if (a == null || b == null) continue;
      bis.add(new long[] {pack(a, b)});
      rows.add(e.getValue());
    }
    biKey = new long[bis.size()];
    biLl = new double[bis.size()][];
    biSlot = new int[tableSize(bis.size())];
    for (int i = 0; i < biKey.length; i++) {
      biKey[i] = bis.get(i)[0];
      biLl[i] = rows.get(i);
      int mask = biSlot.length - 1, h = mix(biKey[i]) & mask;
      while (biSlot[h] != 0) h = (h + 1) & mask;
      biSlot[h] = i + 1;
    }
  }

  private static int tableSize(int n) {
    int size = 16;
    while (size < n * 2) size <<= 1;
    return size;
  }

  private static long pack(int a, int b) {
    return ((long) a << 32) | (b & 0xffffffffL);
  }

  private static int mix(long k) {
    k *= 0x9E3779B97F4A7C15L;
    return (int) (k ^ (k >>> 29));
  }

  private static int hash(CharSequence s, int from, int to) {
    int h = 0x811C9DC5;
    for (int i = from; i < to; i++) h = (h ^ s.charAt(i)) * 0x01000193;
    return h ^ (h >>> 16);
  }

  /** Unigram id of folded chars [from, to), or -1. */
  private int unigram(String folded, int from, int to) {
    int mask = uniSlot.length - 1, h = hash(folded, from, to) & mask, len = to - from;
    for (int slot; (slot = uniSlot[h]) != 0; h = (h + 1) & mask) {
      String t = uniText[slot - 1];
      if (t.length() == len && folded.regionMatches(from, t, 0, len)) return slot - 1;
    }
    return -1;
  }

  private int bigram(int a, int b) {
    long key = pack(a, b);
    int mask = biSlot.length - 1, h = mix(key) & mask;
    for (int slot; (slot = biSlot[h]) != 0; h = (h + 1) & mask) if (biKey[slot - 1] == key) return slot - 1;
    return -1;
  }

  static List<String> features(FoldedText f, int from, int to) {
    List<String> out = new ArrayList<>();
    String prev = null;
    for (int i = from; i < to; i++) {
      String t = f.token(i);
      out.add(t);
      if (prev != null) out.add(prev + "_" + t);
      prev = t;
    }
    return out;
  }

  /** Features (occurrences) of tokens [from, end) whose log-likelihood ratio favours {@code code} over none by more than 0.5. */
  private int evidence(FoldedText f, int from, int end, int code) {
    int n = 0, prevId = -1;
    for (int i = from; i < end; i++) {
      int id = unigram(f.folded, f.foldStart[i], f.foldEnd[i]);
      if (id >= 0) {
        if (uniLl[id][code] - uniLl[id][NONE] > 0.5) n++;
        if (prevId >= 0) {
          int b = bigram(prevId, id);
          if (b >= 0 && biLl[b][code] - biLl[b][NONE] > 0.5) n++;
        }
      }
      prevId = id;
    }
    return n;
  }

  /** Scores tokens {@code [from, to)} of one sentence; null when no code passes the threshold. */
  public Prediction predict(FoldedText f, int from, int to) {
    double[] posterior = new double[1];
    int best = bestCode(f, from, to, posterior);
    return best < 0 ? null : explain(f, from, Math.min(to, from + 200), best, posterior[0]);
  }

  /**
   * The code {@link #predict} would return, without building its reason (no allocation beyond
   * one score array): callers check cheap conditions before asking for the full prediction.
   */
  public IndicatorCode predictCode(FoldedText f, int from, int to) {
    int best = bestCode(f, from, to, null);
    return best < 0 ? null : IndicatorCode.values()[best];
  }

  private int bestCode(FoldedText f, int from, int to, double[] posteriorOut) {
    // Only features seen in training carry information; a bigram can only have been seen if
    // both of its words were, so unknown words skip the bigram lookup (same result, less work).
    double[] score = logPrior.clone();
    int end = Math.min(to, from + 200);
    int prevId = -1;
    for (int i = from; i < end; i++) {
      int id = unigram(f.folded, f.foldStart[i], f.foldEnd[i]);
      if (id >= 0) {
        double[] ll = uniLl[id];
        for (int c = 0; c < CLASSES; c++) score[c] += ll[c];
        if (prevId >= 0) {
          int b = bigram(prevId, id);
          if (b >= 0) {
            double[] bl = biLl[b];
            for (int c = 0; c < CLASSES; c++) score[c] += bl[c];
          }
        }
      }
      prevId = id;
    }
    int best = 0;
    for (int c = 1; c < CLASSES; c++) if (score[c] > score[best]) best = c;
    if (best == NONE) return -1;
    double z = 0;
    for (int c = 0; c < CLASSES; c++) z += Math.exp(score[c] - score[best]);
    double posterior = 1.0 / z;
    if (posterior < THRESHOLD) return -1;
    if (evidence(f, from, end, best) < MIN_EVIDENCE) return -1;
    if (posteriorOut != null) posteriorOut[0] = posterior;
    return best;
  }

  private Prediction explain(FoldedText f, int from, int end, int best, double posterior) {
    // a code passes the threshold: collect the feature names (rare path) for the evidence count and the reason
    List<String> feats = new ArrayList<>();
    String prev = null;
    boolean prevKnown = false;
    for (int i = from; i < end; i++) {
      String t = f.token(i);
      boolean known = logLikelihood.containsKey(t);
      if (known) {
        feats.add(t);
        if (prevKnown && logLikelihood.containsKey(prev + "_" + t)) feats.add(prev + "_" + t);
      }
      prev = t;
      prevKnown = known;
    }
    List<Map.Entry<String, Double>> ranked = new ArrayList<>();
    int evidence = 0;
    for (String feat : feats) {
      double[] ll = logLikelihood.get(feat);
      if (ll == null) continue;
      double lr = ll[best] - ll[NONE];
      if (lr > 0.5) {
        evidence++;
        ranked.add(Map.entry(feat, lr));
      }
    }
    if (evidence < MIN_EVIDENCE) return null;
    ranked.sort((a, b) -> {
      int c = Double.compare(b.getValue(), a.getValue());
      return c != 0 ? c : a.getKey().compareTo(b.getKey());
    });
    List<String> top = new ArrayList<>();
    for (Map.Entry<String, Double> r : ranked) {
      if (top.size() == 3) break;
      if (!top.contains(r.getKey())) top.add(r.getKey());
    }
    return new Prediction(IndicatorCode.values()[best], Math.min(posterior, MAX_CONFIDENCE), top);
  }
}
