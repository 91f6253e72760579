package org.webwatch.server.internal;

/** The request carries no valid session or token; browsers are sent to the login page, API clients get 401. */
final class NotAuthenticated extends RuntimeException {
  NotAuthenticated() {
    super("authentication required", null, false, false);
  }
}
