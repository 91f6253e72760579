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
 * Prediction is O(tokens). Immutable and thread-safe once built.
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
    return m;
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

  /** Scores tokens {@code [from, to)} of one sentence; null when no code passes the threshold. */
  public Prediction predict(FoldedText f, int from, int to) {
    // Only features seen in training carry information; a bigram can only have been seen if
    // both of its words were, so unknown words skip the bigram lookup (same result, less work).
    List<String> feats = new ArrayList<>();
    double[] score = logPrior.clone();
    String prev = null;
    boolean prevKnown = false;
    for (int i = from, end = Math.min(to, from + 200); i < end; i++) {
      String t = f.token(i);
      double[] ll = logLikelihood.get(t);
      if (ll != null) {
        feats.add(t);
        for (int c = 0; c < CLASSES; c++) score[c] += ll[c];
        if (prevKnown) {
          String bigram = prev + "_" + t;
          double[] bl = logLikelihood.get(bigram);
          if (bl != null) {
            feats.add(bigram);
            for (int c = 0; c < CLASSES; c++) score[c] += bl[c];
          }
        }
      }
      prev = t;
      prevKnown = ll != null;
    }
    int best = 0;
    for (int c = 1; c < CLASSES; c++) if (score[c] > score[best]) best = c;
    if (best == NONE) return null;
    double z = 0;
    for (int c = 0; c < CLASSES; c++) z += Math.exp(score[c] - score[best]);
    double posterior = 1.0 / z;
    if (posterior < THRESHOLD) return null;
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
