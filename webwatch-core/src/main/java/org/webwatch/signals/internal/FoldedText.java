package org.webwatch.signals.internal;

import java.util.Arrays;

/**
 * The matcher's view of a text: {@code folded} is {@code " tok tok | tok "}: folded tokens
 * separated by one space, with {@code " | "} between sentences and a space at both ends. Token
 * {@code i} starts at {@code foldStart[i]} in {@code folded} and covers the original UTF-16
 * range {@code [origStart[i], origEnd[i])}. {@code sentence[i]} numbers sentences;
 * {@code blockQuoted[i]} marks tokens inside a quote block ({@code [quote]}, {@code >} lines),
 * {@code inQuotes[i]} tokens inside quotation marks.
 */
public final class FoldedText {
  public final String folded;
  public final int size;
  final int[] foldStart;
  final int[] foldEnd;
  public final int[] origStart;
  public final int[] origEnd;
  public final int[] sentence;
  public final boolean[] blockQuoted;
  public final boolean[] inQuotes;

  FoldedText(String folded, int size, int[] foldStart, int[] foldEnd, int[] origStart, int[] origEnd, int[] sentence,
      boolean[] blockQuoted, boolean[] inQuotes) {
    this.folded = folded;
    this.size = size;
    this.foldStart = foldStart;
    this.foldEnd = foldEnd;
    this.origStart = origStart;
    this.origEnd = origEnd;
    this.sentence = sentence;
    this.blockQuoted = blockQuoted;
    this.inQuotes = inQuotes;
  }

  /** Index of the token that contains folded position {@code pos} (or the last one before it). */
  public int tokenAt(int pos) {
    int i = Arrays.binarySearch(foldStart, 0, size, pos);
    return i >= 0 ? i : Math.max(0, -i - 2);
  }

  /** Folded text of token {@code i}. */
  public String token(int i) {
    return folded.substring(foldStart[i], foldEnd[i]);
  }

  /** The folded tokens, space-separated, of a whole text (used for rule terms). */
  public String joined() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < size; i++) {
      if (i > 0) sb.append(' ');
      sb.append(token(i));
    }
    return sb.toString();
  }
}
