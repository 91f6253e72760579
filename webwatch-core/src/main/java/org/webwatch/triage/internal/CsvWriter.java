package org.webwatch.triage.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * RFC 4180 CSV writer: comma separator, a field is quoted (with {@code "} doubled) when it
 * contains a comma, a double quote, CR or LF; records end with {@code \n} (the line end
 * Webwatch's outputs use everywhere, see docs/outputs.md). Null fields are written empty.
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
