package org.webwatch.ingest.internal;

/** A record breaks the spec at {@code field}; cheap (no stack trace), caught per line. */
public final class Reject extends RuntimeException {
  public final String field;
  public final String problem;

  public Reject(String field, String problem) {
    super(field + ": " + problem, null, false, false);
    this.field = field;
    this.problem = problem;
  }
}
