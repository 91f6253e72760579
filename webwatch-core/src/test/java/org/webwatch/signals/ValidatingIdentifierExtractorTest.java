package org.webwatch.signals;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.webwatch.model.IdentifierOccurrence;
import org.webwatch.model.IdentifierType;
import org.webwatch.model.TextItem;
import org.webwatch.model.TextKind;
import org.webwatch.signals.identifiers.MoneroAddressValidator;
import org.webwatch.signals.identifiers.OnionAddressValidator;

class ValidatingIdentifierExtractorTest {
  private final ValidatingIdentifierExtractor x = new ValidatingIdentifierExtractor();

  static TextItem item(String text) {
    return new TextItem("s1", TextKind.POST, "p1", "a1", null, null, text);
  }

  private List<IdentifierOccurrence> find(String text) {
    return x.extract(item(text));
  }

  private static IdentifierOccurrence only(List<IdentifierOccurrence> all, IdentifierType t) {
    List<IdentifierOccurrence> of = all.stream().filter(o -> o.type() == t).toList();
    assertThat(of).as(t + " in " + all).hasSize(1);
    return of.get(0);
  }

  @Test
  void findsEveryKindWithExactOffsets() {
    byte[] key = new byte[32];
    new Random(5).nextBytes(key);
    String onion = OnionAddressValidator.fromPublicKey(key);
    byte[] keys = new byte[64];
    new Random(6).nextBytes(keys);
    String xmr = MoneroAddressValidator.build(18, keys);
    String text = "pay (1FsSia9rv4NeEwvJ2GvXrX7LyxYspbN2mo) or BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4, eth "
        + "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed; xmr " + xmr + "\nmirror http://" + onion + "/board?x=1 and "
        + onion + ". mail Me.Here@Example.org, telegram: @quiet_fox or t.me/other_fox. session "
        + "05" + "ab".repeat(32) + " fp 0123 4567 89AB CDEF 0123  4567 89AB CDEF 0123 4567 threema ABCD1234";
    List<IdentifierOccurrence> all = find(text);
    for (IdentifierOccurrence o : all) assertThat(o.start()).isLessThan(o.end());
    IdentifierOccurrence b58 = all.stream().filter(o -> o.value().startsWith("1Fs")).findFirst().orElseThrow();
    assertThat(text.substring(b58.start(), b58.end())).isEqualTo("1FsSia9rv4NeEwvJ2GvXrX7LyxYspbN2mo");
    assertThat(b58.valid()).isTrue();
    assertThat(all).anyMatch(o -> o.value().equals("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4") && o.valid());
    assertThat(only(all, IdentifierType.ETH).valid()).isTrue();
    assertThat(only(all, IdentifierType.XMR).value()).isEqualTo(xmr);
    List<IdentifierOccurrence> onions = all.stream().filter(o -> o.type() == IdentifierType.ONION).toList();
    assertThat(onions).hasSize(2).allMatch(o -> o.valid() && o.value().equals(onion));
    assertThat(onions).allMatch(o -> text.substring(o.start(), o.end()).equals(onion));
    assertThat(only(all, IdentifierType.URL).value()).startsWith("http://" + onion + "/board");
    assertThat(only(all, IdentifierType.EMAIL).value()).isEqualTo("me.here@example.org");
    assertThat(all.stream().filter(o -> o.type() == IdentifierType.TELEGRAM).map(IdentifierOccurrence::value))
        .containsExactly("@quiet_fox", "@other_fox");
    assertThat(only(all, IdentifierType.SESSION).valid()).isTrue();
    IdentifierOccurrence fp = only(all, IdentifierType.PGP_FINGERPRINT);
    assertThat(fp.value()).isEqualTo("0123456789ABCDEF0123456789ABCDEF01234567");
    assertThat(text.substring(fp.start(), fp.end())).startsWith("0123 4567").endsWith("0123 4567");
    assertThat(only(all, IdentifierType.THREEMA).value()).isEqualTo("ABCD1234");
  }

  @Test
  void nearMissesAreReportedInvalid() {
    List<IdentifierOccurrence> all = find("send to 1FsSia9rv4NeEwvJ2GvXrX7LyxYspbN2mp or bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5 "
        + "or 0x5AAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");
    assertThat(all).hasSize(3).allMatch(o -> !o.valid());
  }

  @Test
  void aProfileFieldNamedAfterTheMessengerIsItsContext() {
    ValidatingIdentifierExtractor x = new ValidatingIdentifierExtractor();
    List<IdentifierOccurrence> tg =
        x.extract(new TextItem("s1", TextKind.PROFILE, "a1", "a1", "telegram", null, "@stone_joker975"));
    assertThat(tg).extracting(IdentifierOccurrence::type).containsExactly(IdentifierType.TELEGRAM);
    assertThat(tg.get(0).start()).isZero();
    assertThat(tg.get(0).end()).isEqualTo("@stone_joker975".length());
    // The same handle in an unrelated field or a post is a forum mention, not a contact.
    assertThat(x.extract(new TextItem("s1", TextKind.PROFILE, "a1", "a1", "about", null, "@stone_joker975"))).isEmpty();
    assertThat(find("@stone_joker975")).isEmpty();
  }

  @Test
  void forumMentionsAndOrdinaryWordsAreNotIdentifiers() {
    assertThat(find("thanks @moderator_bob, great thread. Version 2019 released. deadbeef cafe")).isEmpty();
  }

  @Test
  void armoredKeyBlockGivesItsFingerprintAndItsBase64IsNotScanned() throws Exception {
    String[] k = org.webwatch.signals.identifiers.PgpKeyBlockReaderTest.armoredKey();
    String text = "my key:\n" + k[0] + "\nthanks";
    List<IdentifierOccurrence> all = find(text);
    assertThat(all).hasSize(1);
    assertThat(all.get(0).value()).isEqualTo(k[1]);
    assertThat(text.substring(all.get(0).start(), all.get(0).end())).startsWith("-----BEGIN PGP PUBLIC KEY BLOCK-----");
  }

  @Test
  void pathologicalInputIsBoundedAndSafe() {
    String huge = "x".repeat(3_000_000) + " 1FsSia9rv4NeEwvJ2GvXrX7LyxYspbN2mo";
    assertThat(find(huge)).hasSize(1);
    StringBuilder many = new StringBuilder();
    for (int i = 0; i < 20_000; i++) many.append("a@b.cd ");
    assertThat(find(many.toString())).hasSize(ValidatingIdentifierExtractor.MAX_PER_ITEM);
    assertThat(find("-----BEGIN PGP PUBLIC KEY BLOCK-----" + "A".repeat(300_000))).hasSize(1).allMatch(o -> !o.valid());
  }
}
