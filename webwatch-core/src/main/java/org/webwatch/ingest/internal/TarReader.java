package org.webwatch.ingest.internal;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A minimal streaming tar reader: POSIX ustar headers (name + prefix), pax extended headers
 * ({@code path}, {@code size}) and GNU long names ({@code L}). Header checksums are verified.
 * Entry data is exposed as a stream bounded to the entry's size; nothing is buffered beyond one
 * 512-byte block (long names and pax headers are capped at {@link #MAX_META_BYTES}).
 * Complexity: O(archive bytes) per pass.
 */
final class TarReader {
  static final int BLOCK = 512;
  static final int MAX_META_BYTES = 1 << 16;

  /** One header. {@code type}: '0' file, '1' hard link, '2' symlink, '5' directory, others special. */
  record Entry(String name, char type, long size) {
    boolean isFile() {
      return type == '0' || type == '\0' || type == '7';
    }
  }

  private final InputStream in;
  private final byte[] header = new byte[BLOCK];
  private long remaining; // data bytes of the current entry not yet consumed
  private long padding; // padding after the current entry's data

  TarReader(InputStream in) {
    this.in = in;
  }

  /** The next entry, or null at the end of the archive. */
  Entry next() throws IOException {
    String longName = null;
    Long paxSize = null;
    while (true) {
      skipRest();
      if (!readBlock(header)) return null;
      if (isZero(header)) return null;
      verifyChecksum();
      char type = (char) (header[156] & 0xff);
      long size = parseSize();
      remaining = size;
      padding = (BLOCK - size % BLOCK) % BLOCK;
      if (type == 'L' || type == 'x' || type == 'g' || type == 'K') {
        byte[] meta = readMeta(size);
        if (type == 'L') longName = cString(meta, 0, meta.length);
        else if (type == 'x') {
          String[] pax = parsePax(meta);
          if (pax[0] != null) longName = pax[0];
          if (pax[1] != null) paxSize = Long.parseLong(pax[1]);
        }
        continue;
      }
      String name = longName != null ? longName : headerName();
      if (paxSize != null && (type == '0' || type == '\0' || type == '7')) {
        size = paxSize;
        remaining = size;
        padding = (BLOCK - size % BLOCK) % BLOCK;
      }
      // links, directories and special files are returned too; the container never opens them
      return new Entry(name, type, size);
    }
  }

  /** The current entry's data; reading past its size returns -1. */
  InputStream data() {
    return new InputStream() {
      @Override
      public int read() throws IOException {
        byte[] b = new byte[1];
        return read(b, 0, 1) < 0 ? -1 : (b[0] & 0xff);
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        if (remaining <= 0) return -1;
        int n = in.read(b, off, (int) Math.min(len, remaining));
        if (n < 0) throw new EOFException("archive ends inside an entry (truncated)");
        remaining -= n;
        return n;
      }
    };
  }

  private void skipRest() throws IOException {
    skipFully(remaining + padding);
    remaining = 0;
    padding = 0;
  }

  private void skipFully(long n) throws IOException {
    byte[] buf = new byte[8192];
    while (n > 0) {
      int r = in.read(buf, 0, (int) Math.min(buf.length, n));
      if (r < 0) throw new EOFException("archive ends inside an entry (truncated)");
      n -= r;
    }
  }

  private boolean readBlock(byte[] b) throws IOException {
    int off = 0;
    while (off < BLOCK) {
      int r = in.read(b, off, BLOCK - off);
      if (r < 0) {
        if (off == 0) return false; // no end-of-archive blocks: tolerated
        throw new EOFException("archive ends inside a header (truncated)");
      }
      off += r;
    }
    return true;
  }

  private byte[] readMeta(long size) throws IOException {
    if (size > MAX_META_BYTES) throw new IOException("tar extended header of " + size + " bytes is too large");
    byte[] meta = new byte[(int) size];
    int off = 0;
    while (off < meta.length) {
      int r = in.read(meta, off, meta.length - off);
      if (r < 0) throw new EOFException("archive ends inside a header (truncated)");
      off += r;
    }
    remaining = 0;
    return meta;
  }

  private static String[] parsePax(byte[] meta) throws IOException {
    String path = null;
    String size = null;
    int i = 0;
    while (i < meta.length) {
      int sp = i;
      while (sp < meta.length && meta[sp] != ' ') sp++;
      int len;
      try {
        len = Integer.parseInt(new String(meta, i, sp - i, StandardCharsets.US_ASCII));
      } catch (NumberFormatException e) {
        throw new IOException("corrupt pax header");
      }
      if (len <= 0 || i + len > meta.length) throw new IOException("corrupt pax header");
      String rec = new String(meta, sp + 1, len - (sp + 1 - i) - 1, StandardCharsets.UTF_8);
      int eq = rec.indexOf('=');
      if (eq > 0) {
        String k = rec.substring(0, eq);
        if (k.equals("path")) path = rec.substring(eq + 1);
        else if (k.equals("size")) size = rec.substring(eq + 1);
      }
      i += len;
    }
    return new String[] {path, size};
  }

  private String headerName() {
    String name = cString(header, 0, 100);
    boolean ustar = header[257] == 'u' && header[258] == 's' && header[259] == 't' && header[260] == 'a' && header[261] == 'r';
    if (ustar) {
      String prefix = cString(header, 345, 155);
      if (!prefix.isEmpty()) name = prefix + "/" + name;
    }
    return name;
  }

  private long parseSize() throws IOException {
    if ((header[124] & 0x80) != 0) { // GNU base-256
      long v = header[124] & 0x7f;
      for (int i = 125; i < 136; i++) v = (v << 8) | (header[i] & 0xff);
      if (v < 0) throw new IOException("corrupt tar header: negative size");
      return v;
    }
    return parseOctal(124, 12);
  }

  private long parseOctal(int off, int len) throws IOException {
    long v = 0;
    int i = off;
    int end = off + len;
    while (i < end && (header[i] == ' ' || header[i] == 0)) i++;
    for (; i < end; i++) {
      byte b = header[i];
      if (b == 0 || b == ' ') break;
      if (b < '0' || b > '7') throw new IOException("corrupt tar header: bad octal number");
      v = (v << 3) + (b - '0');
    }
    return v;
  }

  private void verifyChecksum() throws IOException {
    long stored = parseOctal(148, 8);
    long sum = 0;
    for (int i = 0; i < BLOCK; i++) sum += (i >= 148 && i < 156) ? ' ' : (header[i] & 0xff);
    if (sum != stored) throw new IOException("corrupt tar header (checksum mismatch): not a tar archive or damaged");
  }

  private static boolean isZero(byte[] b) {
    for (byte x : b) if (x != 0) return false;
    return true;
  }

  private static String cString(byte[] b, int off, int len) {
    int end = off;
    while (end < off + len && b[end] != 0) end++;
    return new String(b, off, end - off, StandardCharsets.UTF_8);
  }
}
