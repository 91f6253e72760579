package org.webwatch.signals;

import org.webwatch.signals.internal.FoldedText;
import org.webwatch.signals.internal.TextNormaliser;

/**
 * The tokens of a text as the indicator rules see them — case, accents, zero-width characters,
 * confusables, leetspeak, letters split by spaces or dots and repeated letters folded away (see
 * {@code TextNormaliser}) — each with the UTF-16 range of the original text it came from. For
 * other stages that must read text through the same obfuscation (identity: is an address the
 * writer's or one they paid?). O(text length).
 */
public final class FoldedTokens {
  private final FoldedText folded;

  private FoldedTokens(FoldedText folded) {
    this.folded = folded;
  }

  public static FoldedTokens of(CharSequence text) {
    return new FoldedTokens(TextNormaliser.normalise(text == null ? "" : text));
  }

  /** A phrase folded the same way, its tokens joined by single spaces ("Payment   DONE" → "payment done"). */
  public static String foldPhrase(String phrase) {
    return TextNormaliser.foldTerm(phrase);
  }

  public int size() {
    return folded.size;
  }

  /** Folded text of token {@code i}. */
  public String token(int i) {
    return folded.token(i);
  }

  /** Start (inclusive) of token {@code i} in the original text. */
  public int start(int i) {
    return folded.origStart[i];
  }

  /** End (exclusive) of token {@code i} in the original text. */
  public int end(int i) {
    return folded.origEnd[i];
  }
}
