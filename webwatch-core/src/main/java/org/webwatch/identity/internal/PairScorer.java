package org.webwatch.identity.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.webwatch.model.Evidence;

/**
 * Scores a candidate pair as a sum of per-evidence log-likelihood ratios (natural log; naive
 * Bayes, evidence assumed independent) and decides whether it qualifies as a link. Weights are
 * named constants, set on synthetic fixtures and to be recalibrated on generated populations
 * (see docs/identity.md). Strong evidence (validated identifiers, new media) may link alone;
 * weak evidence (username, style, timing) needs {@link #MIN_WEAK_SIGNALS} positive weak signals
 * and the higher {@link #WEAK_ONLY_THRESHOLD}.
 * Shared values are down-weighted by how many accounts use them ({@code min(1, K/n)}, further
 * by sites/accounts when several accounts of one site share it) and ignored above
 * {@link #MAX_VALUE_ACCOUNTS} accounts. Cost O(k + 168) per pair.
 */
public final class PairScorer {
  /** Link threshold on the summed log-likelihood ratio. */
  public static final double LINK_THRESHOLD = 4.0;
  /** Prior log-odds that a candidate pair is one person; confidence = logistic(prior + LLR). */
  public static final double PRIOR_LOG_ODDS = -1.0;
  /** Strong (identifier/media) LLR at or above which a pair may link with no weak signal. */
  public static final double STRONG_ALONE = 4.0;
  /** Strong LLR needed before two accounts of the SAME site may be one person. */
  public static final double SAME_SITE_STRONG = 6.0;
  /** Weak signals counted as corroboration only above this LLR. */
  public static final double WEAK_SIGNAL_MIN = 0.5;
  public static final int MIN_WEAK_SIGNALS = 2;
  /** Higher threshold for links resting on weak signals only (username, style, timing). */
  public static final double WEAK_ONLY_THRESHOLD = 5.5;

  public static final double LLR_PGP = 9.0;
  public static final double LLR_XMR = 9.0;
  public static final double LLR_BTC = 8.0;
  public static final double LLR_ETH = 8.0;
  public static final double LLR_EMAIL = 8.0;
  public static final double LLR_CONTACT = 6.0;
  public static final double LLR_MEDIA = 3.5;
  /** Shared new media add at most this much per pair: reposts of one pool are not independent evidence. */
  public static final double MAX_MEDIA_LLR = 3.5;
  /** Accounts a shared value may have at full weight; above, weight falls as K/n. */
  public static final int FULL_WEIGHT_VALUE_ACCOUNTS = 3;
  /** Values used by more accounts than this are ignored (donation/exchange addresses, quoted keys). */
  public static final int MAX_VALUE_ACCOUNTS = 8;

  public static final double LLR_USERNAME_EXACT = 4.5;
  public static final double LLR_USERNAME_SIMILAR = 2.5;
  public static final double USERNAME_MIN_JW = 0.90;

  public static final int STYLE_MIN_TEXTS = 3;
  /** Texts per account from which style evidence counts in full (fewer: scaled down linearly). */
  public static final int STYLE_FULL_TEXTS = 10;
  public static final double STYLE_LOW = 0.15;
  public static final double STYLE_HIGH = 0.65;
  public static final double LLR_STYLE_MAX = 4.0;
  public static final double LLR_STYLE_MIN = -2.0;
  /** Middle point of the style curve: (STYLE_MID, LLR_STYLE_MID); log-likelihood ratios are concave in the cosine. */
  public static final double STYLE_MID = 0.40;
  public static final double LLR_STYLE_MID = 1.0;

  public static final int TIMING_MIN_EVENTS = 4;
  /** Events per account from which timing evidence counts in full (fewer: scaled down linearly). */
  public static final int TIMING_FULL_EVENTS = 15;
  public static final double TIMING_LOW = 0.75;
  public static final double TIMING_HIGH = 0.95;
  public static final double LLR_TIMING_MAX = 1.5;
  public static final double LLR_TIMING_MIN = -1.5;

  private final FeatureTable t;
  private final int[] stemFrequency;

  public PairScorer(FeatureTable table, int[] stemFrequency) {
    this.t = table;
    this.stemFrequency = stemFrequency;
  }

  /**
   * Numeric score of a pair: strong and weak parts, weak-signal count. {@code strong} is the identifiers' LLR plus
   * the shared NEW media's, capped at {@link #MAX_MEDIA_LLR}; {@code media} is that capped media part.
   */
  public record Score(double strong, double username, double style, double timing, double media) {
    /** A score without media evidence (all of {@code strong} from identifiers). */
    public Score(double strong, double username, double style, double timing) {
      this(strong, username, style, timing, 0);
    }

