package org.webwatch.signals.identifiers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the shared address vectors (never copied into the repo). */
final class Vectors {
  private Vectors() {}

  static Path dir() {
    return Path.of(System.getProperty("webwatch.shared", "/work/shared"), "testdata", "crypto", "addresses");
  }

  static JsonNode json(String name) {
    try {
      return new ObjectMapper().readTree(dir().resolve(name).toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<String> strings(String file, String key) {
    List<String> out = new ArrayList<>();
    for (JsonNode n : json(file).get(key)) out.add(n.get("string").asText());
    return out;
  }

  static List<String> eip55() {
    try {
      return Files.readAllLines(dir().resolve("eip55_checksum_vectors.txt")).stream()
          .map(String::trim).filter(l -> l.startsWith("0x")).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Address (non-private-key) entries of key_io_valid.json: [address, scriptPubKey, chain, tryCaseFlip]. */
  static List<String[]> keyIoValidAddresses() {
    List<String[]> out = new ArrayList<>();
    for (JsonNode e : json("key_io_valid.json")) {
      JsonNode meta = e.get(2);
      if (meta.get("isPrivkey").asBoolean()) continue;
      out.add(new String[] {e.get(0).asText(), e.get(1).asText(), meta.get("chain").asText(),
          String.valueOf(meta.path("tryCaseFlip").asBoolean(false))});
    }
    return out;
  }

  static List<String> keyIoInvalid() {
    List<String> out = new ArrayList<>();
    for (JsonNode e : json("key_io_invalid.json")) out.add(e.get(0).asText());
    return out;
  }
}
