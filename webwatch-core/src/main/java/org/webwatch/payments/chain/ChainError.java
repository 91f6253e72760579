package org.webwatch.payments.chain;

/** A located problem in chain input: file, byte offset, what was wrong. */
public record ChainError(String source, long offset, String what) {
  @Override
  public String toString() {
    return source + " @" + offset + ": " + what;
  }
}
