package org.webwatch.server.internal;

import io.javalin.http.Context;
import org.webwatch.casework.Permission;

/** What every page template needs: title, who is logged in, their CSRF token and what they may do. */
public record PageContext(String title, String nav, String user, String role, String csrf, boolean canDecide,
    boolean canExport, boolean canManageUsers, boolean canManageHashSets, boolean canAudit) {
  static PageContext of(Context ctx, String title, String nav) {
    Principal p = Security.principalOrNull(ctx);
    if (p == null) return new PageContext(title, nav, null, null, "", false, false, false, false, false);
    return new PageContext(title, nav, p.user().name(), p.user().role().code(), p.csrfToken() == null ? "" : p.csrfToken(),
        p.may(Permission.DECIDE), p.may(Permission.EXPORT), p.may(Permission.MANAGE_USERS), p.may(Permission.MANAGE_HASH_SETS),
        p.may(Permission.AUDIT));
  }

  public boolean loggedIn() {
    return user != null;
  }
}
