package org.webwatch.server.internal.jobs;

/** What a background job does. */
public enum JobKind {
  CAPTURE_IMPORT("capture-import"),
  HASHSET_IMPORT("hashset-import"),
  TRIAGE("triage");

  private final String code;

  JobKind(String code) {
    this.code = code;
  }

  /** The name used in the API, the audit log and the page. */
  public String code() {
    return code;
  }
}
