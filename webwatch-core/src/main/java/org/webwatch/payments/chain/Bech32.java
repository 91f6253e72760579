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
}
