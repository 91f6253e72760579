package org.webwatch.media.hashset;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.webwatch.media.HashType;

/**
 * Streaming reader of plain hash lists: one hash of the given type per line, optionally followed
 * by {@code ,metadata} or whitespace and a comment (the ThreatExchange {@code .dat} form); blank
 * lines and {@code #} comments are skipped; a bad line is rejected as {@code FILE:LINE: problem}.
 * The entry id is the line number. O(file size) time.
 */
final class PlainListReader {
  static final int MAX_LINE_CHARS = 1 << 16;
  private final Path file;
  private final HashType type;

  PlainListReader(Path file, HashType type) {
    this.file = file;
    this.type = type;
  }

  ReadSummary read(Consumer<HashEntry> sink) {
    ErrorLog errors = new ErrorLog();
    long entries = 0;
    long lineNo = 0;
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null) {
        lineNo++;
        if (lineNo == 1 && line.startsWith("\uFEFF")) line = line.substring(1);
        String s = line.strip();
        if (s.isEmpty() || s.startsWith("#")) continue;
        if (s.length() > MAX_LINE_CHARS) {
          errors.reject(file + ":" + lineNo + ": line of " + s.length() + " characters is not a " + type.code() + " hash");
          continue;
        }
        String value = s.split("[,\\s]", 2)[0];
        try {
          String h = type.normalize(value);
          sink.accept(new HashEntry(Long.toString(lineNo), pick(HashType.MD5, h), pick(HashType.SHA1, h),
              pick(HashType.SHA256, h), pick(HashType.PDQ, h), pick(HashType.PHOTODNA, h), null, null, null));
          entries++;
        } catch (RuntimeException e) {
          errors.reject(file + ":" + lineNo + ": " + type.code() + ": " + e.getMessage());
        }
      }
    } catch (IOException e) {
      throw new HashSetFormatException(file + ":" + lineNo + ": cannot read: " + e.getMessage(), e);
    }
    return new ReadSummary(HashSetFormat.LIST, null, type.code(), entries, errors.rejected(), errors.kept());
  }

  private String pick(HashType t, String value) {
    return t == type ? value : null;
  }
}
