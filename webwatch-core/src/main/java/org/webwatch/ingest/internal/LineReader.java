package org.webwatch.ingest.internal;

import java.io.IOException;
import java.io.InputStream;

/**
 * Splits a byte stream into lines at {@code \n} (a trailing {@code \r} is dropped) without ever
 * holding more than {@code maxLine} bytes of one line: a longer line is consumed and discarded
 * and reported through {@link #tooLong()}. Lines that fit in the read buffer are returned in
 * place (no copy). Complexity: O(bytes).
 */
public final class LineReader {
  private static final int BUFFER = 1 << 16;

  private final InputStream in;
  private final long maxLine;
  private final byte[] buf = new byte[BUFFER];
  private int pos;
  private int limit;
  private boolean eof;
  private byte[] big = new byte[0];
  private byte[] lineBuf;
  private int lineOff;
  private int lineLen;
  private boolean tooLong;
  private long lineNo;

  public LineReader(InputStream in, long maxLine) {
    this.in = in;
    this.maxLine = maxLine;
  }

  /** Advances to the next line; false at the end of the stream. */
  public boolean next() throws IOException {
    tooLong = false;
    int bigLen = 0;
    boolean spanning = false;
    long total = 0;
    while (true) {
      if (pos >= limit) {
        if (eof) break;
        int n = in.read(buf, 0, BUFFER);
        if (n < 0) {
          eof = true;
          break;
        }
        pos = 0;
        limit = n;
        continue;
      }
      int start = pos;
      int nl = -1;
      for (int i = pos; i < limit; i++) {
        if (buf[i] == '\n') {
          nl = i;
          break;
        }
      }
      int end = nl < 0 ? limit : nl;
      int chunk = end - start;
      total += chunk;
      if (!spanning && nl >= 0) {
        pos = nl + 1;
        lineNo++;
        if (total > maxLine) {
          tooLong = true;
          set(buf, 0, 0);
        } else set(buf, start, chunk);
        return true;
      }
      spanning = true;
      if (!tooLong && total <= maxLine) {
        if (bigLen + chunk > big.length) {
          byte[] nb = new byte[(int) Math.min(maxLine + 1, Math.max((long) big.length * 2, bigLen + chunk))];
          System.arraycopy(big, 0, nb, 0, bigLen);
          big = nb;
        }
        System.arraycopy(buf, start, big, bigLen, chunk);
        bigLen += chunk;
      } else {
        tooLong = true;
        bigLen = 0;
      }
      pos = end;
      if (nl >= 0) {
        pos = nl + 1;
        lineNo++;
        set(big, 0, tooLong ? 0 : bigLen);
        shrink();
        return true;
      }
    }
    if (!spanning) return false;
    lineNo++; // last line without a line end
    set(big, 0, tooLong ? 0 : bigLen);
    shrink();
    return true;
  }

  private void set(byte[] b, int off, int len) {
    if (!tooLong && len > 0 && b[off + len - 1] == '\r') len--;
    lineBuf = b;
    lineOff = off;
    lineLen = len;
  }

  private void shrink() {
    // keep a big line's buffer only while it is reasonably small, so one huge line does not pin memory
    if (big.length > (4 << 20)) {
      byte[] copy = new byte[lineLen];
      System.arraycopy(big, lineOff, copy, 0, lineLen);
      lineBuf = copy;
      lineOff = 0;
      big = new byte[0];
    }
  }

  public byte[] bytes() {
    return lineBuf;
  }

  public int offset() {
    return lineOff;
  }

  public int length() {
    return lineLen;
  }

  /** 1-based number of the current line. */
  public long lineNumber() {
    return lineNo;
  }

  /** The current line was longer than the limit; its bytes were discarded. */
  public boolean tooLong() {
    return tooLong;
  }

  /** True when the current line holds only spaces and tabs (or nothing). */
  public boolean blank() {
    for (int i = lineOff; i < lineOff + lineLen; i++) {
      byte b = lineBuf[i];
      if (b != ' ' && b != '\t' && b != '\r') return false;
    }
    return true;
  }
}
