package org.webwatch.model;

/**
 * Status of one attachment (row of {@code media.csv}) and what produced it. {@code source},
 * {@code category}, {@code entry} and {@code distance} describe the best matching hash-set entry
 * (null when none); {@code method} is e.g. {@code md5}, {@code sha256}, {@code pdq},
 * {@code pdq-dihedral}; {@code contentKey} is the strongest hash of the attachment
 * (e.g. {@code sha256:…} or {@code pdq:…}) so that later stages can tell the same new media
 * posted twice.
 */
public record MediaResult(
    String site,
    String post,
    String account,
    String attachment,
    MediaStatus status,
    String source,
    String category,
    String entry,
    Integer distance,
    String method,
    String contentKey) {

  public AccountKey accountKey() {
    return new AccountKey(site, account);
  }
}
