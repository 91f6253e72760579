package org.webwatch.model;

/** Status of one attachment against the hash sets given ({@code media.csv}). */
public enum MediaStatus {
  KNOWN_EXACT("known-exact"),
  KNOWN_PERCEPTUAL("known-perceptual"),
  NEW("new"),
  LOW_QUALITY("low-quality"),
  UNHASHED("unhashed");

  private final String code;

  MediaStatus(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static MediaStatus fromCode(String code) {
    for (MediaStatus s : values()) if (s.code.equals(code)) return s;
    throw new IllegalArgumentException("unknown media status: " + code);
  }
}
