package org.webwatch.identity.internal;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writing-habit profiles for SHORT-text stylometry: per text, the idiosyncratic markers a
 * writer repeats whatever the topic — how sentences open (discourse fillers: "tbh", "ngl"),
 * how they end ("...", "!!", " lol", emoticons, no punctuation), sentence-initial case, line
 * breaks between sentences, a short closing line (sign-off), and the words used (personal
 * misspellings and shorthand: "teh", "cuz", "b4"). An account's profile counts in how many of
 * its texts each marker occurs; {@link #vector} weights markers by that share times
 * {@code ln(N/df)} and drops markers most accounts use, so template vocabulary carries little.
 * After the "idiosyncratic features" of Writeprints (Abbasi &amp; Chen, ACM TOIS 2008) and
 * Narayanan et al. 2012 ("On the feasibility of internet-scale author identification"), which
 * find such habits the most stable cues on short texts. Profiling O(text length); comparing
 * two vectors O(k).
 */
public final class HabitProfiler {
  /** Markers kept per account (highest weight first). */
  public static final int TOP_MARKERS = 200;
  /** Markers held by at least this share of profiled accounts say nothing about a person. */
  public static final double MAX_DF_SHARE = 0.5;
  /** Plain words are kept only when held by fewer than this share of accounts (vocabulary of everyone is content, not habit). */
  public static final double MAX_WORD_DF_SHARE = 0.2;
  /** A closing line of at most this many words counts as a sign-off. */
  public static final int SIGN_OFF_MAX_WORDS = 3;

  private static final int NS_WORD = 1 << 30;
  // sentence openers and closing lines carry their own namespace bit, so exclusive slots ({@link HabitSlots}) can find them
  private static final int NS_OPEN = 1 << 29;
  private static final int NS_TAIL = 1 << 28;
  private static final int HASH_MASK = (1 << 30) - 1;
  private static final int TAGGED_HASH_MASK = (1 << 28) - 1;
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}'&]+");
  private static final Pattern SENTENCE_BREAK = Pattern.compile("(?<=[.!?)])\\s+|\\n");

  /** Not a word anyone writes: a closing line can never give the {@link #ownNameSignOff} marker. */
  private static final String OWN_NAME = "\u0000own user name";

  private HabitProfiler() {}

  /** The distinct markers of one text (hashed ids; words carry the {@link #isWord} namespace). */
  public static int[] markers(String text) {
    Set<Integer> m = new HashSet<>();
    if (text == null || text.isBlank()) return new int[0];
    String t = text.strip();
    String[] lines = t.split("\\n");
    int nonEmpty = 0;
    String last = "";
    for (String l : lines) {
      if (!l.isBlank()) {
        nonEmpty++;
        last = l.strip();
      }
    }
    if (nonEmpty > 1) m.add(id("sep:newline"));
    boolean closing = nonEmpty > 1 && last.split("\\s+").length <= SIGN_OFF_MAX_WORDS;
    if (closing) m.add(tail(last.toLowerCase(Locale.ROOT)));
    for (String s : SENTENCE_BREAK.split(t)) {
      s = s.strip();
      if (s.isEmpty()) continue;
      Matcher w = WORD.matcher(s.toLowerCase(Locale.ROOT));
      // a closing line ("cheers") is a sign-off, not a sentence opener
      if (!(closing && s.equals(last)) && w.find()) m.add(opener(w.group()));
      m.add(id("end:" + ending(s)));
      char c = s.charAt(0);
      m.add(id("case:" + (Character.isLowerCase(c) ? "lower" : Character.isUpperCase(c) ? "upper" : "other")));
    }
    Matcher w = WORD.matcher(t.toLowerCase(Locale.ROOT));
    while (w.find()) m.add(NS_WORD | (int) (PairKeys.hash(w.group()) & HASH_MASK));
    int[] out = new int[m.size()];
    int i = 0;
    for (int x : m) out[i++] = x;
    Arrays.sort(out);
    return out;
  }

  /** How a sentence ends: "...", "!!", "!", "?", ".", ":)"-style emoticon, "lol", or "none". */
  static String ending(String s) {
    if (s.endsWith("...")) return "...";
    if (s.endsWith("!!")) return "!!";
    if (s.endsWith(":)") || s.endsWith(":(") || s.endsWith(";)") || s.endsWith(":D")) return "emoticon";
    char c = s.charAt(s.length() - 1);
    if (c == '.' || c == '!' || c == '?') return String.valueOf(c);
    if (s.toLowerCase(Locale.ROOT).endsWith("lol")) return "lol";
    return Character.isLetterOrDigit(c) ? "none" : "symbol";
  }

  /** Adds one text's markers to an account's counter (each marker at most once per text). */
  public static void profile(String text, IntCounter into) {
    for (int m : markers(text)) into.add(m, 1);
  }

  public static boolean isWord(int marker) {
    return (marker & NS_WORD) != 0;
  }

  /** Whether a marker is a sentence opener ({@code open:tbh}). */
  public static boolean isOpener(int marker) {
    return (marker & (NS_WORD | NS_OPEN)) == NS_OPEN;
  }

  /** Whether a marker is a short closing line or signature sign-off ({@code tail:cheers}). */
  public static boolean isTail(int marker) {
    return (marker & (NS_WORD | NS_OPEN | NS_TAIL)) == NS_TAIL;
  }

  /** The opener marker of a sentence's first word; its low bits are the word's ({@link #sameWord}). */
  private static int opener(String word) {
    return NS_OPEN | id(word);
  }

  /** Whether an opener marker ({@link #isOpener}) opens with the word of a word marker ({@link #isWord}). */
  public static boolean sameWord(int opener, int word) {
    int x = word & TAGGED_HASH_MASK; // a word keeps 30 hash bits, an opener the low 28 of the same hash
    return (opener & TAGGED_HASH_MASK) == (x == 0 ? 1 : x);
  }

  private static int tail(String closing) {
    return NS_TAIL | id("tail:" + closing);
  }



  /** Marker ids of every sentence ending {@link #ending} can return, in that order (a person keeps one ending). */
  public static final List<String> ENDINGS = List.of("...", "!!", "emoticon", "!", "?", ".", "lol", "none", "symbol");
  /** Marker ids of sentence-initial case: lower, upper, other. */
  public static final List<String> CASES = List.of("lower", "upper", "other");

  /** The marker id of sentence ending {@code e} (one of {@link #ENDINGS}). */
  public static int endingMarker(String e) {
    return id("end:" + e);
  }

  /** The marker id of sentence-initial case {@code c} (one of {@link #CASES}). */
  public static int caseMarker(String c) {
    return id("case:" + c);
  }

  /** The marker id of "line breaks between sentences". */
  public static int newlineMarker() {
    return id("sep:newline");
  }

  /**
   * The sign-off of an account signature as the same marker a closing line of a post gives
   * ({@code tail:cheers}), or 0 when the signature has none: its first line, cut before the
   * first label ({@code "PGP:"}, {@code "|"}) or word with a digit, must be 1..{@link #SIGN_OFF_MAX_WORDS}
   * words. A signature that only repeats the account's own user name is {@link #ownNameSignOff()}:
   * the names differ from site to site, the habit of signing with one's name instead of a phrase
   * does not, and a writer who signs "cheers" on one site and with the name on another is rarer
   * than two strangers of whom one does each.
   */
  public static int signOffMarker(String signature, String username) {
    if (signature == null || signature.isBlank()) return 0;
    String first = signature.strip().split("\\n", 2)[0];
    StringBuilder kept = new StringBuilder();
    StringBuilder beforeLabel = new StringBuilder(); // names often hold digits ("wolf_99"): compared before the digit cut
    int words = 0;
    boolean cut = false;
    for (String w : first.split("\\s+")) {
      if (w.isEmpty()) continue;
      if (w.equals("|") || w.endsWith(":")) break;
      if (beforeLabel.length() > 0) beforeLabel.append(' ');
      beforeLabel.append(w);
      cut |= w.chars().anyMatch(Character::isDigit) && WORD.matcher(w).matches();
      if (cut) continue;
      if (words++ > 0) kept.append(' ');
      kept.append(w);
    }
    if (username != null && !username.isBlank() && beforeLabel.toString().equalsIgnoreCase(username.strip())) return ownNameSignOff();
    if (words == 0 || words > SIGN_OFF_MAX_WORDS) return 0;
    return tail(kept.toString().toLowerCase(Locale.ROOT));
  }

  /** The sign-off marker of a signature that is the account's own user name, the same on every site. */
  public static int ownNameSignOff() {
    return tail(OWN_NAME);
  }

  private static int id(String marker) {
    int x = (int) (PairKeys.hash(marker) & TAGGED_HASH_MASK); // namespace bits are added by the caller
    return x == 0 ? 1 : x; // 0 is reserved in IntCounter
  }

  /** Whether a marker held by {@code df} of {@code accounts} profiled accounts may describe a person. */
  public static boolean usable(int marker, int df, int accounts) {
    double share = (double) df / accounts;
    return share < MAX_DF_SHARE && (!isWord(marker) || share < MAX_WORD_DF_SHARE);
  }

  /**
   * The weighted, L2-normalised vector of an account: usable markers weighted
   * {@code (texts with marker / texts) · ln(N/df)}, the {@link #TOP_MARKERS} heaviest, ids ascending.
   */
  public static StyleProfiler.StyleVector vector(IntCounter counts, int texts, Map<Integer, Integer> df, int accounts) {
    int[] ids = new int[counts.size()];
    double[] w = new double[counts.size()];
    int[] n = {0};
    counts.forEach((marker, c) -> {
      int d = df.getOrDefault(marker, 1);
      if (!usable(marker, d, accounts)) return;
      ids[n[0]] = marker;
      w[n[0]++] = ((double) c / Math.max(1, texts)) * Math.log((double) accounts / d);
    });
    Integer[] order = new Integer[n[0]];
    for (int i = 0; i < order.length; i++) order[i] = i;
    Arrays.sort(order, (a, b) -> w[b] != w[a] ? Double.compare(w[b], w[a]) : Integer.compare(ids[a], ids[b]));
    int k = Math.min(TOP_MARKERS, order.length);
    double norm = 0;
    for (int i = 0; i < k; i++) norm += w[order[i]] * w[order[i]];
    norm = Math.sqrt(norm);
    int[] outIds = new int[k];
    float[] outVals = new float[k];
    Integer[] sel = Arrays.copyOf(order, k);
    Arrays.sort(sel, (a, b) -> Integer.compare(ids[a], ids[b]));
    for (int i = 0; i < k; i++) {
      outIds[i] = ids[sel[i]];
      outVals[i] = (float) (norm > 0 ? w[sel[i]] / norm : 0);
    }
    return new StyleProfiler.StyleVector(outIds, outVals);
  }
}
