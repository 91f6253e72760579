package org.webwatch.model;

import java.time.Instant;

/**
 * One piece of text that signals are detected in: a post, message, signature, thread title or
 * profile field. {@code item} is the post / message / thread id, or the account id for
 * signatures and profiles; {@code account} is the author. {@code field} names the profile key
 * (null for other kinds). {@code time} may be null.
 */
public record TextItem(
    String site, TextKind kind, String item, String account, String field, Instant time, String text) {

  public AccountKey accountKey() {
    return new AccountKey(site, account);
  }
}