    /**
     * The identifiers' part of {@code strong}: 0 exactly when no validated identifier is shared (the weak-pair
     * stages may then accept the pair, media or not; {@code WeakPairStages}).
     */
    public double identifiers() {
      return strong - media;
    }

    public double total() {
      return strong + username + style + timing;
    }

    /** Independent signals above {@link #WEAK_SIGNAL_MIN}; strong evidence too weak to stand alone counts as one. */
    public int weakSignals() {
      return (strong > WEAK_SIGNAL_MIN ? 1 : 0) + (username > WEAK_SIGNAL_MIN ? 1 : 0) + (style > WEAK_SIGNAL_MIN ? 1 : 0)
          + (timing > WEAK_SIGNAL_MIN ? 1 : 0);
    }

    /** Whether the pair qualifies as a link: over threshold AND strong or corroborated. */
    public boolean qualifies() {
      if (total() < LINK_THRESHOLD) return false;
      if (strong >= STRONG_ALONE) return true;
      return weakSignals() >= MIN_WEAK_SIGNALS && total() >= WEAK_ONLY_THRESHOLD;
    }

    public double confidence() {
      return 1 / (1 + Math.exp(-(PRIOR_LOG_ODDS + total())));
    }
  }

  public Score score(int a, int b) {
    double strong = 0;
    double media = 0;
    int[] va = t.values[a];
    int[] vb = t.values[b];
    for (int i = 0, j = 0; i < va.length && j < vb.length; ) {
      if (va[i] == vb[j]) {
        if (t.valueCode[va[i]].equals("shared-media")) media += valueLlr(va[i]);
        else strong += valueLlr(va[i]);
        i++;
        j++;
      } else if (va[i] < vb[j]) i++;
      else j++;
    }
    double cappedMedia = Math.min(media, MAX_MEDIA_LLR);
    return new Score(strong + cappedMedia, usernameLlr(a, b), styleLlr(a, b), timingLlr(a, b), cappedMedia);
  }

  double valueLlr(int v) {
    int n = t.valueAccounts[v];
    if (n > MAX_VALUE_ACCOUNTS) return 0;
    double w = baseLlr(t.valueCode[v]) * Math.min(1.0, (double) FULL_WEIGHT_VALUE_ACCOUNTS / n);
    // several accounts of ONE site sharing a value look like a published (donation) address
    return w * ((double) t.valueSites[v] / n);
  }

  static double baseLlr(String code) {
    switch (code) {
      case "shared-pgp": return LLR_PGP;
      case "shared-xmr": return LLR_XMR;
      case "shared-btc": return LLR_BTC;
      case "shared-eth": return LLR_ETH;
      case "shared-email": return LLR_EMAIL;
      case "shared-media": return LLR_MEDIA;
      default: return LLR_CONTACT;
    }
  }

  double usernameLlr(int a, int b) {
    String sa = t.stems[a];
    String sb = t.stems[b];
    if (sa.length() < UsernameSimilarity.MIN_STEM_LENGTH || sb.length() < UsernameSimilarity.MIN_STEM_LENGTH) return 0;
    double jw = UsernameSimilarity.jaroWinkler(sa, sb);
    if (jw < USERNAME_MIN_JW) return 0;
    double base = jw == 1 ? LLR_USERNAME_EXACT : LLR_USERNAME_SIMILAR * (jw - USERNAME_MIN_JW) / (1 - USERNAME_MIN_JW);
    // short stems and stems many accounts use are weaker evidence
    double length = Math.min(1.0, (Math.min(sa.length(), sb.length()) - 2) / 4.0);
    int freq = Math.max(stemFrequency[a], stemFrequency[b]);
    double rarity = freq <= 3 ? 1.0 : 1.0 / (1 + Math.log(freq / 3.0));
    return base * length * rarity;
  }

  double styleLlr(int a, int b) {
    if (t.styleIds[a] == null || t.styleIds[b] == null) return 0;
    if (t.texts[a] < STYLE_MIN_TEXTS || t.texts[b] < STYLE_MIN_TEXTS) return 0;
    double c = StyleProfiler.cosine(t.styleIds[a], t.styleVals[a], t.styleIds[b], t.styleVals[b]);
    // few texts give noisy profiles: shrink the evidence towards 0 until STYLE_FULL_TEXTS
    return (c < STYLE_MID ? ramp(c, STYLE_LOW, STYLE_MID, LLR_STYLE_MIN, LLR_STYLE_MID) : ramp(c, STYLE_MID, STYLE_HIGH, LLR_STYLE_MID, LLR_STYLE_MAX)) * Math.min(1.0, (double) Math.min(t.texts[a], t.texts[b]) / STYLE_FULL_TEXTS);
  }

