package org.webwatch.media;

import org.webwatch.WebwatchException;

/**
 * A 256-bit PDQ hash held as four 64-bit limbs, least significant first: bit {@code k} of the
 * hash (DCT row {@code k/16}, column {@code k%16}) is bit {@code k%64} of limb {@code k/64}.
 * The hex form is the 256-bit big-endian integer, 64 lowercase digits, as the ThreatExchange
 * reference prints it ({@code pdq-algorithm.md} §8). Distance is the Hamming distance (0–256).
 */
public record PdqHash(long w0, long w1, long w2, long w3) {
  public static final int BITS = 256;
  public static final int HEX_LENGTH = 64;
  public static final PdqHash ZERO = new PdqHash(0, 0, 0, 0);

  /** Parses 64 hex digits (either case); anything else is rejected with the offending input. */
  public static PdqHash parse(String hex) {
    if (hex == null || hex.length() != HEX_LENGTH) {
      throw new WebwatchException(
          WebwatchException.Kind.INVALID_INPUT,
          "PDQ hash must be 64 hex digits, got " + describe(hex));
    }
    long[] w = new long[4];
    for (int limb = 0; limb < 4; limb++) {
      long v = 0;
      int start = (3 - limb) * 16;
      for (int i = start; i < start + 16; i++) {
        int d = Character.digit(hex.charAt(i), 16);
        if (d < 0) {
          throw new WebwatchException(
              WebwatchException.Kind.INVALID_INPUT,
              "PDQ hash has a non-hex character at position " + (i + 1) + ": " + describe(hex));
        }
        v = (v << 4) | d;
      }
      w[limb] = v;
    }
    return new PdqHash(w[0], w[1], w[2], w[3]);
  }

  /** Builds a hash from 16 words of 16 bits (word {@code i} = DCT row {@code i}). */
  public static PdqHash fromWords(int[] words) {
    long[] w = new long[4];
    for (int i = 0; i < 16; i++) w[i >> 2] |= ((long) (words[i] & 0xffff)) << ((i & 3) * 16);
    return new PdqHash(w[0], w[1], w[2], w[3]);
  }

  public static PdqHash fromLimbs(long[] limbs, int offset) {
    return new PdqHash(limbs[offset], limbs[offset + 1], limbs[offset + 2], limbs[offset + 3]);
  }

  public String toHex() {
    StringBuilder sb = new StringBuilder(HEX_LENGTH);
    appendHex(sb, w3);
    appendHex(sb, w2);
    appendHex(sb, w1);
    appendHex(sb, w0);
    return sb.toString();
  }

  private static void appendHex(StringBuilder sb, long v) {
    String s = Long.toHexString(v);
    for (int i = s.length(); i < 16; i++) sb.append('0');
    sb.append(s);
  }

  public int distance(PdqHash o) {
    return Long.bitCount(w0 ^ o.w0)
        + Long.bitCount(w1 ^ o.w1)
        + Long.bitCount(w2 ^ o.w2)
        + Long.bitCount(w3 ^ o.w3);
  }

  public int bitCount() {
    return Long.bitCount(w0) + Long.bitCount(w1) + Long.bitCount(w2) + Long.bitCount(w3);
  }

  public long limb(int i) {
    return switch (i) {
      case 0 -> w0;
      case 1 -> w1;
      case 2 -> w2;
      case 3 -> w3;
      default -> throw new IndexOutOfBoundsException(i);
    };
  }

  @Override
  public String toString() {
    return toHex();
  }

  private static String describe(String s) {
    if (s == null) return "nothing";
    String shown = s.length() > 80 ? s.substring(0, 80) + "…" : s;
    return "\"" + shown + "\" (" + s.length() + " characters)";
  }
}
