package org.webwatch.media.hashset;

/** The hash-set file forms Webwatch reads. */
public enum HashSetFormat {
  /** Project VIC VICS JSON 1.x ({@code odata.metadata}) or 2.0 ({@code @odata.context}). */
  VICS,
  /** CSV with a header naming any of md5, sha1, sha256, pdq, photodna, category, series, source (also ICSE {@code ;} exports). */
  CSV,
  /** One hash per line of a type the user names. */
  LIST
}
