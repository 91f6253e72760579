package org.webwatch.identity.internal;

import java.util.Arrays;

/**
 * Discrete writing habits of one account, for candidate generation and for pairwise evidence
 * that rewards agreement on RARE habits and penalises contradicting ones.
 *
 * <p>A person keeps a handful of habits on all their accounts — a favourite opener ("tbh"), a
 * few personal misspellings ("teh", "cuz"), a sign-off, how sentences end and start, line
 * breaks between sentences. Stylometry on such habits (Afroz et al. 2014, "Doppelgänger
 * Finder"; the idiosyncratic features of Abbasi &amp; Chen 2008) links accounts that share no
 * identifier. Here a {@link HabitProfiler} marker is a <em>reliable token</em> of an account when
 * it occurs in at least {@link #MIN_SHARE} of its texts and is not {@link #vocabulary} (present
 * in most accounts that write enough: template words, common openers). A sign-off in the
 * account signature ({@link HabitProfiler#signOffMarker}) is a token too. Agreement on a token
 * held by {@code df} of {@code N} accounts is worth {@code ln(N/df)} (its inverse document
 * frequency, an upper bound of its log-likelihood ratio when a person always shows it).
 *
 * <p>The exclusive categories — sentence ending (9 values), sentence-initial case (3), line
 * breaks between sentences — are kept as shares of texts ({@link #categories}, one byte per
 * value, 0..100); {@link #contradiction} is high when two well-observed accounts end or start
 * their sentences differently. Cost O(markers) per account, O(tokens) per pair.
 */
public final class HabitTokens {
  /** A marker must occur in at least this share of an account's texts to be one of its habits. */
  public static final double MIN_SHARE = 0.2;
  /** Plain words held by more than this share of accounts are topic vocabulary, not habits. */
  public static final double MAX_WORD_SHARE = 0.2;
  /** Other markers held by more than this share of accounts say nothing about a person. */
  public static final double MAX_SHARE = 0.5;
  /** Accounts with at least this many texts show every frequent template word reliably. */
  public static final int HEAVY_TEXTS = 20;
  /** Heavy accounts needed before their document frequencies are trusted. */
  public static final int MIN_HEAVY_ACCOUNTS = 20;
  /** Markers present in more than this share of heavy accounts are vocabulary (a habit has few owners). */
  public static final double VOCABULARY_SHARE = 0.3;
  /** Reliable tokens kept per account (rarest first); heavy accounts would otherwise keep vocabulary. */
  public static final int MAX_TOKENS = 24;
  /** Texts each account needs before its category shares count as observed. */
  public static final int CATEGORY_MIN_TEXTS = 3;
  /** Texts each account needs before a contradiction counts in full. */
  public static final int CATEGORY_FULL_TEXTS = 8;
  /** Number of bytes of {@link #categories}: endings, cases, newline. */
  public static final int CATEGORY_SLOTS = HabitProfiler.ENDINGS.size() + HabitProfiler.CASES.size() + 1;

  private static final int[] CATEGORY_MARKERS = new int[CATEGORY_SLOTS];

  static {
    int k = 0;
    for (String e : HabitProfiler.ENDINGS) CATEGORY_MARKERS[k++] = HabitProfiler.endingMarker(e);
    for (String c : HabitProfiler.CASES) CATEGORY_MARKERS[k++] = HabitProfiler.caseMarker(c);
    CATEGORY_MARKERS[k] = HabitProfiler.newlineMarker();
  }

  private HabitTokens() {}

  /**
   * The reliable tokens of an account (sorted marker ids): markers that are not
   * {@code vocabulary} and occur in at least {@link #MIN_SHARE} of its {@code texts} (at least
   * one), plus the signature sign-off marker when not 0. Document frequencies are applied later
   * ({@link #prune}).
   */
  public static int[] reliable(IntCounter counts, int texts, int signOff, java.util.Set<Integer> vocabulary) {
    if (texts <= 0 && signOff == 0) return new int[0];
    int need = Math.max(1, (int) Math.ceil(MIN_SHARE * texts));
    int[] out = new int[counts == null ? 1 : counts.size() + 1];
    int[] n = {0};
    if (counts != null) {
      counts.forEach((m, c) -> {
        if (c >= need && !vocabulary.contains(m)) out[n[0]++] = m;
      });
    }
    if (signOff != 0) out[n[0]++] = signOff;
    int[] r = Arrays.copyOf(out, n[0]);
    Arrays.sort(r);
    int d = 0;
    for (int i = 0; i < r.length; i++) if (i == 0 || r[i] != r[i - 1]) r[d++] = r[i];
    return Arrays.copyOf(r, d);
  }

