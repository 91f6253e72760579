package org.webwatch.server.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Turns an imported explanation (explanations.json entry) into rows for the dossier. A
 * {@code factors} array of objects is read as factor rows (name from code/name/factor, value
 * from contribution/weight/value/score, the rest as evidence); any other shape is shown field by
 * field, so nothing the triage model wrote is hidden.
 */
public final class Explanations {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One line of the score decomposition. */
  public record Factor(String name, String value, String evidence) {}

  /**
   * A suggested link from one of a person's accounts to an account of another person (never merged
   * unless an analyst confirms it): both accounts as {@code site:account}, the other person, the
   * model's probability, and the evidence codes and values that carry it.
   */
  public record Suggestion(String a, String b, String otherPerson, String confidence, String evidence) {}

  private Explanations() {}

  /** A parsed explanation: its factor rows and, for a person, its suggested links. */
  record Parsed(List<Factor> factors, List<Suggestion> suggestions) {}

  static List<Factor> parse(String json) {
    return read(json).factors();
  }

  /** Reads an explanation once: factor rows as {@link #parse}, plus the {@code suggestions} in the order written (best first). */
  static Parsed read(String json) {
    List<Factor> out = new ArrayList<>();
    if (json == null) return new Parsed(out, List.of());
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (IOException e) {
      out.add(new Factor("(unreadable explanation)", "", json));
      return new Parsed(out, List.of());
    }
    JsonNode factors = root.path("factors");
    if (factors.isArray()) {
      for (JsonNode f : factors) {
        String name = first(f, "code", "name", "factor");
        String value = first(f, "contribution", "weight", "value", "score");
        StringBuilder ev = new StringBuilder();
        for (Iterator<Map.Entry<String, JsonNode>> it = f.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          if (List.of("code", "name", "factor", "contribution", "weight", "value", "score").contains(e.getKey())) continue;
          if (ev.length() > 0) ev.append("; ");
          ev.append(e.getKey()).append(": ").append(e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString());
        }
        out.add(new Factor(name, value, ev.toString()));
      }
    }
    JsonNode suggestions = root.path("suggestions");
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getKey().equals("factors") && factors.isArray()) continue;
      if (e.getKey().equals("suggestions") && suggestions.isArray()) continue;
      if (List.of("site", "account", "person").contains(e.getKey())) continue;
      out.add(new Factor(e.getKey(), e.getValue().isValueNode() ? e.getValue().asText() : "", e.getValue().isValueNode() ? ""
          : e.getValue().toString()));
    }
    return new Parsed(out, suggestions(suggestions));
  }

  private static List<Suggestion> suggestions(JsonNode list) {
    List<Suggestion> out = new ArrayList<>();
    if (!list.isArray()) return out;
    for (JsonNode s : list) {
      StringBuilder ev = new StringBuilder();
      for (JsonNode e : s.path("evidence")) {
        if (e.path("weight").asDouble() <= 0) continue;
        if (ev.length() > 0) ev.append("; ");
        ev.append(e.path("code").asText()).append(' ').append(e.path("value").asText());
      }
      out.add(new Suggestion(s.path("a").asText(), s.path("b").asText(), s.path("other_person").asText(), s.path("confidence").asText(), ev.toString()));
    }
    return out;
  }

  private static String first(JsonNode f, String... names) {
    for (String n : names) if (f.has(n)) return f.get(n).asText();
    return "";
  }
}
