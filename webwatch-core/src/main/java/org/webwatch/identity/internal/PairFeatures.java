package org.webwatch.identity.internal;

import java.util.List;

/**
 * The per-pair feature vector the learned combiner ({@link LogisticCombiner}) reads: the
 * calibrated per-evidence LLRs of {@link PairScorer} plus the raw similarities behind them,
 * each scaled by how much data supports it. Missing evidence (too few texts, no timestamps, no
 * stem) is 0 in every feature, so the model cannot learn "this account posts little" as
 * evidence for or against a link — only what the evidence says when it exists.
 * Cost O(k + 168) per pair, like {@link PairScorer#score}.
 */
public final class PairFeatures {
  /** Feature names, in vector order; the model file lists them and must match. */
  public static final List<String> NAMES = List.of(
      "identifier_llr",     // summed LLR of shared validated identifiers (frequency-weighted), capped
      "media_llr",          // summed LLR of shared NEW media, uncapped (the rule caps it at 3.5)
      "media_values",       // number of distinct shared NEW media values
      "username_llr",       // PairScorer username LLR (stem equality / Jaro-Winkler, length, rarity)
      "stem_jw_high",       // (Jaro-Winkler of the stems - 0.8) / 0.2 x stem rarity 1/(1+ln(f/3)); 0 below 0.8 or for stems under 4
      "stem_equal_rare",    // stems equal, scaled by rarity 1/(1+ln(max(1,f/3)))
      "same_number",        // both names carry a number of >= 2 digits, one a prefix of the other
      "style_llr",          // PairScorer style LLR (0 below 3 texts each)
      "style_cos_rel",      // (cosine - 0.15) x min(1, texts/10)
      "timing_llr",         // PairScorer timing LLR (0 below 4 events each)
      "timing_sim_rel",     // (1-JSD - 0.85) x min(1, events/15)
      "offset_agree_rel",   // +1 inferred UTC offsets within 1 h, -1 beyond 3 h, x timing reliability
      "username_x_style",   // username_llr x style_cos_rel (a name match that the style confirms)
      "username_x_timing",  // username_llr x timing_sim_rel
      "habit_cos_rel",      // (habit cosine - 0.3) x min(1, texts/5) (HabitProfiler; 0 without texts)
      "username_x_habit",   // username_llr x habit_cos_rel (a name match that the writing habits confirm)
      "same_site",          // both accounts on one site
      "habit_token_idf",    // summed ln(N/df) of the reliable habit tokens both hold (HabitTokens), capped
      "habit_contradiction", // ending / case / line breaks contradict, 0..3 x observation (HabitTokens.contradiction)
      "username_x_tokens",  // username_llr x habit_token_idf / HABIT_IDF_SCALE
      "username_x_contra",  // username_llr x habit_contradiction (a name match the habits contradict)
      "habit_token_jaccard", // IDF-weighted Jaccard of the token sets x min(1, texts/HABIT_FULL_TEXTS)
      "habit_category_agree", // same dominant ending / case / line breaks, ln(N/n) each (HabitTokens.agreement)
      "offset_agree_few",   // like offset_agree_rel from 2 events on, x min(1, events/FEW_EVENTS_FULL)
      "username_x_diffnum"); // username_llr when both names carry a number of >= 2 digits and neither is a prefix of the other
  /** Natural direction of each feature for {@link LogisticCombiner#train}: +1 evidence for, −1 against (same site). */
  public static int[] signs() {
    int[] s = new int[NAMES.size()];
    java.util.Arrays.fill(s, 1);
    s[NAMES.indexOf("same_site")] = -1;
    s[NAMES.indexOf("habit_contradiction")] = -1;
    s[NAMES.indexOf("username_x_contra")] = -1;
    // one person's name variants keep their number (redstorm194 / red_storm194); two people who
    // drew the same adjective-noun name carry different ones (redstorm194 / red_storm139)
    s[NAMES.indexOf("username_x_diffnum")] = -1;
    return s;
  }

  /** Identifier LLR counted at most this much (one identifier already decides). */
  public static final double IDENTIFIER_CAP = 12.0;

  /** Stem similarity below this is no evidence (random adjective-noun names reach ~0.7). */
  public static final double STEM_JW_FLOOR = 0.8;
  /** Habit cosine of a typical unrelated pair (above: for, below: against). */
  public static final double HABIT_CENTRE = 0.3;
  /** Texts per account from which the habit cosine counts in full. */
  public static final int HABIT_FULL_TEXTS = 5;

  /** Shared habit-token evidence counted at most this much (nats). */
  public static final double HABIT_IDF_CAP = 24.0;
  /** Divisor of the shared habit-token IDF in its product with the username LLR. */
  public static final double HABIT_IDF_SCALE = 10.0;

  /** Events each account needs for {@code offset_agree_few}, and from which it counts in full. */
  public static final int FEW_EVENTS_MIN = 2;
  public static final int FEW_EVENTS_FULL = 8;

  private final FeatureTable t;
  private final PairScorer scorer;
  private final int[] stemFrequency;
  private final String[] numbers;

  public PairFeatures(FeatureTable table, PairScorer scorer, int[] stemFrequency) {
    if (table == null || scorer == null || stemFrequency == null || stemFrequency.length != table.size()) {
      throw new IllegalArgumentException("table, scorer and one stem frequency per account are required");
    }
    this.t = table;
    this.scorer = scorer;
    this.stemFrequency = stemFrequency;
    this.numbers = new String[t.size()];
    for (int i = 0; i < numbers.length; i++) numbers[i] = number(t.usernames[i]);
  }

