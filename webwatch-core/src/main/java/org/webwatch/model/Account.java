package org.webwatch.model;

import java.time.Instant;
import java.util.Map;

/** An account on a site ({@code accounts.jsonl}). {@code profile} keeps the free key→string pairs. */
public record Account(
    String id,
    String site,
    String username,
    Instant registeredAt,
    String role,
    String signature,
    Map<String, String> profile,
    Map<String, Object> extra) {

  public AccountKey key() {
    return new AccountKey(site, id);
  }
}
