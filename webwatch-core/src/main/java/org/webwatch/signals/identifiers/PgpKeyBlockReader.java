package org.webwatch.signals.identifiers;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.bcpg.ArmoredInputStream;
import org.bouncycastle.openpgp.bc.BcPGPPublicKeyRingCollection;
import org.webwatch.model.IdentifierType;

/**
 * Reads an ASCII-armored OpenPGP public key block (RFC 4880 armor, CRC-24 checked by Bouncy
 * Castle) and returns the fingerprint of each primary key, 40 (v4) upper-case hex. An
 * unparseable or corrupt block gives one {@code valid=false} check with an empty value, so it
 * is reported, not dropped. O(n) in the block size; blocks above {@link #MAX_BLOCK_CHARS} are
 * refused without parsing.
 */
public final class PgpKeyBlockReader {
  public static final String BEGIN = "-----BEGIN PGP PUBLIC KEY BLOCK-----";
  public static final String END = "-----END PGP PUBLIC KEY BLOCK-----";
  public static final int MAX_BLOCK_CHARS = 256 * 1024;

  public List<IdentifierCheck> read(String armored) {
    List<IdentifierCheck> out = new ArrayList<>();
    if (armored == null || armored.length() > MAX_BLOCK_CHARS) {
      out.add(IdentifierCheck.bad(IdentifierType.PGP_FINGERPRINT, "", "key block too large"));
      return out;
    }
    try (InputStream in = new ArmoredInputStream(new ByteArrayInputStream(armored.getBytes(StandardCharsets.UTF_8)))) {
      BcPGPPublicKeyRingCollection rings = new BcPGPPublicKeyRingCollection(in);
      Iterator<PGPPublicKeyRing> it = rings.getKeyRings();
      while (it.hasNext()) {
        PGPPublicKey key = it.next().getPublicKey();
        String fp = Hashes.hex(key.getFingerprint()).toUpperCase(Locale.ROOT);
        out.add(IdentifierCheck.ok(IdentifierType.PGP_FINGERPRINT, fp, "key block v" + key.getVersion()));
      }
    } catch (Exception | StackOverflowError e) { // any malformed block is a finding, never a crash
      out.clear();
    }
    if (out.isEmpty()) out.add(IdentifierCheck.bad(IdentifierType.PGP_FINGERPRINT, "", "unparseable key block"));
    return out;
  }
}
