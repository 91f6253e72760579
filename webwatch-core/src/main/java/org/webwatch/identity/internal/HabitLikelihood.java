package org.webwatch.identity.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Naive-Bayes log-likelihood ratio of two accounts' habit signatures, "same person" against
 * "different persons", with the keep rates learned at run time from pairs the pipeline already
 * links by identifiers (self-supervised: no generator truth).
 *
 * <p>IDF scoring ({@link HabitTokens#sharedIdf}) assumes a person always shows a habit on every
 * account and ignores what two accounts do NOT share. Here each exclusive category — dominant
 * sentence ending, dominant sentence-initial case, line breaks between sentences, inferred UTC
 * offset (±1 h) — scores, when both accounts show a value, {@code ln(keep / f(v))} for equal
 * values and {@code ln((1 − keep) / (1 − Σ f²))} for different ones ({@code f}: share of
 * observed accounts with that value; {@code keep = P(equal | same person)}); the exclusive
 * slots of {@link HabitSlots} — sign-off, favourite opener, each learned spelling variant — score
 * the same way ({@link #slotLlr}, one keep rate per slot kind); the reliable habit tokens
 * ({@link HabitTokens}: those shown {@link HabitTokens#repeated repeatedly}, less what a slot
 * reads) score, over the union of both
 * accounts' tokens, {@code ln(k / q)} for a shared token and {@code ln((1 − k) / (1 − q))} for
 * one held by one side only ({@code q}: share of accounts holding it; {@code k = P(both hold |
 * one holds, same person)}, per band of the smaller text count, since a light account shows
 * fewer of its habits); the hour-of-day profile adds its Bayes likelihood
 * ({@link HourProfileLikelihood}). Keep rates are Beta-smoothed counts over the anchor pairs (Good 1965;
 * naive Bayes after Mosteller &amp; Wallace 1964, authorship by word rates), so with no anchors
 * the priors {@link #PRIOR_KEEP} / {@link #PRIOR_TOKEN_KEEP} apply. Fitting O(n + anchors ·
 * tokens); one pair O(tokens).
 */
public final class HabitLikelihood {
  /** Identifier LLR from which a cross-site pair is a trusted anchor for the keep rates. */
  public static final double ANCHOR_LLR = 6.0;
  private static final int IDENTIFIER_LLR = PairFeatures.NAMES.indexOf("identifier_llr"); // looked up once, not per pair
  /** Prior keep rate of an exclusive category, and its weight in pseudo-pairs. */
  public static final double PRIOR_KEEP = 0.85;
  public static final double PRIOR_WEIGHT = 10.0;
  /** Prior token keep rate (shared / union over same-person pairs), and its weight in pseudo-tokens. */
  public static final double PRIOR_TOKEN_KEEP = 0.3;
  public static final double PRIOR_TOKEN_WEIGHT = 20.0;
  /** Keep rates are clamped to [1 − MAX_KEEP, MAX_KEEP] so no single category decides alone. */
  public static final double MAX_KEEP = 0.995;
  /** Events each account needs before its inferred UTC offset is a value. */
  public static final int OFFSET_MIN_EVENTS = 4;
  /** Upper text counts of the token keep-rate bands (smaller text count of the pair); the last band is open. */
  static final int[] TEXT_BANDS = {4, 9};
  /** Categories: ending, case, line breaks, UTC offset. */
  public static final int CATEGORIES = 4;
  /** Output features, in {@link #features} order. */
  public static final java.util.List<String> NAMES =
      java.util.List.of("nb_category_llr", "nb_offset_llr", "nb_token_llr", "nb_slot_llr", "hour_profile_llr", "nb_total_llr");
  /** {@link #NAMES} as the {@link #pooled} view computes them: each side's whole provisional person. */
  public static final java.util.List<String> NAMES_PERSON = NAMES.stream().map(n -> "person_" + n).toList();
  /** Index of {@code nb_total_llr}, the sum of the others, in {@link #features}. */
  public static final int TOTAL = NAMES.indexOf("nb_total_llr");

  private final int[][] value; // per account, per category: value or -1
  private final double[][] freq; // per category, per value: share of observed accounts (offset: within ±1 h)
  private final double[] collide; // per category: P(equal | different persons)
  private final double[] keep;
  private final double[] tokenKeep; // per text band
  private final int[][] tokens;
  private final double[] tokenShare;
  private final int[] texts;
  private final int anchors;
  private final int[][] slots; // per account: HabitSlots values, or null
  private final HourProfileLikelihood hours;
  private final List<Map<Integer, Double>> slotFreq; // per slot: value -> share of accounts showing the slot
  private final double[] slotCollide; // per slot: Σ f²
  private final double[] slotKeep; // per slot kind: sign-off, opener, variants
  private final int[] group; // pooled view: root account of each account's provisional person; null: rows are accounts
  private final HabitLikelihood single; // pooled view: the account-level likelihood (two accounts of one person)

  private HabitLikelihood(FeatureTable t, long[] anchorPairs) {
    int n = t.size();
    value = new int[n][];
    texts = t.texts;
    tokens = t.repeatedTokens;
    for (int i = 0; i < n; i++) value[i] = HabitSignature.of(t, i);
    freq = new double[CATEGORIES][];
    collide = new double[CATEGORIES];
    for (int c = 0; c < CATEGORIES; c++) {
      int size = c == 3 ? 24 : HabitTokens.CATEGORY_SLOTS;
      double[] count = new double[size];
      int seen = 0;
      for (int[] v : value) {
        if (v[c] >= 0) {
          count[v[c]]++;
          seen++;
        }
      }
      double[] f = new double[size];
      for (int v = 0; v < size; v++) {
        double k = c == 3 ? count[v] + count[(v + 1) % 24] + count[(v + 23) % 24] : count[v];
        f[v] = (k + 1) / (seen + size); // Laplace: an unseen value is rare, not impossible
      }
      freq[c] = f;
      double p = 0;
      for (int v = 0; v < size; v++) p += (count[v] + 1) / (seen + size) * f[v];
      collide[c] = Math.min(p, MAX_KEEP);
    }
    int holders = 0;
    for (int[] tk : tokens) if (tk != null && tk.length > 0) holders++;
    tokenShare = new double[t.tokenDf.length];
    int[] df = new int[t.tokenDf.length];
    for (int[] tk : tokens) if (tk != null) for (int d : tk) df[d]++;
    for (int d = 0; d < tokenShare.length; d++) tokenShare[d] = Math.min(0.5, (df[d] + 1.0) / (holders + 2.0));
    double[] eq = new double[CATEGORIES];
    double[] both = new double[CATEGORIES];
    double[] shared = new double[TEXT_BANDS.length + 1];
    double[] union = new double[TEXT_BANDS.length + 1];
    for (long p : anchorPairs) {
      int a = PairKeys.first(p);
      int b = PairKeys.second(p);
      for (int c = 0; c < CATEGORIES; c++) {
        if (value[a][c] < 0 || value[b][c] < 0) continue;
        both[c]++;
        if (sameValue(c, value[a][c], value[b][c])) eq[c]++;
      }
      if (tokens[a] != null && tokens[b] != null && Math.min(texts[a], texts[b]) >= HabitTokens.CATEGORY_MIN_TEXTS) {
        int band = band(Math.min(texts[a], texts[b]));
        int s = sharedCount(tokens[a], tokens[b]);
        shared[band] += s;
        union[band] += tokens[a].length + tokens[b].length - s;
      }
    }
    keep = new double[CATEGORIES];
    for (int c = 0; c < CATEGORIES; c++) keep[c] = smoothedKeep(eq[c], both[c]);
    tokenKeep = new double[shared.length];
    for (int k = 0; k < shared.length; k++) {
      tokenKeep[k] = clamp((shared[k] + PRIOR_TOKEN_KEEP * PRIOR_TOKEN_WEIGHT) / (union[k] + PRIOR_TOKEN_WEIGHT));
    }
    anchors = anchorPairs.length;
    hours = HourProfileLikelihood.fit(t);
    slots = t.habitSlots;
    SlotFit fit = fitSlots(slots, anchorPairs);
    slotFreq = fit.freq();
    slotCollide = fit.collide();
    slotKeep = fit.keep();
    group = null;
    single = null;
  }

  /** The pooled view of a fitted likelihood: its rates, the rows of {@code pool}. */
  private HabitLikelihood(HabitLikelihood fitted, PooledHabits pool, int[] group) {
    value = pool.value;
    texts = pool.texts;
    tokens = pool.tokens;
    slots = pool.slots;
    hours = fitted.hours.over(pool.timing);
    freq = fitted.freq;
    collide = fitted.collide;
    keep = fitted.keep;
    tokenKeep = fitted.tokenKeep;
    tokenShare = fitted.tokenShare;
    anchors = fitted.anchors;
    slotFreq = fitted.slotFreq;
    slotCollide = fitted.slotCollide;
    slotKeep = fitted.slotKeep;
    this.group = group.clone();
    this.single = fitted;
  }

  /**
   * This likelihood with each account standing for its whole provisional person ({@link PooledHabits}):
   * {@link #features} of two accounts then compares their persons' pooled habits, with the
   * frequencies and keep rates fitted here on single accounts (a pooled side shows its habits more
   * reliably, so these rates are conservative). Two accounts of one person compare as accounts.
   *
   * @param group root account of each account's person ({@link LinkingPipeline#provisionalPersons})
   */
  public HabitLikelihood pooled(FeatureTable t, int[] group) {
    if (single != null) throw new IllegalStateException("already pooled");
    return new HabitLikelihood(this, PooledHabits.of(t, group), group);
  }

  /** Per slot: value shares and Σ f²; per slot kind: the keep rate. */
  private record SlotFit(List<Map<Integer, Double>> freq, double[] collide, double[] keep) {}

  private static SlotFit fitSlots(int[][] slots, long[] anchorPairs) {
    int width = 0;
    for (int[] v : slots) if (v != null) width = Math.max(width, v.length);
    List<Map<Integer, Double>> freq = new ArrayList<>();
    double[] collide = new double[width];
    for (int k = 0; k < width; k++) {
      Map<Integer, Integer> count = new HashMap<>();
      int seen = 0;
      for (int[] v : slots) {
        if (v != null && k < v.length && v[k] >= 0) {
          count.merge(v[k], 1, Integer::sum);
          seen++;
        }
      }
      Map<Integer, Double> f = new HashMap<>();
      double c = 0;
      for (Map.Entry<Integer, Integer> e : count.entrySet()) {
        double share = (e.getValue() + 1.0) / (seen + count.size() + 1.0); // Laplace: a value a few accounts show is not taken as rarer than it is
        f.put(e.getKey(), share);
        c += share * share;
      }
      freq.add(f);
      collide[k] = Math.min(c, MAX_KEEP);
    }
    double[] eq = new double[SLOT_KINDS];
    double[] both = new double[SLOT_KINDS];
    for (long p : anchorPairs) {
      int[] x = slots[PairKeys.first(p)];
      int[] y = slots[PairKeys.second(p)];
      if (x == null || y == null) continue;
      for (int k = 0; k < Math.min(x.length, y.length); k++) {
        if (x[k] < 0 || y[k] < 0) continue;
        both[kind(k)]++;
        if (x[k] == y[k]) eq[kind(k)]++;
      }
    }
    double[] keep = new double[SLOT_KINDS];
    for (int c = 0; c < SLOT_KINDS; c++) {
      keep[c] = smoothedKeep(eq[c], both[c]);
    }
    return new SlotFit(freq, collide, keep);
  }

  /** Slot kinds with their own keep rate: sign-off, opener, learned spelling variants (pooled). */
  public static final int SLOT_KINDS = 3;

  private static int kind(int slot) {
    return Math.min(slot, SLOT_KINDS - 1);
  }

  /**
   * Exclusive-slot evidence ({@link HabitSlots}) of accounts {@code a} and {@code b}: over the slots
   * both show, {@code ln(keep / f(v))} for the same value and {@code ln((1 − keep) / (1 − Σ f²))} for
   * different ones, keep rates per slot kind fitted on the anchor pairs.
   */
  public double slotLlr(int a, int b) {
    double[] k = slotLlrByKind(a, b);
    return k[0] + k[1] + k[2];
  }

  /** {@link #slotLlr} split by slot kind: sign-off, opener, spelling variants. */
  public double[] slotLlrByKind(int a, int b) {
    double[] s = new double[SLOT_KINDS];
    int[] x = slots[row(a)];
    int[] y = slots[row(b)];
    if (x == null || y == null) return s;
    for (int k = 0; k < Math.min(x.length, y.length); k++) {
      if (x[k] < 0 || y[k] < 0) continue;
      s[kind(k)] += valueLlr(x[k] == y[k], slotKeep[kind(k)], slotFreq.get(k).get(x[k]), slotCollide[k]);
    }
    return s;
  }

  /** A copy of account {@code i}'s slot values ({@link HabitSlots#values}); empty when none. */
  public int[] slotValues(int i) {
    int[] v = slots[row(i)];
    return v == null ? new int[0] : v.clone();
  }

  /** Keep rate of slot kind {@code c} (0 sign-off, 1 opener, 2 spelling variants). */
  public double slotKeep(int c) {
    return slotKeep[c];
  }

  /**
   * Fits the frequencies on every account of {@code t} and the keep rates on {@code anchorPairs}
   * (cross-site pairs linked by identifiers with LLR ≥ {@link #ANCHOR_LLR}; the caller selects them).
   */
  public static HabitLikelihood fit(FeatureTable t, long[] anchorPairs) {
    if (t == null || anchorPairs == null) throw new IllegalArgumentException("table and anchor pairs are required");
    for (long p : anchorPairs) {
      if (PairKeys.first(p) >= t.size() || PairKeys.second(p) >= t.size()) throw new IllegalArgumentException("anchor pair outside the table");
    }
    return new HabitLikelihood(t, anchorPairs);
  }

  /** Whether a pair with these {@link PairFeatures} is an anchor: cross-site and identifier LLR ≥ {@link #ANCHOR_LLR}. */
  public static boolean isAnchor(double[] pairFeatures, boolean sameSite) {
    return !sameSite && pairFeatures[IDENTIFIER_LLR] >= ANCHOR_LLR;
  }


  /**
   * {nb_category_llr, nb_offset_llr, nb_token_llr, nb_slot_llr, hour_profile_llr, nb_total_llr} of accounts
   * {@code a} and {@code b} ({@link #NAMES}): the categories, the UTC offset, the habit tokens, the exclusive
   * slots ({@link #slotLlr}), the hour-of-day profile ({@link HourProfileLikelihood}) and their sum.
   */
  public double[] features(int a, int b) {
    if (group != null) {
      if (group[a] == group[b]) return single.features(a, b);
      a = group[a];
      b = group[b];
    }
    double cat = 0;
    for (int c = 0; c < 3; c++) cat += categoryLlr(c, value[a][c], value[b][c]);
    double off = categoryLlr(3, value[a][3], value[b][3]);
    double tok = tokenLlr(a, b);
    double slot = slotLlr(a, b);
    double hour = hours.llr(a, b);
    return new double[] {cat, off, tok, slot, hour, cat + off + tok + slot + hour};
  }

  /** The row holding account {@code i}: itself, or in the pooled view the root of its person (a root maps to itself). */
  private int row(int i) {
    return group == null ? i : group[i];
  }

  /** Keep rate of category {@code c} (0 ending, 1 case, 2 line breaks, 3 UTC offset). */
  public double keep(int c) {
    return keep[c];
  }

  /** Token keep rate for a pair whose smaller text count is {@code minTexts}. */
  public double tokenKeep(int minTexts) {
    return tokenKeep[band(minTexts)];
  }

  /** A copy of account {@code i}'s signature: ending slot, case slot, line breaks 0/1, UTC offset + 12; −1 where not observed. */
  public int[] signature(int i) {
    return value[row(i)].clone();
  }

  /** Anchor pairs the keep rates were fitted on. */
  public int anchors() {
    return anchors;
  }

  private double categoryLlr(int c, int va, int vb) {
    if (va < 0 || vb < 0) return 0;
    return valueLlr(sameValue(c, va, vb), keep[c], Math.max(freq[c][va], freq[c][vb]), collide[c]);
  }

  private double tokenLlr(int a, int b) {
    int[] x = tokens[a];
    int[] y = tokens[b];
    if (x == null || y == null || Math.min(texts[a], texts[b]) < HabitTokens.CATEGORY_MIN_TEXTS) return 0;
    double k = tokenKeep[band(Math.min(texts[a], texts[b]))];
    double s = 0;
    int i = 0;
    int j = 0;
    while (i < x.length || j < y.length) {
      if (j >= y.length || i < x.length && x[i] < y[j]) s += Math.log((1 - k) / (1 - tokenShare[x[i++]]));
      else if (i >= x.length || y[j] < x[i]) s += Math.log((1 - k) / (1 - tokenShare[y[j++]]));
      else {
        s += Math.log(k / tokenShare[x[i]]);
        i++;
        j++;
      }
    }
    return s;
  }

  /** Whether two values of category {@code c} ({@link #signature} order) agree: equal, or for the UTC offset within ±1 h. */
  public static boolean sameValue(int c, int va, int vb) {
    if (c != 3) return va == vb;
    int d = Math.abs(va - vb);
    return Math.min(d, 24 - d) <= 1;
  }

  private static int band(int minTexts) {
    for (int k = 0; k < TEXT_BANDS.length; k++) if (minTexts <= TEXT_BANDS[k]) return k;
    return TEXT_BANDS.length;
  }

  /** P(equal | same person) from {@code eq} of {@code both} anchor pairs showing a value, Beta-smoothed towards {@link #PRIOR_KEEP}. */
  private static double smoothedKeep(double eq, double both) {
    return clamp((eq + PRIOR_KEEP * PRIOR_WEIGHT) / (both + PRIOR_WEIGHT));
  }

  /** One exclusive value, both sides shown: {@code ln(keep / f)} when equal, {@code ln((1 − keep) / (1 − Σ f²))} when not. */
  private static double valueLlr(boolean equal, double keep, double f, double collide) {
    return equal ? Math.log(keep / f) : Math.log((1 - keep) / (1 - collide));
  }

  private static double clamp(double k) {
    return Math.max(1 - MAX_KEEP, Math.min(MAX_KEEP, k));
  }

  static int sharedCount(int[] a, int[] b) {
    int s = 0;
    for (int i = 0, j = 0; i < a.length && j < b.length; ) {
      if (a[i] == b[j]) {
        s++;
        i++;
        j++;
      } else if (a[i] < b[j]) i++;
      else j++;
    }
    return s;
  }

  @Override
  public String toString() {
    return String.format(java.util.Locale.ROOT, "HabitLikelihood[anchors=%d, keep=%s, tokenKeep=%s, slots=%d, slotKeep=%s]", anchors, Arrays.toString(keep),
        Arrays.toString(tokenKeep), slotCollide.length, Arrays.toString(slotKeep));
  }
}
