package org.webwatch.signals.identifiers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.crypto.generators.RSAKeyPairGenerator;
import org.bouncycastle.crypto.params.RSAKeyGenerationParameters;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.operator.bc.BcPGPKeyPair;
import org.junit.jupiter.api.Test;

public class PgpKeyBlockReaderTest {
  /** An armored public key and its fingerprint, made with Bouncy Castle (small RSA: test only). */
  public static String[] armoredKey() throws Exception {
    RSAKeyPairGenerator gen = new RSAKeyPairGenerator();
    gen.init(new RSAKeyGenerationParameters(BigInteger.valueOf(65537), new SecureRandom(new byte[] {1}), 1024, 12));
    BcPGPKeyPair kp = new BcPGPKeyPair(PGPPublicKey.RSA_GENERAL, gen.generateKeyPair(), new Date(1_600_000_000_000L));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ArmoredOutputStream armor = new ArmoredOutputStream(bytes)) {
      kp.getPublicKey().encode(armor);
    }
    String fp = HexFormat.of().formatHex(kp.getPublicKey().getFingerprint()).toUpperCase(Locale.ROOT);
    return new String[] {bytes.toString(java.nio.charset.StandardCharsets.US_ASCII), fp};
  }

  @Test
  void fingerprintOfAnArmoredKeyIsComputed() throws Exception {
    String[] k = armoredKey();
    List<IdentifierCheck> checks = new PgpKeyBlockReader().read(k[0]);
    assertThat(checks).hasSize(1);
    assertThat(checks.get(0).valid()).isTrue();
    assertThat(checks.get(0).value()).isEqualTo(k[1]).hasSize(40);
  }

  @Test
  void corruptBlockIsReportedInvalidNotDropped() throws Exception {
    String[] k = armoredKey();
    int mid = k[0].indexOf("\n\n") + 20;
    String corrupt = k[0].substring(0, mid) + (k[0].charAt(mid) == 'A' ? 'B' : 'A') + k[0].substring(mid + 1);
    List<IdentifierCheck> checks = new PgpKeyBlockReader().read(corrupt);
    assertThat(checks).hasSize(1);
    assertThat(checks.get(0).valid()).isFalse();
    assertThat(new PgpKeyBlockReader().read(PgpKeyBlockReader.BEGIN + "\n\nnot base64 !!\n" + PgpKeyBlockReader.END).get(0).valid()).isFalse();
  }
}
