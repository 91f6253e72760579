package org.webwatch.ingest.internal;

/** Strict UTF-8 validation (RFC 3629: no overlongs, no surrogates, at most U+10FFFF). O(n), ASCII fast path. */
public final class Utf8 {
  private Utf8() {}

  /** The offset of the first invalid byte relative to {@code off}, or -1 when the bytes are valid UTF-8. */
  public static int firstInvalid(byte[] b, int off, int len) {
    int i = off;
    int end = off + len;
    while (i < end) {
      int c = b[i];
      if (c >= 0) {
        i++;
        continue;
      }
      c &= 0xff;
      int need;
      int min;
      if (c >= 0xc2 && c <= 0xdf) {
        need = 1;
        min = 0x80;
      } else if (c >= 0xe0 && c <= 0xef) {
        need = 2;
        min = 0x800;
      } else if (c >= 0xf0 && c <= 0xf4) {
        need = 3;
        min = 0x10000;
      } else return i - off;
      if (i + need >= end) return i - off; // sequence cut short by the end of the line
      int cp = c & (0x3f >> need);
      for (int k = 1; k <= need; k++) {
        int cc = b[i + k] & 0xff;
        if ((cc & 0xc0) != 0x80) return i - off;
        cp = (cp << 6) | (cc & 0x3f);
      }
      if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i - off;
      i += need + 1;
    }
    return -1;
  }
}
