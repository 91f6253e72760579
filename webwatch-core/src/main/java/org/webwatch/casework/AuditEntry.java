package org.webwatch.casework;

import java.util.Objects;

/**
 * One row of the hash-chained audit log.
 *
 * @param seq position in the chain, 1 … n without gaps
 * @param time epoch milliseconds (UTC)
 * @param actor user name (or {@code -} for an unknown user, e.g. a failed login for a missing name)
 * @param action what happened, e.g. {@code login.ok}, {@code dossier.view}, {@code decision}
 * @param target what it happened to, e.g. {@code person:P12}
 * @param detail canonical JSON text with further detail (e.g. the search query)
 * @param prevHash hash of the previous row; {@link AuditChain#GENESIS} for the first
 * @param hash {@link AuditChain#hash} over the other fields
 */
public record AuditEntry(
    long seq, long time, String actor, String action, String target, String detail, String prevHash, String hash) {
  public AuditEntry {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(prevHash, "prevHash");
    Objects.requireNonNull(hash, "hash");
  }
}
