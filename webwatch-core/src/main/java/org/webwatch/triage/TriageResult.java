package org.webwatch.triage;

import java.util.List;
import java.util.Map;
import org.webwatch.identity.IdentityResult;
import org.webwatch.model.AccountKey;

/**
 * What one triage run produced (and wrote): ranked accounts and persons, the identity result
 * (with singletons added for accounts the linker did not assign), excerpts around retained
 * indicator evidence keyed by {@code Evidence.detail()}, up to 10 distinct valid identifiers
 * ({@code type:value}) per account that has any, and the summary.
 */
public record TriageResult(
    List<RankedAccount> accounts,
    List<RankedPerson> persons,
    IdentityResult identity,
    Map<String, Excerpt> excerpts,
    Map<AccountKey, List<String>> identifiers,
    TriageSummary summary) {
  public TriageResult {
    accounts = List.copyOf(accounts);
    persons = List.copyOf(persons);
    excerpts = Map.copyOf(excerpts);
    identifiers = Map.copyOf(identifiers);
  }
}
