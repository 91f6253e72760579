package org.webwatch.signals.identifiers;

import java.math.BigInteger;
import java.util.Arrays;
import org.webwatch.model.IdentifierType;

/**
 * Monero addresses: Monero block Base58 (8-byte blocks to 11 chars, last block shorter),
 * network prefix (18/19/42 main, 53/54/63 test, 24/25/36 stage), 4-byte Keccak-256
 * checksum. 95 chars (standard, subaddress) or 106 (integrated). Source: monero-project
 * {@code base58.cpp} / {@code cryptonote_config.h} behaviour, from the description. O(n).
 */
public final class MoneroAddressValidator implements IdentifierValidator {
  private static final int[] ENCODED_BLOCK_SIZES = {0, 2, 3, 5, 6, 7, 9, 10, 11};
  private static final BigInteger B58 = BigInteger.valueOf(58);

  @Override
  public IdentifierType type() {
    return IdentifierType.XMR;
  }

  @Override
  public int maxLength() {
    return 106;
  }

  @Override
  public IdentifierCheck check(String c) {
    if (c == null || (c.length() != 95 && c.length() != 106)) {
      return IdentifierCheck.bad(type(), c == null ? "" : BitcoinAddressValidator.clip(c), "not 95 or 106 chars");
    }
    byte[] raw = decode(c);
    if (raw == null) return IdentifierCheck.bad(type(), c, "not block base58");
    int prefix = raw[0] & 0xff;
    String kind = switch (prefix) {
      case 18 -> "main standard";
      case 19 -> "main integrated";
      case 42 -> "main subaddress";
      case 53 -> "test standard";
      case 54 -> "test integrated";
      case 63 -> "test subaddress";
      case 24 -> "stage standard";
      case 25 -> "stage integrated";
      case 36 -> "stage subaddress";
      default -> null;
    };
    if (kind == null) return IdentifierCheck.bad(type(), c, "unknown network prefix " + prefix);
    boolean integrated = kind.endsWith("integrated");
    if (raw.length != (integrated ? 77 : 69)) return IdentifierCheck.bad(type(), c, "wrong length for " + kind);
    byte[] body = Arrays.copyOf(raw, raw.length - 4);
    byte[] sum = Hashes.keccak256(body);
    for (int i = 0; i < 4; i++) if (sum[i] != raw[raw.length - 4 + i]) return IdentifierCheck.bad(type(), c, "checksum mismatch");
    return IdentifierCheck.ok(type(), c, kind);
  }

  /** Decodes Monero block Base58, or null. */
  public static byte[] decode(String s) {
    int full = s.length() / 11, rest = s.length() % 11;
    int restBytes = -1;
    for (int i = 0; i < ENCODED_BLOCK_SIZES.length; i++) if (ENCODED_BLOCK_SIZES[i] == rest) restBytes = i;
    if (restBytes < 0) return null;
    byte[] out = new byte[full * 8 + restBytes];
    for (int b = 0; b <= full; b++) {
      int len = b < full ? 11 : rest, bytes = b < full ? 8 : restBytes;
      if (len == 0) continue;
      BigInteger v = BigInteger.ZERO;
      for (int i = 0; i < len; i++) {
        char ch = s.charAt(b * 11 + i);
        if (!Base58.isBase58Char(ch)) return null;
        v = v.multiply(B58).add(BigInteger.valueOf(Base58.ALPHABET.indexOf(ch)));
      }
      if (v.bitLength() > bytes * 8) return null;
      byte[] vb = v.toByteArray();
      int copy = Math.min(vb.length, bytes);
      System.arraycopy(vb, vb.length - copy, out, b * 8 + bytes - copy, copy);
    }
    return out;
  }

  /** Encodes bytes in Monero block Base58 (for tests and tools). */
  public static String encode(byte[] data) {
    StringBuilder sb = new StringBuilder();
    for (int off = 0; off < data.length; off += 8) {
      int bytes = Math.min(8, data.length - off);
      BigInteger v = new BigInteger(1, Arrays.copyOfRange(data, off, off + bytes));
      char[] block = new char[ENCODED_BLOCK_SIZES[bytes]];
      Arrays.fill(block, '1');
      for (int i = block.length - 1; i >= 0 && v.signum() > 0; i--) {
        BigInteger[] qr = v.divideAndRemainder(B58);
        block[i] = Base58.ALPHABET.charAt(qr[1].intValue());
        v = qr[0];
      }
      sb.append(block);
    }
    return sb.toString();
  }

  /** Builds a valid address from a prefix and keys (for tests and tools). */
  public static String build(int prefix, byte[] keys) {
    byte[] body = new byte[1 + keys.length];
    body[0] = (byte) prefix;
    System.arraycopy(keys, 0, body, 1, keys.length);
    byte[] sum = Hashes.keccak256(body);
    byte[] all = Arrays.copyOf(body, body.length + 4);
    System.arraycopy(sum, 0, all, body.length, 4);
    return encode(all);
  }
}
