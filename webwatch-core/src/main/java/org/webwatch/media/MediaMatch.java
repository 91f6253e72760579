package org.webwatch.media;

/**
 * One hit of a file or attachment in a hash set: the set and entry, the method
 * ({@code md5}, {@code sha1}, {@code sha256}, {@code photodna}, {@code pdq}, or
 * {@code pdq-dihedral} when a rotated/flipped variant of the query matched), the distance (0 for
 * exact methods), the PDQ policy of the query hash (null for exact methods), the entry's category
 * label and series, the set's source, and whether the set is a negative (allow) set.
 */
public record MediaMatch(
    String set,
    String entry,
    String method,
    int distance,
    String policy,
    String category,
    String series,
    String source,
    boolean negative) {

  public boolean exact() {
    return !method.startsWith("pdq");
  }
}
