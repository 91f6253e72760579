package org.webwatch.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.webwatch.ingest.internal.ByteBudget;
import org.webwatch.ingest.internal.CaptureContainer;
import org.webwatch.ingest.internal.CountingInputStream;
import org.webwatch.ingest.internal.DirectoryContainer;
import org.webwatch.ingest.internal.EntryPaths;
import org.webwatch.ingest.internal.GuardedInputStream;
import org.webwatch.ingest.internal.LineReader;
import org.webwatch.ingest.internal.ManifestParser;
import org.webwatch.ingest.internal.RecordChecks;
import org.webwatch.ingest.internal.Reject;
import org.webwatch.ingest.internal.TarGzContainer;
import org.webwatch.ingest.internal.Utf8;
import org.webwatch.ingest.internal.ZipContainer;
import org.webwatch.model.CaptureManifest;

/**
 * Streams a capture ({@code shared/spec/capture-format.md}) from a directory, {@code .zip} or
 * {@code .tar.gz} into a {@link CaptureVisitor}, in the order manifest, sites, boards, threads,
 * accounts, posts, messages. Each record is parsed from one bounded line with Jackson's tree
 * model and checked; a bad record becomes a located {@link RecordError} and the rest loads.
 * A capture that cannot be read as a whole (manifest missing or newer, required file missing,
 * hostile container) raises {@link CaptureRefusedException}; the visitor may already have seen
 * records by then and must discard them (the store import does, in one transaction).
 *
 * <p>Memory is O(one line) plus about 16 bytes per record for the duplicate and reference
 * checks; the reader writes nothing anywhere. Reusable and thread-confined per call.
 */
public final class CaptureReader {
  /** The report keeps this many errors; the visitor sees all of them. */
  public static final int MAX_REPORTED_ERRORS = 10_000;
  /** The report keeps this many warnings. */
  public static final int MAX_WARNINGS = 1_000;
  /** The data files in visit order. */
  public static final List<String> FILE_ORDER = List.of("sites", "boards", "threads", "accounts", "posts", "messages");
  /** Files a capture must hold (they may be empty). */
  public static final List<String> REQUIRED_FILES = List.of("sites", "accounts", "posts");

  private final ReaderLimits limits;
  private final ObjectMapper mapper;
  /** Reads one line into a tree; built once, because ObjectMapper.readTree resolves the JsonNode type on every call. */
  private final com.fasterxml.jackson.databind.ObjectReader trees;

  public CaptureReader() {
    this(ReaderLimits.defaults());
  }

  public CaptureReader(ReaderLimits limits) {
    if (limits == null) throw new IllegalArgumentException("limits must not be null");
    this.limits = limits;
    this.mapper = new ObjectMapper()
        .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    this.trees = mapper.readerFor(JsonNode.class);
  }

  public ReaderLimits limits() {
    return limits;
  }

  /**
   * Reads the capture at {@code capture} into {@code visitor}.
   *
   * @throws CaptureRefusedException when the capture cannot be read as a whole
   */
  public ReadReport read(Path capture, CaptureVisitor visitor) {
    if (capture == null || visitor == null) throw new IllegalArgumentException("capture and visitor are required");
    if (!Files.exists(capture)) throw new CaptureRefusedException("capture not found: " + capture);
    ByteBudget budget = new ByteBudget(limits);
    try (CaptureContainer container = open(capture, budget)) {
      return new Run(container, visitor, budget).read();
    } catch (IOException e) {
      throw new CaptureRefusedException("cannot read capture " + capture + ": " + e.getMessage(), e);
    }
  }

  private static CaptureContainer open(Path capture, ByteBudget budget) throws IOException {
    if (Files.isDirectory(capture)) return new DirectoryContainer(capture, budget);
    byte[] magic = new byte[4];
    int n;
    try (InputStream in = Files.newInputStream(capture)) {
      n = in.readNBytes(magic, 0, 4);
    }
    if (n >= 4 && magic[0] == 'P' && magic[1] == 'K' && (magic[2] == 3 || magic[2] == 5)) {
      try {
        return new ZipContainer(capture, budget);
      } catch (ZipException e) {
        throw new CaptureRefusedException("capture " + capture.getFileName() + " is not a readable zip: " + e.getMessage(), e);
      }
    }
    if (n >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
      try {
        return new TarGzContainer(capture, budget);
      } catch (ZipException | EOFException e) {
        throw new CaptureRefusedException("capture " + capture.getFileName() + " is not a readable tar.gz: " + e.getMessage(), e);
      }
    }
    throw new CaptureRefusedException(
        "capture " + capture.getFileName() + " is neither a directory, a .zip nor a .tar.gz");
  }

  /** One read: the container, the visitor and what has been seen so far. */
  private final class Run {
    private final CaptureContainer container;
    private final CaptureVisitor visitor;
    private final Map<String, Long> accepted = new LinkedHashMap<>();
    private final Map<String, Long> rejected = new LinkedHashMap<>();
    private final List<RecordError> errors = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final RecordChecks checks = new RecordChecks(mapper);
    private final ByteBudget budget;
    private final Map<String, String> dataFiles = new LinkedHashMap<>(); // kind -> file name
    private final List<String> early = new ArrayList<>(); // warnings found before the manifest was visited
    private boolean manifestVisited;

    Run(CaptureContainer container, CaptureVisitor visitor, ByteBudget budget) {
      this.container = container;
      this.visitor = visitor;
      this.budget = budget;
    }

