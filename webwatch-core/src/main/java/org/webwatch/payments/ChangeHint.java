package org.webwatch.payments;

/**
 * A hint that output {@code vout} of transaction {@code txid} is probably change (back to the
 * sender). Shown to the analyst only; clustering never merges on it.
 */
public record ChangeHint(String txid, int vout, String address, String heuristic, String detail) {}
