package org.webwatch.signals.identifiers;

import java.util.Arrays;

/**
 * Bitcoin Base58 (alphabet without 0, O, I, l) and Base58Check (payload + first 4 bytes of
 * double SHA-256). Source: Bitcoin Core {@code base58.cpp} behaviour, written from the
 * description. Complexity O(n^2) in the string length; callers bound n (addresses are &lt;= 111
 * chars).
 */
public final class Base58 {
  static final String ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
  private static final int[] INDEXES = new int[128];

  static {
    Arrays.fill(INDEXES, -1);
    for (int i = 0; i < ALPHABET.length(); i++) INDEXES[ALPHABET.charAt(i)] = i;
  }

  private Base58() {}

  public static boolean isBase58Char(char c) {
    return c < 128 && INDEXES[c] >= 0;
  }

  public static String encode(byte[] input) {
    int zeros = 0;
    while (zeros < input.length && input[zeros] == 0) zeros++;
    byte[] in = Arrays.copyOf(input, input.length);
    char[] out = new char[input.length * 2 + 1];
    int outStart = out.length;
    for (int start = zeros; start < in.length; ) {
      int rem = 0;
      for (int i = start; i < in.length; i++) {
        int digit = ((rem << 8) | (in[i] & 0xff));
        in[i] = (byte) (digit / 58);
        rem = digit % 58;
      }
      out[--outStart] = ALPHABET.charAt(rem);
      while (start < in.length && in[start] == 0) start++;
    }
    for (int i = 0; i < zeros; i++) out[--outStart] = '1';
    return new String(out, outStart, out.length - outStart);
  }

  /** Decodes, or returns null when a character is outside the alphabet. */
  public static byte[] decode(String s) {
    int zeros = 0;
    while (zeros < s.length() && s.charAt(zeros) == '1') zeros++;
    byte[] b256 = new byte[s.length() * 733 / 1000 + 1];
    int length = 0;
    for (int i = zeros; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!isBase58Char(c)) return null;
      int carry = INDEXES[c];
      int j = 0;
      for (int k = b256.length - 1; (carry != 0 || j < length) && k >= 0; k--, j++) {
        carry += 58 * (b256[k] & 0xff);
        b256[k] = (byte) carry;
        carry >>>= 8;
      }
      length = j;
    }
    int skip = b256.length - length;
    while (skip < b256.length && b256[skip] == 0) skip++;
    byte[] out = new byte[zeros + b256.length - skip];
    System.arraycopy(b256, skip, out, zeros, b256.length - skip);
    return out;
  }

  /** Payload of a Base58Check string, or null when decoding or the checksum fails. */
  public static byte[] decodeChecked(String s) {
    byte[] raw = decode(s);
    if (raw == null || raw.length < 4) return null;
    byte[] payload = Arrays.copyOf(raw, raw.length - 4);
    byte[] sum = Hashes.doubleSha256(payload);
    for (int i = 0; i < 4; i++) if (sum[i] != raw[raw.length - 4 + i]) return null;
    return payload;
  }

  public static String encodeChecked(byte[] payload) {
    byte[] sum = Hashes.doubleSha256(payload);
    byte[] all = Arrays.copyOf(payload, payload.length + 4);
    System.arraycopy(sum, 0, all, payload.length, 4);
    return encode(all);
  }
}
