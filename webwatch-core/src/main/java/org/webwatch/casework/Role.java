package org.webwatch.casework;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.webwatch.WebwatchException;

/**
 * The roles of Webwatch users and what each may do. The matrix is cumulative: a viewer reads,
 * an investigator also decides, writes notes, keeps the watchlist and exports cases, an admin
 * also manages users, hash sets, reads the audit log and starts server jobs (capture import,
 * hash-set import, triage run). The HTTP edge maps every route to the
 * {@link Permission} it needs; this class is the single place that says who holds it.
 */
public enum Role {
  VIEWER(EnumSet.of(Permission.READ)),
  INVESTIGATOR(EnumSet.of(Permission.READ, Permission.DECIDE, Permission.EXPORT, Permission.IMPORT)),
  ADMIN(EnumSet.allOf(Permission.class));

  private final Set<Permission> permissions;

  Role(Set<Permission> permissions) {
    this.permissions = permissions;
  }

  public boolean allows(Permission p) {
    return permissions.contains(p);
  }

  public Set<Permission> permissions() {
    return EnumSet.copyOf(permissions);
  }

  /** The lower-case name used in the CLI, the store and the API. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Role fromCode(String code) {
    for (Role r : values()) if (r.code().equals(code)) return r;
    throw new WebwatchException(
        WebwatchException.Kind.INVALID_INPUT, "unknown role '" + code + "' (admin, investigator or viewer)");
  }
}
