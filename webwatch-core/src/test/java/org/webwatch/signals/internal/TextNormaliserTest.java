package org.webwatch.signals.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextNormaliserTest {
  private static String fold(String s) {
    return TextNormaliser.normalise(s).folded;
  }

  @Test
  void plainTextIsLowerCasedAndSqueezed() {
    assertThat(fold("Let's MEET soon")).isEqualTo(" iets met son ");
  }

  @Test
  void seesThroughObfuscation() {
    String meet = TextNormaliser.foldTerm("meet");
    assertThat(TextNormaliser.foldTerm("m33t")).isEqualTo(meet);
    assertThat(TextNormaliser.foldTerm("MEEEEET")).isEqualTo(meet);
    assertThat(TextNormaliser.foldTerm("m.e.e.t")).isEqualTo(meet);
    assertThat(TextNormaliser.foldTerm("m e e t")).isEqualTo(meet);
    assertThat(TextNormaliser.foldTerm("m-e-e-t")).isEqualTo(meet);
    assertThat(TextNormaliser.foldTerm("me\u200Bet")).isEqualTo(meet);
    assertThat(TextNormaliser.foldTerm("m\u0435\u0435t")).isEqualTo(meet); // Cyrillic ie
    assertThat(TextNormaliser.foldTerm("\uFF4D\uFF45\uFF45\uFF54")).isEqualTo(meet); // fullwidth
    assertThat(TextNormaliser.foldTerm("\uD835\uDC26\uD835\uDC1E\uD835\uDC1E\uD835\uDC2D")).isEqualTo(meet); // math bold
    assertThat(TextNormaliser.foldTerm("me\u0301e\u0301t")).isEqualTo(meet); // combining accents
    assertThat(TextNormaliser.foldTerm("m\u00e9et")).isEqualTo(meet);
    assertThat(TextNormaliser.foldTerm("fre$h 0C")).isEqualTo(TextNormaliser.foldTerm("fresh oc"));
  }

  @Test
  void numbersWithoutLettersStayNumbers() {
    assertThat(fold("under 12")).isEqualTo(" under 12 ");
  }

  @Test
  void sentencesAreSeparatedButSplitLettersAreNot() {
    assertThat(fold("Hi there. m.e.e.t me! ok")).isEqualTo(" hi there | met me | ok ");
  }

  @Test
  void tokensMapBackToExactOriginalCharactersIncludingSurrogates() {
    String s = "xx \uD835\uDC26\uD835\uDC1E\uD835\uDC1E\uD835\uDC2D yy m.e.e.t zz";
    FoldedText f = TextNormaliser.normalise(s);
    assertThat(f.size).isEqualTo(5);
    assertThat(s.substring(f.origStart[1], f.origEnd[1])).isEqualTo("\uD835\uDC26\uD835\uDC1E\uD835\uDC1E\uD835\uDC2D");
    assertThat(s.substring(f.origStart[3], f.origEnd[3])).isEqualTo("m.e.e.t");
    assertThat(s.substring(f.origStart[4], f.origEnd[4])).isEqualTo("zz");
  }

  @Test
  void quoteBlocksAndQuotationMarksAreMarked() {
    FoldedText f = TextNormaliser.normalise("[quote][quote]a1[/quote]b1[/quote] c1 \"d1\"\n> e1\nf1");
    // tokens: quote quote a1 quote b1 quote c1 d1 e1 f1
    assertThat(f.blockQuoted[2]).isTrue();
    assertThat(f.blockQuoted[4]).isTrue();
    assertThat(f.blockQuoted[6]).isFalse();
    assertThat(f.inQuotes[7]).isTrue();
    assertThat(f.inQuotes[6]).isFalse();
    assertThat(f.blockQuoted[8]).isTrue();
    assertThat(f.blockQuoted[9]).isFalse();
  }

  @Test
  void aMillionCombiningMarksFoldToNothing() {
    String s = "a" + "\u0301".repeat(1_000_000) + " b";
    FoldedText f = TextNormaliser.normalise(s);
    assertThat(f.folded).isEqualTo(" a b ");
    assertThat(f.origEnd[0]).isEqualTo(1);
  }

  @Test
  void decimalPointsAndDomainsDoNotEndSentencesButFullStopsDo() {
    assertThat(fold("paid 0.002 btc")).doesNotContain("|");
    assertThat(fold("see forum.example for it")).doesNotContain("|");
    assertThat(fold("done. next")).contains("|");
    assertThat(fold("done.")).doesNotContain("|");
  }

  @Test
  void emoticonsAndEmojiEndSentences() {
    assertThat(fold("tor is slow :) anyone into fishing")).isEqualTo(" tor is siow | anyone into fishing ");
    assertThat(fold("tor is slow ;( anyone")).contains("|");
    assertThat(fold("tor is slow \uD83D\uDE00 anyone")).contains("|");
    assertThat(fold("(see above) ok")).doesNotContain("|");
  }

  @Test
  void moneyAmountsFoldToOneTokenWithTheirOriginalRange() {
    FoldedText t = TextNormaliser.normalise("send $80 or 15\u20ac now");
    assertThat(t.folded).isEqualTo(" send money or money now ");
    assertThat("send $80 or 15\u20ac now".substring(t.origStart[1], t.origEnd[1])).isEqualTo("$80");
    assertThat(fold("room 80")).isEqualTo(" rom 80 ");
  }
}
