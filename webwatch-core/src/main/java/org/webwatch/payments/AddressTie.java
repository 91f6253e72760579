package org.webwatch.payments;

import org.webwatch.model.AccountKey;
import org.webwatch.model.IdentifierOccurrence;

/** An address tied to a forum account because the account posted it (where: kind + item). */
public record AddressTie(AccountKey account, String address, String kind, String item) {
  public static AddressTie of(IdentifierOccurrence o) {
    return new AddressTie(o.accountKey(), o.value().strip(), o.kind().code(), o.item());
  }

  /** e.g. {@code posted by s1:17 in post 901}. */
  public String describe() {
    return "posted by " + account + " in " + kind + " " + item;
  }
}
