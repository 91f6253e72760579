package org.webwatch.store.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.webwatch.model.TextKind;

class FullTextIndexTest {
  @TempDir Path tmp;

  private static String describe(Document d) {
    StringBuilder b = new StringBuilder();
    for (IndexableField f : d.getFields()) {
      b.append(f.name()).append('=').append(f.stringValue()).append('/').append(f.numericValue()).append('/')
          .append(f.binaryValue()).append('/')
          .append(f.fieldType().indexOptions()).append(f.fieldType().stored()).append(f.fieldType().docValuesType())
          .append(f.fieldType().pointDimensionCount()).append(';');
    }
    return b.toString();
  }

  @Test
  void reusedFieldsGiveTheSameDocumentAsAFreshOne() {
    IndexDocuments.Builder builder = new IndexDocuments.Builder();
    List<IndexedText> texts = List.of(
        new IndexedText("s1", TextKind.POST, "901", "17", Instant.ofEpochSecond(1551561240), "I look after my neighbour's kids every Friday"),
        IndexedText.signature("s2", "18", null, "see you friday"),
        IndexedText.message("s1", "1", "17", Instant.EPOCH, "garden", "the garden party is on"),
        new IndexedText("s1", TextKind.POST, "902", null, Instant.ofEpochMilli(5), "who"));
    for (IndexedText t : texts) {
      assertThat(describe(builder.build(t, "cap-1"))).isEqualTo(describe(FullTextIndex.document(t, "cap-1")));
    }
  }

  @Test
  void aPreparedCommitIsInvisibleUntilCommittedAndGoneAfterRollback() {
    Path dir = tmp.resolve("index");
    IndexedText a = new IndexedText("s1", TextKind.POST, "1", "17", Instant.EPOCH, "first text");
    IndexedText b = new IndexedText("s1", TextKind.POST, "2", "17", Instant.EPOCH, "second text");
    try (FullTextIndex ix = FullTextIndex.open(dir, 16)) {
      ix.add(a, "c1");
      ix.prepareCommit("c1");
      assertThat(FullTextIndex.docCount(dir)).isZero();
      ix.commit("c1");
      assertThat(FullTextIndex.keys(dir)).containsExactly("s1/post/1");
    }
    try (FullTextIndex ix = FullTextIndex.open(dir, 16)) {
      ix.add(b, "c2");
      ix.prepareCommit("c2");
      ix.rollback();
    }
    assertThat(FullTextIndex.keys(dir)).containsExactly("s1/post/1");
    try (FullTextIndex ix = FullTextIndex.open(dir, 16)) {
      ix.add(b, "c2");
      ix.commit("c2"); // without a prepare: both phases
      assertThat(ix.added()).isEqualTo(1);
    }
    assertThat(FullTextIndex.keys(dir)).containsExactly("s1/post/1", "s1/post/2");
  }

  @Test
  void anIndexWrittenWithSchemaOneStillReadsAndTakesNewDocuments() throws Exception {
    Path dir = tmp.resolve("legacy");
    // schema 1: id, account and capture indexed as StringFields under their old names, key stored
    try (var d = org.apache.lucene.store.FSDirectory.open(dir);
        var w = new org.apache.lucene.index.IndexWriter(d, new org.apache.lucene.index.IndexWriterConfig(IndexSchema.analyzer()))) {
      Document old = new Document();
      old.add(new org.apache.lucene.document.StringField(IndexSchema.KEY, "s1/post/1", org.apache.lucene.document.Field.Store.YES));
      old.add(new org.apache.lucene.document.StringField(IndexSchema.SITE, "s1", org.apache.lucene.document.Field.Store.YES));
      old.add(new org.apache.lucene.document.SortedDocValuesField(IndexSchema.SITE, new org.apache.lucene.util.BytesRef("s1")));
      old.add(new org.apache.lucene.document.StringField(IndexSchema.KIND, "post", org.apache.lucene.document.Field.Store.YES));
      old.add(new org.apache.lucene.document.SortedDocValuesField(IndexSchema.KIND, new org.apache.lucene.util.BytesRef("post")));
      old.add(new org.apache.lucene.document.LongPoint(IndexSchema.TIME, 0L));
      old.add(new org.apache.lucene.document.StoredField(IndexSchema.TIME, 0L));
      old.add(new org.apache.lucene.document.NumericDocValuesField(IndexSchema.TIME, 0L));
      old.add(new org.apache.lucene.document.StringField("id", "1", org.apache.lucene.document.Field.Store.YES));
      old.add(new org.apache.lucene.document.StringField("account", "17", org.apache.lucene.document.Field.Store.YES));
      old.add(new org.apache.lucene.document.StringField("capture", "c0", org.apache.lucene.document.Field.Store.YES));
      old.add(new org.apache.lucene.document.TextField(IndexSchema.TEXT, "old text", org.apache.lucene.document.Field.Store.YES));
      w.addDocument(old);
      w.commit();
    }
    try (FullTextIndex ix = FullTextIndex.open(dir, 16)) {
      ix.add(new IndexedText("s1", TextKind.POST, "1", "18", Instant.EPOCH, "replaced text"), "c1");
      ix.add(new IndexedText("s1", TextKind.POST, "2", "17", Instant.EPOCH, "new text"), "c1");
      ix.commit("c1");
    }
    // the old document was replaced by key, the new one added; both readable through stored()
    assertThat(FullTextIndex.keys(dir)).containsExactly("s1/post/1", "s1/post/2");
    try (var d = org.apache.lucene.store.FSDirectory.open(dir); var r = org.apache.lucene.index.DirectoryReader.open(d)) {
      var searcher = new org.apache.lucene.search.IndexSearcher(r);
      // account stays a searchable term across both schemas (the search page offers account:17)
      assertThat(searcher.count(new org.apache.lucene.search.TermQuery(new org.apache.lucene.index.Term(IndexSchema.ACCOUNT, "18")))).isEqualTo(1);
      assertThat(searcher.count(new org.apache.lucene.search.TermQuery(new org.apache.lucene.index.Term(IndexSchema.ACCOUNT, "17")))).isEqualTo(1);
      for (int i = 0; i < r.maxDoc(); i++) {
        Document doc = r.storedFields().document(i);
        assertThat(IndexSchema.stored(doc, IndexSchema.CAPTURE)).isEqualTo("c1");
        assertThat(doc.get("id")).isNull();
      }
      assertThat(r.getIndexCommit().getUserData()).containsEntry("schema", IndexSchema.VERSION);
    }
  }