  /** A repeated token occurs in at least this share of an account's texts ... */
  public static final double REPEATED_SHARE = 0.5;
  /** ... and in at least this many of them (a sign-off of the signature counts always). */
  public static final int REPEATED_MIN_TEXTS = 2;

  /**
   * The reliable tokens ({@code reliable}, sorted marker ids) an account shows repeatedly: in at
   * least {@link #REPEATED_SHARE} of its texts and in {@link #REPEATED_MIN_TEXTS} or more, plus
   * the signature sign-off. A habit (sign-off, misspelling, filler) recurs in most texts of its
   * writer; the words of one template text that two unrelated accounts both posted occur once,
   * and counting those as independent habits made the naive-Bayes token evidence of random
   * light pairs reach 20–40 nats ({@link HabitLikelihood}).
   */
  public static int[] repeated(int[] reliable, IntCounter counts, int texts, int signOff) {
    int need = Math.max(REPEATED_MIN_TEXTS, (int) Math.ceil(REPEATED_SHARE * texts));
    return Arrays.stream(reliable).filter(m -> m == signOff && signOff != 0 || counts != null && counts.get(m) >= need).toArray();
  }

  /**
   * Keeps the {@link #MAX_TOKENS} rarest tokens of an account (ties by id), dropping markers
   * held by more than {@link #MAX_SHARE} of the {@code accounts} with tokens (plain words:
   * {@link #MAX_WORD_SHARE}). {@code df} gives each token's document frequency.
   */
  public static int[] prune(int[] tokens, java.util.function.IntUnaryOperator df, int accounts) {
    int[] kept = Arrays.stream(tokens)
        .filter(m -> df.applyAsInt(m) <= (HabitProfiler.isWord(m) ? MAX_WORD_SHARE : MAX_SHARE) * accounts)
        .toArray();
    if (kept.length <= MAX_TOKENS) return kept;
    Integer[] order = Arrays.stream(kept).boxed().toArray(Integer[]::new);
    Arrays.sort(order, (x, y) -> {
      int c = Integer.compare(df.applyAsInt(x), df.applyAsInt(y));
      return c != 0 ? c : Integer.compare(x, y);
    });
    int[] out = new int[MAX_TOKENS];
    for (int i = 0; i < MAX_TOKENS; i++) out[i] = order[i];
    Arrays.sort(out);
    return out;
  }

  /**
   * Markers that are vocabulary, not habits: those present at all in more than
   * {@link #VOCABULARY_SHARE} of the heavy accounts ({@link #HEAVY_TEXTS} texts or more; every
   * template word and sentence opener shows up in an account that writes enough, a personal
   * misspelling or sign-off only in its owners'). Empty (nothing known) below
   * {@link #MIN_HEAVY_ACCOUNTS} heavy accounts.
   *
   * @param heavyPresence per marker, the heavy accounts it occurs in at least once
   */
  public static java.util.Set<Integer> vocabulary(java.util.Map<Integer, Integer> heavyPresence, int heavyAccounts) {
    java.util.Set<Integer> v = new java.util.HashSet<>();
    if (heavyAccounts < MIN_HEAVY_ACCOUNTS) return v;
    heavyPresence.forEach((m, c) -> {
      if (c > VOCABULARY_SHARE * heavyAccounts) v.add(m);
    });
    return v;
  }

  /** Shares (0..100) of an account's texts showing each ending, each sentence-initial case, and line breaks. */
  public static byte[] categories(IntCounter counts, int texts) {
    byte[] b = new byte[CATEGORY_SLOTS];
    if (counts == null || texts <= 0) return b;
    for (int k = 0; k < CATEGORY_SLOTS; k++) b[k] = (byte) Math.round(100.0 * Math.min(texts, counts.get(CATEGORY_MARKERS[k])) / texts);
    return b;
  }

