package org.webwatch.generate.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The sentence templates of {@code templates.txt}: indicator templates per code, hard
 * negatives per type, ordinary chatter and slot fillers. Loaded once; immutable after.
 */
public final class TemplateBank {
  private static final String RESOURCE = "/org/webwatch/generate/templates.txt";
  private static volatile TemplateBank instance;

  private final Map<String, String[]> sections;

  private TemplateBank(Map<String, String[]> sections) {
    this.sections = sections;
  }

  public static TemplateBank get() {
    TemplateBank b = instance;
    if (b == null) {
      synchronized (TemplateBank.class) {
        if (instance == null) instance = load();
        b = instance;
      }
    }
    return b;
  }

  private static TemplateBank load() {
    Map<String, List<String>> m = new LinkedHashMap<>();
    try (InputStream in = TemplateBank.class.getResourceAsStream(RESOURCE)) {
      if (in == null) throw new IllegalStateException("missing resource " + RESOURCE);
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      List<String> cur = null;
      while ((line = r.readLine()) != null) {
        line = line.strip();
        if (line.isEmpty() || line.startsWith("#")) continue;
        if (line.startsWith("[") && line.endsWith("]")) {
          cur = m.computeIfAbsent(line.substring(1, line.length() - 1), k -> new ArrayList<>());
        } else if (cur != null) {
          cur.add(line);
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    Map<String, String[]> out = new LinkedHashMap<>();
    m.forEach((k, v) -> out.put(k, v.toArray(String[]::new)));
    return new TemplateBank(out);
  }

  /** All entries of a section, e.g. {@code code:opsec}; throws if the section is missing. */
  public String[] section(String name) {
    String[] s = sections.get(name);
    if (s == null) throw new IllegalArgumentException("no template section " + name);
    return s;
  }

  public String pick(String section, SplittableRandom rnd) {
    String[] s = section(section);
    return s[rnd.nextInt(s.length)];
  }

  /** Replaces every {slot} except {btc} with a random filler. */
  public String fillSlots(String template, SplittableRandom rnd) {
    if (template.indexOf('{') < 0) return template;
    StringBuilder sb = new StringBuilder(template.length() + 16);
    int i = 0;
    while (i < template.length()) {
      char c = template.charAt(i);
      int close = c == '{' ? template.indexOf('}', i) : -1;
      if (close > 0) {
        String slot = template.substring(i + 1, close);
        if (slot.equals("btc")) sb.append("{btc}");
        else sb.append(pick("slot:" + slot, rnd));
        i = close + 1;
      } else {
        sb.append(c);
        i++;
      }
    }
    return sb.toString();
  }
}
