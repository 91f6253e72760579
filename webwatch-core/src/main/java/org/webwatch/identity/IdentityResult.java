package org.webwatch.identity;

import java.util.List;
import org.webwatch.model.AccountLink;
import org.webwatch.model.PersonAssignment;

/**
 * Outcome of linking: one assignment per account (rows of identities.csv), the links behind them,
 * and suggested links: pairs of accounts of two different persons that the weak-pair model scored
 * too low to merge but high enough for an analyst to look at (link-suggestions.csv). A suggestion
 * never joins two persons; an analyst's confirmation does, on the next run.
 */
public record IdentityResult(List<PersonAssignment> assignments, List<AccountLink> links, List<AccountLink> suggestions) {
  public IdentityResult {
    assignments = List.copyOf(assignments);
    links = List.copyOf(links);
    suggestions = List.copyOf(suggestions);
  }

  /** A result without suggestions. */
  public IdentityResult(List<PersonAssignment> assignments, List<AccountLink> links) {
    this(assignments, links, List.of());
  }
}
