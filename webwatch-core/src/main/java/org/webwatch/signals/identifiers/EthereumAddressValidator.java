package org.webwatch.signals.identifiers;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.webwatch.model.IdentifierType;

/**
 * Ethereum addresses, {@code 0x} + 40 hex (EIP-55): all-lower or all-upper hex is
 * format-valid (no checksum encoded); mixed case must match the Keccak-256 checksum casing.
 * Value: the EIP-55 checksummed form. O(n).
 */
public final class EthereumAddressValidator implements IdentifierValidator {
  @Override
  public IdentifierType type() {
    return IdentifierType.ETH;
  }

  @Override
  public int maxLength() {
    return 42;
  }

  @Override
  public IdentifierCheck check(String c) {
    if (c == null || c.length() != 42 || !(c.startsWith("0x") || c.startsWith("0X")) || !Hashes.isHex(c.substring(2))) {
      return IdentifierCheck.bad(type(), c == null ? "" : BitcoinAddressValidator.clip(c).toLowerCase(Locale.ROOT), "not 0x + 40 hex");
    }
    String hex = c.substring(2);
    String expected = checksummed(hex);
    boolean lower = hex.equals(hex.toLowerCase(Locale.ROOT));
    boolean upper = hex.equals(hex.toUpperCase(Locale.ROOT));
    if (lower || upper) return IdentifierCheck.ok(type(), expected, "no checksum casing");
    return ("0x" + hex).equals(expected)
        ? IdentifierCheck.ok(type(), expected, "EIP-55 checksum")
        : IdentifierCheck.bad(type(), "0x" + hex.toLowerCase(Locale.ROOT), "EIP-55 checksum mismatch");
  }

  /** The EIP-55 form of 40 hex digits. */
  public static String checksummed(String hex40) {
    String lower = hex40.toLowerCase(Locale.ROOT);
    byte[] h = Hashes.keccak256(lower.getBytes(StandardCharsets.US_ASCII));
    StringBuilder sb = new StringBuilder("0x");
    for (int i = 0; i < 40; i++) {
      char ch = lower.charAt(i);
      int nibble = (h[i / 2] >> (i % 2 == 0 ? 4 : 0)) & 0xf;
      sb.append(Character.isLetter(ch) && nibble >= 8 ? Character.toUpperCase(ch) : ch);
    }
    return sb.toString();
  }
}
