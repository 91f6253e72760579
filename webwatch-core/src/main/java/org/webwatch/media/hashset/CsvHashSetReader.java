package org.webwatch.media.hashset;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.webwatch.media.HashType;

/**
 * Streaming reader of hash sets as CSV (RFC 4180 quoting) with a header naming any of
 * {@code md5,sha1,sha256,pdq,photodna,category,series,source} (and optionally {@code id}); the
 * INTERPOL ICSE export ({@code ;}-delimited, {@code Image ID}, {@code Series name}) reads too.
 * Unknown columns are ignored. A bad hash drops that field with a located note; a row with no
 * valid hash is rejected ({@code FILE:LINE: field: problem}). A field over
 * {@link #MAX_FIELD_CHARS} stops the read. O(file size) time, O(one row) memory.
 */
final class CsvHashSetReader {
  static final int MAX_FIELD_CHARS = 1 << 20;
  private static final Map<String, String> COLUMNS = new HashMap<>();

  static {
    for (String c : new String[] {"md5", "sha1", "sha256", "pdq", "photodna", "category", "series", "source", "id"}) {
      COLUMNS.put(c, c);
    }
    COLUMNS.put("sha-1", "sha1");
    COLUMNS.put("sha-256", "sha256");
    COLUMNS.put("image id", "id");
    COLUMNS.put("series name", "series");
  }

  private final Path file;
  private final ErrorLog errors = new ErrorLog();
  private long line = 1;
  private char delimiter = ',';

  CsvHashSetReader(Path file) {
    this.file = file;
  }

  static boolean isHashColumn(String header) {
    String c = COLUMNS.get(header);
    return c != null && !c.equals("category") && !c.equals("series") && !c.equals("source") && !c.equals("id");
  }

  ReadSummary read(Consumer<HashEntry> sink) {
    long entries = 0;
    try (Reader in = new BufferedReader(Files.newBufferedReader(file, StandardCharsets.UTF_8), 1 << 16)) {
      String headerLine = peekHeader(in);
      delimiter = headerLine.indexOf(';') >= 0 && headerLine.indexOf(',') < 0 ? ';' : headerLine.indexOf('\t') >= 0 && headerLine.indexOf(',') < 0 ? '\t' : ',';
      List<String> header = record(in);
      if (header == null) throw new HashSetFormatException(file + ":1: header: file is empty");
      String[] roles = new String[header.size()];
      boolean anyHash = false;
      for (int i = 0; i < roles.length; i++) {
        String h = header.get(i).trim().toLowerCase(Locale.ROOT);
        if (i == 0 && h.startsWith("\uFEFF")) h = h.substring(1);
        roles[i] = COLUMNS.get(h);
        anyHash |= isHashColumn(h);
      }
      if (!anyHash) throw new HashSetFormatException(file + ":1: header: no md5, sha1, sha256, pdq or photodna column");
      List<String> row;
      long rowStart = line;
      while ((row = record(in)) != null) {
        if (!(row.size() == 1 && row.get(0).isBlank())) {
          HashEntry e = entry(roles, row, rowStart);
          if (e != null) {
            sink.accept(e);
            entries++;
          }
        }
        rowStart = line;
      }
    } catch (IOException e) {
      throw new HashSetFormatException(file + ": cannot read: " + e.getMessage(), e);
    }
    return new ReadSummary(HashSetFormat.CSV, null, delimiter == ';' ? "ICSE" : null, entries, errors.rejected(), errors.kept());
  }

  private String peekHeader(Reader in) throws IOException {
    in.mark(MAX_FIELD_CHARS);
    StringBuilder sb = new StringBuilder();
    for (int c; (c = in.read()) >= 0 && c != '\n' && sb.length() < 65536; ) sb.append((char) c);
    in.reset();
    return sb.toString();
  }

  private HashEntry entry(String[] roles, List<String> row, long at) {
    String id = Long.toString(at);
    String md5 = null, sha1 = null, sha256 = null, pdq = null, photodna = null, series = null, source = null;
    Category category = null;
    for (int i = 0; i < row.size() && i < roles.length; i++) {
      String role = roles[i];
      String value = row.get(i).trim();
      if (role == null || value.isEmpty()) continue;
      switch (role) {
        case "md5" -> md5 = hash(HashType.MD5, value, at, role);
        case "sha1" -> sha1 = hash(HashType.SHA1, value, at, role);
        case "sha256" -> sha256 = hash(HashType.SHA256, value, at, role);
        case "pdq" -> pdq = hash(HashType.PDQ, value, at, role);
        case "photodna" -> photodna = hash(HashType.PHOTODNA, value, at, role);
        case "category" -> category = Category.fromText(value);
        case "series" -> series = value;
        case "source" -> source = value;
        case "id" -> id = value;
        default -> { }
      }
    }
    if (md5 == null && sha1 == null && sha256 == null && pdq == null && photodna == null) {
      errors.reject(file + ":" + at + ": row: no valid hash");
      return null;
    }
    return new HashEntry(id, md5, sha1, sha256, pdq, photodna, category, series, source);
  }

  private String hash(HashType t, String value, long at, String field) {
    try {
      return t.normalize(value);
    } catch (RuntimeException e) {
      errors.note(file + ":" + at + ": " + field + ": " + e.getMessage() + " (field dropped)");
      return null;
    }
  }

  /** One RFC 4180 record, or null at end of input; counts physical lines. */
  private List<String> record(Reader in) throws IOException {
    List<String> fields = new ArrayList<>();
    StringBuilder sb = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    int c;
    while ((c = in.read()) >= 0) {
      any = true;
      if (sb.length() > MAX_FIELD_CHARS) {
        throw new HashSetFormatException(file + ":" + line + ": field longer than " + MAX_FIELD_CHARS + " characters (read stopped)");
      }
      if (quoted) {
        if (c == '"') {
          in.mark(1);
          int n = in.read();
          if (n == '"') sb.append('"');
          else {
            quoted = false;
            if (n >= 0) in.reset();
          }
        } else {
          if (c == '\n') line++;
          sb.append((char) c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == delimiter) {
        fields.add(sb.toString());
        sb.setLength(0);
      } else if (c == '\n') {
        line++;
        fields.add(stripCr(sb));
        return fields;
      } else {
        sb.append((char) c);
      }
    }
    if (quoted) throw new HashSetFormatException(file + ":" + line + ": unterminated quoted field (read stopped)");
    if (!any) return null;
    fields.add(stripCr(sb));
    return fields;
  }

  private static String stripCr(StringBuilder sb) {
    int n = sb.length();
    return n > 0 && sb.charAt(n - 1) == '\r' ? sb.substring(0, n - 1) : sb.toString();
  }
}
