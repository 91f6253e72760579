package org.webwatch.payments;

import java.util.List;
import java.util.Map;
import org.webwatch.model.AccountKey;
import org.webwatch.model.Payment;
import org.webwatch.payments.chain.ChainError;

/**
 * Result of {@link PaymentTracer#analyze}: payments between forum accounts (time order),
 * one wallet row per forum address (address order), per-account summaries, counters, the
 * located errors met while reading the chain (capped per file), and the change hints of the
 * payment transactions (annotations for the analyst; never used for clustering).
 */
public record PaymentAnalysis(
    List<Payment> payments,
    List<WalletRow> wallets,
    Map<AccountKey, AccountPaymentSummary> accountSummaries,
    ChainCounters counters,
    List<ChainError> errors,
    List<ChangeHint> changeHints) {
  public PaymentAnalysis {
    payments = List.copyOf(payments);
    wallets = List.copyOf(wallets);
    accountSummaries = Map.copyOf(accountSummaries);
    errors = List.copyOf(errors);
    changeHints = List.copyOf(changeHints);
  }
}
