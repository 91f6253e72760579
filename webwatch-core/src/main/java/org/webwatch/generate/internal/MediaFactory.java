package org.webwatch.generate.internal;

import java.util.Base64;
import java.util.SplittableRandom;

/**
 * Hash-only media for the synthetic population: random cryptographic hashes, PDQ hashes
 * with exactly 128 of 256 bits set (as real PDQ hashes are, by median thresholding), and
 * near copies made by flipping k distinct bits. Never any image data.
 */
public final class MediaFactory {
  /** PDQ match threshold of the known-material matcher (field notes: distance ≤ 31). */
  public static final int PDQ_MATCH_DISTANCE = 31;

  /** One known-material entry of {@code known-hashes.csv}. */
  public record KnownEntry(String md5, String sha1, String sha256, long[] pdq, String photodna, String category, String series) {}

  /** One piece of media as posted: hashes (nulls for absent), quality and expected status. */
  public record Media(String md5, String sha1, String sha256, long[] pdq, int quality, String photodna, String policy, String status, String name, String mime, long size) {}

  private MediaFactory() {}

  public static String randomHex(SplittableRandom rnd, int hexChars) {
    char[] c = new char[hexChars];
    long bits = 0;
    for (int i = 0; i < hexChars; i++) {
      if ((i & 15) == 0) bits = rnd.nextLong();
      c[i] = "0123456789abcdef".charAt((int) (bits & 15));
      bits >>>= 4;
    }
    return new String(c);
  }

  /** A uniformly random 256-bit vector with exactly 128 bits set. */
  public static long[] randomPdq(SplittableRandom rnd) {
    int[] idx = new int[256];
    for (int i = 0; i < 256; i++) idx[i] = i;
    long[] h = new long[4];
    for (int i = 0; i < 128; i++) {
      int j = i + rnd.nextInt(256 - i);
      int t = idx[i];
      idx[i] = idx[j];
      idx[j] = t;
      h[idx[i] >>> 6] |= 1L << (idx[i] & 63);
    }
    return h;
  }

  /** A copy of {@code pdq} with exactly {@code k} distinct bits flipped. */
  public static long[] flipBits(long[] pdq, int k, SplittableRandom rnd) {
    long[] h = pdq.clone();
    long[] flipped = new long[4];
    int done = 0;
    while (done < k) {
      int b = rnd.nextInt(256);
      if ((flipped[b >>> 6] & (1L << (b & 63))) != 0) continue;
      flipped[b >>> 6] |= 1L << (b & 63);
      h[b >>> 6] ^= 1L << (b & 63);
      done++;
    }
    return h;
  }

  public static int distance(long[] a, long[] b) {
    int d = 0;
    for (int i = 0; i < 4; i++) d += Long.bitCount(a[i] ^ b[i]);
    return d;
  }

  /** 64 hex chars, most significant word first. */
  public static String pdqHex(long[] h) {
    return String.format("%016x%016x%016x%016x", h[3], h[2], h[1], h[0]);
  }

  public static long[] parsePdq(String hex) {
    long[] h = new long[4];
    for (int i = 0; i < 4; i++) h[3 - i] = Long.parseUnsignedLong(hex.substring(i * 16, i * 16 + 16), 16);
    return h;
  }

  public static KnownEntry known(SplittableRandom rnd, int index) {
    int c = rnd.nextInt(100);
    String cat = c < 82 ? "1" : c < 91 ? "2" : c < 95 ? "3" : c < 98 ? "4" : "0";
    String photodna = rnd.nextInt(10) < 3 ? photodna(rnd) : null;
    return new KnownEntry(randomHex(rnd, 32), randomHex(rnd, 40), randomHex(rnd, 64), randomPdq(rnd), photodna, cat,
        "series-" + (1 + index / 37));
  }

  static String photodna(SplittableRandom rnd) {
    byte[] b = new byte[144];
    for (int i = 0; i < b.length; i++) b[i] = (byte) rnd.nextInt(256);
    return Base64.getEncoder().encodeToString(b);
  }

  /** A brand-new file: fresh cryptographic hashes, random PDQ of good quality. */
  public static Media fresh(SplittableRandom rnd, String status, int quality) {
    return new Media(randomHex(rnd, 32), randomHex(rnd, 40), randomHex(rnd, 64), randomPdq(rnd), quality, null,
        null, status, fileName(rnd), "image/jpeg", 40_000 + rnd.nextInt(3_000_000));
  }

  public static String fileName(SplittableRandom rnd) {
    String[] stems = {"IMG_", "DSC", "file", "photo", "scan", "pic", "upload", "vid"};
    String[] ext = {".jpg", ".jpg", ".png", ".jpeg", ".webp"};
    return stems[rnd.nextInt(stems.length)] + (1000 + rnd.nextInt(9000)) + ext[rnd.nextInt(ext.length)];
  }
}
