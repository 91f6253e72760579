package org.webwatch.signals;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.webwatch.model.IndicatorCode;
import org.webwatch.model.TextItem;
import org.webwatch.model.TextKind;
import org.webwatch.signals.internal.Csv;

class SignalsRunTest {
  @Test
  void writesBothCsvsWithHeadersExactSpansAndValidity(@TempDir Path dir) throws Exception {
    String post = "Rules, read them: stop watching and start doing.\nPay to 1FsSia9rv4NeEwvJ2GvXrX7LyxYspbN2mp";
    Stream<TextItem> items = Stream.of(
        new TextItem("s1", TextKind.POST, "901", "17", null, null, post),
        new TextItem("s1", TextKind.SIGNATURE, "17", "17", null, null, "strip metadata before you post"),
        new TextItem("s1", TextKind.THREAD_TITLE, "55", "17", null, null, "Hello everyone"));
    SignalsRun.Summary sum = new SignalsRun(RuleIndicatorDetector.rulesOnly(), new ValidatingIdentifierExtractor()).run(items, dir);
    assertThat(sum.items()).isEqualTo(3);
    assertThat(sum.perCode()).containsKeys(IndicatorCode.CONTACT_ADVOCACY, IndicatorCode.OPSEC);
    List<List<String>> ind = Csv.read(new StringReader(Files.readString(dir.resolve("indicators.csv"))));
    assertThat(ind.get(0)).isEqualTo(SignalsRun.INDICATOR_HEADER);
    List<String> row = ind.get(1);
    assertThat(row.subList(0, 5)).containsExactly("s1", "post", "901", "17", "contact-advocacy");
    assertThat(post.substring(Integer.parseInt(row.get(5)), Integer.parseInt(row.get(6)))).isEqualTo(row.get(7));
    assertThat(ind.get(2).subList(0, 5)).containsExactly("s1", "signature", "17", "17", "opsec");
    List<List<String>> ids = Csv.read(new StringReader(Files.readString(dir.resolve("identifiers.csv"))));
    assertThat(ids).containsExactly(SignalsRun.IDENTIFIER_HEADER,
        List.of("s1", "post", "901", "17", "btc", "1FsSia9rv4NeEwvJ2GvXrX7LyxYspbN2mp", "false"));
    assertThat(sum.invalidIdentifiers()).isEqualTo(1);
  }
}
