package org.webwatch.generate.internal;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Locale;
import org.bouncycastle.crypto.digests.KeccakDigest;
import org.bouncycastle.crypto.digests.SHA3Digest;

/**
 * Encoders for the payment and contact identifiers the generator plants: Bitcoin base58check
 * (P2PKH/P2SH), bech32 (BIP-173) and bech32m (BIP-350) segwit addresses, Ethereum EIP-55,
 * Monero standard addresses (block base58 + Keccak-256 checksum), Tor onion v3 (rend-spec-v3
 * checksum) and Session ids. Written from the specifications; each encoder is O(payload).
 * The signals stage writes its validators independently, so a bug here shows up there.
 */
public final class AddressCodec {
  private static final String B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
  private static final String BECH = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
  private static final int BECH32_CONST = 1;
  private static final int BECH32M_CONST = 0x2bc830a3;
  private static final String HEX = "0123456789abcdef";

  private AddressCodec() {}

  /** Base58 (Bitcoin alphabet) of raw bytes, leading zero bytes as '1'. */
  public static String base58(byte[] data) {
    int zeros = 0;
    while (zeros < data.length && data[zeros] == 0) zeros++;
    BigInteger n = new BigInteger(1, data);
    StringBuilder sb = new StringBuilder();
    BigInteger b58 = BigInteger.valueOf(58);
    while (n.signum() > 0) {
      BigInteger[] qr = n.divideAndRemainder(b58);
      sb.append(B58.charAt(qr[1].intValue()));
      n = qr[0];
    }
    for (int i = 0; i < zeros; i++) sb.append('1');
    return sb.reverse().toString();
  }

  /** Base58check: version byte + payload + first 4 bytes of double SHA-256. */
  public static String base58check(int version, byte[] payload) {
    byte[] body = new byte[1 + payload.length];
    body[0] = (byte) version;
    System.arraycopy(payload, 0, body, 1, payload.length);
    byte[] check = sha256(sha256(body));
    byte[] all = Arrays.copyOf(body, body.length + 4);
    System.arraycopy(check, 0, all, body.length, 4);
    return base58(all);
  }

  /** P2PKH mainnet address ("1…") from a 20-byte hash. */
  public static String p2pkh(byte[] hash160) {
    return base58check(0x00, hash160);
  }

  /** P2SH mainnet address ("3…") from a 20-byte hash. */
  public static String p2sh(byte[] hash160) {
    return base58check(0x05, hash160);
  }

  /** Segwit address: version 0 uses bech32, version 1..16 bech32m (BIP-350). */
  public static String segwit(String hrp, int witnessVersion, byte[] program) {
    byte[] five = convertBits(program, 8, 5, true);
    byte[] data = new byte[five.length + 1];
    data[0] = (byte) witnessVersion;
    System.arraycopy(five, 0, data, 1, five.length);
    return bech32Encode(hrp, data, witnessVersion == 0 ? BECH32_CONST : BECH32M_CONST);
  }

  static String bech32Encode(String hrp, byte[] data, int constant) {
    byte[] values = Arrays.copyOf(data, data.length + 6);
    int mod = polymod(hrpExpand(hrp), values) ^ constant;
    for (int i = 0; i < 6; i++) values[data.length + i] = (byte) ((mod >>> (5 * (5 - i))) & 31);
    StringBuilder sb = new StringBuilder(hrp).append('1');
    for (byte v : values) sb.append(BECH.charAt(v));
    return sb.toString();
  }

  private static byte[] hrpExpand(String hrp) {
    byte[] out = new byte[hrp.length() * 2 + 1];
    for (int i = 0; i < hrp.length(); i++) {
      out[i] = (byte) (hrp.charAt(i) >> 5);
      out[i + hrp.length() + 1] = (byte) (hrp.charAt(i) & 31);
    }
    return out;
  }

