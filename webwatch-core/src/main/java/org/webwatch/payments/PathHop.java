package org.webwatch.payments;

/** One edge of a payment path: {@code txid} moved {@code amountSat} from one cluster to another. */
public record PathHop(
    String fromAddress, String fromCluster, String toAddress, String toCluster, String txid, long time, long amountSat) {}
