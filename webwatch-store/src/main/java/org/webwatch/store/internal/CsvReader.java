package org.webwatch.store.internal;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Streaming RFC 4180 reader: comma-separated, {@code "}-quoted fields with doubled quotes,
 * line breaks inside quotes, CRLF or LF. O(record length) memory. {@link #line()} is the
 * 1-based physical line at which the last returned record started (for located errors).
 */
public final class CsvReader {
  private final Reader in;
  private int peeked = -2;
  private long physicalLine = 1;
  private long recordLine;

  public CsvReader(Reader in) {
    this.in = in;
  }

  public long line() {
    return recordLine;
  }

  private int read() throws IOException {
    if (peeked != -2) {
      int c = peeked;
      peeked = -2;
      return c;
    }
    return in.read();
  }

  private int peek() throws IOException {
    if (peeked == -2) peeked = in.read();
    return peeked;
  }

  /** The next record, or null at end of input. Throws IllegalArgumentException on a bad quote. */
  public List<String> next() throws IOException {
    int c = read();
    if (c == -1) return null;
    recordLine = physicalLine;
    List<String> fields = new ArrayList<>();
    StringBuilder f = new StringBuilder();
    boolean quoted = false;
    boolean wasQuoted = false;
    while (true) {
      if (quoted) {
        if (c == -1) throw new IllegalArgumentException("unterminated quoted field");
        if (c == '"') {
          if (peek() == '"') {
            read();
            f.append('"');
          } else {
            quoted = false;
          }
        } else {
          if (c == '\n') physicalLine++;
          f.append((char) c);
        }
      } else if (c == '"' && f.length() == 0 && !wasQuoted) {
        quoted = true;
        wasQuoted = true;
      } else if (c == ',') {
        fields.add(f.toString());
        f.setLength(0);
        wasQuoted = false;
      } else if (c == '\r' && peek() == '\n') {
        // swallow: the \n ends the record
      } else if (c == '\n' || c == -1) {
        if (c == '\n') physicalLine++;
        fields.add(f.toString());
        return fields;
      } else {
        if (wasQuoted) throw new IllegalArgumentException("text after closing quote");
        f.append((char) c);
      }
      c = read();
    }
  }
}
