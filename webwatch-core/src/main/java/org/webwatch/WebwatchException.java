package org.webwatch;

/**
 * Root of Webwatch's typed, unchecked errors. Each subclass says what went wrong in words an
 * operator can act on, and carries the exit code the CLI uses and, through {@link #kind()}, the
 * class of failure the HTTP edge maps to a status code in one place.
 */
public class WebwatchException extends RuntimeException {
  /** Class of failure; the HTTP edge maps each to one status code. */
  public enum Kind {
    INVALID_INPUT(3, 400),
    REFUSED(3, 422),
    NOT_FOUND(3, 404),
    CONFLICT(3, 409),
    FORBIDDEN(3, 403),
    INTERNAL(4, 500);

    public final int exitCode;
    public final int httpStatus;

    Kind(int exitCode, int httpStatus) {
      this.exitCode = exitCode;
      this.httpStatus = httpStatus;
    }
  }

  private final Kind kind;

  public WebwatchException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public WebwatchException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }

  public int exitCode() {
    return kind.exitCode;
  }
}
