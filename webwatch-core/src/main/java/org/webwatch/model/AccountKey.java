package org.webwatch.model;

import java.util.Objects;

/** Global key of an account: the site id and the account id, both as the capture's strings. */
public record AccountKey(String site, String account) implements Comparable<AccountKey> {
  public AccountKey {
    Objects.requireNonNull(site, "site");
    Objects.requireNonNull(account, "account");
  }

  /** Parses {@code site:account} (the form used in {@code persons.csv}); the site may not contain ':'. */
  public static AccountKey parse(String s) {
    int i = s.indexOf(':');
    if (i <= 0) throw new IllegalArgumentException("not site:account: " + s);
    return new AccountKey(s.substring(0, i), s.substring(i + 1));
  }

  @Override
  public int compareTo(AccountKey o) {
    int c = site.compareTo(o.site);
    return c != 0 ? c : account.compareTo(o.account);
  }

  @Override
  public String toString() {
    return site + ":" + account;
  }
}
