package org.webwatch.store.triage;

/** A row of identifiers.csv. */
public record IdentifierRow(String site, String kind, String item, String account, String type, String value, boolean valid) {}
