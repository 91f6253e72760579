package org.webwatch.generate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small RFC 4180 reader for the tests (quoted fields may hold commas, quotes and newlines). */
final class Csv {
  private Csv() {}

  static List<Map<String, String>> read(Path p) throws IOException {
    List<List<String>> rows = parse(Files.readString(p, StandardCharsets.UTF_8));
    List<String> header = rows.get(0);
    List<Map<String, String>> out = new ArrayList<>();
    for (int i = 1; i < rows.size(); i++) {
      List<String> r = rows.get(i);
      if (r.size() != header.size()) throw new AssertionError(p + " row " + i + " has " + r.size() + " fields, header " + header.size());
      Map<String, String> m = new LinkedHashMap<>();
      for (int j = 0; j < header.size(); j++) m.put(header.get(j), r.get(j));
      out.add(m);
    }
    return out;
  }

  static List<String> header(Path p) throws IOException {
    return parse(Files.readString(p, StandardCharsets.UTF_8)).get(0);
  }

  static List<List<String>> parse(String s) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder f = new StringBuilder();
    boolean quoted = false;
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < s.length() && s.charAt(i + 1) == '"') {
            f.append('"');
            i++;
          } else quoted = false;
        } else f.append(c);
      } else if (c == '"') quoted = true;
      else if (c == ',') {
        row.add(f.toString());
        f.setLength(0);
      } else if (c == '\n') {
        row.add(f.toString());
        f.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
      } else f.append(c);
      i++;
    }
    if (f.length() > 0 || !row.isEmpty()) {
      row.add(f.toString());
      rows.add(row);
    }
    return rows;
  }
}
