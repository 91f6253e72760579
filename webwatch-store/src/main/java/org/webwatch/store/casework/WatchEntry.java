package org.webwatch.store.casework;

/** A subject on the watchlist: {@code kind} is {@code person} or {@code account} (site:account). */
public record WatchEntry(String kind, String subject, String addedBy, long addedAt, String reason) {}
