package org.webwatch.store.triage;

/**
 * Filters of the triage queue; null or blank = any. {@code indicator} is an indicator code,
 * {@code mediaStatus} a media status (e.g. {@code new}).
 */
public record QueueFilter(String band, String site, String indicator, String mediaStatus) {
  public static final QueueFilter NONE = new QueueFilter(null, null, null, null);

  public QueueFilter {
    band = blankToNull(band);
    site = blankToNull(site);
    indicator = blankToNull(indicator);
    mediaStatus = blankToNull(mediaStatus);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
