package org.webwatch.identity.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;

/** What the linking models' JSON files share: the header every model writes and the checked read of it. */
final class ModelJson {
  private ModelJson() {}

  /** A model document started with {@code format}, {@code method}, {@code version} and {@code about}. */
  static ObjectNode header(String format, String method, String version, String about) {
    ObjectNode root = new ObjectMapper().createObjectNode();
    root.put("format", format);
    root.put("method", method);
    root.put("version", version);
    root.put("about", about);
    return root;
  }

  /** The document in {@code in}; a located {@link IllegalArgumentException} unless it is JSON of {@code format}. */
  static JsonNode read(InputStream in, String source, String format, String what) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new IllegalArgumentException(source + ": not a JSON " + what + ": " + e.getMessage(), e);
    }
    if (root == null || !format.equals(root.path("format").asText())) throw new IllegalArgumentException(source + ": field format must be " + format);
    return root;
  }
}
