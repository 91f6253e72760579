package org.webwatch.store.triage;

/** A row of accounts.csv as stored. {@code key()} is {@code site:account}. */
public record QueueAccount(long rank, String site, String account, String username, String person, double score, String band, String reasons) {
  public String key() {
    return site + ":" + account;
  }
}
