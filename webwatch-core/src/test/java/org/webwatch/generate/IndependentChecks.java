package org.webwatch.generate;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Locale;
import org.bouncycastle.crypto.digests.KeccakDigest;
import org.bouncycastle.crypto.digests.SHA3Digest;

/**
 * Validators written from the specifications, decoding rather than encoding, so they check
 * the generator's encoders instead of repeating them.
 */
final class IndependentChecks {
  private static final String B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
  private static final String BECH = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";

  private IndependentChecks() {}

  static boolean valid(String type, String value) {
    return switch (type) {
      case "btc" -> value.startsWith("bc1") ? segwit(value) : base58check(value);
      case "eth" -> eip55(value);
      case "xmr" -> monero(value);
      case "onion" -> onion(value);
      case "session" -> value.matches("05[0-9a-f]{64}");
      case "email" -> value.matches("[A-Za-z0-9._-]+@[a-z0-9.-]+\\.[a-z]+");
      case "telegram" -> value.matches("@[A-Za-z0-9_]{5,32}");
      case "pgp-fingerprint" -> value.replace(" ", "").matches("[0-9A-F]{40}");
      case "pgp-key" -> value.startsWith("-----BEGIN PGP PUBLIC KEY BLOCK-----") && value.endsWith("-----END PGP PUBLIC KEY BLOCK-----");
      default -> throw new AssertionError("unknown identifier type " + type);
    };
  }

  static byte[] base58decode(String s) {
    BigInteger n = BigInteger.ZERO;
    for (char c : s.toCharArray()) {
      int d = B58.indexOf(c);
      if (d < 0) return null;
      n = n.multiply(BigInteger.valueOf(58)).add(BigInteger.valueOf(d));
    }
    byte[] raw = n.toByteArray();
    if (raw.length > 1 && raw[0] == 0) raw = Arrays.copyOfRange(raw, 1, raw.length);
    int zeros = 0;
    while (zeros < s.length() && s.charAt(zeros) == '1') zeros++;
    byte[] out = new byte[zeros + (n.signum() == 0 ? 0 : raw.length)];
    if (n.signum() != 0) System.arraycopy(raw, 0, out, zeros, raw.length);
    return out;
  }

  static boolean base58check(String s) {
    byte[] b = base58decode(s);
    if (b == null || b.length != 25 || (b[0] != 0 && b[0] != 5)) return false;
    byte[] h = sha256(sha256(Arrays.copyOf(b, 21)));
    return Arrays.equals(Arrays.copyOf(h, 4), Arrays.copyOfRange(b, 21, 25));
  }

  static boolean segwit(String s) {
    if (!s.equals(s.toLowerCase(Locale.ROOT))) return false;
    int sep = s.lastIndexOf('1');
    String hrp = s.substring(0, sep);
    int[] data = new int[s.length() - sep - 1];
    for (int i = 0; i < data.length; i++) {
      data[i] = BECH.indexOf(s.charAt(sep + 1 + i));
      if (data[i] < 0) return false;
    }
    int[] v = new int[hrp.length() * 2 + 1 + data.length];
    int k = 0;
    for (char c : hrp.toCharArray()) v[k++] = c >> 5;
    v[k++] = 0;
    for (char c : hrp.toCharArray()) v[k++] = c & 31;
    for (int d : data) v[k++] = d;
    int chk = 1;
    int[] gen = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};
    for (int x : v) {
      int top = chk >>> 25;
      chk = (chk & 0x1ffffff) << 5 ^ x;
      for (int i = 0; i < 5; i++) if ((top >> i & 1) == 1) chk ^= gen[i];
    }
    int version = data[0];
    int expected = version == 0 ? 1 : 0x2bc830a3;
    if (chk != expected) return false;
    int progBits = (data.length - 7) * 5;
    int progBytes = progBits / 8;
    return version == 0 ? progBytes == 20 || progBytes == 32 : version <= 16 && progBytes >= 2 && progBytes <= 40;
  }

  static boolean eip55(String s) {
    if (!s.matches("0x[0-9a-fA-F]{40}")) return false;
    String lower = s.substring(2).toLowerCase(Locale.ROOT);
    byte[] h = keccak(lower.getBytes(StandardCharsets.US_ASCII));
    for (int i = 0; i < 40; i++) {
      char c = s.charAt(2 + i);
      int nib = (h[i / 2] & 0xff) >> (i % 2 == 0 ? 4 : 0) & 0xf;
      if (Character.isLetter(c) && Character.isUpperCase(c) != nib >= 8) return false;
    }
    return true;
  }

  static boolean monero(String s) {
    if (s.length() != 95) return false;
    byte[] out = new byte[69];
    int o = 0;
    for (int off = 0; off < 95; off += 11) {
      String block = s.substring(off, Math.min(95, off + 11));
      int bytes = block.length() == 11 ? 8 : 5;
      BigInteger n = BigInteger.ZERO;
      for (char c : block.toCharArray()) {
        int d = B58.indexOf(c);
        if (d < 0) return false;
        n = n.multiply(BigInteger.valueOf(58)).add(BigInteger.valueOf(d));
      }
      byte[] raw = n.toByteArray();
      for (int i = 0; i < bytes; i++) {
        int src = raw.length - bytes + i;
        out[o + i] = src >= 0 ? raw[src] : 0;
      }
      o += bytes;
    }
    byte[] h = keccak(Arrays.copyOf(out, 65));
    return out[0] == 18 && Arrays.equals(Arrays.copyOf(h, 4), Arrays.copyOfRange(out, 65, 69));
  }

  static boolean onion(String s) {
    if (!s.matches("[a-z2-7]{56}\\.onion")) return false;
    String a = "abcdefghijklmnopqrstuvwxyz234567";
    BigInteger n = BigInteger.ZERO;
    for (char c : s.substring(0, 56).toCharArray()) n = n.shiftLeft(5).or(BigInteger.valueOf(a.indexOf(c)));
    byte[] raw = n.toByteArray();
    byte[] b = new byte[35];
    for (int i = 0; i < 35; i++) {
      int src = raw.length - 35 + i;
      b[i] = src >= 0 ? raw[src] : 0;
    }
    SHA3Digest d = new SHA3Digest(256);
    byte[] p = ".onion checksum".getBytes(StandardCharsets.US_ASCII);
    d.update(p, 0, p.length);
    d.update(b, 0, 32);
    d.update((byte) 3);
    byte[] h = new byte[32];
    d.doFinal(h, 0);
    return b[34] == 3 && b[32] == h[0] && b[33] == h[1];
  }

  static byte[] keccak(byte[] in) {
    KeccakDigest d = new KeccakDigest(256);
    d.update(in, 0, in.length);
    byte[] out = new byte[32];
    d.doFinal(out, 0);
    return out;
  }

  static byte[] sha256(byte[] in) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(in);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
