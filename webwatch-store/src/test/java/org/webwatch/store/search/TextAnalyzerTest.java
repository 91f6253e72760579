package org.webwatch.store.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.Test;

class TextAnalyzerTest {
  private static List<String> tokens(Analyzer a, String text) throws Exception {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = a.tokenStream("text", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute off = ts.addAttribute(OffsetAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      ts.reset();
      while (ts.incrementToken()) out.add(term + "@" + off.startOffset() + "-" + off.endOffset() + "+" + inc.getPositionIncrement());
      ts.end();
      out.add("end@" + off.endOffset());
    }
    return out;
  }

  @Test
  void givesExactlyWhatTheStandardAnalyzerGives() throws Exception {
    String longWord = "x".repeat(300);
    List<String> texts = List.of(
        "New members must upload something they MADE themselves",
        "I look after my neighbour's kids every Friday... DM me on t.me/Example_Handle",
        "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq 1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2",
        "Ünïcödé ÄÖÜ straße İstanbul ΣΊΣΥΦΟΣ москва 東京都の子ども 한국어 العربية",
        "emoji 🙂✌ and a long " + longWord + " word, numbers 3.14 and 1,000,000",
        "",
        "   \\t\\n ");
    Analyzer ours = new TextAnalyzer();
    Analyzer standard = new StandardAnalyzer();
    for (String t : texts) assertThat(tokens(ours, t)).as(t).isEqualTo(tokens(standard, t));
    assertThat(tokens(ours, texts.get(0))).first().isEqualTo("new@0-3+1");
    assertThat(ours.normalize("text", "ÄBC").utf8ToString()).isEqualTo(standard.normalize("text", "ÄBC").utf8ToString());
  }
}
