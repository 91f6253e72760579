package org.webwatch.media.hashset;

import org.webwatch.WebwatchException;

/** A hash-set file that cannot be read on: the message says file, line, column and why. */
public final class HashSetFormatException extends WebwatchException {
  public HashSetFormatException(String message) {
    super(Kind.INVALID_INPUT, message);
  }

  public HashSetFormatException(String message, Throwable cause) {
    super(Kind.INVALID_INPUT, message, cause);
  }
}
