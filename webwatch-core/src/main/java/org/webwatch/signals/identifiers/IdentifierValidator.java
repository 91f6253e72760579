package org.webwatch.signals.identifiers;

import org.webwatch.model.IdentifierType;

/**
 * Checks one already-isolated candidate string of one identifier type. Implementations are
 * stateless, thread-safe, never throw on any input (garbage gives {@code valid=false}), and
 * are idempotent on their own output: {@code check(check(s).value()).value()} equals
 * {@code check(s).value()}.
 */
public interface IdentifierValidator {
  IdentifierType type();

  /** Longest candidate this validator looks at; longer input is rejected without work. */
  int maxLength();

  IdentifierCheck check(String candidate);
}
