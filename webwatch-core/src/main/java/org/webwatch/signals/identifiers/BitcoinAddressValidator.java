package org.webwatch.signals.identifiers;

import java.util.Locale;
import org.webwatch.model.IdentifierType;

/**
 * Bitcoin addresses: Base58Check P2PKH / P2SH (version bytes 0x00 / 0x05 main, 0x6f / 0xc4
 * test, signet, regtest) and segwit (BIP-173 Bech32 for witness v0 with a 20- or 32-byte
 * program; BIP-350 Bech32m for v1..v16 with 2..40 bytes; HRP {@code bc}, {@code tb}, {@code
 * bcrt}). Value: base58 as written, bech32 lower-cased. Detail: network and scriptPubKey hex.
 * O(n^2) in length, n &lt;= 90.
 */
public final class BitcoinAddressValidator implements IdentifierValidator {
  /** A decoded address: {@code network} is {@code main}, {@code test} or {@code regtest}. */
  public record BitcoinAddress(String network, String scriptPubKeyHex) {}

  @Override
  public IdentifierType type() {
    return IdentifierType.BTC;
  }

  @Override
  public int maxLength() {
    return Bech32.MAX_LENGTH;
  }

  @Override
  public IdentifierCheck check(String candidate) {
    if (candidate == null || candidate.isEmpty() || candidate.length() > maxLength()) {
      return IdentifierCheck.bad(type(), candidate == null ? "" : clip(candidate), "not an address");
    }
    boolean segwitShape = looksSegwit(candidate);
    String value = segwitShape ? candidate.toLowerCase(Locale.ROOT) : candidate;
    BitcoinAddress a = decode(candidate);
    return a == null
        ? IdentifierCheck.bad(type(), value, segwitShape ? "bech32 checksum or program invalid" : "base58check invalid")
        : IdentifierCheck.ok(type(), value, a.network() + " " + a.scriptPubKeyHex());
  }

  static String clip(String s) {
    return s.length() > 120 ? s.substring(0, 120) : s;
  }

  static boolean looksSegwit(String s) {
    String t = s.length() > 5 ? s.substring(0, 5).toLowerCase(Locale.ROOT) : s.toLowerCase(Locale.ROOT);
    return t.startsWith("bc1") || t.startsWith("tb1") || t.startsWith("bcrt1");
  }

  /** Decodes a valid address, or null. */
  public BitcoinAddress decode(String s) {
    if (s == null || s.length() > maxLength()) return null;
    return looksSegwit(s) ? decodeSegwit(s) : decodeBase58(s);
  }

  private static BitcoinAddress decodeBase58(String s) {
    if (s.length() < 25 || s.length() > 36) return null;
    byte[] p = Base58.decodeChecked(s);
    if (p == null || p.length != 21) return null;
    byte[] hash = java.util.Arrays.copyOfRange(p, 1, 21);
    String h = Hashes.hex(hash);
    return switch (p[0] & 0xff) {
      case 0x00 -> new BitcoinAddress("main", "76a914" + h + "88ac");
      case 0x05 -> new BitcoinAddress("main", "a914" + h + "87");
      case 0x6f -> new BitcoinAddress("test", "76a914" + h + "88ac");
      case 0xc4 -> new BitcoinAddress("test", "a914" + h + "87");
      default -> null;
    };
  }

  private static BitcoinAddress decodeSegwit(String s) {
    Bech32.Decoded d = Bech32.decode(s);
    if (d == null || d.data().length < 1) return null;
    String network = switch (d.hrp()) {
      case "bc" -> "main";
      case "tb" -> "test";
      case "bcrt" -> "regtest";
      default -> null;
    };
    if (network == null) return null;
    int version = d.data()[0];
    if (version > 16) return null;
    byte[] prog = Bech32.convertBits(java.util.Arrays.copyOfRange(d.data(), 1, d.data().length), 5, 8, false);
    if (prog == null || prog.length < 2 || prog.length > 40) return null;
    if (version == 0 && (d.variant() != Bech32.Variant.BECH32 || (prog.length != 20 && prog.length != 32))) return null;
    if (version != 0 && d.variant() != Bech32.Variant.BECH32M) return null;
    int op = version == 0 ? 0 : 0x50 + version;
    String script = String.format("%02x%02x", op, prog.length) + Hashes.hex(prog);
    return new BitcoinAddress(network, script);
  }
}
