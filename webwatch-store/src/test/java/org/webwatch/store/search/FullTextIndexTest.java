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
    FullTextIndex.DocumentBuilder builder = new FullTextIndex.DocumentBuilder();
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
}
