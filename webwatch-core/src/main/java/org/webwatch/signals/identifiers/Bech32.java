package org.webwatch.signals.identifiers;

/**
 * Bech32 (BIP-173) and Bech32m (BIP-350) string decoding with the BCH checksum
 * ({@code polymod}), written from the BIPs' description. O(n) in the string length.
 */
public final class Bech32 {
  /** Which checksum constant verified the string. */
  public enum Variant { BECH32, BECH32M }

  /** A decoded string: lower-case human-readable part and 5-bit data without checksum. */
  public record Decoded(String hrp, byte[] data, Variant variant) {}

  static final String CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
  private static final int BECH32_CONST = 1;
  private static final int BECH32M_CONST = 0x2bc830a3;
  public static final int MAX_LENGTH = 90;
  private static final int[] REV = new int[128];

  static {
    java.util.Arrays.fill(REV, -1);
    for (int i = 0; i < CHARSET.length(); i++) REV[CHARSET.charAt(i)] = i;
  }

  private Bech32() {}

  private static int polymod(int[] values) {
    int[] gen = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};
    int chk = 1;
    for (int v : values) {
      int top = chk >>> 25;
      chk = ((chk & 0x1ffffff) << 5) ^ v;
      for (int i = 0; i < 5; i++) if (((top >>> i) & 1) != 0) chk ^= gen[i];
    }
    return chk;
  }

  private static int[] hrpExpand(String hrp) {
    int n = hrp.length();
    int[] out = new int[n * 2 + 1];
    for (int i = 0; i < n; i++) {
      out[i] = hrp.charAt(i) >> 5;
      out[i + n + 1] = hrp.charAt(i) & 31;
    }
    return out;
  }

  /** Decodes a Bech32 or Bech32m string, or returns null when it is not a valid one. */
  public static Decoded decode(String s) {
    if (s == null || s.length() < 8 || s.length() > MAX_LENGTH) return null;
    boolean lower = false, upper = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 33 || c > 126) return null;
      if (c >= 'a' && c <= 'z') lower = true;
      if (c >= 'A' && c <= 'Z') upper = true;
    }
    if (lower && upper) return null;
    String t = s.toLowerCase(java.util.Locale.ROOT);
    int pos = t.lastIndexOf('1');
    if (pos < 1 || pos + 7 > t.length()) return null;
    String hrp = t.substring(0, pos);
    int dataLen = t.length() - pos - 1;
    int[] values = new int[hrp.length() * 2 + 1 + dataLen];
    System.arraycopy(hrpExpand(hrp), 0, values, 0, hrp.length() * 2 + 1);
    byte[] data = new byte[dataLen - 6];
    for (int i = 0; i < dataLen; i++) {
      char c = t.charAt(pos + 1 + i);
      int v = c < 128 ? REV[c] : -1;
      if (v < 0) return null;
      values[hrp.length() * 2 + 1 + i] = v;
      if (i < dataLen - 6) data[i] = (byte) v;
    }
    int pm = polymod(values);
    Variant variant = pm == BECH32_CONST ? Variant.BECH32 : pm == BECH32M_CONST ? Variant.BECH32M : null;
    return variant == null ? null : new Decoded(hrp, data, variant);
  }

  /** Regroups bits (BIP-173 {@code convertbits}); null when padding is invalid. */
  static byte[] convertBits(byte[] in, int from, int to, boolean pad) {
    int acc = 0, bits = 0, maxv = (1 << to) - 1;
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (byte b : in) {
      int v = b & 0xff;
      if ((v >> from) != 0) return null;
      acc = (acc << from) | v;
      bits += from;
      while (bits >= to) {
        bits -= to;
        out.write((acc >> bits) & maxv);
      }
    }
    if (pad) {
      if (bits > 0) out.write((acc << (to - bits)) & maxv);
    } else if (bits >= from || ((acc << (to - bits)) & maxv) != 0) {
      return null;
    }
    return out.toByteArray();
  }

  /** Encodes (for tests and tools). */
  public static String encode(String hrp, byte[] data, Variant variant) {
    int[] values = new int[hrp.length() * 2 + 1 + data.length + 6];
    System.arraycopy(hrpExpand(hrp), 0, values, 0, hrp.length() * 2 + 1);
    for (int i = 0; i < data.length; i++) values[hrp.length() * 2 + 1 + i] = data[i];
    int pm = polymod(values) ^ (variant == Variant.BECH32 ? BECH32_CONST : BECH32M_CONST);
    StringBuilder sb = new StringBuilder(hrp).append('1');
    for (byte d : data) sb.append(CHARSET.charAt(d));
    for (int i = 0; i < 6; i++) sb.append(CHARSET.charAt((pm >>> (5 * (5 - i))) & 31));
    return sb.toString();
  }
}
