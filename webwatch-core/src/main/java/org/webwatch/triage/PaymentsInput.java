package org.webwatch.triage;

import java.util.List;
import java.util.Objects;
import org.webwatch.model.Payment;

/**
 * What the payments stage hands to triage: chain payments whose two ends are tied to forum
 * accounts, and the version of the payments analysis (for summary.json). Each payment counts as
 * evidence for both its payer and its payee ({@code payments} factor).
 */
public record PaymentsInput(List<Payment> payments, String version) {
  public PaymentsInput {
    payments = List.copyOf(Objects.requireNonNull(payments, "payments"));
    Objects.requireNonNull(version, "version");
  }
}
