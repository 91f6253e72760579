package org.webwatch.signals.internal;

/**
 * Turns original text into a {@link FoldedText} in one left-to-right pass (O(n)), seeing
 * through: Unicode compatibility forms, case, accents, zero-width/joiner characters and
 * confusables ({@link CharFolder}); apostrophes inside words ("don't" = "dont"); leetspeak in
 * tokens that contain a letter (0→o, 1/l/|→i, 3→e, 4/@→a, 5/$→s, 7→t, 8→b, 9→g); letters
 * split by dots, dashes, underscores, stars or spaces ("m.e.e.t", "m e e t": runs of at least
 * {@link #MIN_SPLIT_RUN} single letters are joined); and repeated letters (every run of one
 * letter is squeezed to one, in text and rule terms alike, so "meeeet" = "meet" = "met").
 * Every token keeps the original UTF-16 range it came from, surrogate pairs included.
 */
public final class TextNormaliser {
  public static final int MIN_SPLIT_RUN = 3;
  private static final int MAX_SPLIT_GAP = 3;

  private TextNormaliser() {}

  public static FoldedText normalise(CharSequence text) {
    return new Builder(text).build();
  }

  /** Folds a rule term the same way as text: its tokens joined by single spaces. */
  public static String foldTerm(String term) {
    return normalise(term).joined();
  }

  private static final class Builder {
    final CharSequence text;
    int n;
    int[] tStart = new int[16], tEnd = new int[16], tSent = new int[16];
    boolean[] tBlock = new boolean[16], tQuote = new boolean[16], tSingle = new boolean[16];
    int[] gapLen = new int[16];
    boolean[] gapSpacerOnly = new boolean[16], gapBreak = new boolean[16];
    StringBuilder[] tText = new StringBuilder[16];
    boolean[] tHasLetter = new boolean[16];
    int count;

    Builder(CharSequence text) {
      this.text = text;
      this.n = text.length();
    }

    FoldedText build() {
      QuoteScanner quotes = new QuoteScanner(text);
      StringBuilder cur = null;
      boolean curLetter = false;
      int curStart = 0, curEnd = 0;
      int gLen = 0;
      boolean gSpacer = true, gBreak = false, pendingApos = false;
      for (int i = 0; i < n; ) {
        int cp = Character.codePointAt(text, i);
        int next = i + Character.charCount(cp);
        String f = CharFolder.fold(cp);
        quotes.advance(i, cp);
        for (int k = 0; k < f.length(); k++) {
          char c = f.charAt(k);
          if (isWordChar(c)) {
            if (cur == null) {
              cur = new StringBuilder();
              curLetter = false;
              curStart = i;
              addGap(gLen, gSpacer, gBreak);
              gLen = 0;
              gSpacer = true;
              gBreak = false;
              quotesAt(quotes);
            }
            pendingApos = false;
            cur.append(c);
            curLetter |= Character.isLetter(c);
            curEnd = next;
          } else if ((c == '\'' || c == '\u2019') && cur != null && !pendingApos) {
            pendingApos = true;
          } else {
            if (cur != null) {
              finish(cur, curLetter, curStart, curEnd);
              cur = null;
            }
            pendingApos = false;
            gLen++;
            if (!(c == ' ' || c == '.' || c == '-' || c == '_' || c == '*' || c == '\u00b7')) gSpacer = false;
            if (c == '.' || c == '!' || c == '?' || c == ';' || c == '\n' || c == '\r' || c == '\u3002' || c == '\u2026') gBreak = true;
            if (c == '\n') gSpacer = false;
          }
        }
        i = next;
      }
      if (cur != null) finish(cur, curLetter, curStart, curEnd);
      return assemble();
    }

    private void quotesAt(QuoteScanner q) {
      ensure();
      tBlock[count] = q.inBlock();
      tQuote[count] = q.inQuotes();
    }

    private void addGap(int len, boolean spacer, boolean brk) {
      ensure();
      gapLen[count] = len;
      gapSpacerOnly[count] = spacer;
      gapBreak[count] = brk;
    }

