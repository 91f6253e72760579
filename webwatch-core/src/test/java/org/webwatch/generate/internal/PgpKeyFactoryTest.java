package org.webwatch.generate.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.bcpg.ArmoredInputStream;
import org.bouncycastle.openpgp.operator.bc.BcKeyFingerprintCalculator;
import org.junit.jupiter.api.Test;

class PgpKeyFactoryTest {
  @Test
  void armoredKeyParsesAndFingerprintMatchesAndIsDeterministic() throws Exception {
    byte[] seed = new byte[32];
    seed[0] = 7;
    PgpKeyFactory.PgpKey k = PgpKeyFactory.create(seed, "owl <owl@keys.example>", 1_560_000_000L);
    PgpKeyFactory.PgpKey again = PgpKeyFactory.create(seed, "owl <owl@keys.example>", 1_560_000_000L);
    assertThat(again).isEqualTo(k);
    assertThat(k.armored()).startsWith("-----BEGIN PGP PUBLIC KEY BLOCK-----").endsWith("-----END PGP PUBLIC KEY BLOCK-----");
    PGPPublicKeyRing ring = new PGPPublicKeyRing(
        new ArmoredInputStream(new ByteArrayInputStream(k.armored().getBytes(StandardCharsets.US_ASCII))),
        new BcKeyFingerprintCalculator());
    String fp = HexFormat.of().formatHex(ring.getPublicKey().getFingerprint()).toUpperCase(Locale.ROOT);
    assertThat(fp).isEqualTo(k.fingerprint()).hasSize(40);
    assertThat(ring.getPublicKey().getUserIDs().next()).isEqualTo("owl <owl@keys.example>");
    assertThat(k.spaced().replace(" ", "")).isEqualTo(k.fingerprint());
    seed[0] = 8;
    assertThat(PgpKeyFactory.create(seed, "owl <owl@keys.example>", 1_560_000_000L).fingerprint()).isNotEqualTo(k.fingerprint());
  }
}
