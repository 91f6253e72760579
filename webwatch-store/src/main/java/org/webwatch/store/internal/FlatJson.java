package org.webwatch.store.internal;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.util.Collection;
import java.util.Map;

/**
 * JSON text of the small values the import stores per row — a record's unknown scalar fields,
 * its list of ids — written directly, character for character what Jackson's
 * {@code writeValueAsString} writes for them ({@code FlatJsonTest} compares both). Why: the
 * mapper builds a generator and looks up serializers for every row, about 7 % of the SQL
 * writer thread's time on a million posts that each carry one unknown field. Anything not flat
 * (nested maps and lists, floating-point numbers) returns null, and the caller uses the mapper.
 */
final class FlatJson {
  private static final JsonStringEncoder ENCODER = JsonStringEncoder.getInstance();

  private FlatJson() {}

  /** {@code {"k":v,...}} for string, integer, boolean and null values; null when another value occurs. */
  static String object(Map<String, ?> map) {
    StringBuilder sb = new StringBuilder(16 * map.size() + 2).append('{');
    boolean first = true;
    for (Map.Entry<String, ?> e : map.entrySet()) {
      if (!first) sb.append(',');
      first = false;
      quote(sb, e.getKey());
      sb.append(':');
      Object v = e.getValue();
      if (v == null) sb.append("null");
      else if (v instanceof String s) quote(sb, s);
      else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte || v instanceof Boolean) sb.append(v);
      else return null;
    }
    return sb.append('}').toString();
  }

  /** {@code ["a","b"]}; null when an element is null (the mapper's {@code null} is kept by the caller). */
  static String strings(Collection<String> values) {
    StringBuilder sb = new StringBuilder(16 * values.size() + 2).append('[');
    boolean first = true;
    for (String s : values) {
      if (s == null) return null;
      if (!first) sb.append(',');
      first = false;
      quote(sb, s);
    }
    return sb.append(']').toString();
  }

  private static void quote(StringBuilder sb, String s) {
    sb.append('"');
    ENCODER.quoteAsString(s, sb);
    sb.append('"');
  }
}
