package org.webwatch.media.hashset;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.webwatch.WebwatchException;
import org.webwatch.media.HashType;

/**
 * Which file to read and how: its form and, for plain lists, the hash type. Written on the
 * command line as {@code PATH} (form detected from the content) or {@code TYPE:PATH} for a plain
 * list ({@code md5:list.txt}); 64 hex digits are ambiguous between SHA-256 and PDQ, so such a
 * list must name its type.
 */
public record HashSetSpec(Path path, HashSetFormat format, HashType listType) {
  private static final int SNIFF_BYTES = 8192;

  public HashSetSpec {
    if (path == null || format == null) throw new IllegalArgumentException("path and format are required");
    if (format == HashSetFormat.LIST && listType == null) {
      throw new IllegalArgumentException("a plain list needs a hash type");
    }
  }

  /** Parses {@code PATH} or {@code TYPE:PATH} and detects the form of the file. */
  public static HashSetSpec parse(String arg) {
    int colon = arg.indexOf(':');
    if (colon > 0) {
      String prefix = arg.substring(0, colon).toLowerCase(Locale.ROOT);
      for (HashType t : HashType.values()) {
        if (t.code().equals(prefix)) return new HashSetSpec(Path.of(arg.substring(colon + 1)), HashSetFormat.LIST, t);
      }
    }
    return detect(Path.of(arg));
  }

  /** Detects VICS (JSON), CSV (a header naming a hash column) or an MD5/SHA-1 plain list. */
  public static HashSetSpec detect(Path path) {
    String head;
    try (InputStream in = Files.newInputStream(path)) {
      head = new String(in.readNBytes(SNIFF_BYTES), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new WebwatchException(WebwatchException.Kind.INVALID_INPUT, path + ": cannot read: " + e.getMessage(), e);
    }
    String s = head.startsWith("\uFEFF") ? head.substring(1) : head;
    String trimmed = s.stripLeading();
    if (trimmed.startsWith("{") || trimmed.startsWith("[")) return new HashSetSpec(path, HashSetFormat.VICS, null);
    String first =
        trimmed.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).findFirst().orElse("")
            .toLowerCase(Locale.ROOT);
    for (String col : first.split("[,;]")) {
      String c = col.trim().replace("\"", "");
      if (CsvHashSetReader.isHashColumn(c)) return new HashSetSpec(path, HashSetFormat.CSV, null);
    }
    String firstHash = first.split("[,\\s]")[0];
    if (firstHash.matches("[0-9a-f]{32}")) return new HashSetSpec(path, HashSetFormat.LIST, HashType.MD5);
    if (firstHash.matches("[0-9a-f]{40}")) return new HashSetSpec(path, HashSetFormat.LIST, HashType.SHA1);
    throw new WebwatchException(
        WebwatchException.Kind.INVALID_INPUT,
        path + ": cannot tell the hash-set form (not VICS JSON, no CSV header naming md5/sha1/sha256/pdq/photodna);"
            + " for a plain list name its type, e.g. sha256:" + path + " or pdq:" + path);
  }

  /** Reads the file, streaming every entry to {@code sink}. */
  public ReadSummary read(java.util.function.Consumer<HashEntry> sink) {
    return switch (format) {
      case VICS -> new VicsReader(path).read(sink);
      case CSV -> new CsvHashSetReader(path).read(sink);
      case LIST -> new PlainListReader(path, listType).read(sink);
    };
  }
}