  /**
   * How strongly two accounts' exclusive habits contradict, 0..3 (one per category: ending,
   * case, line breaks), scaled by how well both are observed ({@code min(texts)} from
   * {@link #CATEGORY_MIN_TEXTS}, in full at {@link #CATEGORY_FULL_TEXTS}). An ending or case
   * contradicts when the value most texts of one account show appears in at most 10 % of the
   * other's texts, both ways; line breaks contradict when one account breaks lines in ≥ 90 % of
   * its texts and the other in ≤ 40 % (a sign-off line alone gives some).
   */
  public static double contradiction(byte[] a, int textsA, byte[] b, int textsB) {
    int m = Math.min(textsA, textsB);
    if (a == null || b == null || m < CATEGORY_MIN_TEXTS) return 0;
    int endings = HabitProfiler.ENDINGS.size();
    int cases = HabitProfiler.CASES.size();
    double c = exclusive(a, b, 0, endings) + exclusive(a, b, endings, endings + cases);
    int na = a[CATEGORY_SLOTS - 1];
    int nb = b[CATEGORY_SLOTS - 1];
    if (Math.max(na, nb) >= 90 && Math.min(na, nb) <= 40) c += 1;
    return c * Math.min(1.0, (double) m / CATEGORY_FULL_TEXTS);
  }

  private static double exclusive(byte[] a, byte[] b, int from, int to) {
    int da = argmax(a, from, to);
    int db = argmax(b, from, to);
    if (a[da] < 50 || b[db] < 50) return 0; // no dominant value: not observed well enough
    return b[da] <= 10 && a[db] <= 10 ? 1 : 0;
  }

  private static int argmax(byte[] v, int from, int to) {
    int best = from;
    for (int k = from + 1; k < to; k++) if (v[k] > v[best]) best = k;
    return best;
  }

  /**
   * Summed {@code ln(N/df)} over the tokens two accounts share (sorted dense token indexes);
   * {@code idf[t]} is precomputed per token.
   */
  public static double sharedIdf(int[] a, int[] b, float[] idf) {
    if (a == null || b == null) return 0;
    double s = 0;
    for (int i = 0, j = 0; i < a.length && j < b.length; ) {
      if (a[i] == b[j]) {
        s += idf[a[i]];
        i++;
        j++;
      } else if (a[i] < b[j]) i++;
      else j++;
    }
    return s;
  }

  /**
   * IDF-weighted Jaccard similarity of two token sets: shared weight / weight of the union. Two
   * heavy accounts share many medium-rare tokens by chance; relative to all they hold, few.
   */
  public static double weightedJaccard(int[] a, int[] b, float[] idf) {
    if (a == null || b == null) return 0;
    double shared = sharedIdf(a, b, idf);
    double total = 0;
    for (int x : a) total += idf[x];
    for (int x : b) total += idf[x];
    double union = total - shared;
    return union <= 0 ? 0 : shared / union;
  }

  /**
   * The dominant value of each exclusive category of an account as category slots: the ending
   * and the sentence-initial case shown by at least half of its texts, and the newline slot when
   * at least 90 % of its texts break lines; -1 where no value dominates or fewer than
   * {@link #CATEGORY_MIN_TEXTS} texts were seen.
   */
  public static int[] dominant(byte[] c, int texts) {
    int[] d = {-1, -1, -1};
    if (c == null || texts < CATEGORY_MIN_TEXTS) return d;
    int endings = HabitProfiler.ENDINGS.size();
    int e = argmax(c, 0, endings);
    int k = argmax(c, endings, endings + HabitProfiler.CASES.size());
    if (c[e] >= 50) d[0] = e;
    if (c[k] >= 50) d[1] = k;
    if (c[CATEGORY_SLOTS - 1] >= 90) d[2] = CATEGORY_SLOTS - 1;
    return d;
  }

  /**
   * Agreement on dominant exclusive habits: summed {@code slotIdf} of the categories whose
   * dominant value ({@link #dominant}) both accounts share ({@code ln(N/accounts with that
   * dominant value)}), scaled like {@link #contradiction} by how well both are observed.
   */
  public static double agreement(byte[] a, int textsA, byte[] b, int textsB, float[] slotIdf) {
    int m = Math.min(textsA, textsB);
    int[] da = dominant(a, textsA);
    int[] db = dominant(b, textsB);
    double s = 0;
    for (int k = 0; k < 3; k++) if (da[k] >= 0 && da[k] == db[k]) s += slotIdf[da[k]];
    return s * Math.min(1.0, (double) m / CATEGORY_FULL_TEXTS);
  }
}
