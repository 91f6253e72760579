package org.webwatch.store.search;

import org.apache.lucene.analysis.Analyzer;

/**
 * The Lucene document schema of the full-text index under {@code <data>/index}: one document
 * per post, private message, signature and thread title. Writers (capture import) and readers
 * (search in the server and CLI) both use these names so that neither owns the other.
 *
 * <ul>
 *   <li>{@link #KEY}: {@code site/kind/id} — unique; StringField, NOT stored (updates replace by
 *       it; {@link #key(Document)} rebuilds it from the stored parts)
 *   <li>{@link #SITE}, {@link #KIND}: StringField, stored, plus SortedDocValuesField of the same
 *       name for faceting (both are search filters)
 *   <li>{@link #ACCOUNT}: StringField, stored (the search page offers {@code account:17})
 *   <li>{@link #ID}, {@link #CAPTURE} (the capture that last wrote the document): StoredField
 *       only. Nothing searches by them, and indexing a unique id per document was a fifth of the
 *       import's indexing CPU (term-hash lookups; docs/benchmarks.md).
 *   <li>{@link #TIME}: LongPoint + StoredField (epoch millis) + NumericDocValuesField for sorting
 *   <li>{@link #TEXT}: TextField, stored (for highlighting), analysed by {@link #analyzer()};
 *       the default search field. For messages the subject is prepended; for thread titles it
 *       is the title.
 * </ul>
 *
 * <p>Indexes written before schema 2 held {@code id} and {@code capture} as indexed
 * StringFields and the key stored. Lucene refuses to change a field's index options,
 * so the stored-only fields have new names and readers use {@link #stored}, which falls back
 * to the old names: an old index keeps working and can be appended to.
 */
public final class IndexSchema {
  public static final String KEY = "key";
  public static final String SITE = "site";
  public static final String KIND = "kind";
  public static final String ID = "item_id";
  public static final String ACCOUNT = "account";
  public static final String TIME = "time";
  public static final String TEXT = "text";
  public static final String CAPTURE = "item_capture";
  /** The current schema, recorded in every commit's user data as {@code schema}. */
  public static final String VERSION = "2";

  private static final java.util.Map<String, String> LEGACY = java.util.Map.of(ID, "id", CAPTURE, "capture");

  private IndexSchema() {}

  /** The document key of an item: {@code site/kind/id}, kind being a {@code TextKind} code. */
  public static String key(String site, String kind, String id) {
    return site + "/" + kind + "/" + id;
  }

  /** A stored value of {@code d}, read under its schema-1 name when the document predates schema 2. */
  public static String stored(org.apache.lucene.document.Document d, String field) {
    String v = d.get(field);
    if (v == null && LEGACY.containsKey(field)) v = d.get(LEGACY.get(field));
    return v;
  }

  /** The stored fields {@link #key(org.apache.lucene.document.Document)} reads, in either schema. */
  public static java.util.Set<String> keyFields() {
    return java.util.Set.of(KEY, SITE, KIND, ID, LEGACY.get(ID));
  }

  /** The key of a stored document (schema 2 does not store it; schema 1 did). */
  public static String key(org.apache.lucene.document.Document d) {
    String stored = d.get(KEY);
    return stored != null ? stored : key(d.get(SITE), d.get(KIND), stored(d, ID));
  }

  /** The analyzer used at index and query time (Unicode word segmentation, lower-casing). */
  public static Analyzer analyzer() {
    return new TextAnalyzer();
  }

  /**
   * The analyzer for parsing user queries: {@link #analyzer()} for the text, but the exact-value
   * fields ({@code site:}, {@code kind:}, {@code account:}) are taken as typed, since they are
   * indexed unanalysed (a lower-cased {@code account:User_A} would never match).
   */
  public static Analyzer queryAnalyzer() {
    Analyzer exact = new org.apache.lucene.analysis.core.KeywordAnalyzer();
    return new org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper(analyzer(),
        java.util.Map.of(SITE, exact, KIND, exact, ACCOUNT, exact));
  }
}
