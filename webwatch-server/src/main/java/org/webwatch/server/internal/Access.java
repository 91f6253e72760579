package org.webwatch.server.internal;

import io.javalin.security.RouteRole;
import org.webwatch.casework.Permission;

/**
 * The access level a route declares. Every route declares exactly one; a route without one is
 * refused (fail closed). {@link #PUBLIC} is only for the login page.
 */
public enum Access implements RouteRole {
  PUBLIC(null),
  READ(Permission.READ),
  DECIDE(Permission.DECIDE),
  EXPORT(Permission.EXPORT),
  IMPORT(Permission.IMPORT),
  MANAGE_USERS(Permission.MANAGE_USERS),
  MANAGE_HASH_SETS(Permission.MANAGE_HASH_SETS),
  AUDIT(Permission.AUDIT),
  RUN_JOBS(Permission.RUN_JOBS);

  public final Permission permission;

  Access(Permission permission) {
    this.permission = permission;
  }
}
