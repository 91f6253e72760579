package org.webwatch.signals.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.webwatch.model.IndicatorCode;
import org.webwatch.signals.RulesFormatException;

/**
 * Parsed indicator rules (format in {@code docs/signals.md}): named lexicons of terms, rules
 * ({@code rule ID CODE CONFIDENCE: EXPR}) whose expression is a chain of term sets joined by
 * {@code ~N} (within N tokens, either order) or {@code >N} (followed within N tokens), and
 * cancel rules ({@code cancel ID CODES [quoted]: TERMS}) that suppress hits of those codes in
 * the same sentence. Files are applied in order: a later file extends lexicons ({@code
 * lexicon!} replaces), replaces rules with the same id, and may {@code disable ID}. Parsing is
 * linear in the file size and never uses regular expressions.
 */
public final class RuleSet {
  /** A rule: a chain of term sets; {@code ops[i]} joins item i and i+1 ({@code '~'} or {@code '>'}). */
  public record Rule(String id, IndicatorCode code, double confidence, List<List<String>> items, char[] ops, int[] distances) {}

  /** A cancel rule: terms that suppress hits of {@code codes} in their sentence. */
  public record Cancel(String id, List<IndicatorCode> codes, boolean quotedOnly, List<String> terms) {}

  final Map<String, List<String>> lexicons = new LinkedHashMap<>();
  final Map<String, Rule> rules = new LinkedHashMap<>();
  final Map<String, Cancel> cancels = new LinkedHashMap<>();
  final List<String> versions = new ArrayList<>();

  public String version() {
    return String.join("+", versions);
  }

  public int ruleCount() {
    return rules.size();
  }

  public List<Rule> rules() {
    return List.copyOf(rules.values());
  }

  public List<Cancel> cancels() {
    return List.copyOf(cancels.values());
  }

