package org.webwatch.media;

import java.nio.file.Path;

/**
 * The hashes of one file: MD5/SHA-1/SHA-256 (lower-case hex; null when the file could not be
 * read), the PDQ result (null when the file is not a decodable image) and an error text (null
 * when everything that applies was computed). The bytes themselves are never kept.
 */
public record FileHashes(Path path, long size, String md5, String sha1, String sha256, PdqResult pdq, String error) {
  public boolean ok() {
    return error == null;
  }
}
