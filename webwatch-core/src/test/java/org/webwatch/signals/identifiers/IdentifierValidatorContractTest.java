package org.webwatch.signals.identifiers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The contract every identifier validator honours, over every validator. */
class IdentifierValidatorContractTest {
  /** validator, valid samples, whether a one-character change must break it (checksummed types). */
  static Stream<Arguments> validators() {
    byte[] key = new byte[32];
    new Random(3).nextBytes(key);
    List<String> btc = Stream.concat(Vectors.keyIoValidAddresses().stream().map(e -> e[0]),
        Vectors.strings("bip350_vectors.json", "valid_segwit_addresses").stream()).toList();
    return Stream.of(
        Arguments.of(new BitcoinAddressValidator(), btc, true),
        Arguments.of(new EthereumAddressValidator(), Vectors.eip55().subList(4, 8), true),
        Arguments.of(new MoneroAddressValidator(), List.of(MoneroAddressValidatorTest.address(18, 64, 1), MoneroAddressValidatorTest.address(42, 64, 2)), true),
        Arguments.of(new OnionAddressValidator(), List.of(OnionAddressValidator.fromPublicKey(key)), true),
        Arguments.of(new PgpFingerprintValidator(), List.of("0123456789ABCDEF0123456789ABCDEF01234567", "0123 4567 89AB CDEF 0123  4567 89AB CDEF 0123 4567"), false),
        Arguments.of(new ContactValidators.Email(), List.of("Someone.Else+x@Example.org"), false),
        Arguments.of(new ContactValidators.Telegram(), List.of("@Some_handle", "another1"), false),
        Arguments.of(new ContactValidators.Session(), List.of("05" + "ab".repeat(32)), false),
        Arguments.of(new ContactValidators.Threema(), List.of("ABCD1234"), false),
        Arguments.of(new ContactValidators.Wickr(), List.of("quiet.user"), false),
        Arguments.of(new ContactValidators.Url(), List.of("HTTPS://Example.ORG/Path?q=1"), false));
  }

  @ParameterizedTest
  @MethodSource("validators")
  void validSamplesAreAccepted(IdentifierValidator v, List<String> valid, boolean checksummed) {
    for (String s : valid) assertThat(v.check(s).valid()).as(v.type() + " " + s).isTrue();
  }

  @ParameterizedTest
  @MethodSource("validators")
  void normalisationIsIdempotent(IdentifierValidator v, List<String> valid, boolean checksummed) {
    for (String s : valid) {
      IdentifierCheck once = v.check(s);
      IdentifierCheck twice = v.check(once.value());
      assertThat(twice.value()).as(s).isEqualTo(once.value());
      assertThat(twice.valid()).as(s).isEqualTo(once.valid());
      assertThat(once.type()).isEqualTo(v.type());
    }
  }

  @ParameterizedTest
  @MethodSource("validators")
  void everyOneCharacterChangeOfAChecksummedIdentifierIsRejected(IdentifierValidator v, List<String> valid, boolean checksummed) {
    if (!checksummed) return;
    for (String s : valid) {
      int start = s.startsWith("0x") ? 2 : s.toLowerCase().startsWith("bcrt1") ? 5 : s.toLowerCase().matches("^(bc|tb)1.*") ? 3 : 0;
      int end = s.endsWith(".onion") ? s.length() - 6 : s.length();
      for (int i = start; i < end; i++) {
        char c = s.charAt(i);
        char r = substitute(c);
        String m = s.substring(0, i) + r + s.substring(i + 1);
        assertThat(v.check(m).valid()).as(v.type() + " " + m).isFalse();
      }
    }
  }

  @ParameterizedTest
  @MethodSource("validators")
  void garbageAndHugeInputNeverThrow(IdentifierValidator v, List<String> valid, boolean checksummed) {
    Random r = new Random(11);
    assertThatCode(() -> {
      for (int i = 0; i < 300; i++) {
        char[] cs = new char[r.nextInt(120)];
        for (int j = 0; j < cs.length; j++) cs[j] = (char) r.nextInt(0x3000);
        IdentifierCheck c = v.check(new String(cs));
        assertThat(c.value().length()).isLessThanOrEqualTo(Math.max(v.maxLength(), 200));
      }
      v.check("");
      v.check(null);
      assertThat(v.check("1".repeat(5_000_000)).valid()).isFalse();
    }).doesNotThrowAnyException();
  }

  /** A different character of the same class (keeps the shape, breaks the content). */
  private static char substitute(char c) {
    if (Character.isDigit(c)) return c == '7' ? '6' : c == '9' ? '8' : (char) (c + 1);
    if (Character.isUpperCase(c)) return c == 'Z' ? 'Y' : c == 'H' ? 'J' : c == 'N' ? 'P' : (char) (c + 1);
    return c == 'z' ? 'y' : c == 'k' ? 'm' : c == 'a' ? 'c' : (char) (c + 1);
  }
}
