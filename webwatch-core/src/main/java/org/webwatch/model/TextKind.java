package org.webwatch.model;

/** Where a piece of text came from; {@link #code()} is the {@code kind} column of the outputs. */
public enum TextKind {
  POST("post"),
  MESSAGE("message"),
  SIGNATURE("signature"),
  THREAD_TITLE("thread-title"),
  PROFILE("profile");

  private final String code;

  TextKind(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static TextKind fromCode(String code) {
    return ofCode(code).orElseThrow(() -> new IllegalArgumentException("unknown text kind: " + code));
  }

  /** The kind with this {@link #code()}, if any. */
  public static java.util.Optional<TextKind> ofCode(String code) {
    for (TextKind k : values()) if (k.code.equals(code)) return java.util.Optional.of(k);
    return java.util.Optional.empty();
  }
}
