package org.webwatch.generate.internal;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Deterministic zip and tar.gz packing (fixed timestamps, given file order). */
public final class Archives {
  private static final long FIXED_TIME = 1577836800000L; // 2020-01-01, so archives are byte-stable

  private Archives() {}

  public static void zip(Path dir, List<String> names, Path target) throws IOException {
    try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(target), 1 << 16))) {
      for (String n : names) {
        ZipEntry e = new ZipEntry(n);
        e.setTime(FIXED_TIME);
        zip.putNextEntry(e);
        Files.copy(dir.resolve(n), zip);
        zip.closeEntry();
      }
    }
  }

  /** POSIX ustar archive, gzip-compressed; entries at the archive root. */
  public static void tarGz(Path dir, List<String> names, Path target) throws IOException {
    try (OutputStream out = new GZIPOutputStream(new BufferedOutputStream(Files.newOutputStream(target), 1 << 16), 1 << 16)) {
      byte[] buf = new byte[1 << 16];
      for (String n : names) {
        Path f = dir.resolve(n);
        long size = Files.size(f);
        out.write(tarHeader(n, size));
        try (InputStream in = Files.newInputStream(f)) {
          int r;
          while ((r = in.read(buf)) > 0) out.write(buf, 0, r);
        }
        int pad = (int) ((512 - size % 512) % 512);
        out.write(new byte[pad]);
      }
      out.write(new byte[1024]);
    }
  }

  static byte[] tarHeader(String name, long size) {
    byte[] h = new byte[512];
    put(h, 0, name, 100);
    put(h, 100, "0000644", 8);
    put(h, 108, "0000000", 8);
    put(h, 116, "0000000", 8);
    put(h, 124, String.format("%011o", size), 12);
    put(h, 136, String.format("%011o", FIXED_TIME / 1000), 12);
    for (int i = 148; i < 156; i++) h[i] = ' ';
    h[156] = '0';
    put(h, 257, "ustar", 6);
    h[263] = '0';
    h[264] = '0';
    put(h, 265, "webwatch", 32);
    put(h, 297, "webwatch", 32);
    int sum = 0;
    for (byte b : h) sum += b & 0xff;
    put(h, 148, String.format("%06o", sum), 7);
    h[155] = ' ';
    return h;
  }

  private static void put(byte[] h, int off, String s, int len) {
    byte[] b = s.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(b, 0, h, off, Math.min(len, b.length));
  }
}
