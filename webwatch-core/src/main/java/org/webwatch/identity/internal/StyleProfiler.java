package org.webwatch.identity.internal;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writing-style profiles in the spirit of Doppelgänger Finder (Afroz, Caliskan-Islam, Stolerman,
 * Greenstadt, McCoy, IEEE S&amp;P 2014) and Writeprints: character 3- and 4-grams (which carry
 * l33t, misspellings and punctuation habits), function-word frequencies, and explicit
 * punctuation/spelling habits (repeated "!!", "...", lower-case "i", missing space after a
 * comma, shorthand such as "u"/"ur"). Features are hashed into namespaced int ids.
 * {@link #vector} turns raw counts into a TF-IDF-weighted, L2-normalised sparse vector of the
 * account's most frequent features, compared by cosine. Profiling costs O(text length);
 * comparing two profiles O(k) for k kept features.
 */
public final class StyleProfiler {
  /** Features kept per account (the most frequent ones). */
  public static final int TOP_FEATURES = 160;
  /** Features held by more than this fraction of profiled accounts are too common to bucket by. */
  public static final double LSH_MAX_DF_FRACTION = 0.02;
  /** ... but a feature held by up to this many accounts is always usable (small populations). */
  public static final int LSH_MIN_DF_CAP = 4;
  /** n-grams are hashed into this many buckets per namespace (feature hashing). */
  public static final int NGRAM_BUCKETS = 1 << 15;
  /**
   * Distinct raw features an account can have: above every possible count, so lossy pruning
   * never runs and profiles do not depend on the order texts arrive in.
   */
  public static final int MAX_DISTINCT_FEATURES = 2 * NGRAM_BUCKETS + 4096;

  private static final int NS_TRIGRAM = 1 << 28;
  private static final int NS_QUADGRAM = 2 << 28;
  private static final int NS_FUNCTION = 3 << 28;
  private static final int NS_HABIT = 4 << 28;
  private static final int HASH_MASK = (1 << 28) - 1;

  private static final Set<String> FUNCTION_WORDS = Set.of(
      "the", "a", "an", "and", "or", "but", "if", "of", "to", "in", "on", "at", "for", "with",
      "from", "by", "about", "as", "is", "are", "was", "were", "be", "been", "it", "this", "that",
      "these", "those", "i", "you", "he", "she", "we", "they", "me", "my", "your", "our", "their",
      "not", "no", "so", "just", "very", "really", "all", "some", "any", "there", "here", "then",
      "than", "what", "which", "who", "when", "where", "how", "would", "could", "should", "will",
      "can", "do", "does", "did", "have", "has", "had", "u", "ur", "pls", "thx", "lol", "im");

  private static final Pattern COMMA_NO_SPACE = Pattern.compile(",\\S");
  private static final Pattern LOWER_I = Pattern.compile("(^|\\s)i(\\s|'|$)");
  private static final Pattern ALL_CAPS = Pattern.compile("\\b[A-Z]{3,}\\b");
  private static final Pattern EMOTICON = Pattern.compile("[:;]-?[)(DPp]");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private StyleProfiler() {}

  /** Adds the style features of one text to an account's counter. */
  public static void profile(String text, IntCounter into) {
    if (text == null || text.isBlank()) return;
    String raw = text.strip();
    String lower = SPACES.matcher(raw.toLowerCase(Locale.ROOT)).replaceAll(" ");
    for (int i = 0; i + 3 <= lower.length(); i++) {
      into.add(NS_TRIGRAM | 1 + (int) (PairKeys.hash(lower.substring(i, i + 3)) & (NGRAM_BUCKETS - 1)), 1);
      if (i + 4 <= lower.length()) into.add(NS_QUADGRAM | 1 + (int) (PairKeys.hash(lower.substring(i, i + 4)) & (NGRAM_BUCKETS - 1)), 1);
    }
    for (String w : lower.split("[^\\p{L}\\p{N}']+")) {
      if (FUNCTION_WORDS.contains(w)) into.add(NS_FUNCTION | (int) (PairKeys.hash(w) & HASH_MASK), 1);
    }
    habit(into, "excl2", count(raw, "!!"));
    habit(into, "quest2", count(raw, "??"));
    habit(into, "ellipsis", count(raw, "..."));
    habit(into, "space-before-punct", count(raw, " ,") + count(raw, " .") + count(raw, " !") + count(raw, " ?"));
    habit(into, "comma-no-space", countRegex(raw, COMMA_NO_SPACE));
    habit(into, "lower-i", countRegex(raw, LOWER_I));
    habit(into, "lower-start", Character.isLowerCase(raw.charAt(0)) ? 1 : 0);
    habit(into, "no-final-punct", Character.isLetterOrDigit(raw.charAt(raw.length() - 1)) ? 1 : 0);
    habit(into, "all-caps-word", countRegex(raw, ALL_CAPS));
    habit(into, "double-space", count(raw, "  "));
    habit(into, "emoticon", countRegex(raw, EMOTICON));
  }

  private static void habit(IntCounter into, String name, int n) {
    if (n > 0) into.add(NS_HABIT | (int) (PairKeys.hash(name) & HASH_MASK), n);
  }

  private static int count(String s, String needle) {
    int n = 0;
    for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + needle.length())) n++;
    return n;
  }

  private static int countRegex(String s, Pattern regex) {
    var m = regex.matcher(s);
    int n = 0;
    while (m.find()) n++;
    return n;
  }

  /**
   * The weighted vector of an account: its {@link #TOP_FEATURES} most frequent features,
   * weighted {@code (1 + ln tf) · ln(1 + N/df)}, L2-normalised, ids ascending. {@code df}
   * maps feature → number of profiled accounts that have it among their top features.
   */
  public static StyleVector vector(int[] topIds, IntCounter counts, Map<Integer, Integer> df, int accounts) {
    int[] ids = topIds.clone();
    Arrays.sort(ids);
    float[] vals = new float[ids.length];
    double norm = 0;
    for (int i = 0; i < ids.length; i++) {
      int d = df.getOrDefault(ids[i], 1);
      double w = (1 + Math.log(counts.get(ids[i]))) * Math.log(1 + (double) accounts / d);
      vals[i] = (float) w;
      norm += w * w;
    }
    norm = Math.sqrt(norm);
    if (norm > 0) for (int i = 0; i < vals.length; i++) vals[i] = (float) (vals[i] / norm);
    return new StyleVector(ids, vals);
  }

  /**
   * The features MinHash buckets an account by: its most frequent features (in {@code top}
   * order) held by at most {@code max(}{@link #LSH_MIN_DF_CAP}{@code , }{@link #LSH_MAX_DF_FRACTION}{@code ·N)}
   * accounts, at most {@link MinHashLsh#LSH_FEATURES}.
   */
  public static int[] lshFeatures(int[] top, Map<Integer, Integer> df, int accounts) {
    int cap = Math.max(LSH_MIN_DF_CAP, (int) (LSH_MAX_DF_FRACTION * accounts));
    int[] out = new int[Math.min(top.length, MinHashLsh.LSH_FEATURES)];
    int n = 0;
    for (int f : top) {
      if (n == out.length) break;
      if (df.getOrDefault(f, 1) <= cap) out[n++] = f;
    }
    return Arrays.copyOf(out, n);
  }

  /** Cosine of two L2-normalised sparse vectors (merge of sorted ids), O(k). */
  public static double cosine(int[] aIds, float[] aVals, int[] bIds, float[] bVals) {
    double dot = 0;
    int i = 0;
    int j = 0;
    while (i < aIds.length && j < bIds.length) {
      if (aIds[i] == bIds[j]) dot += aVals[i++] * bVals[j++];
      else if (aIds[i] < bIds[j]) i++;
      else j++;
    }
    return dot;
  }

  /** A sparse style vector: ascending feature ids and their weights. */
  public record StyleVector(int[] ids, float[] vals) {}
}
