package org.webwatch.identity;

import java.util.List;
import org.webwatch.model.AccountLink;
import org.webwatch.model.PersonAssignment;

/** Outcome of linking: one assignment per account (rows of identities.csv) and the links behind them. */
public record IdentityResult(List<PersonAssignment> assignments, List<AccountLink> links) {}
