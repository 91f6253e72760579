package org.webwatch.store.search;

import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.ConstantScoreScorer;
import org.apache.lucene.search.ConstantScoreWeight;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;

/**
 * Matches the documents whose 128-bit identity ({@link IndexSchema#KEY_HI}, {@link IndexSchema#KEY_LO}
 * doc values) is one of a set — what the import deletes before adding new versions.
 *
 * <p>Why not a term or a point: a unique indexed term per document was the largest single cost of
 * a bulk import's analysis, and a point set query visits every point of every segment for a
 * batch of random keys (a full re-import measured 1.5x slower). Doc values cost eight bytes per
 * document at index time, and one delete batch reads each segment's two columns once: O(docs)
 * per segment with a hash probe per document (open addressing on the high word, the low word
 * compared only on a hit), whatever the batch size. Not for searching: it scans.
 */
final class KeyIdSetQuery extends Query {
  private final long[] his;
  private final long[] los;
  private final int[] table; // slot -> index + 1 into his/los, 0 = empty; linear probing
  private final int mask;

  /** {@code ids}: {@code [hi0, lo0, hi1, lo1, ...]}; at least one. */
  KeyIdSetQuery(long[] ids) {
    if (ids == null || ids.length == 0 || ids.length % 2 != 0) throw new IllegalArgumentException("ids must be hi/lo pairs, at least one");
    int n = ids.length / 2;
    his = new long[n];
    los = new long[n];
    for (int i = 0; i < n; i++) {
      his[i] = ids[2 * i];
      los[i] = ids[2 * i + 1];
    }
    int size = Integer.highestOneBit(Math.max(2, n * 2 - 1)) << 1; // load factor <= 1/2
    table = new int[size];
    mask = size - 1;
    for (int i = 0; i < n; i++) {
      int s = slot(his[i]);
      while (table[s] != 0) s = (s + 1) & mask;
      table[s] = i + 1;
    }
  }

  private int slot(long hi) {
    return (int) (hi ^ (hi >>> 32)) & mask; // hi is already a uniform hash
  }

  boolean contains(long hi, long lo) {
    for (int s = slot(hi); table[s] != 0; s = (s + 1) & mask) {
      int i = table[s] - 1;
      if (his[i] == hi && los[i] == lo) return true;
    }
    return false;
  }

  private boolean anyHi(long hi) {
    for (int s = slot(hi); table[s] != 0; s = (s + 1) & mask) {
      if (his[table[s] - 1] == hi) return true;
    }
    return false;
  }

  @Override
  public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
    return new ConstantScoreWeight(this, boost) {
      @Override
      public Scorer scorer(LeafReaderContext ctx) throws IOException {
        NumericDocValues hi = ctx.reader().getNumericDocValues(IndexSchema.KEY_HI);
        NumericDocValues lo = ctx.reader().getNumericDocValues(IndexSchema.KEY_LO);
        if (hi == null || lo == null) return null; // a segment written before schema 3
        TwoPhaseIterator matches = new TwoPhaseIterator(hi) {
          @Override
          public boolean matches() throws IOException {
            long h = hi.longValue();
            return anyHi(h) && lo.advanceExact(hi.docID()) && contains(h, lo.longValue());
          }

          @Override
          public float matchCost() {
            return 4;
          }
        };
        return new ConstantScoreScorer(this, score(), scoreMode, matches);
      }

      @Override
      public boolean isCacheable(LeafReaderContext ctx) {
        return DocValues.isCacheable(ctx, IndexSchema.KEY_HI, IndexSchema.KEY_LO);
      }
    };
  }

  @Override
  public void visit(QueryVisitor visitor) {
    visitor.visitLeaf(this);
  }

  @Override
  public String toString(String field) {
    return "KeyIdSetQuery(" + his.length + " keys)";
  }

  @Override
  public boolean equals(Object o) {
    return sameClassAs(o) && Arrays.equals(his, ((KeyIdSetQuery) o).his) && Arrays.equals(los, ((KeyIdSetQuery) o).los);
  }

  @Override
  public int hashCode() {
    return 31 * classHash() + 31 * Arrays.hashCode(his) + Arrays.hashCode(los);
  }
}
