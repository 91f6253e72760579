package org.webwatch.generate.internal;

/** Minimal JSON-string and RFC 4180 CSV escaping for the streaming writers. O(length). */
public final class Text {
  private Text() {}

  /** Appends {@code s} as a JSON string literal (quotes included). */
  public static StringBuilder json(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20 || c == '\u2028' || c == '\u2029') sb.append(String.format("\\u%04x", (int) c));
          else sb.append(c);
        }
      }
    }
    return sb.append('"');
  }

  /** Appends one CSV field, quoted when it holds a comma, quote, CR or LF (or leading/trailing space). */
  public static StringBuilder csv(StringBuilder sb, String s) {
    boolean quote = false;
    for (int i = 0; i < s.length() && !quote; i++) {
      char c = s.charAt(i);
      quote = c == ',' || c == '"' || c == '\n' || c == '\r';
    }
    if (!quote && !s.isEmpty() && (s.charAt(0) == ' ' || s.charAt(s.length() - 1) == ' ')) quote = true;
    if (!quote) return sb.append(s);
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"') sb.append('"');
      sb.append(c);
    }
    return sb.append('"');
  }

  /** Appends a CSV row (fields joined by commas, newline at the end). */
  public static void row(StringBuilder sb, String... fields) {
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) sb.append(',');
      csv(sb, fields[i] == null ? "" : fields[i]);
    }
    sb.append('\n');
  }
}
