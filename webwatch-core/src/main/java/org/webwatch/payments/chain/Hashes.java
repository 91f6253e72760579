package org.webwatch.payments.chain;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.bouncycastle.crypto.digests.RIPEMD160Digest;

/** Bitcoin's hash functions: double SHA-256 and HASH160 = RIPEMD-160(SHA-256(x)). */
public final class Hashes {
  private static final ThreadLocal<MessageDigest> SHA256 =
      ThreadLocal.withInitial(
          () -> {
            try {
              return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
              throw new IllegalStateException("JVM without SHA-256", e);
            }
          });

  private Hashes() {}

  public static MessageDigest sha256() {
    MessageDigest md = SHA256.get();
    md.reset();
    return md;
  }

  public static byte[] sha256d(byte[] b, int off, int len) {
    MessageDigest md = sha256();
    md.update(b, off, len);
    return md.digest(md.digest());
  }

  public static byte[] sha256d(byte[] b) {
    return sha256d(b, 0, b.length);
  }

  /** dSHA256 of the concatenation of two 32-byte hashes (merkle tree node). */
  public static byte[] sha256d(byte[] a, byte[] b) {
    MessageDigest md = sha256();
    md.update(a);
    md.update(b);
    return md.digest(md.digest());
  }

  public static byte[] hash160(byte[] b, int off, int len) {
    MessageDigest md = sha256();
    md.update(b, off, len);
    byte[] sha = md.digest();
    RIPEMD160Digest r = new RIPEMD160Digest();
    r.update(sha, 0, sha.length);
    byte[] out = new byte[20];
    r.doFinal(out, 0);
    return out;
  }
}
