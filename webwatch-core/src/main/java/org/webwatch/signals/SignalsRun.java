package org.webwatch.signals;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.webwatch.model.IdentifierOccurrence;
import org.webwatch.model.IndicatorCode;
import org.webwatch.model.IndicatorSpan;
import org.webwatch.model.TextItem;
import org.webwatch.signals.internal.Csv;

/**
 * The core of {@code webwatch signals}: runs an {@link IndicatorDetector} and an
 * {@link IdentifierExtractor} over text items, streaming, and writes {@code indicators.csv}
 * and {@code identifiers.csv} (columns of {@code shared/spec/outputs.md}, RFC 4180, header
 * row) into a directory. Rows follow item order, then span start. Memory: one item at a time.
 */
public final class SignalsRun {
  public static final List<String> INDICATOR_HEADER = List.of("site", "kind", "item", "account", "category", "start", "end", "text");
  public static final List<String> IDENTIFIER_HEADER = List.of("site", "kind", "item", "account", "type", "value", "valid");

  /** What a run read and wrote. */
  public record Summary(long items, long indicators, long identifiers, long invalidIdentifiers, Map<IndicatorCode, Long> perCode,
      String version) {}

  private final IndicatorDetector detector;
  private final IdentifierExtractor extractor;

  public SignalsRun(IndicatorDetector detector, IdentifierExtractor extractor) {
    this.detector = Objects.requireNonNull(detector, "detector");
    this.extractor = Objects.requireNonNull(extractor, "extractor");
  }

  /** Default detector (shipped rules + classifier) and extractor. */
  public static SignalsRun withDefaults() {
    return new SignalsRun(RuleIndicatorDetector.withDefaultRules(), new ValidatingIdentifierExtractor());
  }

  public Summary run(Stream<TextItem> items, Path outDir) {
    return run(items::forEachOrdered, outDir);
  }

  /** Runs over items pushed by {@code source} (e.g. a capture reader) in the order pushed. */
  public Summary run(Consumer<Consumer<TextItem>> source, Path outDir) {
    try {
      Files.createDirectories(outDir);
      try (BufferedWriter ind = Files.newBufferedWriter(outDir.resolve("indicators.csv"), StandardCharsets.UTF_8);
          BufferedWriter ids = Files.newBufferedWriter(outDir.resolve("identifiers.csv"), StandardCharsets.UTF_8)) {
        Csv.writeRow(ind, INDICATOR_HEADER);
        Csv.writeRow(ids, IDENTIFIER_HEADER);
        long[] n = new long[4];
        Map<IndicatorCode, Long> perCode = new EnumMap<>(IndicatorCode.class);
        source.accept(item -> {
          n[0]++;
          try {
            for (IndicatorSpan s : detector.detect(item)) {
              Csv.writeRow(ind, List.of(s.site(), s.kind().code(), s.item(), nz(s.account()), s.code().code(),
                  String.valueOf(s.start()), String.valueOf(s.end()), s.text()));
              perCode.merge(s.code(), 1L, Long::sum);
              n[1]++;
            }
            for (IdentifierOccurrence o : extractor.extract(item)) {
              Csv.writeRow(ids, List.of(o.site(), o.kind().code(), o.item(), nz(o.account()), o.type().code(), o.value(),
                  String.valueOf(o.valid())));
              n[2]++;
              if (!o.valid()) n[3]++;
            }
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
        return new Summary(n[0], n[1], n[2], n[3], perCode, detector.version());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write to " + outDir + ": " + e.getMessage(), e);
    }
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
