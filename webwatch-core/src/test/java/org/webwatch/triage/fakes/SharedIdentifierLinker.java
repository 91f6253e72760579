package org.webwatch.triage.fakes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.webwatch.identity.AccountLinker;
import org.webwatch.identity.IdentityResult;
import org.webwatch.model.*;

/** Test fake: accounts sharing a valid identifier value are one person (union-find); person id = "p-" + smallest key. */
public final class SharedIdentifierLinker implements AccountLinker {
  private final Set<AccountKey> accounts = new TreeSet<>();
  private final Map<String, Set<AccountKey>> byValue = new TreeMap<>();
  private final Map<AccountKey, AccountKey> parent = new TreeMap<>();

  @Override
  public synchronized void account(Account account) {
    accounts.add(account.key());
  }

  @Override
  public synchronized void text(TextItem item) {
    accounts.add(item.accountKey());
  }

  @Override
  public void activity(AccountKey account, Instant time) {}

  @Override
  public synchronized void identifier(IdentifierOccurrence id) {
    if (id.valid()) byValue.computeIfAbsent(id.type().code() + ":" + id.value(), v -> new TreeSet<>()).add(id.accountKey());
  }

  @Override
  public void media(MediaResult media) {}

  @Override
  public void decision(AccountKey a, AccountKey b, boolean confirmed) {}

  private AccountKey find(AccountKey k) {
    AccountKey p = parent.getOrDefault(k, k);
    return p.equals(k) ? k : find(p);
  }

  @Override
  public synchronized IdentityResult link() {
    List<AccountLink> links = new ArrayList<>();
    for (var e : byValue.entrySet()) {
      AccountKey first = null;
      for (AccountKey k : e.getValue()) {
        if (first == null) { first = k; continue; }
        AccountKey a = find(first), b = find(k);
        if (!a.equals(b)) parent.put(a.compareTo(b) < 0 ? b : a, a.compareTo(b) < 0 ? a : b);
        links.add(new AccountLink(first, k, 0.9, "shared-identifier", "fake-1",
            List.of(new Evidence("shared-" + e.getKey().substring(0, e.getKey().indexOf(':')), e.getKey(), 0.9, "test"))));
      }
    }
    List<PersonAssignment> out = new ArrayList<>();
    for (AccountKey k : accounts) {
      AccountKey root = find(k);
      boolean single = links.stream().noneMatch(l -> l.a().equals(k) || l.b().equals(k));
      out.add(new PersonAssignment("p-" + root, k, single ? 1.0 : 0.9, single ? List.of() : List.of("shared-btc")));
    }
    return new IdentityResult(out, links);
  }
}
