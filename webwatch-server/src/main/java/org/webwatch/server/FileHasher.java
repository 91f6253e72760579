package org.webwatch.server;

import java.util.Map;

/**
 * Hashes the bytes of an uploaded file (HMA {@code /h/hash} semantics). The bytes are never
 * stored. The server ships {@code DigestFileHasher} (md5, sha1, sha256); the media stage's PDQ
 * hasher plugs in here at merge.
 */
public interface FileHasher {
  /** signal type → hex hash. */
  Map<String, String> hash(byte[] content);
}
