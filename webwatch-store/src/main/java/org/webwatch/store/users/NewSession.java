package org.webwatch.store.users;

/** A freshly created session: {@code id} goes into the cookie once and is stored only hashed. */
public record NewSession(String id, String csrfToken) {}
