package org.webwatch.payments;

/**
 * A transfer between a forum address and another address: {@code direction} is
 * {@code from} (the other address paid into a transaction paying the forum address) or
 * {@code to} (the forum address paid the other).
 */
public record Counterparty(String address, String direction, String txid, long time, long amountSat) {}
