package org.webwatch.store.users;

import java.util.Optional;

/** Outcome of a password check. {@code user} is present only for {@link Outcome#OK}. */
public record LoginResult(Outcome outcome, Optional<User> user) {
  /** Why a login succeeded or not; the UI shows the same message for all failures. */
  public enum Outcome { OK, BAD_CREDENTIALS, LOCKED, DISABLED }

  public boolean ok() {
    return outcome == Outcome.OK;
  }
}
