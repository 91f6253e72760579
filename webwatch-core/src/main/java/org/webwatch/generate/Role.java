package org.webwatch.generate;

import java.util.Locale;

/** Ground-truth role of a synthetic person, with its expected triage band. */
public enum Role {
  LURKER(false, "low"),
  CONSUMER(false, "medium"),
  PRODUCER(true, "critical"),
  GATEKEEPER(true, "high"),
  ACCESS_CLAIMER(true, "critical"),
  MEETING_SEEKER(true, "critical"),
  CONTACT_ADVOCATE(true, "high"),
  STREAM_SELLER(true, "critical"),
  STREAM_BUYER(true, "high"),
  NORMALISER(false, "medium"),
  BYSTANDER(false, "low");

  private final boolean motivated;
  private final String expectedBand;

  Role(boolean motivated, String expectedBand) {
    this.motivated = motivated;
    this.expectedBand = expectedBand;
  }

  /** True for roles that show motivation to offend (production, access, contact, streaming). */
  public boolean motivated() {
    return motivated;
  }

  /** The band a good triage should put this role's persons in. */
  public String expectedBand() {
    return expectedBand;
  }

  /** Name as written in truth files, e.g. {@code access-claimer}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
