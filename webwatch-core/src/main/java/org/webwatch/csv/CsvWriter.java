package org.webwatch.csv;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * The one RFC 4180 CSV writer of Webwatch: comma separator, a field is quoted (with {@code "}
 * doubled) when it contains a comma, a double quote, CR or LF; records end with {@code \n} (the
 * line end of the triage outputs, see docs/outputs.md). Null fields are written empty. Every
 * stage that writes CSV quotes through {@link #field} and {@link #line}.
 */
public final class CsvWriter implements Closeable {
  private final Writer out;
  private long rows;

  public CsvWriter(Writer out) {
    this.out = out;
  }

  public void row(String... fields) {
    try {
      for (int i = 0; i < fields.length; i++) {
        if (i > 0) out.write(',');
        out.write(field(fields[i]));
      }
      out.write('\n');
      rows++;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Rows written so far, header included. */
  public long rows() {
    return rows;
  }

  /** The fields joined with commas, each quoted as needed, without a line end. */
  public static String line(java.util.List<String> fields) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) b.append(',');
      b.append(field(fields.get(i)));
    }
    return b.toString();
  }

  /** One field as RFC 4180 writes it: quoted (inner quotes doubled) when it holds , " CR or LF. */
  public static String field(String s) {
    if (s == null) return "";
    boolean quote = false;
    for (int i = 0; i < s.length() && !quote; i++) {
      char c = s.charAt(i);
      quote = c == ',' || c == '"' || c == '\r' || c == '\n';
    }
    return quote ? '"' + s.replace("\"", "\"\"") + '"' : s;
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
