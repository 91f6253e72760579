package org.webwatch.triage.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.webwatch.WebwatchException;

/**
 * Reads a whole RFC 4180 CSV file with a header row (quoted fields, doubled quotes, CRLF or LF,
 * a UTF-8 BOM tolerated). Errors name the file and line. For the evaluation's inputs, which are
 * one row per account, span or attachment.
 */
public final class CsvTable {
  /** One data row: values by column name, and its 1-based line in the file. */
  public record Row(Map<String, String> values, long line) {
    public String get(String column) {
      String v = values.get(column);
      return v == null ? "" : v;
    }
  }

  private final Path file;
  private final List<String> header;
  private final List<Row> rows;

  private CsvTable(Path file, List<String> header, List<Row> rows) {
    this.file = file;
    this.header = header;
    this.rows = rows;
  }

  public static CsvTable read(Path file, String... required) {
    List<List<String>> records = new ArrayList<>();
    List<Long> lines = new ArrayList<>();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      parse(r, records, lines, file);
    } catch (IOException e) {
      throw new WebwatchException(WebwatchException.Kind.INVALID_INPUT, file + ": cannot read: " + e.getMessage(), e);
    }
    if (records.isEmpty()) throw new WebwatchException(WebwatchException.Kind.INVALID_INPUT, file + ":1: -: missing header row");
    List<String> header = records.get(0);
    if (!header.isEmpty() && header.get(0).startsWith("\uFEFF")) header.set(0, header.get(0).substring(1));
    for (String col : required)
      if (!header.contains(col))
        throw new WebwatchException(WebwatchException.Kind.INVALID_INPUT, file + ":1: " + col + ": missing column");
    List<Row> rows = new ArrayList<>();
    for (int i = 1; i < records.size(); i++) {
      List<String> rec = records.get(i);
      if (rec.size() == 1 && rec.get(0).isEmpty()) continue;
      if (rec.size() != header.size())
        throw new WebwatchException(WebwatchException.Kind.INVALID_INPUT,
            file + ":" + lines.get(i) + ": -: " + rec.size() + " fields, header has " + header.size());
      Map<String, String> m = new HashMap<>();
      for (int c = 0; c < header.size(); c++) m.put(header.get(c), rec.get(c));
      rows.add(new Row(m, lines.get(i)));
    }
    return new CsvTable(file, List.copyOf(header), List.copyOf(rows));
  }

  private static void parse(Reader r, List<List<String>> out, List<Long> lines, Path file) throws IOException {
    List<String> rec = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false, any = false;
    long line = 1, start = 1;
    int c;
    while ((c = r.read()) != -1) {
      char ch = (char) c;
      if (quoted) {
        if (ch == '"') {
          r.mark(1);
          int n = r.read();
          if (n == '"') field.append('"');
          else {
            quoted = false;
            if (n != -1) r.reset();
          }
        } else {
          if (ch == '\n') line++;
          field.append(ch);
        }
        continue;
      }
      if (ch == '"' && field.length() == 0) { quoted = true; any = true; }
      else if (ch == ',') { rec.add(field.toString()); field.setLength(0); any = true; }
      else if (ch == '\r') { /* part of CRLF */ }
      else if (ch == '\n') {
        rec.add(field.toString());
        field.setLength(0);
        out.add(rec);
        lines.add(start);
        rec = new ArrayList<>();
        any = false;
        line++;
        start = line;
      } else { field.append(ch); any = true; }
    }
    if (quoted) throw new WebwatchException(WebwatchException.Kind.INVALID_INPUT, file + ":" + start + ": -: unterminated quote");
    if (any || field.length() > 0 || !rec.isEmpty()) {
      rec.add(field.toString());
      out.add(rec);
      lines.add(start);
    }
  }

  public Path file() {
    return file;
  }

  public List<String> header() {
    return header;
  }

  public List<Row> rows() {
    return rows;
  }

  /** Parses an int column, failing with file:line: column. */
  public int intValue(Row row, String column) {
    try {
      return Integer.parseInt(row.get(column).trim());
    } catch (NumberFormatException e) {
      throw new WebwatchException(WebwatchException.Kind.INVALID_INPUT, file + ":" + row.line() + ": " + column + ": not an integer");
    }
  }

  public double doubleValue(Row row, String column) {
    try {
      return Double.parseDouble(row.get(column).trim());
    } catch (NumberFormatException e) {
      throw new WebwatchException(WebwatchException.Kind.INVALID_INPUT, file + ":" + row.line() + ": " + column + ": not a number");
    }
  }

  public boolean boolValue(Row row, String column) {
    String v = row.get(column).trim().toLowerCase(java.util.Locale.ROOT);
    return switch (v) {
      case "true", "1", "yes", "y" -> true;
      case "false", "0", "no", "n", "" -> false;
      default -> throw new WebwatchException(WebwatchException.Kind.INVALID_INPUT,
          file + ":" + row.line() + ": " + column + ": not a boolean: " + v);
    };
  }
}
