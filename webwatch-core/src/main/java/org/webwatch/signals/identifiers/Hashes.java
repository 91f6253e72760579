package org.webwatch.signals.identifiers;

import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.KeccakDigest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA3Digest;

/** Digests used by the validators (Bouncy Castle lightweight API; new digest per call). */
final class Hashes {
  private Hashes() {}

  static byte[] sha256(byte[] in) {
    return run(new SHA256Digest(), in);
  }

  static byte[] doubleSha256(byte[] in) {
    return sha256(sha256(in));
  }

  /** Original Keccak-256 (Ethereum, Monero), not FIPS SHA3-256. */
  static byte[] keccak256(byte[] in) {
    return run(new KeccakDigest(256), in);
  }

  static byte[] sha3_256(byte[] in) {
    return run(new SHA3Digest(256), in);
  }

  private static byte[] run(Digest d, byte[] in) {
    d.update(in, 0, in.length);
    byte[] out = new byte[d.getDigestSize()];
    d.doFinal(out, 0);
    return out;
  }

  static String hex(byte[] b) {
    StringBuilder sb = new StringBuilder(b.length * 2);
    for (byte x : b) sb.append(Character.forDigit((x >> 4) & 0xf, 16)).append(Character.forDigit(x & 0xf, 16));
    return sb.toString();
  }

  static boolean isHex(CharSequence s) {
    for (int i = 0; i < s.length(); i++) if (Character.digit(s.charAt(i), 16) < 0 || s.charAt(i) > 'f') return false;
    return s.length() > 0;
  }
}
