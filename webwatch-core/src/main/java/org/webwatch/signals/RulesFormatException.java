package org.webwatch.signals;

import org.webwatch.WebwatchException;

/** A rules file that breaks the format: says which file, which line, and what is wrong. */
public final class RulesFormatException extends WebwatchException {
  public RulesFormatException(String source, int line, String message) {
    super(Kind.INVALID_INPUT, source + ":" + line + ": " + message);
  }
}
