package org.webwatch.signals.internal;

/**
 * Tracks, while text is read left to right, whether the current position is inside a quote
 * block ({@code [quote]...[/quote]} at any nesting depth, {@code <blockquote>}, or a line
 * starting with {@code >}) or inside quotation marks (straight or curly; reset at each line
 * end so an unbalanced mark cannot run on). O(1) per character; nesting depth is a counter,
 * so deeply nested quoting costs nothing extra.
 */
final class QuoteScanner {
  private final CharSequence text;
  private int depth;
  private boolean lineQuoted;
  private boolean lineStart = true;
  private boolean quotes;

  QuoteScanner(CharSequence text) {
    this.text = text;
  }

  void advance(int i, int cp) {
    if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9')) {
      lineStart = false;
      return;
    }
    if (cp == '\n') {
      lineStart = true;
      lineQuoted = false;
      quotes = false;
      return;
    }
    if (lineStart && cp == '>') lineQuoted = true;
    if (cp != ' ' && cp != '\t') lineStart = false;
    if (cp == '[' || cp == '<') {
      if (starts(i + 1, "quote") || starts(i + 1, "blockquote")) depth++;
      else if (starts(i + 1, "/quote") || starts(i + 1, "/blockquote")) depth = Math.max(0, depth - 1);
    }
    if (cp == '"') quotes = !quotes;
    else if (cp == '\'' || cp == '\u2018' || cp == '\u2019') singleQuote(i);
    else if (cp == '\u201c' || cp == '\u00ab' || cp == '\u201e') quotes = true;
    else if (cp == '\u201d' || cp == '\u00bb') quotes = false;
  }

  /** A single quote opens after a space and before a letter, closes after a letter and before a non-letter. */
  private void singleQuote(int i) {
    boolean before = i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1));
    boolean after = i + 1 >= text.length() || !Character.isLetterOrDigit(text.charAt(i + 1));
    if (!quotes && before && !after) quotes = true;
    else if (quotes && !before && after) quotes = false;
  }

  private boolean starts(int at, String word) {
    if (at + word.length() > text.length()) return false;
    for (int k = 0; k < word.length(); k++) if (Character.toLowerCase(text.charAt(at + k)) != word.charAt(k)) return false;
    return true;
  }

  boolean inBlock() {
    return depth > 0 || lineQuoted;
  }

  boolean inQuotes() {
    return quotes;
  }
}
