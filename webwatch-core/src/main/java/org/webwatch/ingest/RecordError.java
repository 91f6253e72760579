package org.webwatch.ingest;

/**
 * A rejected record, located: {@code file} (as named inside the capture), 1-based {@code line},
 * the {@code field} at fault (or {@code -} for the whole line) and the {@code problem}.
 * {@link #toString()} is {@code FILE:LINE: field: problem}.
 */
public record RecordError(String file, long line, String field, String problem) {
  @Override
  public String toString() {
    return file + ":" + line + ": " + field + ": " + problem;
  }
}
