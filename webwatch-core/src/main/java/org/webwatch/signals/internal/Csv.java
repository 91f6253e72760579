package org.webwatch.signals.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV: fields with a comma, quote, CR or LF are quoted and quotes doubled; records end
 * with CRLF. The reader accepts CRLF or LF, quoted fields spanning lines, and a UTF-8 BOM. O(n).
 */
public final class Csv {
  private Csv() {}

  public static void writeRow(Appendable out, List<String> fields) throws IOException {
    out.append(org.webwatch.csv.CsvWriter.line(fields)).append("\r\n");
  }

  /** All records, header included; a record is the list of its fields. */
  public static List<List<String>> read(Reader source) {
    Reader in = source instanceof java.io.BufferedReader ? source : new java.io.BufferedReader(source);
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false, any = false, first = true;
    try {
      int c;
      while ((c = in.read()) >= 0) {
        if (first && c == '\uFEFF') {
          first = false;
          continue;
        }
        first = false;
        if (quoted) {
          if (c == '"') {
            in.mark(1);
            int n = in.read();
            if (n == '"') field.append('"');
            else {
              quoted = false;
              if (n >= 0) {
                in.reset();
              }
            }
          } else field.append((char) c);
          continue;
        }
        any = true;
        if (c == '"' && field.length() == 0) quoted = true;
        else if (c == ',') {
          row.add(field.toString());
          field.setLength(0);
        } else if (c == '\n') {
          row.add(field.toString());
          field.setLength(0);
          rows.add(row);
          row = new ArrayList<>();
          any = false;
        } else if (c != '\r') field.append((char) c);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (any || field.length() > 0 || !row.isEmpty()) {
      row.add(field.toString());
      rows.add(row);
    }
    return rows;
  }
}
