package org.webwatch.store.triage;

/** A row of identities.csv: why an account belongs to its person. */
public record IdentityRow(String person, String site, String account, double confidence, String evidence) {}
