package org.webwatch.payments.chain;

import org.webwatch.WebwatchException;

/** Malformed chain data, located by file and byte offset. */
public final class ChainFormatException extends WebwatchException {
  private final String source;
  private final long offset;
  private final String what;

  public ChainFormatException(String source, long offset, String what) {
    super(Kind.INVALID_INPUT, source + " @" + offset + ": " + what);
    this.source = source;
    this.offset = offset;
    this.what = what;
  }

  public String source() {
    return source;
  }

  public long offset() {
    return offset;
  }

  public String what() {
    return what;
  }

  public ChainError toError() {
    return new ChainError(source, offset, what);
  }
}
