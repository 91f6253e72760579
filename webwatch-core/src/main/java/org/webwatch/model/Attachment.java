package org.webwatch.model;

import java.util.Map;

/**
 * A media attachment as a capture describes it: hashes and metadata only, never bytes.
 * Hex hashes are normalised to lower case by the reader; absent values are null.
 * {@code pdqPolicy} is {@code full} (default) or {@code nn512}.
 */
public record Attachment(
    String id,
    String name,
    String mime,
    Long size,
    String md5,
    String sha1,
    String sha256,
    String pdq,
    Integer pdqQuality,
    String pdqPolicy,
    String photodna,
    Map<String, Object> extra) {

  /** True when at least one hash that a hash set could match is present. */
  public boolean hasAnyHash() {
    return md5 != null || sha1 != null || sha256 != null || pdq != null || photodna != null;
  }
}
