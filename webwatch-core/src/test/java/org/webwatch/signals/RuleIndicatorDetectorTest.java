package org.webwatch.signals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.webwatch.model.IndicatorCode;
import org.webwatch.model.IndicatorSpan;
import org.webwatch.model.TextItem;
import org.webwatch.model.TextKind;

class RuleIndicatorDetectorTest {
  private static final RuleIndicatorDetector RULES = RuleIndicatorDetector.rulesOnly();

  static TextItem post(String text) {
    return new TextItem("s1", TextKind.POST, "p9", "a3", null, null, text);
  }

  private static List<IndicatorSpan> spans(IndicatorDetector d, String text) {
    return d.detect(post(text));
  }

  private static IndicatorSpan only(List<IndicatorSpan> all, IndicatorCode code) {
    List<IndicatorSpan> of = all.stream().filter(s -> s.code() == code).toList();
    assertThat(of).as(code + " in " + all).hasSize(1);
    return of.get(0);
  }

  @Test
  void everySpecExampleFiresWithItsCodeAndExactSpan() {
    String[][] cases = {
      {"entry-by-production", "Access to the inner board only after you upload something you made yourself. No reposts."},
      {"production-claim", "OC only from me, more coming"},
      {"access-claim", "I look after my neighbour's two every Friday"},
      {"meeting-intent", "anyone near the coast want to meet up and make it real?"},
      {"contact-advocacy", "stop watching and start doing"},
      {"paid-streaming", "live show Saturday, pay the usual wallet for the room link"},
      {"normalisation", "nothing wrong with you, society is the problem"},
      {"opsec", "strip metadata before you post"},
      {"interest-disclosure", "the younger the better for me"},
    };
    for (String[] c : cases) {
      List<IndicatorSpan> got = spans(RULES, c[1]);
      IndicatorSpan s = only(got, IndicatorCode.fromCode(c[0]));
      assertThat(s.text()).isEqualTo(c[1].substring(s.start(), s.end()));
      assertThat(s.method()).isEqualTo("rule");
      assertThat(s.rule()).isNotBlank();
      assertThat(s.version()).isEqualTo("signals-rules-1.1.0");
      assertThat(s.confidence()).isBetween(0.0, 1.0);
      assertThat(s.site()).isEqualTo("s1");
      assertThat(s.item()).isEqualTo("p9");
    }
  }

  @Test
  void spanPointsAtTheMatchedWordsInsideLongerText() {
    String text = "Hello all. Rules update: stop watching and start doing. Thanks.";
    IndicatorSpan s = only(spans(RULES, text), IndicatorCode.CONTACT_ADVOCACY);
    assertThat(s.text()).isEqualTo("stop watching and start doing");
    assertThat(s.start()).isEqualTo(text.indexOf("stop"));
  }

  @Test
  void obfuscatedWordingStillFiresAndSpansTheOriginalCharacters() {
    String[] variants = {
      "st0p w4tch1ng and st4rt d01ng",
      "s.t.o.p watching and start doing",
      "stop w\u200Batching and start d\u200Doing",
      "st\u043ep watching and start d\u043eing",
      "STOOOOP WATCHING AND START DOING",
      "\uFF53\uFF54\uFF4F\uFF50 watching and start doing",
      "\uD835\uDC2C\uD835\uDC2D\uD835\uDC28\uD835\uDC29 watching and start doing",
    };
    for (String v : variants) {
      IndicatorSpan s = only(spans(RULES, "ok. " + v + " ok"), IndicatorCode.CONTACT_ADVOCACY);
      assertThat(s.text()).as(v).isEqualTo(v);
    }
  }

  @Test
  void hardNegativesDoNotFire() {
    String[] negatives = {
      "police say forums demand new images for entry",
      "posting OC is banned here, you will be removed",
      "I'm scared of my thoughts, where can I get help?",
      "use a password manager",
      "They wrote \"stop watching and start doing\" and that is disgusting.",
      "[quote]stop watching and start doing[/quote] reported to the mods",
      "> stop watching and start doing\nThis is why I left.",
    };
    for (String n : negatives) assertThat(spans(RULES, n)).as(n).isEmpty();
  }

  @Test
  void agencyRulesExtendReplaceAndDisable(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("agency.rules");
    Files.writeString(f, "version agency-7\nlexicon STREAM: qwxshow\nrule agency.codeword paid-streaming 0.9: bluebird special\ndisable ps.room-link\n");
    RuleIndicatorDetector merged = RuleIndicatorDetector.fromFile(f, false);
    assertThat(merged.version()).startsWith("signals-rules-1.1.0+agency-7");
    assertThat(only(merged.detect(post("ask for the bluebird special")), IndicatorCode.PAID_STREAMING).rule()).isEqualTo("agency.codeword");
    assertThat(merged.detect(post("the qwxshow is 20 dollars, pay first"))).extracting(IndicatorSpan::code).contains(IndicatorCode.PAID_STREAMING);
    assertThat(merged.detect(post("just the room link"))).isEmpty();
    assertThat(RULES.detect(post("just the room link"))).isNotEmpty();
  }

  @Test
  void replaceModeUsesOnlyTheAgencyFile(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("only.rules");
    Files.writeString(f, "version agency-1\nrule a.one opsec 0.5: purple elephant\n");
    RuleIndicatorDetector d = RuleIndicatorDetector.fromFile(f, true);
    assertThat(d.version()).isEqualTo("agency-1");
    assertThat(d.detect(post("stop watching and start doing"))).isEmpty();
    assertThat(d.detect(post("the purple elephant"))).hasSize(1);
  }