  /** Applies one rules file on top of what is already loaded. */
  public RuleSet apply(Reader in, String source) {
    List<String[]> logical = new ArrayList<>(); // {text, line number}
    try (BufferedReader r = new BufferedReader(in)) {
      String line;
      int no = 0;
      while ((line = r.readLine()) != null) {
        no++;
        if (line.length() > 100_000) throw new RulesFormatException(source, no, "line too long");
        String t = line.strip();
        if (t.isEmpty() || t.startsWith("#")) continue;
        if (Character.isWhitespace(line.charAt(0)) && !logical.isEmpty()) {
          String[] last = logical.get(logical.size() - 1);
          last[0] = last[0] + " " + t;
        } else {
          logical.add(new String[] {t, String.valueOf(no)});
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    boolean sawVersion = false;
    for (String[] l : logical) {
      int no = Integer.parseInt(l[1]);
      String t = l[0];
      if (t.startsWith("version ")) {
        versions.add(t.substring(8).strip());
        sawVersion = true;
      } else if (t.startsWith("disable ")) {
        String id = t.substring(8).strip();
        if (rules.remove(id) == null && cancels.remove(id) == null) throw new RulesFormatException(source, no, "disable: no rule " + id);
      } else {
        int colon = t.indexOf(':');
        if (colon < 0) throw new RulesFormatException(source, no, "expected 'KEYWORD ...: ...'");
        String[] head = t.substring(0, colon).strip().split(" +");
        String body = t.substring(colon + 1).strip();
        if (body.isEmpty()) throw new RulesFormatException(source, no, "empty term list");
        switch (head[0]) {
          case "lexicon", "lexicon!" -> lexicon(head, body, source, no);
          case "rule" -> rule(head, body, source, no);
          case "cancel" -> cancel(head, body, source, no);
          default -> throw new RulesFormatException(source, no, "unknown keyword '" + head[0] + "'");
        }
      }
    }
    if (!sawVersion) throw new RulesFormatException(source, 1, "missing 'version' line");
    return this;
  }

  private void lexicon(String[] head, String body, String src, int no) {
    if (head.length != 2) throw new RulesFormatException(src, no, "expected 'lexicon NAME: terms'");
    List<String> terms = terms(body, src, no);
    if (head[0].equals("lexicon!")) lexicons.put(head[1], new ArrayList<>(terms));
    else lexicons.computeIfAbsent(head[1], k -> new ArrayList<>()).addAll(terms);
  }

  private void rule(String[] head, String body, String src, int no) {
    if (head.length != 4) throw new RulesFormatException(src, no, "expected 'rule ID CODE CONFIDENCE: expression'");
    IndicatorCode code = code(head[2], src, no);
    double conf;
    try {
      conf = Double.parseDouble(head[3]);
    } catch (NumberFormatException e) {
      throw new RulesFormatException(src, no, "confidence is not a number: " + head[3]);
    }
    if (!(conf > 0 && conf <= 1)) throw new RulesFormatException(src, no, "confidence must be in (0,1]");
    List<List<String>> items = new ArrayList<>();
    List<Character> ops = new ArrayList<>();
    List<Integer> dist = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if ((c == '~' || c == '>') && i + 1 < body.length() && Character.isDigit(body.charAt(i + 1))) {
        items.add(terms(body.substring(start, i), src, no));
        int j = i + 1;
        while (j < body.length() && Character.isDigit(body.charAt(j))) j++;
        ops.add(c);
        dist.add(Integer.parseInt(body.substring(i + 1, Math.min(j, i + 4))));
        start = j;
        i = j - 1;
      }
    }
    items.add(terms(body.substring(start), src, no));
    char[] o = new char[ops.size()];
    int[] d = new int[dist.size()];
    for (int i = 0; i < o.length; i++) {
      o[i] = ops.get(i);
      d[i] = dist.get(i);
    }
    rules.put(head[1], new Rule(head[1], code, conf, items, o, d));
  }

  private void cancel(String[] head, String body, String src, int no) {
    if (head.length < 3 || head.length > 4 || (head.length == 4 && !head[3].equals("quoted"))) {
      throw new RulesFormatException(src, no, "expected 'cancel ID CODES [quoted]: terms'");
    }
    List<IndicatorCode> codes = new ArrayList<>();
    if (head[2].equals("*")) codes.addAll(List.of(IndicatorCode.values()));
    else for (String c : head[2].split(",")) codes.add(code(c, src, no));
    cancels.put(head[1], new Cancel(head[1], codes, head.length == 4, terms(body, src, no)));
  }

  private static IndicatorCode code(String s, String src, int no) {
    try {
      return IndicatorCode.fromCode(s.toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new RulesFormatException(src, no, "unknown indicator code '" + s + "'");
    }
  }

  private static List<String> terms(String segment, String src, int no) {
    List<String> out = new ArrayList<>();
    for (String part : segment.replace("(", " ").replace(")", " ").split("\\|")) {
      String t = part.strip();
      if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) t = t.substring(1, t.length() - 1).strip();
      if (!t.isEmpty()) out.add(t);
    }
    if (out.isEmpty()) throw new RulesFormatException(src, no, "empty term list");
    return out;
  }

  /** Expands {@code @LEXICON} references (recursively, cycle-safe) and {@code {a,b}} groups. */
  List<String> expand(List<String> terms, String where) {
    List<String> out = new ArrayList<>();
    expandInto(terms, out, new ArrayList<>(), where);
    return out;
  }

  private void expandInto(List<String> terms, List<String> out, List<String> stack, String where) {
    for (String t : terms) {
      if (t.startsWith("@")) {
        String name = t.substring(1);
        List<String> lex = lexicons.get(name);
        if (lex == null) throw new RulesFormatException(where, 0, "unknown lexicon @" + name);
        if (stack.contains(name)) throw new RulesFormatException(where, 0, "lexicon cycle through @" + name);
        stack.add(name);
        expandInto(lex, out, stack, where);
        stack.remove(stack.size() - 1);
      } else {
        braces(t, out);
      }
    }
  }

  static void braces(String t, List<String> out) {
    int open = t.indexOf('{');
    int close = open < 0 ? -1 : t.indexOf('}', open);
    if (open < 0 || close < 0) {
      out.add(t);
      return;
    }
    for (String alt : t.substring(open + 1, close).split(",", -1)) {
      if (out.size() > 100_000) return;
      braces(t.substring(0, open) + alt + t.substring(close + 1), out);
    }
  }
}
