package org.webwatch.store.search;

import java.time.Instant;
import org.webwatch.model.TextKind;

/**
 * One document of the full-text index ({@link IndexSchema}): a post, message, signature or
 * thread title. {@code account} and {@code time} may be null.
 */
public record IndexedText(String site, TextKind kind, String id, String account, Instant time, String text) {
  public String key() {
    return IndexSchema.key(site, kind.code(), id);
  }

  /** The 128-bit identity of this document, {@code [hi, lo]} ({@link IndexSchema#keyId}). */
  public long[] keyId() {
    return IndexSchema.keyId(site, kind.code(), id);
  }

  /** A message's document: its subject (when present) on the first line, then its text. */
  public static IndexedText message(String site, String id, String author, Instant time, String subject, String text) {
    return new IndexedText(site, TextKind.MESSAGE, id, author, time, subject == null ? text : subject + "\n" + text);
  }

  /** A signature's document (keyed by the account id), or null when the signature is blank. */
  public static IndexedText signature(String site, String account, Instant registered, String signature) {
    return signature == null || signature.isBlank() ? null : new IndexedText(site, TextKind.SIGNATURE, account, account, registered, signature);
  }

  /** A thread title's document, or null when the thread has no title. */
  public static IndexedText threadTitle(String site, String thread, String author, Instant created, String title) {
    return title == null || title.isBlank() ? null : new IndexedText(site, TextKind.THREAD_TITLE, thread, author, created, title);
  }
}
