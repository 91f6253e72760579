package org.webwatch.media;

import org.webwatch.WebwatchException;

/** An image that could not be decoded; {@link #reason()} is a short stable code for error rows. */
public final class MediaDecodeException extends WebwatchException {
  /** Why decoding failed. */
  public enum Reason {
    UNSUPPORTED("unsupported-format"),
    TOO_LARGE("too-large"),
    CORRUPT("corrupt"),
    TIMEOUT("timeout"),
    IO("io-error");

    public final String code;

    Reason(String code) {
      this.code = code;
    }
  }

  private final Reason reason;

  public MediaDecodeException(Reason reason, String message) {
    super(reason == Reason.IO ? Kind.INVALID_INPUT : Kind.REFUSED, message);
    this.reason = reason;
  }

  public MediaDecodeException(Reason reason, String message, Throwable cause) {
    super(reason == Reason.IO ? Kind.INVALID_INPUT : Kind.REFUSED, message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
