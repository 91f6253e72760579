package org.webwatch.signals.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {
  @Test
  void quotesWhatNeedsQuotingAndReadsItBack() throws Exception {
    StringBuilder sb = new StringBuilder();
    Csv.writeRow(sb, List.of("a", "b,c", "say \"hi\"", "two\nlines", ""));
    assertThat(sb.toString()).isEqualTo("a,\"b,c\",\"say \"\"hi\"\"\",\"two\nlines\",\r\n");
    assertThat(Csv.read(new StringReader(sb.toString()))).containsExactly(List.of("a", "b,c", "say \"hi\"", "two\nlines", ""));
  }

  @Test
  void readsLfOnlyBomAndMissingFinalNewline() {
    assertThat(Csv.read(new StringReader("\uFEFFx,y\n1,2"))).containsExactly(List.of("x", "y"), List.of("1", "2"));
  }
}
