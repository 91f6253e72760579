package org.webwatch.media;

import org.webwatch.WebwatchException;

/**
 * Which pre-resize step produced a PDQ hash ({@code pdq-algorithm.md} §1). Hashes made under
 * different policies differ by about 2–10 bits on large images, so the policy travels with
 * every hash.
 */
public enum PdqPolicy {
  /** No pre-resize: Java reference, python-threatexchange, vPDQ. The default. */
  FULL("full"),
  /** Nearest neighbour to exactly 512×512 when either side exceeds 512: C++ CLI and WASM. */
  NN512("nn512");

  public static final PdqPolicy DEFAULT = FULL;
  private final String code;

  PdqPolicy(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  /** Parses {@code full} or {@code nn512}; null or blank means the default. */
  public static PdqPolicy fromCode(String code) {
    if (code == null || code.isBlank()) return DEFAULT;
    for (PdqPolicy p : values()) if (p.code.equalsIgnoreCase(code.trim())) return p;
    throw new WebwatchException(
        WebwatchException.Kind.INVALID_INPUT, "unknown PDQ policy \"" + code + "\" (use full or nn512)");
  }
}
