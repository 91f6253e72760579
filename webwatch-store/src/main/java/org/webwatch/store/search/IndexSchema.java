package org.webwatch.store.search;

import org.apache.lucene.analysis.Analyzer;

/**
 * The Lucene document schema of the full-text index under {@code <data>/index}: one document
 * per post, private message, signature and thread title. Writers (capture import) and readers
 * (search in the server and CLI) both use these names so that neither owns the other.
 *
 * <ul>
 *   <li>{@link #KEY_HI}, {@link #KEY_LO}: the document's identity, {@link #keyId} of
 *       {@code (site, kind, id)}, 128 bits as two NumericDocValuesFields; not indexed, not stored.
 *       Updates delete by them ({@link KeyIdSetQuery}, one query per batch) before adding. Until
 *       schema 3 the identity was the indexed {@link #KEY} term {@code site/kind/id}: a unique
 *       term per document was the largest single cost of a bulk import's analysis (term-hash
 *       lookups, a posting list per term, a terms dictionary of every key at flush).
 *       {@link #key(Document)} rebuilds the key from the stored parts.
 *   <li>{@link #SITE}, {@link #KIND}: StringField, stored, plus SortedDocValuesField of the same
 *       name for faceting (both are search filters)
 *   <li>{@link #ACCOUNT}: StringField, stored (the search page offers {@code account:17})
 *   <li>{@link #ID}, {@link #CAPTURE} (the capture that last wrote the document): StoredField
 *       only. Nothing searches by them, and indexing a unique id per document was a fifth of the
 *       import's indexing CPU (term-hash lookups; docs/benchmarks.md).
 *   <li>{@link #TIME}: LongPoint + StoredField (epoch millis) + NumericDocValuesField for sorting
 *   <li>{@link #TEXT}: TextField, analysed by {@link #analyzer()}, the default search field; NOT
 *       stored since schema 3 (the record tables hold the text and search reads it back for
 *       highlighting: {@code CaptureRepository.indexedTexts}; compressing a second copy of every
 *       text was 6 % of the analysis thread's CPU in LZ4 alone). For messages the subject is prepended; for thread titles it
 *       is the title.
 * </ul>
 *
 * <p>Indexes written before schema 2 held {@code id} and {@code capture} as indexed
 * StringFields and the key stored. Lucene refuses to change a field's index options,
 * so the stored-only fields have new names and readers use {@link #stored}, which falls back
 * to the old names: an old index keeps working and can be appended to. Documents written
 * before schema 3 carry the {@link #KEY} term instead of the {@link #KEY_HI}/{@link #KEY_LO}
 * doc values, and their stored text: while an index holds such documents, updates delete by
 * both identities, and search highlights the stored text when there is one.
 */
public final class IndexSchema {
  /** The schema-1/2 identity term ({@code site/kind/id}); older documents still carry it. */
  public static final String KEY = "key";
  /** The high 64 bits of the schema-3 identity {@link #keyId} (NumericDocValuesField). */
  public static final String KEY_HI = "key_hi";
  /** The low 64 bits of the schema-3 identity {@link #keyId} (NumericDocValuesField). */
  public static final String KEY_LO = "key_lo";
  public static final String SITE = "site";
  public static final String KIND = "kind";
  public static final String ID = "item_id";
  public static final String ACCOUNT = "account";
  public static final String TIME = "time";
  public static final String TEXT = "text";
  public static final String CAPTURE = "item_capture";
  /** The current schema, recorded in every commit's user data as {@code schema}. */
  public static final String VERSION = "3";

  private static final java.util.Map<String, String> LEGACY = java.util.Map.of(ID, "id", CAPTURE, "capture");

  private IndexSchema() {}

  /** The document key of an item: {@code site/kind/id}, kind being a {@code TextKind} code. */
  public static String key(String site, String kind, String id) {
    return site + "/" + kind + "/" + id;
  }

  /**
   * The 128-bit identity of an item, {@code [hi, lo]}: the first 16 bytes of SHA-256 over the
   * length-prefixed UTF-8 of site, kind and id, big-endian. A cryptographic hash because ids come
   * from the crawled sites, i.e. from the people under investigation: with a fast
   * non-cryptographic hash a site could choose post ids that collide, and a re-import would then
   * delete another item's document; 128 bits keep accidental collisions out of reach at any
   * index size. Length prefixes keep {@code ("a/b", "c")} and {@code ("a", "b/c")} apart. Never
   * change it: an index written by one release is updated by the next. Thread-safe.
   */
  public static long[] keyId(String site, String kind, String id) {
    byte[] a = site.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] b = kind.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] c = id.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] buf = new byte[12 + a.length + b.length + c.length];
    put(buf, put(buf, put(buf, 0, a), b), c);
    // one digest call: single-byte updates were most of this method's cost
    java.nio.ByteBuffer d = java.nio.ByteBuffer.wrap(SHA256.get().digest(buf));
    return new long[] {d.getLong(), d.getLong()};
  }

  /** Writes {@code s} after its 4-byte big-endian length at {@code at}; returns the next offset. */
  private static int put(byte[] buf, int at, byte[] s) {
    int n = s.length;
    buf[at] = (byte) (n >>> 24);
    buf[at + 1] = (byte) (n >>> 16);
    buf[at + 2] = (byte) (n >>> 8);
    buf[at + 3] = (byte) n;
    System.arraycopy(s, 0, buf, at + 4, n);
    return at + 4 + n;
  }

  private static final ThreadLocal<java.security.MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
    try {
      return java.security.MessageDigest.getInstance("SHA-256");
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  });

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
