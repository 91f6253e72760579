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
  /** What a money amount ("$80", "€15") folds to. */
  public static final String MONEY_TOKEN = "money";

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
    String[] tText = new String[16];
    int[] tRawLen = new int[16];
    boolean[] tHasLetter = new boolean[16];
    int count;

    Builder(CharSequence text) {
      this.text = text;
      this.n = text.length();
      grow(Math.max(16, Math.min(n / 4, 1 << 16)));
    }

    FoldedText build() {
      QuoteScanner quotes = new QuoteScanner(text);
      StringBuilder cur = new StringBuilder();
      boolean inToken = false, curLetter = false;
      int curStart = 0, curEnd = 0;
      int gLen = 0;
      boolean gSpacer = true, gBreak = false, pendingApos = false;
      for (int i = 0; i < n; ) {
        char ch = text.charAt(i);
        int cp = ch;
        int next = i + 1;
        String f = null;
        if (ch >= 128) {
          cp = Character.codePointAt(text, i);
          next = i + Character.charCount(cp);
          f = CharFolder.fold(cp);
        }
        quotes.advance(i, cp);
        int len = f == null ? 1 : f.length();
        for (int k = 0; k < len; k++) {
          char c = f == null ? (ch >= 'A' && ch <= 'Z' ? (char) (ch + 32) : ch) : f.charAt(k);
          if (isWordChar(c)) {
            if (!inToken) {
              inToken = true;
              cur.setLength(0);
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
          } else if ((c == '\'' || c == '\u2019') && inToken && !pendingApos) {
            pendingApos = true;
          } else {
            if (inToken) {
              finish(cur, curLetter, curStart, curEnd);
              inToken = false;
            }
            pendingApos = false;
            gLen++;
            if (!(c == ' ' || c == '.' || c == '-' || c == '_' || c == '*' || c == '\u00b7')) gSpacer = false;
            if (isSentenceEnd(text, c, next) || isEmoticonEnd(text, c, i) || (f != null && isPictograph(cp))) gBreak = true;
            if (c == '\n') gSpacer = false;
          }
        }
        i = next;
      }
      if (inToken) finish(cur, curLetter, curStart, curEnd);
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
      tText[count] = !hasLetter && isMoneyAmount(raw) ? MONEY_TOKEN : foldToken(raw, hasLetter);
      tRawLen[count] = raw.length();
      tHasLetter[count] = hasLetter;
      tStart[count] = s;
      tEnd[count] = e;
      count++;
    }

    private void ensure() {
      if (count + 1 < tStart.length) return;
      grow(tStart.length * 2);
    }

    private void grow(int m) {
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
      tRawLen = java.util.Arrays.copyOf(tRawLen, m);
      tHasLetter = java.util.Arrays.copyOf(tHasLetter, m);
    }

    private FoldedText assemble() {
      // 1. fold each token (leet, l/1 -> i, squeeze); drop tokens left empty
      String[] folded = tText;
      // 2. join runs of single letters separated by short spacer-only gaps
      StringBuilder out = new StringBuilder(n + 16).append(' ');
      int[] fs = new int[count], fe = new int[count], os = new int[count], oe = new int[count], sent = new int[count];
      boolean[] bq = new boolean[count], iq = new boolean[count];
      int size = 0, sentence = 0;
      for (int i = 0; i < count; ) {
        if (folded[i].isEmpty()) {
          if (i + 1 < count && gapBreak[i]) gapBreak[i + 1] = true;
          i++;
          continue;
        }
        int j = i;
        if (isSingle(folded[i], tRawLen[i])) {
          while (j + 1 < count && isSingle(folded[j + 1], tRawLen[j + 1]) && gapSpacerOnly[j + 1] && gapLen[j + 1] <= MAX_SPLIT_GAP) j++;
          if (j - i + 1 < MIN_SPLIT_RUN) j = i;
        }
        if (size > 0 && gapBreak[i]) {
          out.append("| ");
          sentence++;
        }
        fs[size] = out.length();
        if (j > i) {
          StringBuilder tok = new StringBuilder();
          for (int k = i; k <= j; k++) tok.append(folded[k]);
          out.append(squeeze(tok));
        } else {
          out.append(folded[i]);
        }
        fe[size] = out.length();
        out.append(' ');
        os[size] = tStart[i];
        oe[size] = tEnd[j];
        sent[size] = sentence;
        bq[size] = tBlock[i];
        iq[size] = tQuote[i];
        size++;
        i = j + 1;
      }
      return new FoldedText(out.toString(), size, fs, fe, os, oe, sent, bq, iq);
    }
  }

  /**
   * Sentence-ending punctuation; a '.', '!' or '?' directly followed by a letter or digit
   * ("0.002 btc", "site.com") does not end a sentence.
   */
  static boolean isSentenceEnd(CharSequence text, char c, int next) {
    if (c == '\n' || c == '\r' || c == '\u3002' || c == '\u2026' || c == ';') return true;
    if (c != '.' && c != '!' && c != '?') return false;
    return next >= text.length() || !Character.isLetterOrDigit(text.charAt(next));
  }

  /** ":)", ":(", ";)" end a sentence: chat often separates sentences with them. */
  static boolean isEmoticonEnd(CharSequence text, char c, int i) {
    if (i == 0 || (text.charAt(i - 1) != ':' && text.charAt(i - 1) != ';')) return false;
    return c == ')' || c == '(';
  }

  /** Emoji and other pictographs end a sentence (sign-offs, separators). */
  private static boolean isPictograph(int cp) {
    int t = Character.getType(cp);
    return t == Character.OTHER_SYMBOL && cp >= 0x2190;
  }

  /** A currency symbol with digits ("$80", "80$", "€15"): folded to {@link #MONEY_TOKEN} so rules can say "money". */
  static boolean isMoneyAmount(CharSequence raw) {
    boolean symbol = false, digit = false;
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '$' || c == '\u20ac') symbol = true;
      else if (c >= '0' && c <= '9') digit = true;
    }
    return symbol && digit;
  }

  private static boolean isSingle(String t, int rawLength) {
    return rawLength == 1 && t.length() == 1 && Character.isLetter(t.charAt(0));
  }

  static boolean isWordChar(char c) {
    if (c < 128) return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || c == '@' || c == '$' || c == '|';
    return Character.isLetterOrDigit(c) || c == '@' || c == '$' || c == '|' || c == '\u20ac';
  }

  /** Leetspeak (only where the token has a letter), i/l/1 merge, squeeze repeated chars. */
  static String foldToken(CharSequence raw, boolean hasLetter) {
    int len = raw.length();
    char[] buf = new char[len];
    int n = 0;
    char prev = 0;
    for (int i = 0; i < len; i++) {
      char c = raw.charAt(i);
      char m = hasLetter ? leet(c) : c;
      if (m == 'l') m = 'i';
      if (m == prev) continue;
      if (m < 128 ? !((m >= 'a' && m <= 'z') || (m >= '0' && m <= '9')) && !Character.isLetterOrDigit(m) : !Character.isLetterOrDigit(m)) continue;
      buf[n++] = m;
      prev = m;
    }
    return new String(buf, 0, n);
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
