package org.webwatch.triage;

import org.webwatch.model.AccountKey;

/** Row of accounts.csv: rank (1 = first), the account, its username (may be empty), its person and score. */
public record RankedAccount(int rank, AccountKey account, String username, String person, RiskScore score) {}