    ReadReport read() throws IOException {
      String manifestName = EntryPaths.MANIFEST;
      if (container.links().contains(manifestName)) {
        throw new CaptureRefusedException(manifestName + " is a link, folder or special file; links are never followed; capture refused");
      }
      if (!container.files().contains(manifestName)) {
        throw new CaptureRefusedException(
            "capture.json (the manifest) is missing: not a Webwatch capture (expected capture.json at the root or under one top-level folder)");
      }
      for (String f : container.files()) {
        if (f.equals(manifestName)) continue;
        String kind = kindOf(f);
        if (kind == null) {
          warn("ignored unknown file '" + f + "'");
        } else if (dataFiles.put(kind, f) != null) {
          throw new CaptureRefusedException(
              "capture holds both " + kind + ".jsonl and " + kind + ".jsonl.gz; refused as ambiguous");
        }
      }
      for (String l : container.links()) {
        if (kindOf(l) != null) {
          throw new CaptureRefusedException("'" + l + "' is a link, folder or special file; links are never followed; capture refused");
        }
        warn("ignored '" + l + "' (a link, folder or special file)");
      }
      CaptureManifest manifest;
      try (InputStream in = container.open(manifestName)) {
        manifest = new ManifestParser(mapper).parse(in);
      }
      for (String req : REQUIRED_FILES) {
        if (!dataFiles.containsKey(req)) {
          throw new CaptureRefusedException("required file " + req + ".jsonl is missing from capture '" + manifest.id() + "'");
        }
      }
      visitor.manifest(manifest);
      manifestVisited = true;
      for (String w : early) visitor.warning(w);
      for (String kind : FILE_ORDER) {
        String f = dataFiles.get(kind);
        if (f != null) readFile(kind, f);
      }
      for (String w : checks.danglingWarnings()) warn(w);
      return new ReadReport(manifest, accepted, rejected, errors, warnings);
    }

    private void readFile(String kind, String file) throws IOException {
      accepted.put(file, 0L);
      rejected.put(file, 0L);
      checks.startFile(kind, dataFiles.containsKey("boards"), dataFiles.containsKey("threads"));
      RecordChecks.Handler handler = checks.handler(kind);
      long line = 0;
      long ok = 0; // counted here, not in the map, per record
      try (InputStream raw = container.open(file)) {
        InputStream in = raw;
        if (file.endsWith(".gz")) {
          CountingInputStream counted = new CountingInputStream(raw);
          in = new GuardedInputStream(
              new GZIPInputStream(counted, 1 << 16), file, limits.maxEntryBytes(), counted::count, budget, true);
        }
        LineReader lines = new LineReader(in, limits.maxLineBytes());
        while (lines.next()) {
          line = lines.lineNumber();
          if (lines.tooLong()) {
            reject(file, line, "-", "line longer than " + limits.maxLineBytes() + " bytes (limit maxLineBytes); skipped");
            continue;
          }
          if (lines.blank()) continue;
          if (handle(handler, file, line, lines.bytes(), lines.offset(), lines.length())) ok++;
        }
      } catch (EOFException | ZipException e) {
        reject(file, line + 1, "-", "file ends early: truncated or corrupt compressed data (" + e.getMessage() + ")");
      } finally {
        accepted.merge(file, ok, Long::sum);
      }
    }

    /** Reads one line's record; true when accepted, false when rejected (and reported). */
    private boolean handle(RecordChecks.Handler handler, String file, long line, byte[] b, int off, int len) {
      if (line == 1 && len >= 3 && (b[off] & 0xff) == 0xef && (b[off + 1] & 0xff) == 0xbb && (b[off + 2] & 0xff) == 0xbf) {
        off += 3; // a UTF-8 byte order mark some Windows tools write
        len -= 3;
      }
      int bad = Utf8.firstInvalid(b, off, len);
      if (bad >= 0) {
        reject(file, line, "-", "invalid UTF-8 at byte " + (bad + 1) + " of the line");
        return false;
      }
      JsonNode node;
      try {
        node = trees.readTree(b, off, len);
      } catch (JsonProcessingException e) {
        reject(file, line, "-", "invalid JSON: " + e.getOriginalMessage());
        return false;
      } catch (IOException e) {
        reject(file, line, "-", "invalid JSON: " + e.getMessage());
        return false;
      }
      if (node == null || !node.isObject()) {
        reject(file, line, "-", "expected a JSON object, got " + (node == null ? "nothing" : node.getNodeType().toString().toLowerCase()));
        return false;
      }
      try {
        handler.accept(node, visitor);
        return true;
      } catch (Reject r) {
        reject(file, line, r.field, r.problem);
        return false;
      }
    }

    private void reject(String file, long line, String field, String problem) {
      RecordError e = new RecordError(file, line, field, problem);
      rejected.merge(file, 1L, Long::sum);
      if (errors.size() < MAX_REPORTED_ERRORS) errors.add(e);
      visitor.rejected(e);
    }

    private void warn(String w) {
      if (warnings.size() < MAX_WARNINGS) warnings.add(w);
      if (manifestVisited) visitor.warning(w);
      else if (early.size() < MAX_WARNINGS) early.add(w);
    }
  }

  /** The data kind of a file name ({@code posts.jsonl}, {@code posts.jsonl.gz}), or null. */
  static String kindOf(String file) {
    String base = file.endsWith(".jsonl.gz") ? file.substring(0, file.length() - 9)
        : file.endsWith(".jsonl") ? file.substring(0, file.length() - 6) : null;
    return base != null && FILE_ORDER.contains(base) ? base : null;
  }
}
