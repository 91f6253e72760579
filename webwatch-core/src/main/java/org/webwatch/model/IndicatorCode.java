package org.webwatch.model;

/** The normative indicator codes of {@code shared/spec/indicators.md}. */
public enum IndicatorCode {
  ENTRY_BY_PRODUCTION("entry-by-production"),
  PRODUCTION_CLAIM("production-claim"),
  ACCESS_CLAIM("access-claim"),
  MEETING_INTENT("meeting-intent"),
  CONTACT_ADVOCACY("contact-advocacy"),
  PAID_STREAMING("paid-streaming"),
  NORMALISATION("normalisation"),
  OPSEC("opsec"),
  INTEREST_DISCLOSURE("interest-disclosure");

  private final String code;

  IndicatorCode(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static IndicatorCode fromCode(String code) {
    for (IndicatorCode c : values()) if (c.code.equals(code)) return c;
    throw new IllegalArgumentException("unknown indicator code: " + code);
  }
}
