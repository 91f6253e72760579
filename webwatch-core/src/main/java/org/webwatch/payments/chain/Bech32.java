package org.webwatch.payments.chain;

/**
 * Bech32 (BIP-173) and Bech32m (BIP-350) encoder for segwit addresses: witness version 0 uses
 * Bech32, versions 1–16 use Bech32m. Own implementation of the BCH checksum described in the
 * BIPs. Complexity O(n) in the program length.
 */
public final class Bech32 {
  static final String CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
  private static final int BECH32_CONST = 1;
  private static final int BECH32M_CONST = 0x2bc830a3;
  /** Human-readable part of mainnet addresses. */
  public static final String MAINNET_HRP = "bc";

  /** Checksum variant. */
  public enum Variant {
    BECH32,
    BECH32M
  }

  private Bech32() {}

  private static int polymod(byte[] values) {
    int chk = 1;
    for (byte v : values) {
      int top = chk >>> 25;
      chk = (chk & 0x1ffffff) << 5 ^ (v & 0xff);
      if ((top & 1) != 0) chk ^= 0x3b6a57b2;
      if ((top & 2) != 0) chk ^= 0x26508e6d;
      if ((top & 4) != 0) chk ^= 0x1ea119fa;
      if ((top & 8) != 0) chk ^= 0x3d4233dd;
      if ((top & 16) != 0) chk ^= 0x2a1462b3;
    }
    return chk;
  }

  /** Encodes lower-case {@code hrp} and 5-bit {@code data} values with the given checksum. */
  public static String encode(String hrp, byte[] data, Variant variant) {
    if (hrp.isEmpty()) throw new IllegalArgumentException("empty hrp");
    int h = hrp.length();
    byte[] values = new byte[h * 2 + 1 + data.length + 6];
    for (int i = 0; i < h; i++) {
      char c = hrp.charAt(i);
      if (c < 33 || c > 126 || (c >= 'A' && c <= 'Z')) throw new IllegalArgumentException("bad hrp char");
      values[i] = (byte) (c >> 5);
      values[h + 1 + i] = (byte) (c & 31);
    }
    for (int i = 0; i < data.length; i++) {
      if ((data[i] & 0xff) > 31) throw new IllegalArgumentException("data value > 31");
      values[h * 2 + 1 + i] = data[i];
    }
    int mod = polymod(values) ^ (variant == Variant.BECH32 ? BECH32_CONST : BECH32M_CONST);
    StringBuilder sb = new StringBuilder(h + 1 + data.length + 6).append(hrp).append('1');
    for (byte d : data) sb.append(CHARSET.charAt(d));
    for (int i = 0; i < 6; i++) sb.append(CHARSET.charAt((mod >>> (5 * (5 - i))) & 31));
    return sb.toString();
  }

  /** Segwit address of {@code program} at {@code witnessVersion} (0 → Bech32, 1–16 → Bech32m). */
  public static String segwitAddress(String hrp, int witnessVersion, byte[] program) {
    if (witnessVersion < 0 || witnessVersion > 16) throw new IllegalArgumentException("witness version");
    if (program.length < 2 || program.length > 40) throw new IllegalArgumentException("program length");
    byte[] five = convertBits(program, 8, 5, true);
    byte[] data = new byte[five.length + 1];
    data[0] = (byte) witnessVersion;
    System.arraycopy(five, 0, data, 1, five.length);
    return encode(hrp, data, witnessVersion == 0 ? Variant.BECH32 : Variant.BECH32M);
  }

  /** Regroups bits (8→5 with padding for encoding). */
  static byte[] convertBits(byte[] in, int from, int to, boolean pad) {
    int acc = 0;
    int bits = 0;
    int maxv = (1 << to) - 1;
    byte[] out = new byte[(in.length * from + to - 1) / to];
    int n = 0;
    for (byte b : in) {
      acc = (acc << from) | (b & 0xff);
      bits += from;
      while (bits >= to) {
        bits -= to;
        out[n++] = (byte) ((acc >>> bits) & maxv);
      }
    }
    if (pad && bits > 0) out[n++] = (byte) ((acc << (to - bits)) & maxv);
    return n == out.length ? out : java.util.Arrays.copyOf(out, n);
  }

  /**
   * Decodes a segwit address of {@code hrp} into {@code version ‖ program}, or null when the
   * string is mixed-case, has a bad character, a wrong checksum for its version (Bech32 for
   * v0, Bech32m for v1+), or an invalid program length.
   */
  public static byte[] decodeSegwit(String hrp, String address) {
    if (address.length() > 90 || address.length() < 8) return null;
    String lower = address.toLowerCase(java.util.Locale.ROOT);
    if (!address.equals(lower) && !address.equals(address.toUpperCase(java.util.Locale.ROOT))) return null;
    int sep = lower.lastIndexOf('1');
    if (sep < 1 || !lower.substring(0, sep).equals(hrp) || lower.length() - sep - 1 < 7) return null;
    int h = hrp.length();
    int dataLen = lower.length() - sep - 1;
    byte[] values = new byte[h * 2 + 1 + dataLen];
    for (int i = 0; i < h; i++) {
      values[i] = (byte) (hrp.charAt(i) >> 5);
      values[h + 1 + i] = (byte) (hrp.charAt(i) & 31);
    }
    for (int i = 0; i < dataLen; i++) {
      int v = CHARSET.indexOf(lower.charAt(sep + 1 + i));
      if (v < 0) return null;
      values[h * 2 + 1 + i] = (byte) v;
    }
    int version = values[h * 2 + 1];
    int expected = version == 0 ? BECH32_CONST : BECH32M_CONST;
    if (version > 16 || polymod(values) != expected) return null;
    byte[] five = java.util.Arrays.copyOfRange(values, h * 2 + 2, values.length - 6);
    // 5→8 bits without padding; leftover bits must be < 5 and zero.
    int acc = 0;
    int bits = 0;
    byte[] prog = new byte[five.length * 5 / 8];
    int n = 0;
    for (byte b : five) {
      acc = (acc << 5) | b;
      bits += 5;
      if (bits >= 8) {
        bits -= 8;
        prog[n++] = (byte) (acc >>> bits);
      }
    }
    if (bits >= 5 || (acc & ((1 << bits) - 1)) != 0) return null;
    if (n < 2 || n > 40 || (version == 0 && n != 20 && n != 32)) return null;
    byte[] out = new byte[n + 1];
    out[0] = (byte) version;
    System.arraycopy(prog, 0, out, 1, n);
    return out;
  }
}
