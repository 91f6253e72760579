package org.webwatch.model;

/**
 * One identifier found in text: its normalised {@code value} (e.g. lower-case bech32, 40-hex
 * PGP fingerprint), whether its checksum/format check passed, and where it was found
 * (UTF-16 offsets into the item's original text). Row of {@code identifiers.csv}.
 */
public record IdentifierOccurrence(
    String site,
    TextKind kind,
    String item,
    String account,
    IdentifierType type,
    String value,
    boolean valid,
    int start,
    int end) {

  public AccountKey accountKey() {
    return new AccountKey(site, account);
  }
}
