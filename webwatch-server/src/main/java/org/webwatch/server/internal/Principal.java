package org.webwatch.server.internal;

import org.webwatch.casework.Permission;
import org.webwatch.store.users.User;

/**
 * Who is making the request: the user, and the session's CSRF token ({@code null} when the
 * request authenticated with an API token, which is exempt from CSRF: browsers never attach it).
 */
public record Principal(User user, String csrfToken) {
  public boolean may(Permission p) {
    return user.role().allows(p);
  }

  public boolean viaToken() {
    return csrfToken == null;
  }
}
