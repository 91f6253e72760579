package org.webwatch.model;

import java.time.Instant;

/** Row of {@code payments.csv}: a chain payment between addresses tied to two forum accounts. */
public record Payment(
    AccountKey from, AccountKey to, String txid, Instant time, long amountSat, String evidence) {}
