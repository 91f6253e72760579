package org.webwatch.media.hashset;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.webwatch.media.HashType;

/**
 * Streaming reader of Project VIC VICS JSON, 1.x ({@code odata.metadata}) and 2.0
 * ({@code @odata.context}, profiles Default/US/UK/CUSTOM), with {@code Media} records at the top
 * level ({@code value}/{@code Media}) or inside cases ({@code value[]/Cases[]} → {@code Media[]}).
 * Uses Jackson's token stream, never a tree, so a multi-GB national set costs O(one record) of
 * memory. Tolerates a UTF-8 BOM, upper-case hex, flags as booleans or {@code "true"/"false"}
 * strings. {@code RelativeFilePath} and {@code MediaFiles} are skipped, never followed. A record
 * with a wrong-typed field is rejected with its location; broken JSON (truncated, a string over
 * {@link #MAX_STRING_CHARS}) stops the read with a located {@link HashSetFormatException}.
 * Field names: sepinf-inc/IPED HashDBTool, askclees/X-Ways-Clees4All, abrignoni/GLEAPP
 * (see {@code shared/testdata/vics/FIELDS.md}). O(file size) time.
 */
final class VicsReader {
  /** No VICS field is legitimately longer; a bigger string is hostile and stops the read. */
  static final int MAX_STRING_CHARS = 1 << 20;
  static final int MAX_DEPTH = 64;
  private static final Pattern CONTEXT =
      Pattern.compile("DataModels/(\\d+(?:\\.\\d+)?)\\.xml(?:/([A-Za-z]+))?", Pattern.CASE_INSENSITIVE);
  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder().maxStringLength(MAX_STRING_CHARS).maxNestingDepth(MAX_DEPTH).build())
          .build();

  private final Path file;
  private final ErrorLog errors = new ErrorLog();
  private String version;
  private String profile;
  private long entries;
  private long ordinal;

  VicsReader(Path file) {
    this.file = file;
  }

  ReadSummary read(Consumer<HashEntry> sink) {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        JsonParser p = FACTORY.createParser(in)) {
      try {
        JsonToken t = p.nextToken();
        if (t == JsonToken.START_ARRAY) {
          readArray(p, sink);
        } else if (t == JsonToken.START_OBJECT) {
          readEnvelope(p, sink);
        } else {
          throw fatal(p.currentTokenLocation(), "document", "expected a JSON object, got " + describe(t));
        }
        if (p.nextToken() != null) {
          throw fatal(p.currentTokenLocation(), "document", "content after the end of the JSON document");
        }
      } catch (JsonProcessingException e) {
        // constraint violations carry no location of their own: use where the parser stands
        JsonLocation l = e.getLocation() != null ? e.getLocation() : p.currentLocation();
        throw fatal(l, "document", e.getOriginalMessage());
      }
    } catch (IOException e) {
      throw new HashSetFormatException(file + ": cannot read: " + e.getMessage(), e);
    }
    return new ReadSummary(HashSetFormat.VICS, version, profile, entries, errors.rejected(), errors.kept());
  }

  private void readEnvelope(JsonParser p, Consumer<HashEntry> sink) throws IOException {
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken v = p.nextToken();
      switch (name) {
        case "odata.metadata", "@odata.context" -> {
          if (v != JsonToken.VALUE_STRING) throw fatal(p.currentTokenLocation(), name, "expected a string, got " + describe(v));
          context(p.getText());
        }
        case "value", "Media", "Cases" -> {
          if (v != JsonToken.START_ARRAY) throw fatal(p.currentTokenLocation(), name, "expected an array, got " + describe(v));
          readArray(p, sink);
        }
        default -> p.skipChildren();
      }
    }
    if (t != JsonToken.END_OBJECT) throw fatal(p.currentTokenLocation(), "document", "unexpected " + describe(t));
  }

  private void context(String text) {
    Matcher m = CONTEXT.matcher(text);
    if (m.find()) {
      version = m.group(1);
      profile = m.group(2) == null ? null : m.group(2).toUpperCase(Locale.ROOT);
    } else {
      errors.note(file + ": odata context: unrecognised \"" + text + "\"; categories read as Project VIC US");
    }
  }

  /** Elements are Media records, or Cases holding {@code Media[]}. */
  private void readArray(JsonParser p, Consumer<HashEntry> sink) throws IOException {
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      if (t == null) throw fatal(p.currentTokenLocation(), "value", "unexpected end of input inside an array");
      if (t != JsonToken.START_OBJECT) {
        errors.reject(loc(p.currentTokenLocation()) + ": record: expected an object, got " + describe(t));
        p.skipChildren();
        continue;
      }
      readRecord(p, sink);
    }
  }

  private void readRecord(JsonParser p, Consumer<HashEntry> sink) throws IOException {
    JsonLocation start = p.currentTokenLocation();
    ordinal++;
    String id = null;
    String md5 = null;
    String sha1 = null;
    String sha256 = null;
    String pdq = null;
    String photodna = null;
    String series = null;
    Integer category = null;
    boolean isCase = false;
    String rejectReason = null;
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken v = p.nextToken();
      JsonLocation at = p.currentTokenLocation();
      switch (name) {
        case "Media", "MediaList" -> {
          if (v == JsonToken.START_ARRAY) {
            isCase = true;
            readArray(p, sink);
          } else {
            p.skipChildren();
            rejectReason = loc(at) + ": Media: expected an array, got " + describe(v);
          }
        }
        case "MediaID" -> {
          if (v == JsonToken.VALUE_NUMBER_INT || v == JsonToken.VALUE_STRING) id = p.getText();
          else if (v != JsonToken.VALUE_NULL) {
            p.skipChildren();
            rejectReason = loc(at) + ": MediaID: expected an integer, got " + describe(v);
          }
        }
        case "Category" -> {
          if (v == JsonToken.VALUE_NUMBER_INT) category = p.getIntValue();
          else if (v == JsonToken.VALUE_STRING && p.getText().trim().matches("-?\\d{1,9}")) category = Integer.valueOf(p.getText().trim());
          else if (v == JsonToken.VALUE_STRING && p.getText().isBlank()) category = null;
          else if (v != JsonToken.VALUE_NULL) {
            p.skipChildren();
            rejectReason = loc(at) + ": Category: expected an integer or null, got " + describe(v);
          }
        }
        case "MD5" -> md5 = hash(p, v, at, name, HashType.MD5);
        case "SHA1" -> sha1 = hash(p, v, at, name, HashType.SHA1);
        case "SHA256" -> sha256 = hash(p, v, at, name, HashType.SHA256);
        case "PDQ" -> pdq = hash(p, v, at, name, HashType.PDQ);
        case "PhotoDNA" -> photodna = hash(p, v, at, name, HashType.PHOTODNA);
        case "Series" -> {
          if (v == JsonToken.VALUE_STRING) series = p.getText();
          else if (v != JsonToken.VALUE_NULL) {
            p.skipChildren();
            errors.note(loc(at) + ": Series: expected a string, got " + describe(v) + " (ignored)");
          }
        }
        case "VictimIdentified", "OffenderIdentified", "IsDistributed", "IsPrecategorized", "IsSuspected", "SelfGenerated" -> {
          if (!isFlag(p, v)) {
            p.skipChildren();
            errors.note(loc(at) + ": " + name + ": expected true/false, got " + describe(v) + " (ignored)");
          }
        }
        default -> p.skipChildren(); // MediaFiles, Exifs, RelativeFilePath (never followed), …
      }
    }
    if (t != JsonToken.END_OBJECT) throw fatal(p.currentTokenLocation(), "record", "unexpected " + describe(t));
    if (isCase) return;
    if (rejectReason != null) {
      errors.reject(rejectReason);
      return;
    }
    if (md5 == null && sha1 == null && sha256 == null && pdq == null && photodna == null) {
      errors.reject(loc(start) + ": record" + (id == null ? "" : " MediaID " + id) + ": no valid hash");
      return;
    }
    Category cat =
        "UK".equals(profile) || "1.2".equals(version)
            ? (category == null ? new Category(Category.VICS_UK, Category.UNCATEGORISED) : new Category(Category.VICS_UK, category.toString()))
            : Category.vicUs(category);
    sink.accept(new HashEntry(id != null ? id : "#" + ordinal, md5, sha1, sha256, pdq, photodna, cat, series, null));
    entries++;
  }

  private String hash(JsonParser p, JsonToken v, JsonLocation at, String field, HashType type) throws IOException {
    if (v == JsonToken.VALUE_NULL) return null;
    if (v != JsonToken.VALUE_STRING) {
      p.skipChildren();
      errors.note(loc(at) + ": " + field + ": expected a string, got " + describe(v) + " (field dropped)");
      return null;
    }
    String text = p.getText();
    if (text.isBlank()) return null;
    try {
      return type.normalize(text);
    } catch (RuntimeException e) {
      errors.note(loc(at) + ": " + field + ": " + e.getMessage() + " (field dropped)");
      return null;
    }
  }

  private static boolean isFlag(JsonParser p, JsonToken v) throws IOException {
    if (v == JsonToken.VALUE_TRUE || v == JsonToken.VALUE_FALSE || v == JsonToken.VALUE_NULL) return true;
    if (v != JsonToken.VALUE_STRING) return false;
    String s = p.getText().trim().toLowerCase(Locale.ROOT);
    return s.equals("true") || s.equals("false") || s.isEmpty();
  }

  private static String describe(JsonToken t) {
    if (t == null) return "end of input";
    return switch (t) {
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      default -> t.toString();
    };
  }

  private String loc(JsonLocation l) {
    if (l == null) return file.toString();
    return file + ":" + l.getLineNr() + ":" + l.getColumnNr();
  }

  private HashSetFormatException fatal(JsonLocation l, String field, String problem) {
    return new HashSetFormatException(
        loc(l) + ": " + field + ": " + problem + " (read stopped after " + entries + " entries)");
  }
}
