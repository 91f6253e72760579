package org.webwatch.generate.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Disguises one or two words of a sentence the way forum users dodge keyword filters. The
 * caller records spans on the final string, so offsets always point at the disguised
 * characters. Cost O(sentence length).
 */
public final class Obfuscator {
  /** The kinds of disguise, as written in {@code truth/obfuscations.csv}. */
  public enum Kind {
    LEET("leet"),
    ZERO_WIDTH("zero-width"),
    CONFUSABLE("confusable"),
    SPLIT("split"),
    REPEAT("repeat"),
    MISSPELL("misspell"),
    FULLWIDTH("fullwidth");

    public final String code;

    Kind(String code) {
      this.code = code;
    }
  }

  private static final char[] ZW = {'\u200B', '\u200C', '\u200D', '\u2060'};
  private static final String LATIN = "aeopcxyiAEOPCXHKMT";
  // Cyrillic/Greek look-alikes, index-aligned with LATIN.
  private static final String CONFUSED = "аеорсхуіАЕОРСХНКМТ";
  private static final String[][] MISSPELLINGS = {
    {"meet", "meat"}, {"upload", "uplod"}, {"original", "orignal"}, {"access", "acess"},
    {"stream", "streem"}, {"payment", "payement"}, {"before", "befor"}, {"children", "childern"},
    {"verification", "verificaton"}, {"really", "realy"}, {"weekend", "weekned"},
    {"because", "becuase"}, {"arrange", "arange"}, {"contact", "contakt"}, {"welcome", "welcom"},
    {"private", "privte"}, {"material", "materal"}, {"little", "litle"}, {"normal", "normel"},
    {"metadata", "meta data"}, {"encrypt", "encript"}, {"babysit", "baby sit"}, {"travel", "travle"}
  };

  private Obfuscator() {}

  public static Kind randomKind(SplittableRandom rnd) {
    Kind[] k = Kind.values();
    return k[rnd.nextInt(k.length)];
  }

  /** Applies {@code kind} to one or two words of {@code s}; text inside {…} is left alone. */
  public static String apply(String s, Kind kind, SplittableRandom rnd) {
    List<int[]> words = words(s);
    if (words.isEmpty()) return s;
    int n = words.size() > 3 && rnd.nextInt(3) == 0 ? 2 : 1;
    StringBuilder out = new StringBuilder(s);
    // Pick distinct words and rewrite from right to left so earlier offsets stay valid.
    int first = rnd.nextInt(words.size());
    int second = n == 2 ? (first + 1 + rnd.nextInt(words.size() - 1)) % words.size() : -1;
    int[] a = words.get(Math.max(first, second));
    int[] b = second >= 0 ? words.get(Math.min(first, second)) : null;
    rewrite(out, a, kind, rnd);
    if (b != null) rewrite(out, b, kind, rnd);
    return out.toString();
  }

  private static void rewrite(StringBuilder out, int[] w, Kind kind, SplittableRandom rnd) {
    String word = out.substring(w[0], w[1]);
    out.replace(w[0], w[1], disguise(word, kind, rnd));
  }

  static String disguise(String w, Kind kind, SplittableRandom rnd) {
    StringBuilder sb = new StringBuilder(w.length() * 2);
    switch (kind) {
      case LEET -> {
        boolean changed = false;
        for (char c : w.toCharArray()) {
          char r = switch (Character.toLowerCase(c)) {
            case 'o' -> '0'; case 'e' -> '3'; case 'i' -> '1'; case 'a' -> '@'; case 's' -> '$';
            default -> c;
          };
          changed |= r != c;
          sb.append(r);
        }
        if (!changed) return disguise(w, Kind.REPEAT, rnd);
      }
      case ZERO_WIDTH -> {
        for (int i = 0; i < w.length(); i++) {
          sb.append(w.charAt(i));
          if (i < w.length() - 1 && (i == 0 || rnd.nextInt(3) == 0)) sb.append(ZW[rnd.nextInt(ZW.length)]);
        }
      }
      case CONFUSABLE -> {
        boolean changed = false;
        for (char c : w.toCharArray()) {
          int k = LATIN.indexOf(c);
          if (k >= 0 && (!changed || rnd.nextBoolean())) {
            sb.append(CONFUSED.charAt(k));
            changed = true;
          } else sb.append(c);
        }
        if (!changed) return disguise(w, Kind.FULLWIDTH, rnd);
      }
      case SPLIT -> {
        char sep = ".- ".charAt(rnd.nextInt(3));
        for (int i = 0; i < w.length(); i++) {
          if (i > 0) sb.append(sep);
          sb.append(w.charAt(i));
        }
      }
      case REPEAT -> {
        int at = 1 + rnd.nextInt(w.length() - 1);
        sb.append(w, 0, at);
        int times = 1 + rnd.nextInt(3);
        for (int i = 0; i < times; i++) sb.append(w.charAt(at - 1));
        sb.append(w, at, w.length());
      }
      case MISSPELL -> {
        String lw = w.toLowerCase(java.util.Locale.ROOT);
        for (String[] m : MISSPELLINGS) if (lw.equals(m[0])) return m[1];
        // Generic misspelling: swap two inner letters.
        if (w.length() >= 4) {
          int i = 1 + rnd.nextInt(w.length() - 2);
          char[] cs = w.toCharArray();
          char t = cs[i];
          cs[i] = cs[i + 1 < cs.length ? i + 1 : i - 1];
          cs[i + 1 < cs.length ? i + 1 : i - 1] = t;
          return new String(cs);
        }
        return w;
      }
      case FULLWIDTH -> {
        for (char c : w.toCharArray()) {
          if (c >= '!' && c <= '~') sb.append((char) (c - 0x21 + 0xFF01));
          else sb.append(c);
        }
      }
    }
    return sb.toString();
  }

  /** [start,end) of ASCII-letter words of length >= 4 outside {…}. */
  static List<int[]> words(String s) {
    List<int[]> out = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '{') {
        int close = s.indexOf('}', i);
        i = close < 0 ? s.length() : close + 1;
      } else if (isLetter(c)) {
        int j = i;
        while (j < s.length() && isLetter(s.charAt(j))) j++;
        if (j - i >= 4) out.add(new int[] {i, j});
        i = j;
      } else i++;
    }
    return out;
  }

  private static boolean isLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
}
