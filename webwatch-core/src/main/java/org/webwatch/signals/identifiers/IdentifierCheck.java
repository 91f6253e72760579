package org.webwatch.signals.identifiers;

import java.util.Objects;
import org.webwatch.model.IdentifierType;

/**
 * Result of checking one candidate: its {@code type}, the normalised {@code value} written to
 * {@code identifiers.csv}, whether the checksum / format check passed, and a short
 * {@code detail} (network, version, or why it failed) for explanations.
 */
public record IdentifierCheck(IdentifierType type, String value, boolean valid, String detail) {
  public IdentifierCheck {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(detail, "detail");
  }

  static IdentifierCheck ok(IdentifierType type, String value, String detail) {
    return new IdentifierCheck(type, value, true, detail);
  }

  static IdentifierCheck bad(IdentifierType type, String value, String why) {
    return new IdentifierCheck(type, value, false, why);
  }
}
