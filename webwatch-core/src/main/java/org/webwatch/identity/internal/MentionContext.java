package org.webwatch.identity.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells an identifier someone OWNS from one they merely MENTION. A buyer writing "sent 0.01 to
 * bc1…" names the seller's address; "my exchange gave me this deposit address", "donations:",
 * "from the opsec guide, this key" quote third-party values. Such occurrences must not link
 * the writer to the owner. {@link #markers} finds marker words in a text (past-tense payment
 * verbs, third-party nouns); an identifier starting within {@link #WINDOW} characters after a
 * marker counts as a mention. O(text length) per text.
 */
public final class MentionContext {
  /** Characters between the end of a marker and the identifier for it to count as a mention. */
  public static final int WINDOW = 48;

  private static final Pattern MARKERS = Pattern.compile(
      "(?iu)\\b(sent|paid|payed|transferred|deposited|donations?|donate|exchange|deposit address|guide|faq|tutorial|forum'?s|site'?s|admins?'? (address|wallet|key))\\b");

  private MentionContext() {}

  /** End offsets (UTF-16) of marker words in {@code text}; empty when none. */
  public static int[] markers(String text) {
    if (text == null) return new int[0];
    Matcher m = MARKERS.matcher(text);
    int[] out = new int[4];
    int n = 0;
    while (m.find()) {
      if (n == out.length) out = java.util.Arrays.copyOf(out, n * 2);
      out[n++] = m.end();
    }
    return java.util.Arrays.copyOf(out, n);
  }

  /** Whether an identifier starting at {@code start} follows one of {@code markers} closely. */
  public static boolean isMention(int[] markers, int start) {
    for (int end : markers) if (end <= start && start - end <= WINDOW) return true;
    return false;
  }
}
