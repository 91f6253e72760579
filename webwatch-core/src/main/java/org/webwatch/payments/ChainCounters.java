package org.webwatch.payments;

/** Counts of a payment analysis run, for {@code summary.json}. */
public record ChainCounters(
    int files,
    long bytes,
    int blocks,
    long txs,
    int rejectedBlocks,
    long errors,
    long unresolvedInputs,
    int addresses,
    int merges,
    int coinJoins,
    int forumAddresses,
    int forumAddressesOnChain,
    int payments) {}
