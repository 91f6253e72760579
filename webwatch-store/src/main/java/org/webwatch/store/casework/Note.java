package org.webwatch.store.casework;

/** A free-text note by an investigator on a person or account. */
public record Note(long id, String kind, String subject, String author, long createdAt, String text) {}
