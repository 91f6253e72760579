package org.webwatch.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A forum post ({@code posts.jsonl}); {@code thread} may be null on chat-like sites. */
public record Post(
    String id,
    String site,
    String thread,
    String author,
    Instant createdAt,
    String text,
    String replyTo,
    List<String> quotes,
    List<Attachment> attachments,
    Map<String, Object> extra) {

  public AccountKey authorKey() {
    return new AccountKey(site, author);
  }
}
