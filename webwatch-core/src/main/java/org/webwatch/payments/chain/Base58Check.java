package org.webwatch.payments.chain;

import java.util.Arrays;

/**
 * Base58Check encoder (Bitcoin's legacy address form): version byte ‖ payload ‖ first four
 * bytes of dSHA256, written in the 58-letter alphabet without 0, O, I and l; each leading zero
 * byte becomes a leading '1'. Source: Bitcoin Core {@code base58.cpp} behaviour (own code).
 * Complexity O(n²) in the input length (25 bytes for an address).
 */
public final class Base58Check {
  static final String ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
  /** Version byte of mainnet P2PKH addresses ({@code 1…}). */
  public static final int P2PKH_VERSION = 0x00;
  /** Version byte of mainnet P2SH addresses ({@code 3…}). */
  public static final int P2SH_VERSION = 0x05;

  private Base58Check() {}

  /** Plain Base58 of {@code data} (no checksum). */
  public static String encodeRaw(byte[] data) {
    int zeros = 0;
    while (zeros < data.length && data[zeros] == 0) zeros++;
    // Repeated division of a big-endian base-256 number by 58.
    byte[] num = Arrays.copyOf(data, data.length);
    char[] out = new char[data.length * 2];
    int pos = out.length;
    int start = zeros;
    while (start < num.length) {
      int rem = 0;
      for (int i = start; i < num.length; i++) {
        int cur = (rem << 8) | (num[i] & 0xff);
        num[i] = (byte) (cur / 58);
        rem = cur % 58;
      }
      out[--pos] = ALPHABET.charAt(rem);
      while (start < num.length && num[start] == 0) start++;
    }
    for (int i = 0; i < zeros; i++) out[--pos] = '1';
    return new String(out, pos, out.length - pos);
  }

  /** Base58Check of {@code version ‖ payload}. */
  public static String encode(int version, byte[] payload) {
    if (version < 0 || version > 255) throw new IllegalArgumentException("version byte: " + version);
    byte[] buf = new byte[payload.length + 5];
    buf[0] = (byte) version;
    System.arraycopy(payload, 0, buf, 1, payload.length);
    byte[] check = Hashes.sha256d(buf, 0, payload.length + 1);
    System.arraycopy(check, 0, buf, payload.length + 1, 4);
    return encodeRaw(buf);
  }

  /**
   * Decodes a Base58Check string to {@code version ‖ payload}, or null when it has a
   * character outside the alphabet or a wrong checksum. Used to look forum addresses up.
   */
  public static byte[] decode(String s) {
    if (s.isEmpty() || s.length() > 128) return null;
    int zeros = 0;
    while (zeros < s.length() && s.charAt(zeros) == '1') zeros++;
    byte[] num = new byte[s.length()];
    int len = 0; // little-endian base-256 accumulator
    for (int i = zeros; i < s.length(); i++) {
      int carry = ALPHABET.indexOf(s.charAt(i));
      if (carry < 0) return null;
      for (int j = 0; j < len; j++) {
        carry += (num[j] & 0xff) * 58;
        num[j] = (byte) carry;
        carry >>>= 8;
      }
      while (carry > 0) {
        num[len++] = (byte) carry;
        carry >>>= 8;
      }
    }
    byte[] out = new byte[zeros + len];
    for (int i = 0; i < len; i++) out[zeros + i] = num[len - 1 - i];
    if (out.length < 5) return null;
    byte[] check = Hashes.sha256d(out, 0, out.length - 4);
    for (int i = 0; i < 4; i++) if (check[i] != out[out.length - 4 + i]) return null;
    return Arrays.copyOf(out, out.length - 4);
  }
}
