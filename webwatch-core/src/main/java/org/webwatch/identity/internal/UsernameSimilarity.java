package org.webwatch.identity.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Username evidence. {@link #stem} normalises a username: Unicode compatibility folding and
 * case folding, accents dropped, leading/trailing digit runs and separators removed, leetspeak
 * and look-alike letters mapped to one canonical letter (0/o, 1/i/l/!/|, 3/e, 4/@/a, 5/$/s,
 * 7/t), and common affixes ("the", "mr", "real", "official", "xx"…) stripped. Stems are
 * compared with Jaro–Winkler (Winkler 1990), O(m·n) for stem lengths m, n. Blocking keys are
 * the stem and its one-deletion variants (symmetric-delete neighbourhood), so stems within one
 * edit become candidates without comparing all pairs.
 */
public final class UsernameSimilarity {
  /** Stems shorter than this carry no evidence (too many people would share them). */
  public static final int MIN_STEM_LENGTH = 4;
  /** One-deletion blocking keys are generated only for stems at least this long. */
  public static final int MIN_DELETION_STEM_LENGTH = 5;
  /** Jaro–Winkler prefix scale (Winkler's standard value). */
  public static final double WINKLER_PREFIX_SCALE = 0.1;

  private static final String[] PREFIXES = {"official", "the", "real", "mrs", "mr", "its", "iam", "xxx", "xx"};
  private static final String[] SUFFIXES = {"official", "real", "xxx", "xx", "x"};

  private UsernameSimilarity() {}

  /** The normalised stem of a username; empty when nothing distinctive remains. */
  public static String stem(String username) {
    if (username == null) return "";
    String s = Normalizer.normalize(username, Normalizer.Form.NFKD).toLowerCase(Locale.ROOT);
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.getType(c) == Character.NON_SPACING_MARK) continue;
      b.append(c);
    }
    dropNumbersAndTags(b);
    // digits at either end are affixes (years, counters), digits inside are leetspeak
    int from = 0;
    int to = b.length();
    while (from < to && !Character.isLetter(b.charAt(from))) from++;
    while (to > from && !Character.isLetter(b.charAt(to - 1))) to--;
    StringBuilder out = new StringBuilder(to - from);
    for (int i = from; i < to; i++) {
      char c = canonical(b.charAt(i));
      if (c != 0) out.append(c);
    }
    String stem = out.toString();
    // an x...x wrap ("xshadowfoxx") is decoration, like the xx prefixes
    if (stem.length() - 2 >= MIN_STEM_LENGTH && stem.startsWith("x") && stem.endsWith("x") && !stem.startsWith("xx") && !stem.endsWith("xx")) {
      stem = stem.substring(1, stem.length() - 1);
    }
    stem = stripAffixes(stem);
    return stem;
  }

  /**
   * Removes numbers that are not leetspeak — digit runs of 3 or more, or of 2 touching a
   * separator ({@code wolf763_n}, {@code pirate503x}, {@code fox_12_k}) — and a one-letter tag after a final
   * separator ({@code hollow-panda_p}). Single digits and pairs between letters stay ({@code h4ppy},
   * {@code n1ght_0wl}, {@code c00l}): they are letters in disguise.
   */
  static void dropNumbersAndTags(StringBuilder b) {
    int n = b.length();
    if (n >= 3 && isSeparator(b.charAt(n - 2)) && Character.isLetter(b.charAt(n - 1)) && Character.isLetterOrDigit(b.charAt(n - 3))) {
      b.setLength(n - 2);
    }
    int i = 0;
    while (i < b.length()) {
      if (!Character.isDigit(b.charAt(i))) {
        i++;
        continue;
      }
      int j = i;
      while (j < b.length() && Character.isDigit(b.charAt(j))) j++;
      boolean touchesSeparator = (i > 0 && isSeparator(b.charAt(i - 1))) || (j < b.length() && isSeparator(b.charAt(j)));
      boolean inside = i > 0 && j < b.length();
      if (inside && (j - i >= 3 || j - i >= 2 && touchesSeparator)) {
        b.delete(i, j);
      } else {
        i = j;
      }
    }
  }

  private static boolean isSeparator(char c) {
    return c == '_' || c == '-' || c == '.' || c == ' ';
  }

  private static char canonical(char c) {
    switch (c) {
      case '0': case 'o': return 'o';
      case '1': case 'i': case 'l': case '!': case '|': return 'i';
      case '3': case 'e': return 'e';
      case '4': case '@': case 'a': return 'a';
      case '5': case '$': case 's': return 's';
      case '7': case 't': case '+': return 't';
      case '8': return 'b';
      case '9': return 'g';
      default:
        return Character.isLetter(c) ? c : 0; // separators and other symbols vanish
    }
  }

  private static String stripAffixes(String stem) {
    boolean changed = true;
    while (changed) {
      changed = false;
      for (String p : PREFIXES) {
        String cp = canonicalWord(p);
        if (stem.startsWith(cp) && stem.length() - cp.length() >= MIN_STEM_LENGTH) {
          stem = stem.substring(cp.length());
          changed = true;
        }
      }
      for (String sfx : SUFFIXES) {
        String cs = canonicalWord(sfx);
        if (stem.endsWith(cs) && stem.length() - cs.length() >= MIN_STEM_LENGTH) {
          stem = stem.substring(0, stem.length() - cs.length());
          changed = true;
        }
      }
    }
    return stem;
  }

  private static String canonicalWord(String w) {
    StringBuilder b = new StringBuilder();
    for (char c : w.toCharArray()) b.append(canonical(c));
    return b.toString();
  }

  /** Blocking keys: the stem itself and, for long enough stems, every one-deletion variant. */
  public static List<String> blockingKeys(String stem) {
    List<String> keys = new ArrayList<>();
    if (stem.length() < MIN_STEM_LENGTH) return keys;
    keys.add(stem);
    if (stem.length() >= MIN_DELETION_STEM_LENGTH) {
      for (int i = 0; i < stem.length(); i++) {
        String v = stem.substring(0, i) + stem.substring(i + 1);
        if (!keys.contains(v)) keys.add(v);
      }
    }
    return keys;
  }

  /** Jaro–Winkler similarity in [0,1]; 1 for identical strings. */
  public static double jaroWinkler(String a, String b) {
    if (a.equals(b)) return a.isEmpty() ? 0 : 1;
    if (a.isEmpty() || b.isEmpty()) return 0;
    int window = Math.max(0, Math.max(a.length(), b.length()) / 2 - 1);
    boolean[] ma = new boolean[a.length()];
    boolean[] mb = new boolean[b.length()];
    int matches = 0;
    for (int i = 0; i < a.length(); i++) {
      int lo = Math.max(0, i - window);
      int hi = Math.min(b.length() - 1, i + window);
      for (int j = lo; j <= hi; j++) {
        if (!mb[j] && a.charAt(i) == b.charAt(j)) {
          ma[i] = true;
          mb[j] = true;
          matches++;
          break;
        }
      }
    }
    if (matches == 0) return 0;
    int t = 0;
    int k = 0;
    for (int i = 0; i < a.length(); i++) {
      if (!ma[i]) continue;
      while (!mb[k]) k++;
      if (a.charAt(i) != b.charAt(k)) t++;
      k++;
    }
    double m = matches;
    double jaro = (m / a.length() + m / b.length() + (m - t / 2.0) / m) / 3.0;
    int prefix = 0;
    while (prefix < Math.min(4, Math.min(a.length(), b.length())) && a.charAt(prefix) == b.charAt(prefix)) prefix++;
    return jaro + prefix * WINKLER_PREFIX_SCALE * (1 - jaro);
  }
}
