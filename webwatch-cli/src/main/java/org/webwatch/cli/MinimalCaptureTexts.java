package org.webwatch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.webwatch.WebwatchException;
import org.webwatch.model.TextItem;
import org.webwatch.model.TextKind;

/**
 * Stop-gap reader of the text of a capture DIRECTORY ({@code capture-format.md}): thread
 * titles, account signatures and profile fields, posts, messages ({@code .jsonl} or
 * {@code .jsonl.gz}). To be replaced by {@code org.webwatch.ingest.CaptureReader} at merge;
 * it does no validation beyond "is this JSON" and reports bad lines as FILE:LINE errors.
 */
final class MinimalCaptureTexts implements Function<Path, Stream<TextItem>> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public Stream<TextItem> apply(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new WebwatchException(WebwatchException.Kind.INVALID_INPUT, dir + ": not a capture directory (zip/tar.gz need the ingest reader)");
    }
    if (!Files.exists(dir.resolve("capture.json"))) {
      throw new WebwatchException(WebwatchException.Kind.INVALID_INPUT, dir + ": capture.json missing");
    }
    return Stream.of("threads", "accounts", "posts", "messages").flatMap(name -> lines(dir, name));
  }

  private static Stream<TextItem> lines(Path dir, String name) {
    Path p = dir.resolve(name + ".jsonl");
    if (!Files.exists(p)) p = dir.resolve(name + ".jsonl.gz");
    if (!Files.exists(p)) return Stream.empty();
    Path file = p;
    try {
      InputStream in = Files.newInputStream(file);
      if (file.toString().endsWith(".gz")) in = new GZIPInputStream(in);
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      int[] no = {0};
      return r.lines().onClose(() -> close(r)).flatMap(line -> {
        no[0]++;
        if (line.isBlank()) return Stream.empty();
        try {
          return items(name, JSON.readTree(line)).stream();
        } catch (IOException e) {
          throw new WebwatchException(WebwatchException.Kind.INVALID_INPUT, file + ":" + no[0] + ": not JSON: " + e.getMessage());
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<TextItem> items(String file, JsonNode n) {
    List<TextItem> out = new ArrayList<>();
    String site = n.path("site").asText(), id = n.path("id").asText();
    switch (file) {
      case "threads" -> add(out, site, TextKind.THREAD_TITLE, id, n.path("author").asText(null), null, n.path("title"));
      case "accounts" -> {
        add(out, site, TextKind.SIGNATURE, id, id, null, n.path("signature"));
        Iterator<String> keys = n.path("profile").fieldNames();
        while (keys.hasNext()) {
          String k = keys.next();
          add(out, site, TextKind.PROFILE, id, id, k, n.path("profile").path(k));
        }
      }
      case "posts" -> add(out, site, TextKind.POST, id, n.path("author").asText(), null, n.path("text"));
      default -> add(out, site, TextKind.MESSAGE, id, n.path("author").asText(), null, n.path("text"));
    }
    return out;
  }

  private static void add(List<TextItem> out, String site, TextKind kind, String item, String account, String field, JsonNode text) {
    if (text.isTextual() && !text.asText().isEmpty()) out.add(new TextItem(site, kind, item, account, field, null, text.asText()));
  }

  private static void close(BufferedReader r) {
    try {
      r.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
