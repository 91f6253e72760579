package org.webwatch.ingest.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Typed access to the fields of one JSON object, each failure a {@link Reject} naming the field. */
final class Fields {
  private Fields() {}

  static String describe(JsonNode n) {
    return switch (n.getNodeType()) {
      case STRING -> "a string";
      case NUMBER -> n.isIntegralNumber() ? "an integer" : "a decimal number";
      case BOOLEAN -> "a boolean";
      case ARRAY -> "an array";
      case OBJECT -> "an object";
      case NULL -> "null";
      default -> n.getNodeType().toString().toLowerCase();
    };
  }

  private static JsonNode present(JsonNode o, String name) {
    JsonNode n = o.get(name);
    return n == null || n.isNull() ? null : n;
  }

  static String id(JsonNode o, String name, String path, boolean required) {
    JsonNode n = present(o, name);
    if (n == null) {
      if (required) throw new Reject(path, "missing required field");
      return null;
    }
    return idValue(n, path);
  }

  static String idValue(JsonNode n, String path) {
    if (n.isTextual()) {
      String s = n.textValue();
      if (s.isEmpty()) throw new Reject(path, "empty id");
      return s;
    }
    if (n.isIntegralNumber()) return n.asText();
    throw new Reject(path, "expected a string or integer id, got " + describe(n));
  }

  static String string(JsonNode o, String name, String path, boolean required) {
    JsonNode n = present(o, name);
    if (n == null) {
      if (required) throw new Reject(path, "missing required field");
      return null;
    }
    if (!n.isTextual()) throw new Reject(path, "expected a string, got " + describe(n));
    return n.textValue();
  }

  static Instant time(JsonNode o, String name, String path, boolean required) {
    JsonNode n = present(o, name);
    if (n == null) {
      if (required) throw new Reject(path, "missing required field");
      return null;
    }
    if (n.isIntegralNumber()) {
      if (!n.canConvertToLong()) throw new Reject(path, "Unix time out of range: " + n.asText());
      long s = n.longValue();
      if (s < -62135596800L || s > 253402300799L) throw new Reject(path, "Unix time out of range: " + s);
      return Instant.ofEpochSecond(s);
    }
    if (!n.isTextual()) {
      throw new Reject(path, "expected an ISO-8601 timestamp or integer Unix seconds, got " + describe(n));
    }
    String s = n.textValue();
    try {
      return IsoTimestamps.parse(s);
    } catch (DateTimeParseException e) {
      throw new Reject(path, "invalid timestamp '" + clip(s) + "': expected ISO-8601 with an offset or Z (2019-03-02T21:14:00Z) or integer Unix seconds");
    }
  }

  static Long nonNegativeLong(JsonNode o, String name, String path) {
    JsonNode n = present(o, name);
    if (n == null) return null;
    if (!n.isIntegralNumber() || !n.canConvertToLong()) throw new Reject(path, "expected an integer, got " + describe(n));
    long v = n.longValue();
    if (v < 0) throw new Reject(path, "must not be negative: " + v);
    return v;
  }

  static Integer intInRange(JsonNode o, String name, String path, int min, int max) {
    JsonNode n = present(o, name);
    if (n == null) return null;
    if (!n.isIntegralNumber()) throw new Reject(path, "expected an integer, got " + describe(n));
    if (!n.canConvertToInt() || n.intValue() < min || n.intValue() > max) {
      throw new Reject(path, "out of range " + min + "–" + max + ": " + n.asText());
    }
    return n.intValue();
  }

  /** A hex hash of exactly {@code digits} digits, normalised to lower case. */
  static String hex(JsonNode o, String name, String path, int digits) {
    String s = string(o, name, path, false);
    if (s == null) return null;
    if (s.length() != digits) throw new Reject(path, "expected " + digits + " hex digits, got " + s.length() + " characters");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
      if (!ok) throw new Reject(path, "not hex: '" + clip(s) + "'");
    }
    return s.toLowerCase(java.util.Locale.ROOT);
  }

  static List<String> idList(JsonNode o, String name, String path, boolean required) {
    JsonNode n = present(o, name);
    if (n == null) {
      if (required) throw new Reject(path, "missing required field");
      return List.of();
    }
    if (!n.isArray()) throw new Reject(path, "expected an array of ids, got " + describe(n));
    List<String> out = new ArrayList<>(n.size());
    for (int i = 0; i < n.size(); i++) {
      JsonNode e = n.get(i);
      if (e.isNull()) throw new Reject(path + "[" + i + "]", "expected a string or integer id, got null");
      out.add(idValue(e, path + "[" + i + "]"));
    }
    return Collections.unmodifiableList(out);
  }

  static Map<String, String> stringMap(JsonNode o, String name, String path) {
    JsonNode n = present(o, name);
    if (n == null) return Map.of();
    if (!n.isObject()) throw new Reject(path, "expected an object of key → string, got " + describe(n));
    Map<String, String> out = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode v = e.getValue();
      if (v.isNull()) continue;
      if (!v.isTextual()) throw new Reject(path + "." + e.getKey(), "expected a string, got " + describe(v));
      out.put(e.getKey(), v.textValue());
    }
    return Collections.unmodifiableMap(out);
  }

  /** Fields not named in {@code known}, as plain Java values (maps, lists, strings, numbers, booleans). */
  static Map<String, Object> extra(ObjectMapper mapper, JsonNode o, Set<String> known) {
    if (o.size() <= known.size()) {
      boolean any = false;
      for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
        if (!known.contains(it.next())) {
          any = true;
          break;
        }
      }
      if (!any) return Map.of();
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (known.contains(e.getKey())) continue;
      out.put(e.getKey(), plain(mapper, e.getValue()));
    }
    return Collections.unmodifiableMap(out);
  }

  /**
   * The plain Java value of {@code v}, as {@code mapper.convertValue(v, Object.class)} gives it
   * (FieldsTest compares both): strings, booleans, ints, longs and nulls directly — nearly every
   * unknown field, and converting them through a token buffer cost more than parsing them —
   * anything else through the mapper.
   */
  static Object plain(ObjectMapper mapper, JsonNode v) {
    if (v.isTextual()) return v.textValue();
    if (v.isInt()) return v.intValue();
    if (v.isLong()) return v.longValue();
    if (v.isBoolean()) return v.booleanValue();
    if (v.isNull()) return null;
    return mapper.convertValue(v, Object.class);
  }

  static String clip(String s) {
    return s.length() <= 80 ? s : s.substring(0, 77) + "...";
  }
}