  /** The feature vector of a pair (length {@link #NAMES}.size()). */
  public double[] of(int a, int b) {
    double[] x = new double[NAMES.size()];
    double ident = 0;
    double media = 0;
    int mediaValues = 0;
    int[] va = t.values[a];
    int[] vb = t.values[b];
    for (int i = 0, j = 0; i < va.length && j < vb.length; ) {
      if (va[i] == vb[j]) {
        double w = scorer.valueLlr(va[i]);
        if (t.valueCode[va[i]].equals("shared-media")) {
          media += w;
          if (w > 0) mediaValues++;
        } else {
          ident += w;
        }
        i++;
        j++;
      } else if (va[i] < vb[j]) i++;
      else j++;
    }
    x[0] = Math.min(ident, IDENTIFIER_CAP);
    x[1] = media;
    x[2] = mediaValues;
    double u = scorer.usernameLlr(a, b);
    x[3] = u;
    String sa = t.stems[a];
    String sb = t.stems[b];
    boolean stems = sa.length() >= UsernameSimilarity.MIN_STEM_LENGTH && sb.length() >= UsernameSimilarity.MIN_STEM_LENGTH;
    if (stems) {
      // a stem many accounts share (at 1M accounts even two-word names recur) is weaker evidence
      int f = Math.max(stemFrequency[a], stemFrequency[b]);
      double rarity = f <= 3 ? 1.0 : 1.0 / (1 + Math.log(f / 3.0));
      x[4] = Math.max(0, UsernameSimilarity.jaroWinkler(sa, sb) - STEM_JW_FLOOR) / (1 - STEM_JW_FLOOR) * rarity;
    }
    if (stems && sa.equals(sb)) {
      int f = Math.max(stemFrequency[a], stemFrequency[b]);
      x[5] = 1.0 / (1 + Math.log(Math.max(1.0, f / 3.0)));
    }
    x[6] = sameNumber(numbers[a], numbers[b]) ? 1 : 0;
    x[7] = scorer.styleLlr(a, b);
    double[] raw = scorer.raw(a, b);
    if (!Double.isNaN(raw[0])) {
      double rel = Math.min(1.0, (double) Math.min(t.texts[a], t.texts[b]) / PairScorer.STYLE_FULL_TEXTS);
      x[8] = (raw[0] - PairScorer.STYLE_LOW) * rel;
    }
    x[9] = scorer.timingLlr(a, b);
    if (!Double.isNaN(raw[1])) {
      double rel = Math.min(1.0, (double) Math.min(t.events[a], t.events[b]) / PairScorer.TIMING_FULL_EVENTS);
      x[10] = (raw[1] - 0.85) * rel;
      int d = Math.abs(TimingSimilarity.inferredUtcOffset(t.timing[a]) - TimingSimilarity.inferredUtcOffset(t.timing[b]));
      d = Math.min(d, 24 - d);
      x[11] = (d <= 1 ? 1 : d > 3 ? -1 : 0) * rel;
    }
    x[12] = u * x[8];
    x[13] = u * x[10];
    if (t.habitIds[a] != null && t.habitIds[b] != null) {
      double h = StyleProfiler.cosine(t.habitIds[a], t.habitVals[a], t.habitIds[b], t.habitVals[b]);
      x[14] = (h - HABIT_CENTRE) * Math.min(1.0, (double) Math.min(t.texts[a], t.texts[b]) / HABIT_FULL_TEXTS);
    }
    x[15] = u * x[14];
    x[16] = t.site[a] == t.site[b] ? 1 : 0;
    x[17] = Math.min(HABIT_IDF_CAP, HabitTokens.sharedIdf(t.tokens[a], t.tokens[b], t.tokenIdf));
    x[18] = HabitTokens.contradiction(t.habitCategories[a], t.texts[a], t.habitCategories[b], t.texts[b]);
    x[19] = u * x[17] / HABIT_IDF_SCALE;
    x[20] = u * x[18];
    x[21] = HabitTokens.weightedJaccard(t.tokens[a], t.tokens[b], t.tokenIdf)
        * Math.min(1.0, (double) Math.min(t.texts[a], t.texts[b]) / HABIT_FULL_TEXTS);
    x[22] = HabitTokens.agreement(t.habitCategories[a], t.texts[a], t.habitCategories[b], t.texts[b], t.slotIdf);
    int ev = Math.min(t.events[a], t.events[b]);
    if (t.timing[a] != null && t.timing[b] != null && ev >= FEW_EVENTS_MIN) {
      int d = Math.abs(TimingSimilarity.inferredUtcOffset(t.timing[a]) - TimingSimilarity.inferredUtcOffset(t.timing[b]));
      d = Math.min(d, 24 - d);
      x[23] = (d <= 1 ? 1 : d > 3 ? -1 : 0) * Math.min(1.0, (double) ev / FEW_EVENTS_FULL);
    }
    x[24] = differentNumber(numbers[a], numbers[b]) ? u : 0;
    return x;
  }

  /** One number is a prefix of the other ({@code 575} / {@code 57512}: a suffix was added to the same name). */
  static boolean sameNumber(String x, String y) {
    if (x == null || y == null) return false;
    return x.length() <= y.length() ? y.startsWith(x) : x.startsWith(y);
  }

  /** Both names carry a number and neither is a prefix of the other. */
  static boolean differentNumber(String x, String y) {
    return x != null && y != null && !sameNumber(x, y);
  }

  /** The first run of at least two digits in a user name, or null. */
  static String number(String username) {
    if (username == null) return null;
    int i = 0;
    while (i < username.length()) {
      if (Character.isDigit(username.charAt(i))) {
        int j = i;
        while (j < username.length() && Character.isDigit(username.charAt(j))) j++;
        if (j - i >= 2) return username.substring(i, j);
        i = j;
      } else {
        i++;
      }
    }
    return null;
  }
}
