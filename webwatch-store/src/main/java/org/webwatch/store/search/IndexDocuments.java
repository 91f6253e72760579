package org.webwatch.store.search;

import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.util.BytesRef;

/** The Lucene documents of {@link IndexSchema}: built fresh, or by refilling one set of fields per thread. */
final class IndexDocuments {
  private IndexDocuments() {}

  /**
   * The Lucene document of {@code t}, last written by {@code capture}: what a fresh {@link Builder}
   * builds (the builder is dropped, so the document owns its fields).
   */
  static Document document(IndexedText t, String capture) {
    return new Builder().build(t, capture);
  }

  /**
   * The one layout of {@link IndexSchema}'s documents: fields held once per analysis thread and refilled for every
   * document (Lucene's documented reuse pattern: saves the allocation of twelve fields, their
   * {@code BytesRef}s and the document list per text). Not thread-safe: one per thread.
   */
  static final class Builder {
    private final NumericDocValuesField keyHi = new NumericDocValuesField(IndexSchema.KEY_HI, 0L);
    private final NumericDocValuesField keyLo = new NumericDocValuesField(IndexSchema.KEY_LO, 0L);
    private final StringField site = new StringField(IndexSchema.SITE, "", Field.Store.YES);
    private final SortedDocValuesField siteDv = new SortedDocValuesField(IndexSchema.SITE, new BytesRef());
    private final StringField kind = new StringField(IndexSchema.KIND, "", Field.Store.YES);
    private final SortedDocValuesField kindDv = new SortedDocValuesField(IndexSchema.KIND, new BytesRef());
    private final StoredField id = new StoredField(IndexSchema.ID, "");
    private final StringField account = new StringField(IndexSchema.ACCOUNT, "", Field.Store.YES);
    private final LongPoint timePoint = new LongPoint(IndexSchema.TIME, 0L);
    private final StoredField timeStored = new StoredField(IndexSchema.TIME, 0L);
    private final NumericDocValuesField timeDv = new NumericDocValuesField(IndexSchema.TIME, 0L);
    private final TextField text = new TextField(IndexSchema.TEXT, "", Field.Store.NO);
    private final StoredField capture = new StoredField(IndexSchema.CAPTURE, "");
    private final Document doc = new Document();
    // sites and kinds are few: their doc-values bytes are encoded once
    private final Map<String, BytesRef> bytes = new java.util.HashMap<>();

    /** The document of {@code t}; valid until the next call. */
    Document build(IndexedText t, String captureId) {
      long[] keyId = t.keyId();
      return build(t, captureId, keyId[0], keyId[1]);
    }

    /** As {@link #build(IndexedText, String)} with {@code t}'s {@link IndexedText#keyId} already computed. */
    Document build(IndexedText t, String captureId, long keyIdHi, long keyIdLo) {
      doc.clear();
      keyHi.setLongValue(keyIdHi);
      doc.add(keyHi);
      keyLo.setLongValue(keyIdLo);
      doc.add(keyLo);
      site.setStringValue(t.site());
      doc.add(site);
      siteDv.setBytesValue(bytes(t.site()));
      doc.add(siteDv);
      kind.setStringValue(t.kind().code());
      doc.add(kind);
      kindDv.setBytesValue(bytes(t.kind().code()));
      doc.add(kindDv);
      id.setStringValue(t.id());
      doc.add(id);
      if (t.account() != null) {
        account.setStringValue(t.account());
        doc.add(account);
      }
      if (t.time() != null) {
        long ms = t.time().toEpochMilli();
        timePoint.setLongValue(ms);
        doc.add(timePoint);
        timeStored.setLongValue(ms);
        doc.add(timeStored);
        timeDv.setLongValue(ms);
        doc.add(timeDv);
      }
      text.setStringValue(t.text());
      doc.add(text);
      capture.setStringValue(captureId);
      doc.add(capture);
      return doc;
    }

    private BytesRef bytes(String s) {
      BytesRef b = bytes.get(s);
      if (b == null) {
        if (bytes.size() > 1_000) bytes.clear(); // bounded: many sites are still few compared to documents
        b = new BytesRef(s);
        bytes.put(s, b);
      }
      return b;
    }
  }
}
