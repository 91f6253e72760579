package org.webwatch.identity.internal;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.webwatch.signals.FoldedTokens;

/**
 * Tells an identifier someone OWNS from one they merely MENTION. A buyer writing "sent 0.01 to
 * bc1…", "payment went to bc1…", "just topped up $50 to bc1…" names the seller's address; "my
 * exchange gave me this deposit address", "donations:", "from the opsec guide, this key" quote
 * third-party values. Such occurrences must not link the writer to the owner — and counted as
 * holders they would make a seller's address look shared by many, so that it no longer links the
 * seller's own accounts. {@link #markers} finds marker phrases (past-tense payment verbs and
 * payment reports, third-party nouns) in the text as the indicator rules read it
 * ({@link FoldedTokens}: zero-width characters, leetspeak and split letters folded, so "p a i d",
 * "P@ym3nt done" and "s\u200Bent" are markers too); an identifier starting within {@link #WINDOW}
 * characters after a marker counts as a mention. O(text length) per text; texts that cannot hold
 * an identifier ({@link #mayHoldIdentifier}) are not folded.
 */
public final class MentionContext {
  /** Characters between the end of a marker and the identifier for it to count as a mention. */
  public static final int WINDOW = 48;

  /**
   * Marker phrases, folded. "payment" alone is not one: sellers write "payment to {address} only",
   * "link only after payment to"; the reports of a payment made are.
   */
  static final List<String> PHRASES = List.of("sent", "paid", "payed", "transferred", "deposited", "topped up", "donation", "donations",
      "donate", "exchange", "deposit address", "guide", "faq", "tutorial", "forum's", "site's", "forums", "sites", "admin address",
      "admin wallet", "admin key", "admins address", "admins wallet", "admins key", "admin's address", "admin's wallet", "admin's key",
      "payment done", "payment went", "payment sent", "payment made", "payment confirmed", "my payment", "vouch for");
  private static final String[][] FOLDED = PHRASES.stream().map(FoldedTokens::foldPhrase).distinct().map(p -> p.split(" "))
      .toArray(String[][]::new);
  /** Shortest unbroken run of non-space characters that may be an identifier (addresses, keys, onion names, session ids). */
  static final int IDENTIFIER_RUN = 20;
  /** A fingerprint written in groups of four ("959B 4BC4 FE15 …"): five groups in a row. */
  private static final Pattern SPACED_FINGERPRINT = Pattern.compile("\\b\\p{XDigit}{4}(?:\\s\\p{XDigit}{4}){4}\\b");

  private MentionContext() {}

  /** End offsets (UTF-16, in the original text) of marker phrases in {@code text}; empty when none. */
  public static int[] markers(String text) {
    // only a text that can hold an identifier needs its markers; folding every text would cost 3x the scan
    if (text == null || !mayHoldIdentifier(text)) return new int[0];
    FoldedTokens tokens = FoldedTokens.of(text);
    int[] out = new int[4];
    int n = 0;
    for (int i = 0; i < tokens.size(); i++) {
      for (String[] phrase : FOLDED) {
        if (i + phrase.length > tokens.size()) continue;
        boolean match = true;
        for (int k = 0; k < phrase.length && match; k++) match = tokens.token(i + k).equals(phrase[k]);
        if (!match) continue;
        if (n == out.length) out = Arrays.copyOf(out, n * 2);
        out[n++] = tokens.end(i + phrase.length - 1);
      }
    }
    return Arrays.copyOf(out, n);
  }

  /**
   * Whether {@code text} may hold an identifier the signals stage extracts: an unbroken run of
   * {@link #IDENTIFIER_RUN} non-space characters, an {@code @} (emails, handles) or a spaced
   * fingerprint. One pass, O(n).
   */
  static boolean mayHoldIdentifier(String text) {
    int run = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '@') return true;
      run = Character.isWhitespace(c) ? 0 : run + 1;
      if (run >= IDENTIFIER_RUN) return true;
    }
    return SPACED_FINGERPRINT.matcher(text).find();
  }

  /** Whether an identifier starting at {@code start} follows one of {@code markers} closely. */
  public static boolean isMention(int[] markers, int start) {
    for (int end : markers) if (end <= start && start - end <= WINDOW) return true;
    return false;
  }
}
