package org.webwatch.signals.identifiers;

import java.util.Locale;
import org.webwatch.model.IdentifierType;

/**
 * OpenPGP v4 fingerprints written in text: 40 hex digits, optionally in groups of 4 separated
 * by spaces (GnuPG prints two spaces in the middle). A fingerprint carries no checksum, so
 * {@code valid} means "40 hex digits after removing spaces". Value: 40 UPPER-case hex, no
 * spaces (as GnuPG prints it). O(n).
 */
public final class PgpFingerprintValidator implements IdentifierValidator {
  @Override
  public IdentifierType type() {
    return IdentifierType.PGP_FINGERPRINT;
  }

  @Override
  public int maxLength() {
    return 60;
  }

  @Override
  public IdentifierCheck check(String c) {
    if (c == null || c.length() > maxLength()) return IdentifierCheck.bad(type(), "", "too long");
    String hex = c.replace(" ", "").toUpperCase(Locale.ROOT);
    if (hex.startsWith("0X")) hex = hex.substring(2);
    if (hex.length() != 40 || !Hashes.isHex(hex.toLowerCase(Locale.ROOT))) return IdentifierCheck.bad(type(), hex, "not 40 hex digits");
    return IdentifierCheck.ok(type(), hex, "v4 fingerprint (format only)");
  }
}