  @Test
  void badRulesFilesFailWithFileAndLine(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("bad.rules");
    Files.writeString(f, "version x\nrule r1 no-such-code 0.5: a\n");
    assertThatThrownBy(() -> RuleIndicatorDetector.fromFile(f, true)).isInstanceOf(RulesFormatException.class)
        .hasMessageContaining("bad.rules:2").hasMessageContaining("no-such-code");
    Files.writeString(f, "rule r1 opsec 0.5: a\n");
    assertThatThrownBy(() -> RuleIndicatorDetector.fromFile(f, true)).hasMessageContaining("version");
    Files.writeString(f, "version x\nrule r1 opsec 0.5: @MISSING\n");
    assertThatThrownBy(() -> RuleIndicatorDetector.fromFile(f, true)).hasMessageContaining("@MISSING");
    assertThatThrownBy(() -> RuleIndicatorDetector.fromFile(dir.resolve("absent.rules"), true)).hasMessageContaining("absent.rules");
  }

  @Test
  void classifierSpansCarryMethodAndReason() {
    RuleIndicatorDetector full = RuleIndicatorDetector.withDefaultRules();
    assertThat(full.version()).contains("nb-sentence");
    for (IndicatorSpan s : full.detect(post("My latest series is up, exclusive to this board. OC from me."))) {
      if (s.method().equals("classifier")) {
        assertThat(s.rule()).startsWith("nb-sentence-1.0.0:");
        assertThat(s.confidence()).isLessThanOrEqualTo(0.6);
      }
    }
  }

  @Test
  void pathologicalInputIsBoundedInOutputAndSafe() {
    String many = "stop watching and start doing. ".repeat(50_000);
    List<IndicatorSpan> got = RULES.detect(post(many));
    assertThat(got).hasSize(RuleIndicatorDetector.MAX_SPANS_PER_ITEM);
    String marks = "a" + "\u0301".repeat(1_000_000) + " stop watching and start doing";
    assertThat(RULES.detect(post(marks))).hasSize(1);
    String nested = "[quote]".repeat(100_000) + "stop watching and start doing" + "[/quote]".repeat(100_000);
    assertThat(RULES.detect(post(nested))).isEmpty();
    String big = "x".repeat(10 * 1024 * 1024);
    assertThat(RULES.detect(post(big))).isEmpty();
    String surrogates = "\uD83D\uDE00".repeat(40_000) + " stop watching and start doing";
    IndicatorSpan s = only(RULES.detect(post(surrogates)), IndicatorCode.CONTACT_ADVOCACY);
    assertThat(s.text()).isEqualTo("stop watching and start doing");
  }

  @Test
  void chunksNeverSplitASurrogatePair() {
    String t = "a".repeat(RuleIndicatorDetector.CHUNK_CHARS - 1) + "\uD83D\uDE00" + "b".repeat(10);
    int end = RuleIndicatorDetector.chunkEnd(t, 0);
    assertThat(Character.isHighSurrogate(t.charAt(end - 1))).isFalse();
  }

  // ---- rules 1.1: broader concepts, each checked with wording of our own (not the generator's)

  private static boolean fires(String text, String code) {
    return spans(RULES, text).stream().anyMatch(x -> x.code().code().equals(code));
  }

  @Test
  void aModeratorIsNotAGameModSoEntryRulesStillFire() {
    assertThat(fires("newcomers: send a mod one set you made yourself before you get access", "entry-by-production")).isTrue();
    assertThat(fires("I made a game mod for my own server", "entry-by-production")).isFalse();
  }

  @Test
  void broaderParaphrasesFireForEachCode() {
    String[][] cases = {
      {"interest-disclosure", "under eleven is where my interest lies"},
      {"interest-disclosure", "honestly I prefer the young ones"},
      {"interest-disclosure", "i have always had a thing for kids"},
      {"normalisation", "these laws are unjust, not us"},
      {"normalisation", "everybody here understands you, take your time"},
      {"opsec", "destroy your old phones, a reset is not enough"},
      {"opsec", "never trust strangers who want your details, could be feds"},
      {"meeting-intent", "I can come to you, just say the place and time"},
      {"meeting-intent", "who is organizing a meet this summer"},
      {"contact-advocacy", "if you get the chance, take it"},
      {"contact-advocacy", "i did it last year and never looked back"},
      {"paid-streaming", "the streamer asks 0.01 btc before the show"},
      {"paid-streaming", "stream starts at nine, send $40 first"},
      {"production-claim", "these are mine, shot them at home"},
      {"access-claim", "my new partner has three kids, moving in next month"},
    };
    for (String[] c : cases) assertThat(fires(c[1], c[0])).as(c[0] + ": " + c[1]).isTrue();
  }

  @Test
  void broaderConceptsDoNotFireOnOrdinaryTalk() {
    String[] ordinary = {
      "I drive to work most evenings", "meet the team on monday", "I sent you the link yesterday",
      "the hotel room price was fine", "nothing changed since last year", "I prefer the small cups",
      "we paid 0.5 btc for the server. the room is cold", "Tor has been slow all week :) Anyone into fishing :) cheers",
    };
    for (String o : ordinary) assertThat(spans(RULES, o)).as(o).isEmpty();
  }

  @Test
  void reportingModerationAndQuotedCritiqueCancel() {
    String[] negatives = {
      "reporters found boards where new members had to upload their own sets to join",
      "a board that demanded members share their own material was shut down last year",
      "they arrested a man who wanted to meet a child, good riddance",
      "mod note: any talk about meeting up with kids means a permanent ban",
      "\"we accept you here\" is exactly how they pull people in",
      "\"I babysit every weekend\" posts should be reported to police",
    };
    for (String n : negatives) assertThat(spans(RULES, n)).as(n).isEmpty();
  }
}