  private static int polymod(byte[] a, byte[] b) {
    int[] gen = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};
    int chk = 1;
    for (byte[] part : new byte[][] {a, b}) {
      for (byte v : part) {
        int top = chk >>> 25;
        chk = ((chk & 0x1ffffff) << 5) ^ (v & 0xff);
        for (int i = 0; i < 5; i++) if (((top >>> i) & 1) != 0) chk ^= gen[i];
      }
    }
    return chk;
  }

  private static byte[] convertBits(byte[] in, int from, int to, boolean pad) {
    int acc = 0;
    int bits = 0;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int maxv = (1 << to) - 1;
    for (byte b : in) {
      acc = (acc << from) | (b & 0xff);
      bits += from;
      while (bits >= to) {
        bits -= to;
        out.write((acc >>> bits) & maxv);
      }
    }
    if (pad && bits > 0) out.write((acc << (to - bits)) & maxv);
    return out.toByteArray();
  }

  /** EIP-55 mixed-case checksum address from 20 bytes. */
  public static String eip55(byte[] address20) {
    String lower = hex(address20);
    byte[] h = keccak256(lower.getBytes(StandardCharsets.US_ASCII));
    StringBuilder sb = new StringBuilder("0x");
    for (int i = 0; i < 40; i++) {
      char c = lower.charAt(i);
      int nibble = (h[i / 2] >> (i % 2 == 0 ? 4 : 0)) & 0xf;
      sb.append(Character.isLetter(c) && nibble >= 8 ? Character.toUpperCase(c) : c);
    }
    return sb.toString();
  }

  /** Monero standard mainnet address (prefix 18) from public spend and view keys. */
  public static String monero(byte[] spend32, byte[] view32) {
    byte[] body = new byte[65];
    body[0] = 18;
    System.arraycopy(spend32, 0, body, 1, 32);
    System.arraycopy(view32, 0, body, 33, 32);
    byte[] all = Arrays.copyOf(body, 69);
    System.arraycopy(keccak256(body), 0, all, 65, 4);
    return moneroBase58(all);
  }

  private static final int[] XMR_BLOCK_CHARS = {0, 2, 3, 5, 6, 7, 9, 10, 11};

  static String moneroBase58(byte[] data) {
    StringBuilder sb = new StringBuilder();
    for (int off = 0; off < data.length; off += 8) {
      int len = Math.min(8, data.length - off);
      BigInteger n = new BigInteger(1, Arrays.copyOfRange(data, off, off + len));
      char[] block = new char[XMR_BLOCK_CHARS[len]];
      Arrays.fill(block, '1');
      BigInteger b58 = BigInteger.valueOf(58);
      for (int i = block.length - 1; i >= 0 && n.signum() > 0; i--) {
        BigInteger[] qr = n.divideAndRemainder(b58);
        block[i] = B58.charAt(qr[1].intValue());
        n = qr[0];
      }
      sb.append(block);
    }
    return sb.toString();
  }

  /** Onion v3 host name (56 base32 chars + ".onion") of an ed25519 public key. */
  public static String onionV3(byte[] pubkey32) {
    SHA3Digest d = new SHA3Digest(256);
    byte[] prefix = ".onion checksum".getBytes(StandardCharsets.US_ASCII);
    d.update(prefix, 0, prefix.length);
    d.update(pubkey32, 0, 32);
    d.update((byte) 3);
    byte[] h = new byte[32];
    d.doFinal(h, 0);
    byte[] all = new byte[35];
    System.arraycopy(pubkey32, 0, all, 0, 32);
    all[32] = h[0];
    all[33] = h[1];
    all[34] = 3;
    return base32(all) + ".onion";
  }

  static String base32(byte[] data) {
    String alphabet = "abcdefghijklmnopqrstuvwxyz234567";
    byte[] five = convertBits(data, 8, 5, true);
    StringBuilder sb = new StringBuilder();
    for (byte b : five) sb.append(alphabet.charAt(b));
    return sb.toString();
  }

  /** Session id: "05" + 32-byte X25519 public key in hex (66 chars). */
  public static String sessionId(byte[] key32) {
    return "05" + hex(key32);
  }

  public static byte[] keccak256(byte[] in) {
    KeccakDigest d = new KeccakDigest(256);
    d.update(in, 0, in.length);
    byte[] out = new byte[32];
    d.doFinal(out, 0);
    return out;
  }

  public static byte[] sha256(byte[] in) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(in);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String hex(byte[] b) {
    StringBuilder sb = new StringBuilder(b.length * 2);
    for (byte x : b) sb.append(HEX.charAt((x >> 4) & 15)).append(HEX.charAt(x & 15));
    return sb.toString();
  }

  /** Lower-case ASCII, locale-independent. */
  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
