package org.webwatch.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IsoTimestampsTest {
  /** What the JDK formatter gives: the instant, or "error". */
  private static String jdk(String s) {
    try {
      return OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant().toString();
    } catch (DateTimeParseException e) {
      return "error";
    }
  }

  private static String ours(String s) {
    try {
      return IsoTimestamps.parse(s).toString();
    } catch (DateTimeParseException e) {
      return "error";
    }
  }

  @Test
  void commonShapesTakeTheFastPathWithTheJdksValue() {
    for (String s : List.of("2019-03-02T21:14:00Z", "2019-03-02T22:14:00+01:00", "2019-03-02T21:14Z",
        "2019-03-02T16:14:00.123-05:00", "2020-02-29T00:00:00.000000001Z", "1970-01-01T00:00:00+18:00",
        "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999-18:00", "2019-03-02T21:14:00-00:00")) {
      assertThat(IsoTimestamps.fastPath(s)).as(s).isNotNull();
      assertThat(IsoTimestamps.fastPath(s).toString()).as(s).isEqualTo(jdk(s));
    }
    assertThat(IsoTimestamps.parse("2019-03-02T21:14:00Z")).isEqualTo(Instant.ofEpochSecond(1551561240));
  }

  @Test
  void everythingElseIsLeftToTheJdkWithItsAnswer() {
    for (String s : List.of("2019-02-29T00:00:00Z", "2019-13-01T00:00:00Z", "2019-03-02T24:00:00Z",
        "2019-03-02T21:60:00Z", "2019-03-02T21:14:60Z", "2019-03-02t21:14:00z", "2019-03-02T21:14:00",
        "2019-03-02T21:14:00+19:00", "2019-03-02T21:14:00+18:01", "2019-03-02T21:14:00+0100",
        "2019-03-02T21:14:00.Z", "2019-03-02T21:14:00.1234567890Z", "+12019-03-02T21:14:00Z",
        "2019-03-02 21:14:00Z", "2019-3-2T21:14:00Z", "2019-03-02T21:14:00+01:00:30", "", "Z",
        "2019-03-02T21:14:00Z ", "２０１９-03-02T21:14:00Z")) {
      assertThat(ours(s)).as(s).isEqualTo(jdk(s));
    }
  }

  @Test
  void randomTimestampsAndTheirMutationsAgreeWithTheJdk() {
    SplittableRandom r = new SplittableRandom(7);
    String alphabet = "0123456789-:+.TZtz ";
    int fast = 0;
    for (int i = 0; i < 50_000; i++) {
      StringBuilder b = new StringBuilder(String.format("%04d-%02d-%02dT%02d:%02d", r.nextInt(10_000), r.nextInt(14),
          r.nextInt(33), r.nextInt(26), r.nextInt(62)));
      if (r.nextInt(4) > 0) b.append(String.format(":%02d", r.nextInt(62)));
      if (r.nextInt(3) == 0) b.append('.').append(Long.toString(r.nextLong(10_000_000_000L, 100_000_000_000L)), 0, r.nextInt(11));
      b.append(switch (r.nextInt(4)) {
        case 0 -> "Z";
        case 1 -> String.format("%s%02d:%02d", r.nextBoolean() ? "+" : "-", r.nextInt(20), r.nextInt(61));
        case 2 -> "+01:00";
        default -> "";
      });
      if (r.nextInt(5) == 0) b.setCharAt(r.nextInt(b.length()), alphabet.charAt(r.nextInt(alphabet.length())));
      String s = b.toString();
      assertThat(ours(s)).as(s).isEqualTo(jdk(s));
      if (IsoTimestamps.fastPath(s) != null) fast++;
    }
    assertThat(fast).as("the fast path is exercised").isGreaterThan(5_000);
  }
}
