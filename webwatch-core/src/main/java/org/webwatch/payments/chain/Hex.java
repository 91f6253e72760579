package org.webwatch.payments.chain;

/** Hex helpers; Bitcoin displays hashes byte-reversed ({@link #reversed}). */
public final class Hex {
  private static final char[] DIGITS = "0123456789abcdef".toCharArray();

  private Hex() {}

  public static String encode(byte[] b) {
    return encode(b, 0, b.length);
  }

  public static String encode(byte[] b, int off, int len) {
    char[] out = new char[len * 2];
    for (int i = 0; i < len; i++) {
      int v = b[off + i] & 0xff;
      out[2 * i] = DIGITS[v >>> 4];
      out[2 * i + 1] = DIGITS[v & 15];
    }
    return new String(out);
  }

  /** Hex of the bytes in reverse order: the display form of a txid or block hash. */
  public static String reversed(byte[] b) {
    char[] out = new char[b.length * 2];
    for (int i = 0; i < b.length; i++) {
      int v = b[b.length - 1 - i] & 0xff;
      out[2 * i] = DIGITS[v >>> 4];
      out[2 * i + 1] = DIGITS[v & 15];
    }
    return new String(out);
  }

  /** Decodes hex (either case); rejects odd length and non-hex characters. */
  public static byte[] decode(CharSequence s) {
    if (s.length() % 2 != 0) throw new IllegalArgumentException("odd-length hex");
    byte[] out = new byte[s.length() / 2];
    for (int i = 0; i < out.length; i++) {
      int hi = Character.digit(s.charAt(2 * i), 16);
      int lo = Character.digit(s.charAt(2 * i + 1), 16);
      if (hi < 0 || lo < 0) throw new IllegalArgumentException("not hex at " + (2 * i));
      out[i] = (byte) (hi << 4 | lo);
    }
    return out;
  }

  /** Parses a displayed (byte-reversed) hash back into internal byte order. */
  public static byte[] decodeReversed(String display) {
    byte[] b = decode(display);
    for (int i = 0, j = b.length - 1; i < j; i++, j--) {
      byte t = b[i];
      b[i] = b[j];
      b[j] = t;
    }
    return b;
  }
}
