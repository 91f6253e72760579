package org.webwatch.identity.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Exclusive writing habits ("slots"): habits of which a writer keeps ONE value, so two accounts
 * that visibly show different values are evidence against one person — the half of stylometric
 * evidence a bag of shared tokens cannot see (a one-sided token costs it little).
 *
 * <ul>
 *   <li>{@link #SIGN_OFF}: the sign-off — the account signature's, else its most frequent
 *       <em>learned</em> sign-off shown at all, else its most frequent short closing line
 *       ({@link HabitProfiler#isTail}) when one is most frequent (and recurs, for a writer who
 *       breaks lines between sentences);
 *   <li>{@link #OPENER}: the favourite sentence opener ("tbh", "ngl") — the most frequent
 *       <em>learned</em> opener shown at all, else the most frequent opener that is not vocabulary,
 *       shown in {@link #OPENER_MIN_TEXTS} texts or more. Openers and closing lines are learned
 *       when a few writers use them often and nobody else does ({@link #learnedOpeners}), so a light
 *       account shows its habit in one text (a moderator's canned opener could be learned too;
 *       it then agrees only between accounts that use it, and the pair still needs more evidence);
 *   <li>one slot per <em>learned spelling variant</em>: a word {@code t} ("teh", "abt", "thx")
 *       whose well-observed writers write far less often than expected a word {@code w} that most
 *       writers use ("the", "about", "thanks"). An account that writes {@code w} and never {@code t}
 *       visibly lacks the habit; one that writes {@code t} more often than {@code w} has it. Variants
 *       are learned from the data (accounts with {@link #LEARN_TEXTS} texts or more), not
 *       listed, after the spelling-variant features of Writeprints (Abbasi &amp; Chen 2008) and
 *       the "misspelling as consistent personal habit" finding of Koppel &amp; Schler 2003.
 * </ul>
 *
 * {@link HabitLikelihood} scores a pair per slot both accounts show. Learning
 * O(Σ learners · (markers + held candidates · common words)); one account O(markers + variants).
 */
public final class HabitSlots {
  /** Slot index of the sign-off. */
  public static final int SIGN_OFF = 0;
  /** Slot index of the favourite opener. */
  public static final int OPENER = 1;
  /** Slots before the learned variants. */
  public static final int FIXED_SLOTS = 2;
  /** Accounts with at least this many texts teach the variants. */
  public static final int LEARN_TEXTS = 10;
  /** Learning accounts needed before any variant is learned. */
  public static final int MIN_LEARN_ACCOUNTS = 50;
  /** A replaced word is present in at least this share of the learning accounts. */
  public static final double COMMON_SHARE = 0.4;
  /** A variant is shown (in two texts or more) by at least this many learning accounts ... */
  public static final int MIN_HOLDERS = 8;
  /** ... and by at most this share of them (a variant is a minority habit). */
  public static final double MAX_HOLDER_SHARE = 0.3;
  /** A variant's holders write the word it replaces in at most this share of the texts expected of them ... */
  public static final double MAX_DEFICIT = 0.15;
  /** ... being expected to write it in at least this many texts (together). */
  public static final double MIN_EXPECTED = 20;
  /** Share of texts with line breaks from which an account breaks lines between sentences. */
  public static final double BREAKS_LINES_SHARE = 0.9;
  /** Texts showing an opener before it can be the favourite. */
  public static final int OPENER_MIN_TEXTS = 2;
  /** A learner holds an opener or closing line it shows in at least this share of its texts (and two or more). */
  public static final double HOLD_SHARE = 0.2;
  /** A learned opener or sign-off: at least this share of the learners' texts showing it are its holders'. */
  public static final double MIN_CONCENTRATION = 0.8;
  /** Variant slot values. */
  public static final int LACKS = 0;
  public static final int HAS = 1;

  /** A learned spelling variant: {@code marker} is written instead of {@code replaces}. Both are word markers. */
  public record Variant(int marker, int replaces) {}

  private final List<Variant> variants;
  private final Set<Integer> vocabulary;
  private final Set<Integer> learnedOpeners;
  private final Set<Integer> learnedSignOffs;
  private final java.util.HashSet<Integer> variantMarkers = new java.util.HashSet<>();

  private HabitSlots(List<Variant> variants, Set<Integer> vocabulary, Set<Integer> learnedOpeners, Set<Integer> learnedSignOffs) {
    this.variants = List.copyOf(variants);
    this.vocabulary = vocabulary;
    this.learnedOpeners = Set.copyOf(learnedOpeners);
    this.learnedSignOffs = Set.copyOf(learnedSignOffs);
    for (Variant v : variants) variantMarkers.add(v.marker());
  }

  /** An account that teaches the variants: texts per marker ({@link HabitProfiler#profile}) and its number of texts. */
  public record Learner(IntCounter counts, int texts) {
    public Learner {
      if (counts == null || texts < 1) throw new IllegalArgumentException("a learner needs counts and texts");
    }
  }

  /**
   * Learns the spelling variants from accounts with {@link #LEARN_TEXTS} texts or more (the caller
   * selects them); none below {@link #MIN_LEARN_ACCOUNTS}. A word {@code t} shown in two texts or
   * more by {@link #MIN_HOLDERS}..{@link #MAX_HOLDER_SHARE} of them <em>replaces</em> a word
   * {@code w} present in {@link #COMMON_SHARE} of them when its holders together write {@code w}
   * in at most {@link #MAX_DEFICIT} of the texts expected of them at everyone's rate, over at least
   * {@link #MIN_EXPECTED} expected texts: a deficit that size is no chance, the holders replace
   * the word. (Per-site rates were tried: on a small forum they make hundreds of false variants.) Pooled over holders, so a token some
   * others use for another reason ("u" as a letter) is missed rather than learned wrongly. {@code
   * vocabulary} ({@link HabitTokens#vocabulary}) is never an opener or sign-off. The result is the
   * same whatever the order of {@code learning}. O(learners · held candidates · common words).
   */
  public static HabitSlots learn(List<Learner> learning, Set<Integer> vocabulary) {
    if (learning == null || vocabulary == null) throw new IllegalArgumentException("learning accounts and vocabulary are required");
    if (learning.size() < MIN_LEARN_ACCOUNTS) return new HabitSlots(List.of(), vocabulary, Set.of(), Set.of());
    int n = learning.size();
    Map<Integer, Integer> present = new HashMap<>();
    Map<Integer, Integer> holders = new HashMap<>();
    for (Learner l : learning) {
      l.counts().forEach((m, k) -> {
        if (!HabitProfiler.isWord(m)) return;
        present.merge(m, 1, Integer::sum);
        if (k >= 2) holders.merge(m, 1, Integer::sum);
      });
    }
    Map<Integer, Integer> common = new HashMap<>(); // common word -> dense index, in marker order
    present.forEach((m, k) -> {
      if (k >= COMMON_SHARE * n) common.put(m, 0);
    });
    int[] words = common.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
    for (int i = 0; i < words.length; i++) common.put(words[i], i);
    double[] rate = new double[words.length]; // per common word: texts writing it / texts, over all learners
    long allTexts = 0;
    for (Learner l : learning) {
      allTexts += l.texts();
      l.counts().forEach((m, k) -> {
        Integer w = common.get(m);
        if (w != null) rate[w] += k;
      });
    }
    for (int w = 0; w < words.length; w++) rate[w] /= allTexts;
    // per candidate variant and common word: texts its holders are expected to write the word in, and do
    Map<Integer, double[][]> tally = new HashMap<>();
    holders.forEach((m, k) -> {
      if (k >= MIN_HOLDERS && k <= MAX_HOLDER_SHARE * n && !common.containsKey(m)) tally.put(m, new double[2][words.length]);
    });
    for (Learner l : learning) {
      List<Integer> held = new ArrayList<>();
      l.counts().forEach((m, k) -> {
        if (k >= 2 && tally.containsKey(m)) held.add(m);
      });
      for (int t : held) {
        double[][] c = tally.get(t);
        for (int w = 0; w < words.length; w++) {
          c[0][w] += rate[w] * l.texts();
          c[1][w] += l.counts().get(words[w]);
        }
      }
    }
    List<Variant> found = new ArrayList<>();
    int[] candidates = tally.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
    for (int t : candidates) {
      double[][] c = tally.get(t);
      for (int w = 0; w < words.length; w++) if (c[0][w] >= MIN_EXPECTED && c[1][w] <= MAX_DEFICIT * c[0][w]) found.add(new Variant(t, words[w]));
    }
    Set<Integer> openers = concentrated(learning, true, vocabulary);
    Set<Integer> signOffs = concentrated(learning, false, vocabulary);
    return new HabitSlots(found, vocabulary, openers, signOffs);
  }

  /**
   * Openers (or closing lines) that are someone's habit rather than a way some sentences start: shown by {@link
   * #MIN_HOLDERS}..{@link #MAX_HOLDER_SHARE} of the learners in {@link #HOLD_SHARE} of their texts, and seldom by
   * anyone else (at least {@link #MIN_CONCENTRATION} of the learners' texts showing it are the holders'). Once
   * learned, one text showing it is enough to read a light account's slot. O(Σ learners' markers).
   */
  private static Set<Integer> concentrated(List<Learner> learning, boolean openers, Set<Integer> vocabulary) {
    Map<Integer, long[]> tally = new HashMap<>(); // marker -> {holders, holders' texts, all texts}
    for (Learner l : learning) {
      l.counts().forEach((m, k) -> {
        if ((openers ? !HabitProfiler.isOpener(m) : !HabitProfiler.isTail(m)) || vocabulary.contains(m)) return;
        long[] c = tally.computeIfAbsent(m, x -> new long[3]);
        boolean holds = k >= 2 && k >= HOLD_SHARE * l.texts();
        if (holds) {
          c[0]++;
          c[1] += k;
        }
        c[2] += k;
      });
    }
    Set<Integer> out = new java.util.HashSet<>();
    tally.forEach((m, c) -> {
      if (c[0] >= MIN_HOLDERS && c[0] <= MAX_HOLDER_SHARE * learning.size() && c[1] >= MIN_CONCENTRATION * c[2]) out.add(m);
    });
    return out;
  }

  /** The learned openers ({@link #concentrated}); one that opens with a learned misspelling ("Teh …") is read as that variant, never as an opener. */
  public Set<Integer> learnedOpeners() {
    return learnedOpeners;
  }

  /** The learned closing lines that are sign-offs ({@link #concentrated}). */
  public Set<Integer> learnedSignOffs() {
    return learnedSignOffs;
  }

  /** The learned variants, by marker then replaced word. */
  public List<Variant> variants() {
    return variants;
  }

  /** Number of slots: sign-off, opener, then one per variant. */
  public int slots() {
    return FIXED_SLOTS + variants.size();
  }

  /**
   * The slot values of one account ({@link #slots} of them; −1 where not shown): the sign-off
   * marker, the opener marker, then {@link #HAS} or {@link #LACKS} per variant.
   *
   * @param counts texts per marker ({@link HabitProfiler#profile}); null: no texts
   * @param texts the account's texts
   * @param signOff the signature sign-off marker ({@link HabitProfiler#signOffMarker}), 0: none
   */
  public int[] values(IntCounter counts, int texts, int signOff) {
    int[] v = new int[slots()];
    Arrays.fill(v, -1);
    if (signOff != 0) v[SIGN_OFF] = signOff;
    if (counts == null || texts <= 0) return v;
    // a writer who breaks lines between sentences ends every text with a short line now and then:
    // only a closing line that recurs is a sign-off there
    boolean breaksLines = counts.get(HabitProfiler.newlineMarker()) >= BREAKS_LINES_SHARE * texts;
    if (signOff == 0) {
      int learned = favourite(counts, learnedSignOffs, 1);
      v[SIGN_OFF] = learned != NONE ? learned : favourite(counts, true, breaksLines ? 2 : 1);
    }
    int learned = favourite(counts, learnedOpeners, 1);
    v[OPENER] = learned != NONE ? learned : favourite(counts, false, OPENER_MIN_TEXTS);
    for (int k = 0; k < variants.size(); k++) {
      Variant x = variants.get(k);
      int has = counts.get(x.marker());
      int writes = counts.get(x.replaces());
      if (has > writes) v[FIXED_SLOTS + k] = HAS;
      else if (writes > 0 && has == 0) v[FIXED_SLOTS + k] = LACKS;
    }
    return v;
  }

  /** Whether a marker is read by a slot (closing lines, openers, learned variants): the token bag leaves it to them. */
  public boolean isSlotMarker(int marker) {
    return HabitProfiler.isTail(marker) || HabitProfiler.isOpener(marker) || variantMarkers.contains(marker);
  }

  private static final int NONE = -2;

  /** The most frequent of {@code learned} the account shows at least {@code min} times; −1 when tied, {@link #NONE} when none. */
  private int favourite(IntCounter counts, Set<Integer> learned, int min) {
    // a learned opener that is a misspelling ("Teh ...") belongs to the variant's slot
    return favourite(counts, m -> learned.contains(m) && (HabitProfiler.isTail(m) || !opensWithVariant(m)), min, NONE);
  }

  /** The most frequent closing line or opener not in the vocabulary, in at least {@code min} texts; −1 when none or tied. */
  private int favourite(IntCounter counts, boolean tails, int min) {
    // "Teh ..." is the misspelling's slot, not a favourite opener
    java.util.function.IntPredicate kind = tails ? HabitProfiler::isTail : m -> HabitProfiler.isOpener(m) && !opensWithVariant(m);
    return favourite(counts, m -> kind.test(m) && !vocabulary.contains(m), min, -1);
  }

  /** The most frequent marker {@code candidate} accepts, shown in at least {@code min} texts; −1 when tied, {@code none} when none. */
  private static int favourite(IntCounter counts, java.util.function.IntPredicate candidate, int min, int none) {
    int[] best = {none, 0, 0}; // marker, count, ties
    counts.forEach((m, k) -> {
      if (k < min || !candidate.test(m)) return;
      if (k > best[1]) {
        best[0] = m;
        best[1] = k;
        best[2] = 0;
      } else if (k == best[1]) best[2]++;
    });
    return best[2] > 0 ? -1 : best[0];
  }

  private boolean opensWithVariant(int opener) {
    for (Variant x : variants) if (HabitProfiler.sameWord(opener, x.marker())) return true;
    return false;
  }

  @Override
  public String toString() {
    return "HabitSlots[variants=" + variants.size() + ", openers=" + learnedOpeners.size() + ", signOffs=" + learnedSignOffs.size() + "]";
  }
}