  @Test
  void schemaOneDocumentsAreReadUnderTheirOldNames() {
    Document old = new Document();
    old.add(new org.apache.lucene.document.StoredField(IndexSchema.KEY, "s1/post/9"));
    old.add(new org.apache.lucene.document.StoredField("id", "9"));
    old.add(new org.apache.lucene.document.StoredField("capture", "c0"));
    assertThat(IndexSchema.stored(old, IndexSchema.ID)).isEqualTo("9");
    assertThat(IndexSchema.stored(old, IndexSchema.CAPTURE)).isEqualTo("c0");
    assertThat(IndexSchema.key(old)).isEqualTo("s1/post/9");
    Document now = FullTextIndex.document(new IndexedText("s2", TextKind.MESSAGE, "4", null, null, "hi"), "c");
    assertThat(IndexSchema.key(now)).isEqualTo("s2/message/4");
    assertThat(now.getField(IndexSchema.KEY)).isNull(); // schema 3: identified by doc values
    assertThat(now.getField(IndexSchema.KEY_HI).fieldType().docValuesType()).isEqualTo(org.apache.lucene.index.DocValuesType.NUMERIC);
    assertThat(now.getField(IndexSchema.KEY_LO).fieldType().docValuesType()).isEqualTo(org.apache.lucene.index.DocValuesType.NUMERIC);
    assertThat(now.getField(IndexSchema.TEXT).fieldType().stored()).isFalse(); // the records hold it
    assertThat(now.getField(IndexSchema.ID).fieldType().indexOptions()).isEqualTo(org.apache.lucene.index.IndexOptions.NONE);
  }

  @Test
  void aSecondCaptureReplacesTheDocumentsItSharesWithTheFirstAndKeepsTheRest() throws Exception {
    Path dir = tmp.resolve("overlap");
    int first = 30_000; // ids 0..29,999
    try (FullTextIndex ix = FullTextIndex.open(dir, 16)) {
      for (int i = 0; i < first; i++) ix.add(new IndexedText("s1", TextKind.POST, "" + i, "a" + (i % 7), Instant.EPOCH, "old words " + i), "c1");
      ix.commit("c1");
    }
    // a re-crawl: ids 20,000..59,999, more than one replace batch, with new texts
    try (FullTextIndex ix = FullTextIndex.open(dir, 16)) {
      for (int i = 20_000; i < 60_000; i++) ix.add(new IndexedText("s1", TextKind.POST, "" + i, "b", Instant.EPOCH, "new words " + i), "c2");
      ix.prepareCommit("c2");
      ix.commit("c2");
      assertThat(ix.added()).isEqualTo(40_000);
    }
    try (var d = org.apache.lucene.store.FSDirectory.open(dir); var r = org.apache.lucene.index.DirectoryReader.open(d)) {
      var searcher = new org.apache.lucene.search.IndexSearcher(r);
      assertThat(r.numDocs()).isEqualTo(60_000);
      assertThat(searcher.count(new org.apache.lucene.search.TermQuery(new org.apache.lucene.index.Term(IndexSchema.TEXT, "old")))).isEqualTo(20_000);
      assertThat(searcher.count(new org.apache.lucene.search.TermQuery(new org.apache.lucene.index.Term(IndexSchema.TEXT, "new")))).isEqualTo(40_000);
      // each replaced item exactly once, with its new text
      assertThat(searcher.count(new org.apache.lucene.search.TermQuery(new org.apache.lucene.index.Term(IndexSchema.TEXT, "25000")))).isEqualTo(1);
      assertThat(searcher.count(new KeyIdSetQuery(IndexSchema.keyId("s1", "post", "25000")))).isEqualTo(1);
      assertThat(searcher.count(new org.apache.lucene.search.TermQuery(new org.apache.lucene.index.Term(IndexSchema.ACCOUNT, "b")))).isEqualTo(40_000);
    }
    // the same capture again (a re-run after a crash between the two commits): nothing changes
    try (FullTextIndex ix = FullTextIndex.open(dir, 16)) {
      for (int i = 20_000; i < 60_000; i++) ix.add(new IndexedText("s1", TextKind.POST, "" + i, "b", Instant.EPOCH, "new words " + i), "c2");
      ix.commit("c2");
    }
    assertThat(FullTextIndex.docCount(dir)).isEqualTo(60_000);
  }

