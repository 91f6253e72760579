package org.webwatch.ingest;

import org.webwatch.WebwatchException;

/**
 * The capture as a whole cannot be read: manifest missing or of a newer version, a required
 * file missing, an unsafe or corrupt container (path escaping the capture, link as a data file,
 * decompression bomb, size limits). Nothing of a refused capture may be stored.
 */
public class CaptureRefusedException extends WebwatchException {
  public CaptureRefusedException(String message) {
    super(Kind.REFUSED, message);
  }

  public CaptureRefusedException(String message, Throwable cause) {
    super(Kind.REFUSED, message, cause);
  }
}
