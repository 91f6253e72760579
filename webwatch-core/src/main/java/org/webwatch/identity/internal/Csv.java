package org.webwatch.identity.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.webwatch.WebwatchException;

/** Minimal RFC 4180 CSV: field quoting for writers and a header-keyed reader with located errors. */
public final class Csv {
  private Csv() {}

  public static String row(String... fields) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < fields.length; i++) b.append(i == 0 ? "" : ",").append(org.webwatch.csv.CsvWriter.field(fields[i]));
    return b.append("\r\n").toString();
  }

  /** One parsed record: its 1-based line and its fields by header name. */
  public record Row(Path file, long line, Map<String, String> fields) {
    public String get(String name) {
      String v = fields.get(name);
      if (v == null) throw new WebwatchException(WebwatchException.Kind.INVALID_INPUT, file + ":" + line + ": " + name + ": missing column");
      return v;
    }
  }

  /** Reads a CSV with a header row; requires the named columns. */
  public static List<Row> read(Path file, String... required) {
    List<Row> rows = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      long[] line = {1};
      List<String> header = record(r, file, line);
      if (header == null) throw new WebwatchException(WebwatchException.Kind.INVALID_INPUT, file + ":1: -: empty file, header expected");
      for (String req : required) {
        if (!header.contains(req)) throw new WebwatchException(WebwatchException.Kind.INVALID_INPUT, file + ":1: " + req + ": column missing from header");
      }
      while (true) {
        long start = line[0];
        List<String> rec = record(r, file, line);
        if (rec == null) break;
        if (rec.size() == 1 && rec.get(0).isEmpty()) continue;
        if (rec.size() != header.size()) {
          throw new WebwatchException(WebwatchException.Kind.INVALID_INPUT, file + ":" + start + ": -: expected " + header.size() + " fields, found " + rec.size());
        }
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < header.size(); i++) m.put(header.get(i), rec.get(i));
        rows.add(new Row(file, start, m));
      }
    } catch (IOException e) {
      throw new WebwatchException(WebwatchException.Kind.INVALID_INPUT, file + ": cannot read: " + e.getMessage(), e);
    }
    return rows;
  }

  private static List<String> record(BufferedReader r, Path file, long[] line) throws IOException {
    int c = r.read();
    if (c < 0) return null;
    List<String> out = new ArrayList<>();
    StringBuilder f = new StringBuilder();
    boolean quoted = false;
    boolean wasQuoted = false;
    while (true) {
      if (c < 0) {
        if (quoted) throw new WebwatchException(WebwatchException.Kind.INVALID_INPUT, file + ":" + line[0] + ": -: unterminated quoted field");
        out.add(f.toString());
        return out;
      }
      char ch = (char) c;
      if (quoted) {
        if (ch == '"') {
          r.mark(1);
          int n = r.read();
          if (n == '"') f.append('"');
          else {
            quoted = false;
            if (n >= 0) r.reset();
          }
        } else {
          if (ch == '\n') line[0]++;
          f.append(ch);
        }
      } else if (ch == '"' && f.length() == 0 && !wasQuoted) {
        quoted = true;
        wasQuoted = true;
      } else if (ch == ',') {
        out.add(f.toString());
        f.setLength(0);
        wasQuoted = false;
      } else if (ch == '\n') {
        line[0]++;
        out.add(f.toString());
        return out;
      } else if (ch != '\r') {
        f.append(ch);
      }
      c = r.read();
    }
  }
}
