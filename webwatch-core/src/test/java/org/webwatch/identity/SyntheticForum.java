package org.webwatch.identity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.webwatch.model.Account;
import org.webwatch.model.AccountKey;
import org.webwatch.model.IdentifierOccurrence;
import org.webwatch.model.IdentifierType;
import org.webwatch.model.MediaResult;
import org.webwatch.model.MediaStatus;
import org.webwatch.model.TextItem;
import org.webwatch.model.TextKind;

/**
 * Test fixture: synthetic, non-graphic forum activity. Each person has a personal writing
 * style (favourite phrases, punctuation and spelling habits), a time zone and active hours;
 * each of their accounts posts texts drawn from that style plus common filler, at their
 * hours. Everything is driven by a seeded {@link Random}, so fixtures are reproducible.
 */
final class SyntheticForum {
  static final String[] WORDS = ("weather garden train coffee laptop router update backup password forum rules "
      + "newcomer thread moderator upload archive season holiday football recipe bicycle library river "
      + "market camera battery keyboard window winter summer neighbour weekend project answer question "
      + "picture sharing members access invite welcome account server mirror channel folder schedule "
      + "evening morning tonight friday monday village harbour bridge castle forest mountain lantern").split(" ");
  static final String[] COMMON = {"thanks for sharing", "welcome to the forum", "read the rules first",
      "anyone know if the mirror is up", "the server was slow today", "see you next week", "good point",
      "i agree with that", "does anyone have the new link", "please keep it on topic"};

  /** One synthetic person's habits. */
  record Persona(int id, List<String> phrases, boolean excl, boolean ellipsis, boolean lowerI, boolean shorthand,
      boolean noFinalDot, int utcOffset, int activeFrom, int activeHours) {}

  final Random random;

  SyntheticForum(long seed) {
    this.random = new Random(seed);
  }

  Persona persona(int id) {
    List<String> phrases = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      StringBuilder b = new StringBuilder();
      int len = 2 + random.nextInt(3);
      for (int k = 0; k < len; k++) b.append(k == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
      phrases.add(b.toString());
    }
    return new Persona(id, phrases, random.nextBoolean(), random.nextBoolean(), random.nextBoolean(),
        random.nextBoolean(), random.nextBoolean(), random.nextInt(24) - 11, 16 + random.nextInt(6), 4 + random.nextInt(3));
  }

  String post(Persona p) {
    StringBuilder b = new StringBuilder();
    int sentences = 2 + random.nextInt(3);
    for (int s = 0; s < sentences; s++) {
      String sentence = random.nextInt(10) < 7 ? p.phrases().get(random.nextInt(p.phrases().size()))
          + " " + WORDS[random.nextInt(WORDS.length)] : COMMON[random.nextInt(COMMON.length)];
      if (p.shorthand()) sentence = sentence.replace("you", "u").replace("your", "ur").replace("please", "pls");
      if (!p.lowerI()) sentence = sentence.replace("i agree", "I agree");
      sentence = Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1);
      if (p.lowerI()) sentence = sentence.toLowerCase();
      b.append(s == 0 ? "" : " ").append(sentence);
      b.append(p.excl() ? "!!" : p.ellipsis() ? "..." : (p.noFinalDot() && s == sentences - 1) ? "" : ".");
    }
    return b.toString();
  }

  Instant time(Persona p) {
    int localHour = (p.activeFrom() + random.nextInt(p.activeHours())) % 24;
    int utcHour = Math.floorMod(localHour - p.utcOffset(), 24);
    long day = 20_000 + random.nextInt(120);
    return Instant.ofEpochSecond(day * 86_400L + utcHour * 3600L + random.nextInt(3600));
  }

  /** Feeds one account: the account record, {@code posts} texts with times. */
  void feedAccount(AccountLinker linker, Persona p, AccountKey key, String username, int posts) {
    linker.account(new Account(key.account(), key.site(), username, null, "member", null, Map.of(), Map.of()));
    for (int i = 0; i < posts; i++) {
      linker.text(new TextItem(key.site(), TextKind.POST, key.account() + "-" + i, key.account(), null, time(p), post(p)));
    }
  }

  static IdentifierOccurrence identifier(AccountKey key, IdentifierType type, String value, String post) {
    return new IdentifierOccurrence(key.site(), TextKind.POST, post, key.account(), type, value, true, 0, value.length());
  }

  static MediaResult newMedia(AccountKey key, String post, String contentKey) {
    return new MediaResult(key.site(), post, key.account(), "a1", MediaStatus.NEW, null, null, null, null, "sha256", contentKey);
  }
}
