package org.webwatch.server;

import java.util.Objects;

/**
 * How the server runs.
 *
 * @param sessionIdleMillis a session ends after this long without a request
 * @param sessionAbsoluteMillis a session ends this long after login, used or not
 * @param secureCookies mark cookies Secure (set when served over TLS or behind a TLS proxy)
 * @param loginFailuresPerAddress failed logins per client address in {@code throttleWindowMillis} before 429
 * @param throttleWindowMillis window of the per-address login throttle
 * @param hashLookup hash matching behind /m/lookup and the match form
 * @param fileHasher file hashing behind /h/hash (the file is hashed in memory and discarded)
 */
public record ServerOptions(long sessionIdleMillis, long sessionAbsoluteMillis, boolean secureCookies,
    int loginFailuresPerAddress, long throttleWindowMillis, HashLookup hashLookup, FileHasher fileHasher) {
  public static final long DEFAULT_IDLE_MILLIS = 30 * 60_000L;
  public static final long DEFAULT_ABSOLUTE_MILLIS = 12 * 3_600_000L;
  public static final int DEFAULT_LOGIN_FAILURES_PER_ADDRESS = 20;
  public static final long DEFAULT_THROTTLE_WINDOW_MILLIS = 15 * 60_000L;

  public ServerOptions {
    if (sessionIdleMillis <= 0 || sessionAbsoluteMillis < sessionIdleMillis) {
      throw new IllegalArgumentException("session idle must be > 0 and <= absolute lifetime");
    }
    if (loginFailuresPerAddress < 1 || throttleWindowMillis <= 0) throw new IllegalArgumentException("bad throttle settings");
    Objects.requireNonNull(hashLookup, "hashLookup");
    Objects.requireNonNull(fileHasher, "fileHasher");
  }

  /** Defaults: 30 min idle, 12 h absolute, cookies Secure only if {@code tls}. */
  public static ServerOptions defaults(boolean tls, HashLookup lookup, FileHasher hasher) {
    return new ServerOptions(DEFAULT_IDLE_MILLIS, DEFAULT_ABSOLUTE_MILLIS, tls, DEFAULT_LOGIN_FAILURES_PER_ADDRESS,
        DEFAULT_THROTTLE_WINDOW_MILLIS, lookup, hasher);
  }
}
