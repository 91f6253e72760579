package org.webwatch.generate.internal;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A person's writing habits, kept across all their accounts so stylometry can link them:
 * capitalisation, sentence ending, favourite filler words, personal typos, sign-off and
 * the separator between sentences.
 */
public record WritingStyle(
    int caseMode, // 0 as written, 1 all lower, 2 first letter upper
    String ending, // appended to each sentence
    String filler, // favourite opener, e.g. "tbh"
    double fillerRate,
    String[][] typos, // personal misspellings applied to every matching word
    String signOff, // appended to the end of a post, may be empty
    String separator) {

  private static final String[] ENDINGS = {".", "", "...", "!", " :)", ".", "", " lol", "!!", "."};
  private static final String[] FILLERS = {
    "tbh", "honestly", "well", "basically", "anyway", "so", "imo", "ngl", "actually", "mate",
    "listen", "fwiw", "like", "right", "look", "btw", "yeah", "ok so", "hmm", "frankly"
  };
  private static final String[][] TYPO_POOL = {
    {"the", "teh"}, {"you", "u"}, {"your", "ur"}, {"because", "cuz"}, {"really", "rly"},
    {"people", "ppl"}, {"please", "pls"}, {"think", "thnik"}, {"with", "wiht"}, {"about", "abt"},
    {"know", "kno"}, {"thanks", "thx"}, {"what", "wat"}, {"tonight", "tonite"}, {"and", "&"},
    {"going", "goin"}, {"before", "b4"}, {"for", "4"}, {"great", "gr8"}, {"probably", "prolly"}
  };
  private static final String[] SIGNOFFS = {
    "", "", "", "cheers", "peace", "-- stay safe", "regards", "later", "x", "\uD83D\uDE42",
    "stay frosty", "~", "take care", "out.", "\u270C"
  };

  public static WritingStyle random(SplittableRandom rnd) {
    int nTypos = 1 + rnd.nextInt(3);
    String[][] typos = new String[nTypos][];
    for (int i = 0; i < nTypos; i++) typos[i] = TYPO_POOL[rnd.nextInt(TYPO_POOL.length)];
    return new WritingStyle(
        rnd.nextInt(3),
        ENDINGS[rnd.nextInt(ENDINGS.length)],
        FILLERS[rnd.nextInt(FILLERS.length)],
        0.1 + rnd.nextDouble() * 0.3,
        typos,
        SIGNOFFS[rnd.nextInt(SIGNOFFS.length)],
        rnd.nextInt(4) == 0 ? "\n" : " ");
  }

  /** Restyles one sentence (no {…} slot is changed: typos only touch whole plain words). */
  public String sentence(String s, SplittableRandom rnd, boolean allowFiller) {
    String t = s;
    for (String[] ty : typos) t = replaceWord(t, ty[0], ty[1]);
    if (allowFiller && rnd.nextDouble() < fillerRate) t = filler + (filler.length() > 3 ? ", " : " ") + t;
    t = switch (caseMode) {
      case 1 -> lowerOutsideSlots(t);
      case 2 -> t.isEmpty() ? t : Character.toUpperCase(t.charAt(0)) + t.substring(1);
      default -> t;
    };
    return stripEnd(t) + ending;
  }

  private static String stripEnd(String t) {
    int e = t.length();
    while (e > 0 && (t.charAt(e - 1) == '.' || t.charAt(e - 1) == '!' || t.charAt(e - 1) == '?')) e--;
    return e == 0 ? t : t.substring(0, e);
  }

  private static String lowerOutsideSlots(String t) {
    if (t.indexOf('{') < 0) return t.toLowerCase(Locale.ROOT);
    StringBuilder sb = new StringBuilder(t.length());
    boolean inSlot = false;
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c == '{') inSlot = true;
      if (c == '}') inSlot = false;
      sb.append(inSlot ? c : Character.toLowerCase(c));
    }
    return sb.toString();
  }

  static String replaceWord(String t, String word, String with) {
    int from = 0;
    StringBuilder sb = null;
    int last = 0;
    String lower = t.toLowerCase(Locale.ROOT);
    while (true) {
      int i = lower.indexOf(word, from);
      if (i < 0) break;
      int j = i + word.length();
      boolean start = i == 0 || !Character.isLetter(t.charAt(i - 1));
      boolean end = j == t.length() || !Character.isLetter(t.charAt(j));
      if (start && end) {
        if (sb == null) sb = new StringBuilder(t.length());
        sb.append(t, last, i).append(with);
        last = j;
      }
      from = j;
    }
    if (sb == null) return t;
    return sb.append(t, last, t.length()).toString();
  }
}
