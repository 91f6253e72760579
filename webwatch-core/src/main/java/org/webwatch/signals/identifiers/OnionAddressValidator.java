package org.webwatch.signals.identifiers;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.webwatch.model.IdentifierType;

/**
 * Tor onion service addresses (rend-spec-v3): 56 base32 chars = ed25519 public key (32) ||
 * checksum (2) || version (1, must be 3), checksum = SHA3-256(".onion checksum" || pubkey ||
 * version)[:2]. Version-2 addresses (16 base32 chars) are recognised but reported
 * {@code valid=false} (detail {@code v2 deprecated}): Tor removed v2 services in 2021 so they
 * can no longer be reached, yet they still link old accounts. Value: lower-case host with
 * {@code .onion}. O(n).
 */
public final class OnionAddressValidator implements IdentifierValidator {
  private static final String B32 = "abcdefghijklmnopqrstuvwxyz234567";

  @Override
  public IdentifierType type() {
    return IdentifierType.ONION;
  }

  @Override
  public int maxLength() {
    return 62;
  }

  @Override
  public IdentifierCheck check(String c) {
    if (c == null || c.length() > maxLength()) return IdentifierCheck.bad(type(), c == null ? "" : BitcoinAddressValidator.clip(c).toLowerCase(Locale.ROOT), "too long");
    String host = c.toLowerCase(Locale.ROOT);
    if (host.endsWith(".onion")) host = host.substring(0, host.length() - 6);
    String value = host + ".onion";
    byte[] raw = decodeBase32(host);
    if (raw == null) return IdentifierCheck.bad(type(), value, "not base32");
    if (host.length() == 16) return IdentifierCheck.bad(type(), value, "v2 deprecated");
    if (host.length() != 56) return IdentifierCheck.bad(type(), value, "wrong length");
    if (raw[34] != 3) return IdentifierCheck.bad(type(), value, "version " + raw[34]);
    byte[] sum = checksum(java.util.Arrays.copyOf(raw, 32), raw[34]);
    if (sum[0] != raw[32] || sum[1] != raw[33]) return IdentifierCheck.bad(type(), value, "checksum mismatch");
    return IdentifierCheck.ok(type(), value, "v3");
  }

  static byte[] checksum(byte[] pubkey, byte version) {
    byte[] prefix = ".onion checksum".getBytes(StandardCharsets.US_ASCII);
    byte[] in = new byte[prefix.length + 33];
    System.arraycopy(prefix, 0, in, 0, prefix.length);
    System.arraycopy(pubkey, 0, in, prefix.length, 32);
    in[in.length - 1] = version;
    return Hashes.sha3_256(in);
  }

  /** The v3 address of an ed25519 public key (for tests and tools). */
  public static String fromPublicKey(byte[] pubkey) {
    byte[] sum = checksum(pubkey, (byte) 3);
    byte[] all = new byte[35];
    System.arraycopy(pubkey, 0, all, 0, 32);
    all[32] = sum[0];
    all[33] = sum[1];
    all[34] = 3;
    StringBuilder sb = new StringBuilder();
    int buffer = 0, bits = 0;
    for (byte b : all) {
      buffer = (buffer << 8) | (b & 0xff);
      bits += 8;
      while (bits >= 5) {
        sb.append(B32.charAt((buffer >> (bits - 5)) & 31));
        bits -= 5;
      }
    }
    return sb.append(".onion").toString();
  }

  static boolean isBase32Char(char ch) {
    return (ch >= 'a' && ch <= 'z') || (ch >= '2' && ch <= '7') || (ch >= 'A' && ch <= 'Z');
  }

  private static byte[] decodeBase32(String s) {
    if (s.isEmpty() || (s.length() * 5) % 8 != 0) return null;
    byte[] out = new byte[s.length() * 5 / 8];
    int buffer = 0, bits = 0, n = 0;
    for (int i = 0; i < s.length(); i++) {
      int v = B32.indexOf(s.charAt(i));
      if (v < 0) return null;
      buffer = (buffer << 5) | v;
      bits += 5;
      if (bits >= 8) {
        out[n++] = (byte) (buffer >> (bits - 8));
        bits -= 8;
      }
    }
    return out;
  }
}
