package org.webwatch.triage;

/** Urgency band of a score; {@link #code()} is the {@code band} column of accounts.csv / persons.csv. */
public enum Band {
  CRITICAL("critical"),
  HIGH("high"),
  MEDIUM("medium"),
  LOW("low");

  private final String code;

  Band(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static Band fromCode(String code) {
    for (Band b : values()) if (b.code.equals(code)) return b;
    throw new IllegalArgumentException("unknown band: " + code);
  }
}
