package org.webwatch.payments;

import java.util.List;
import java.util.Map;
import org.webwatch.model.AccountKey;
import org.webwatch.model.Payment;
import org.webwatch.payments.chain.ChainError;

/**
 * Result of {@link PaymentTracer#analyze}: payments between forum accounts (time order),
 * one wallet row per forum address (address order), per-account summaries, counters and the
 * located errors met while reading the chain (capped per file).
 */
public record PaymentAnalysis(
    List<Payment> payments,
    List<WalletRow> wallets,
    Map<AccountKey, AccountPaymentSummary> accountSummaries,
    ChainCounters counters,
    List<ChainError> errors) {
  public PaymentAnalysis {
    payments = List.copyOf(payments);
    wallets = List.copyOf(wallets);
    accountSummaries = Map.copyOf(accountSummaries);
    errors = List.copyOf(errors);
  }
}
