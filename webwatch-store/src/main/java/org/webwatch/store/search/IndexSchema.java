package org.webwatch.store.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;

/**
 * The Lucene document schema of the full-text index under {@code <data>/index}: one document
 * per post, private message, signature and thread title. Writers (capture import) and readers
 * (search in the server and CLI) both use these names so that neither owns the other.
 *
 * <ul>
 *   <li>{@link #KEY}: {@code site/kind/id} — unique; StringField, stored (updates replace by it)
 *   <li>{@link #SITE}, {@link #KIND}, {@link #ID}, {@link #ACCOUNT}: StringField, stored, plus
 *       SortedDocValuesField of the same name on SITE and KIND for faceting
 *   <li>{@link #TIME}: LongPoint + StoredField (epoch millis) + NumericDocValuesField for sorting
 *   <li>{@link #TEXT}: TextField, stored (for highlighting), analysed by {@link #analyzer()};
 *       the default search field. For messages the subject is prepended; for thread titles it
 *       is the title.
 *   <li>{@link #CAPTURE}: StringField, stored — the capture that last wrote the document
 * </ul>
 */
public final class IndexSchema {
  public static final String KEY = "key";
  public static final String SITE = "site";
  public static final String KIND = "kind";
  public static final String ID = "id";
  public static final String ACCOUNT = "account";
  public static final String TIME = "time";
  public static final String TEXT = "text";
  public static final String CAPTURE = "capture";

  private IndexSchema() {}

  /** The document key of an item: {@code site/kind/id}, kind being a {@code TextKind} code. */
  public static String key(String site, String kind, String id) {
    return site + "/" + kind + "/" + id;
  }

  /** The analyzer used at index and query time (Unicode word segmentation, lower-casing). */
  public static Analyzer analyzer() {
    return new StandardAnalyzer();
  }
}
