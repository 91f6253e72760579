package org.webwatch.server;

import java.util.Map;

/**
 * Hashes the bytes of an uploaded file (HMA {@code /h/hash} semantics). The bytes are never
 * stored. The default {@code MediaFileHasher} gives md5, sha1, sha256 and, for images, PDQ with
 * its quality; {@code DigestFileHasher} gives the digests only.
 */
public interface FileHasher {
  /** signal type → hex hash; an image also gets {@code pdq_quality} (0–100) beside its {@code pdq}. */
  Map<String, String> hash(byte[] content);
}
