package org.webwatch.store.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.SplittableRandom;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.Field;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyIdSetQueryTest {
  @TempDir Path tmp;

  @Test
  void containsExactlyTheGivenPairsEvenWhenHighWordsCollide() {
    SplittableRandom r = new SplittableRandom(7);
    long[] ids = new long[2_000];
    for (int i = 0; i < ids.length; i += 2) {
      ids[i] = i < 200 ? 42L : r.nextLong(); // 100 pairs share one high word
      ids[i + 1] = r.nextLong();
    }
    KeyIdSetQuery q = new KeyIdSetQuery(ids);
    for (int i = 0; i < ids.length; i += 2) assertThat(q.contains(ids[i], ids[i + 1])).isTrue();
    assertThat(q.contains(42L, 1L)).isFalse();
    for (int i = 0; i < 10_000; i++) assertThat(q.contains(r.nextLong(), r.nextLong())).isFalse();
    assertThat(new KeyIdSetQuery(new long[] {1, 2})).isEqualTo(new KeyIdSetQuery(new long[] {1, 2})).isNotEqualTo(new KeyIdSetQuery(new long[] {1, 3}));
    assertThatThrownBy(() -> new KeyIdSetQuery(new long[0])).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new KeyIdSetQuery(new long[] {1, 2, 3})).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void matchesDocumentsByBothWordsAndSkipsSegmentsWithoutIdentity() throws Exception {
    try (var dir = FSDirectory.open(tmp); var w = new IndexWriter(dir, new IndexWriterConfig())) {
      Document legacy = new Document(); // a schema-2 document: no identity columns
      legacy.add(new StringField(IndexSchema.KEY, "s1/post/0", Field.Store.NO));
      w.addDocument(legacy);
      w.commit(); // its own segment
      for (int i = 1; i <= 100; i++) {
        Document d = new Document();
        long[] id = IndexSchema.keyId("s1", "post", "" + i);
        d.add(new NumericDocValuesField(IndexSchema.KEY_HI, id[0]));
        d.add(new NumericDocValuesField(IndexSchema.KEY_LO, i == 50 ? id[1] + 1 : id[1])); // 50: same high word, other low word
        w.addDocument(d);
      }
      w.commit();
      try (DirectoryReader r = DirectoryReader.open(dir)) {
        IndexSearcher s = new IndexSearcher(r);
        long[] wanted = new long[6];
        System.arraycopy(IndexSchema.keyId("s1", "post", "7"), 0, wanted, 0, 2);
        System.arraycopy(IndexSchema.keyId("s1", "post", "50"), 0, wanted, 2, 2);
        System.arraycopy(IndexSchema.keyId("s1", "post", "0"), 0, wanted, 4, 2);
        assertThat(s.count(new KeyIdSetQuery(wanted))).isEqualTo(1); // only 7
      }
      w.deleteDocuments(new KeyIdSetQuery(IndexSchema.keyId("s1", "post", "99")));
      w.commit();
      try (DirectoryReader r = DirectoryReader.open(dir)) {
        assertThat(r.numDocs()).isEqualTo(100);
      }
    }
  }
}
