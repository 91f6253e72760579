package org.webwatch.payments;

import java.time.Instant;
import java.util.List;
import org.webwatch.model.AccountKey;

/**
 * Row of {@code wallets.csv}: an address found in forum text and what the chain says about
 * it. {@code cluster} is empty, sizes 0 and times null when the address never appears in the
 * blocks read. {@code counterparties} (not in the CSV) lists transfers, largest first, capped.
 */
public record WalletRow(
    String address,
    String cluster,
    int clusterSize,
    long receivedSat,
    long sentSat,
    Instant firstSeen,
    Instant lastSeen,
    List<AccountKey> accounts,
    List<Counterparty> counterparties) {
  public WalletRow {
    accounts = List.copyOf(accounts);
    counterparties = List.copyOf(counterparties);
  }
}
