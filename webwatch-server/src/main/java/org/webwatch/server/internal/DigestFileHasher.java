package org.webwatch.server.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.webwatch.server.FileHasher;

/** Cryptographic digests of a file (md5, sha1, sha256): O(n), the bytes are not kept. */
public final class DigestFileHasher implements FileHasher {
  @Override
  public Map<String, String> hash(byte[] content) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String[] a : new String[][] {{"md5", "MD5"}, {"sha1", "SHA-1"}, {"sha256", "SHA-256"}}) {
      try {
        out.put(a[0], HexFormat.of().formatHex(MessageDigest.getInstance(a[1]).digest(content)));
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
    return out;
  }
}