    private void finish(StringBuilder raw, boolean hasLetter, int s, int e) {
      ensure();
      tText[count] = raw;
      tHasLetter[count] = hasLetter;
      tStart[count] = s;
      tEnd[count] = e;
      count++;
    }

    private void ensure() {
      if (count + 1 < tStart.length) return;
      int m = tStart.length * 2;
      tStart = java.util.Arrays.copyOf(tStart, m);
      tEnd = java.util.Arrays.copyOf(tEnd, m);
      tSent = java.util.Arrays.copyOf(tSent, m);
      tBlock = java.util.Arrays.copyOf(tBlock, m);
      tQuote = java.util.Arrays.copyOf(tQuote, m);
      tSingle = java.util.Arrays.copyOf(tSingle, m);
      gapLen = java.util.Arrays.copyOf(gapLen, m);
      gapSpacerOnly = java.util.Arrays.copyOf(gapSpacerOnly, m);
      gapBreak = java.util.Arrays.copyOf(gapBreak, m);
      tText = java.util.Arrays.copyOf(tText, m);
      tHasLetter = java.util.Arrays.copyOf(tHasLetter, m);
    }

    private FoldedText assemble() {
      // 1. fold each token (leet, l/1 -> i, squeeze); drop tokens left empty
      String[] folded = new String[count];
      for (int i = 0; i < count; i++) folded[i] = foldToken(tText[i], tHasLetter[i]);
      // 2. join runs of single letters separated by short spacer-only gaps
      StringBuilder out = new StringBuilder(n + 16).append(' ');
      int[] fs = new int[count], os = new int[count], oe = new int[count], sent = new int[count];
      boolean[] bq = new boolean[count], iq = new boolean[count];
      int size = 0, sentence = 0;
      for (int i = 0; i < count; ) {
        if (folded[i].isEmpty()) {
          if (i + 1 < count && gapBreak[i]) gapBreak[i + 1] = true;
          i++;
          continue;
        }
        int j = i;
        if (isSingle(folded[i], tText[i])) {
          while (j + 1 < count && isSingle(folded[j + 1], tText[j + 1]) && gapSpacerOnly[j + 1] && gapLen[j + 1] <= MAX_SPLIT_GAP) j++;
          if (j - i + 1 < MIN_SPLIT_RUN) j = i;
        }
        if (size > 0 && gapBreak[i]) {
          out.append("| ");
          sentence++;
        }
        fs[size] = out.length();
        StringBuilder tok = new StringBuilder();
        for (int k = i; k <= j; k++) tok.append(folded[k]);
        out.append(j > i ? squeeze(tok) : tok).append(' ');
        os[size] = tStart[i];
        oe[size] = tEnd[j];
        sent[size] = sentence;
        bq[size] = tBlock[i];
        iq[size] = tQuote[i];
        size++;
        i = j + 1;
      }
      return new FoldedText(out.toString(), size, fs, os, oe, sent, bq, iq);
    }
  }

  private static boolean isSingle(String t, CharSequence raw) {
    return raw.length() == 1 && t.length() == 1 && Character.isLetter(t.charAt(0));
  }

  static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '@' || c == '$' || c == '|' || c == '\u20ac';
  }

  /** Leetspeak (only where the token has a letter), i/l/1 merge, squeeze repeated chars. */
  static String foldToken(CharSequence raw, boolean hasLetter) {
    StringBuilder sb = new StringBuilder(raw.length());
    char prev = 0;
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      char m = hasLetter ? leet(c) : c;
      if (m == 'l') m = 'i';
      if (!Character.isLetterOrDigit(m)) continue; // stray @ $ | in numbers or symbols alone
      if (m == prev) continue;
      sb.append(m);
      prev = m;
    }
    return sb.toString();
  }

  private static CharSequence squeeze(CharSequence s) {
    return foldToken(s, false);
  }

  static char leet(char c) {
    return switch (c) {
      case '0' -> 'o';
      case '1', '|', 'l' -> 'i';
      case '3', '\u20ac' -> 'e';
      case '4', '@' -> 'a';
      case '5', '$' -> 's';
      case '7' -> 't';
      case '8' -> 'b';
      case '9' -> 'g';
      default -> c;
    };
  }
}
