package org.webwatch.store.casework;

/**
 * The decision in force on a link between two accounts ({@code site:account}, a &lt; b):
 * {@code confirmed} true = same person (triage must join them), false = different persons
 * (triage must not join them).
 */
public record LinkDecision(String accountA, String accountB, boolean confirmed, String actor, long time) {}
