package org.webwatch.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A private message ({@code messages.jsonl}). */
public record Message(
    String id,
    String site,
    String author,
    Instant createdAt,
    String text,
    List<String> recipients,
    String subject,
    List<Attachment> attachments,
    Map<String, Object> extra) {

  public AccountKey authorKey() {
    return new AccountKey(site, author);
  }
}
