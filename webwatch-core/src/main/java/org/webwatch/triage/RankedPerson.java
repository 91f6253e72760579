package org.webwatch.triage;

import java.util.List;
import org.webwatch.model.AccountKey;

/** Row of persons.csv: rank (1 = first), the person id, its accounts (key order) and its score. */
public record RankedPerson(int rank, String person, List<AccountKey> accounts, RiskScore score) {
  public RankedPerson {
    accounts = List.copyOf(accounts);
  }
}
