package org.webwatch.payments;

import java.util.List;
import org.webwatch.model.AccountKey;

/** Per-account totals of payments to and from other forum accounts (input to the risk model). */
public record AccountPaymentSummary(
    AccountKey account,
    int paymentsSent,
    long sentSat,
    int paymentsReceived,
    long receivedSat,
    List<AccountKey> paidTo,
    List<AccountKey> paidBy) {
  public AccountPaymentSummary {
    paidTo = List.copyOf(paidTo);
    paidBy = List.copyOf(paidBy);
  }
}