  double timingLlr(int a, int b) {
    if (t.timing[a] == null || t.timing[b] == null) return 0;
    if (t.events[a] < TIMING_MIN_EVENTS || t.events[b] < TIMING_MIN_EVENTS) return 0;
    double s = TimingSimilarity.similarity(t.timing[a], t.timing[b]);
    return ramp(s, TIMING_LOW, TIMING_HIGH, LLR_TIMING_MIN, LLR_TIMING_MAX) * Math.min(1.0, (double) Math.min(t.events[a], t.events[b]) / TIMING_FULL_EVENTS);
  }

  /** Raw similarities for calibration: style cosine, timing 1−JSD, stem Jaro–Winkler (NaN when absent). */
  public double[] raw(int a, int b) {
    double style = t.styleIds[a] == null || t.styleIds[b] == null || t.texts[a] < STYLE_MIN_TEXTS || t.texts[b] < STYLE_MIN_TEXTS ? Double.NaN
        : StyleProfiler.cosine(t.styleIds[a], t.styleVals[a], t.styleIds[b], t.styleVals[b]);
    double timing = t.timing[a] == null || t.timing[b] == null || t.events[a] < TIMING_MIN_EVENTS || t.events[b] < TIMING_MIN_EVENTS
        ? Double.NaN : TimingSimilarity.similarity(t.timing[a], t.timing[b]);
    double jw = t.stems[a].isEmpty() || t.stems[b].isEmpty() ? Double.NaN : UsernameSimilarity.jaroWinkler(t.stems[a], t.stems[b]);
    return new double[] {style, timing, jw};
  }

  /** Linear from {@code lo→min} to {@code hi→max}, clamped. */
  static double ramp(double x, double lo, double hi, double min, double max) {
    if (x <= lo) return min;
    if (x >= hi) return max;
    return min + (max - min) * (x - lo) / (hi - lo);
  }

  /** Every piece of evidence behind a pair, down to the values and items, sorted by code and value. */
  public List<Evidence> explain(int a, int b) {
    List<Evidence> out = new ArrayList<>();
    int[] va = t.values[a];
    int[] vb = t.values[b];
    for (int i = 0, j = 0; i < va.length && j < vb.length; ) {
      if (va[i] == vb[j]) {
        int v = va[i];
        double w = valueLlr(v);
        if (w > 0) {
          String detail = items(a, v) + " <-> " + items(b, v) + " (" + t.valueAccounts[v] + " accounts, "
              + t.valueSites[v] + " sites)";
          out.add(new Evidence(t.valueCode[v], t.valueText[v], round(w), detail));
        }
        i++;
        j++;
      } else if (va[i] < vb[j]) i++;
      else j++;
    }
    double u = usernameLlr(a, b);
    if (u > 0) {
      double jw = UsernameSimilarity.jaroWinkler(t.stems[a], t.stems[b]);
      out.add(new Evidence("username", t.stems[a] + "~" + t.stems[b], round(u),
          String.format(Locale.ROOT, "%s ~ %s (stems %s/%s, jaro-winkler %.3f)", t.usernames[a], t.usernames[b], t.stems[a], t.stems[b], jw)));
    }
    double s = styleLlr(a, b);
    if (s != 0) {
      double c = StyleProfiler.cosine(t.styleIds[a], t.styleVals[a], t.styleIds[b], t.styleVals[b]);
      out.add(new Evidence("style", fmt(c), round(s),
          String.format(Locale.ROOT, "cosine %.3f over %d and %d texts", c, t.texts[a], t.texts[b])));
    }
    double tm = timingLlr(a, b);
    if (tm != 0) {
      double sim = TimingSimilarity.similarity(t.timing[a], t.timing[b]);
      out.add(new Evidence("timing", fmt(sim), round(tm), String.format(Locale.ROOT,
          "1-JSD %.3f over %d and %d events; inferred UTC offsets %+d/%+d", sim, t.events[a], t.events[b],
          TimingSimilarity.inferredUtcOffset(t.timing[a]), TimingSimilarity.inferredUtcOffset(t.timing[b]))));
    }
    out.sort((x, y) -> {
      int c = x.code().compareTo(y.code());
      return c != 0 ? c : x.value().compareTo(y.value());
    });
    return out;
  }

  private String items(int account, int value) {
    List<String> items = t.valueItems.get(((long) account << 32) | value);
    return items == null || items.isEmpty() ? t.keys[account].toString() : String.join(",", items);
  }

  private static String fmt(double d) {
    return String.format(Locale.ROOT, "%.3f", d);
  }

  private static double round(double d) {
    return Math.round(d * 1000) / 1000.0;
  }
}
