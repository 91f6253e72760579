package org.webwatch.media.hashset;

/**
 * One known-material record of a hash set as a reader emits it: its id within the set (VICS
 * {@code MediaID}, or the line number), the hashes it carries in canonical form (null when
 * absent), its category in its own scheme, series and source. At least one hash is present.
 */
public record HashEntry(
    String id, String md5, String sha1, String sha256, String pdq, String photodna, Category category, String series, String source) {

  public HashEntry {
    if (id == null || id.isEmpty()) throw new IllegalArgumentException("entry id is required");
    if (md5 == null && sha1 == null && sha256 == null && pdq == null && photodna == null) {
      throw new IllegalArgumentException("entry " + id + " has no hash");
    }
  }
}