  @Test
  void keyIdsAreStableAcrossReleasesAndUnambiguous() {
    // pinned: an index written by one release is updated by the next, so a document's identity
    // must never change (value from Python's hashlib over the same length-prefixed bytes)
    assertThat(IndexSchema.keyId("forum-a", "post", "901")).containsExactly(0xb02d1a0f3dd1f1e1L, 0xfc85275d126d5804L);
    assertThat(IndexSchema.keyId("a/b", "post", "c")).isNotEqualTo(IndexSchema.keyId("a", "post", "b/c"));
    assertThat(new IndexedText("s1", TextKind.POST, "1", null, null, "x").keyId()).isEqualTo(IndexSchema.keyId("s1", "post", "1"));
  }

  @Test
  void anIndexWithSchemaTwoKeyTermsHasThemReplacedAcrossSeveralBatches() throws Exception {
    Path dir = tmp.resolve("schema2");
    try (var d = org.apache.lucene.store.FSDirectory.open(dir);
        var w = new org.apache.lucene.index.IndexWriter(d, new org.apache.lucene.index.IndexWriterConfig(IndexSchema.analyzer()))) {
      for (int i = 0; i < 40_000; i++) {
        Document old = new Document();
        old.add(new org.apache.lucene.document.StringField(IndexSchema.KEY, "s1/post/" + i, org.apache.lucene.document.Field.Store.NO));
        old.add(new org.apache.lucene.document.StringField(IndexSchema.SITE, "s1", org.apache.lucene.document.Field.Store.YES));
        old.add(new org.apache.lucene.document.SortedDocValuesField(IndexSchema.SITE, new org.apache.lucene.util.BytesRef("s1")));
        old.add(new org.apache.lucene.document.StringField(IndexSchema.KIND, "post", org.apache.lucene.document.Field.Store.YES));
        old.add(new org.apache.lucene.document.SortedDocValuesField(IndexSchema.KIND, new org.apache.lucene.util.BytesRef("post")));
        old.add(new org.apache.lucene.document.StoredField(IndexSchema.ID, "" + i));
        old.add(new org.apache.lucene.document.TextField(IndexSchema.TEXT, "old text", org.apache.lucene.document.Field.Store.YES));
        w.addDocument(old);
      }
      w.commit();
    }
    try (FullTextIndex ix = FullTextIndex.open(dir, 16)) {
      for (int i = 0; i < 40_000; i += 2) ix.add(new IndexedText("s1", TextKind.POST, "" + i, "a", Instant.EPOCH, "new text"), "c3");
      ix.commit("c3");
    }
    try (var d = org.apache.lucene.store.FSDirectory.open(dir); var r = org.apache.lucene.index.DirectoryReader.open(d)) {
      var searcher = new org.apache.lucene.search.IndexSearcher(r);
      assertThat(r.numDocs()).isEqualTo(40_000);
      assertThat(searcher.count(new org.apache.lucene.search.TermQuery(new org.apache.lucene.index.Term(IndexSchema.TEXT, "new")))).isEqualTo(20_000);
      assertThat(searcher.count(new org.apache.lucene.search.TermQuery(new org.apache.lucene.index.Term(IndexSchema.TEXT, "old")))).isEqualTo(20_000);
      assertThat(r.getIndexCommit().getUserData()).containsEntry("schema", "3");
    }
  }

  @Test
  void queriesTakeExactFieldValuesAsTypedAndAnalyseTheText() throws Exception {
    var q = new org.apache.lucene.queryparser.classic.QueryParser(IndexSchema.TEXT, IndexSchema.queryAnalyzer())
        .parse("account:User_A AND site:Forum-1 AND Kids");
    assertThat(q.toString()).isEqualTo("+account:User_A +site:Forum-1 +text:kids");
  }
}
