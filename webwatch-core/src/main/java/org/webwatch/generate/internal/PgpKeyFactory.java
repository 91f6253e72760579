package org.webwatch.generate.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Date;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.BCPGOutputStream;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.bcpg.UserIDPacket;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPKeyPair;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.operator.bc.BcPGPKeyPair;

/**
 * Deterministic OpenPGP v4 public keys (Ed25519, RFC 9580 algorithm 27, key packet + user id packet) built with Bouncy
 * Castle from a 32-byte seed. The creation time is fixed and nothing is signed, so the same seed gives byte-identical armor. Cost: one key derivation and one
 * signature, about 0.1 ms.
 */
public final class PgpKeyFactory {
  private PgpKeyFactory() {}

  /** An armored public key block and its 40-hex (upper-case) v4 fingerprint. */
  public record PgpKey(String armored, String fingerprint) {
    /** Fingerprint in the usual "3AF1 09C2 …" groups of four. */
    public String spaced() {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < fingerprint.length(); i += 4) {
        if (i > 0) sb.append(i == 20 ? "  " : " ");
        sb.append(fingerprint, i, i + 4);
      }
      return sb.toString();
    }
  }

  public static PgpKey create(byte[] seed32, String userId, long createdEpochSeconds) {
    try {
      Date created = new Date(createdEpochSeconds * 1000L);
      Ed25519PrivateKeyParameters priv = new Ed25519PrivateKeyParameters(seed32, 0);
      AsymmetricCipherKeyPair kp = new AsymmetricCipherKeyPair(priv.generatePublicKey(), priv);
      PGPKeyPair pair = new BcPGPKeyPair(PublicKeyAlgorithmTags.Ed25519, kp, created);
      // A self-signature would need bcutil (not on the classpath); a key packet plus user id
      // packet is a parseable transferable key and is all fingerprinting needs.
      PGPPublicKey pub = pair.getPublicKey();
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ArmoredOutputStream armor = ArmoredOutputStream.builder().clearHeaders().build(bytes)) {
        pub.encode(armor);
        BCPGOutputStream packets = new BCPGOutputStream(armor);
        new UserIDPacket(userId).encode(packets);
        packets.flush();
      }
      String text = bytes.toString(java.nio.charset.StandardCharsets.US_ASCII).replace("\r\n", "\n");
      return new PgpKey(text.strip(), AddressCodec.hex(pub.getFingerprint()).toUpperCase(java.util.Locale.ROOT));
    } catch (PGPException | IOException e) {
      throw new IllegalStateException("PGP key generation failed", e);
    }
  }
}
