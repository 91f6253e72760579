package org.webwatch.triage;

/**
 * The text around one indicator span, kept so the report can quote the span in context:
 * {@code before} and {@code after} are at most {@link #CONTEXT_CHARS} characters each, with a
 * leading / trailing {@code …} where the text was cut.
 */
public record Excerpt(String before, String span, String after) {
  public static final int CONTEXT_CHARS = 80;

  /** Cuts an excerpt of {@code text} around [start,end) without splitting surrogate pairs. */
  public static Excerpt of(String text, int start, int end) {
    int s = Math.max(0, Math.min(start, text.length()));
    int e = Math.max(s, Math.min(end, text.length()));
    int b = Math.max(0, s - CONTEXT_CHARS);
    if (b > 0 && Character.isLowSurrogate(text.charAt(b))) b--;
    int a = Math.min(text.length(), e + CONTEXT_CHARS);
    if (a < text.length() && a > 0 && Character.isHighSurrogate(text.charAt(a - 1))) a++;
    return new Excerpt((b > 0 ? "…" : "") + text.substring(b, s), text.substring(s, e),
        text.substring(e, a) + (a < text.length() ? "…" : ""));
  }
}
