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
}
