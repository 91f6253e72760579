package org.webwatch.store.users;

import org.webwatch.casework.Role;

/** A Webwatch user as stored (never with the password hash). */
public record User(String name, Role role, boolean disabled, long createdAt, long lockedUntil) {}
