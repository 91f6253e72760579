package org.webwatch.store.users;

/** A live login session: the user and the session's CSRF synchronizer token. */
public record Session(User user, String csrfToken, long createdAt, long lastSeen) {}
