package org.webwatch.server.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.highlight.Highlighter;
import org.apache.lucene.search.highlight.InvalidTokenOffsetsException;
import org.apache.lucene.search.highlight.QueryScorer;
import org.apache.lucene.search.highlight.SimpleHTMLEncoder;
import org.apache.lucene.search.highlight.SimpleHTMLFormatter;
import org.apache.lucene.store.FSDirectory;
import org.webwatch.WebwatchException;
import org.webwatch.store.WebwatchStore;
import org.webwatch.store.search.IndexSchema;

/**
 * Full-text search over the index the capture import writes ({@link IndexSchema}): Lucene
 * classic query syntax on {@link IndexSchema#TEXT} (fields can be named: {@code site:s1}),
 * optional site/kind filters, highlighted fragments (HTML-escaped, matches in {@code <mark>}),
 * and facet counts by site and kind over all hits (doc values, one pass). The reader is reopened
 * when the index changed.
 */
public final class LuceneSearch {
  public static final int MAX_QUERY_LENGTH = 1_000;
  private final WebwatchStore store;
  private final org.webwatch.store.CaptureRepository records;
  private DirectoryReader reader;

  public LuceneSearch(WebwatchStore store) {
    this.store = store;
    this.records = new org.webwatch.store.ImportService(store).repository();
  }

  /** One hit; {@code fragment} is safe HTML (escaped text with {@code <mark>} tags). */
  public record Hit(String site, String kind, String id, String account, long time, String fragment, float score) {}

  /** A page of hits with facet counts and the total. */
  public record Result(String query, long total, List<Hit> hits, Map<String, Long> sites, Map<String, Long> kinds, boolean indexPresent) {}

  private synchronized IndexSearcher searcher() throws IOException {
    if (!Files.isDirectory(store.indexDir()) || !DirectoryReader.indexExists(FSDirectory.open(store.indexDir()))) return null;
    if (reader == null) {
      reader = DirectoryReader.open(FSDirectory.open(store.indexDir()));
    } else {
      DirectoryReader changed = DirectoryReader.openIfChanged(reader);
      if (changed != null) {
        reader.decRef();
        reader = changed;
      }
    }
    reader.incRef();
    return new IndexSearcher(reader);
  }

  private synchronized void release(IndexSearcher s) throws IOException {
    ((DirectoryReader) s.getIndexReader()).decRef();
  }

  public Result search(String q, String site, String kind, int offset, int limit) {
    if (q == null || q.isBlank()) return new Result("", 0, List.of(), Map.of(), Map.of(), true);
    if (q.length() > MAX_QUERY_LENGTH) throw new WebwatchException(WebwatchException.Kind.INVALID_INPUT, "query too long");
    Analyzer analyzer = IndexSchema.analyzer();
    Query parsed;
    try {
      parsed = new QueryParser(IndexSchema.TEXT, IndexSchema.queryAnalyzer()).parse(q);
    } catch (ParseException e) {
      throw new WebwatchException(WebwatchException.Kind.INVALID_INPUT, "query syntax: " + e.getMessage().lines().findFirst().orElse(""));
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder().add(parsed, BooleanClause.Occur.MUST);
    if (site != null && !site.isBlank()) b.add(new TermQuery(new Term(IndexSchema.SITE, site)), BooleanClause.Occur.FILTER);
    if (kind != null && !kind.isBlank()) b.add(new TermQuery(new Term(IndexSchema.KIND, kind)), BooleanClause.Occur.FILTER);
    Query query = b.build();
    try {
      IndexSearcher searcher = searcher();
      if (searcher == null) return new Result(q, 0, List.of(), Map.of(), Map.of(), false);
      try {
        TopDocs top = searcher.search(query, offset + limit);
        Highlighter hl = new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), new SimpleHTMLEncoder(), new QueryScorer(parsed, IndexSchema.TEXT));
        List<Document> docs = new ArrayList<>();
        for (int i = offset; i < top.scoreDocs.length; i++) docs.add(searcher.storedFields().document(top.scoreDocs[i].doc));
        List<String> texts = texts(docs);
        List<Hit> hits = new ArrayList<>();
        for (int i = offset; i < top.scoreDocs.length; i++) {
          ScoreDoc sd = top.scoreDocs[i];
          Document d = docs.get(i - offset);
          String text = texts.get(i - offset);
          String frag = hl.getBestFragments(analyzer.tokenStream(IndexSchema.TEXT, text), text, 3, " … ");
          if (frag == null || frag.isEmpty()) frag = new SimpleHTMLEncoder().encodeText(text.length() > 300 ? text.substring(0, 300) + "…" : text);
          var t = d.getField(IndexSchema.TIME);
          hits.add(new Hit(d.get(IndexSchema.SITE), d.get(IndexSchema.KIND), IndexSchema.stored(d, IndexSchema.ID), IndexSchema.stored(d, IndexSchema.ACCOUNT),
              t == null || t.numericValue() == null ? 0 : t.numericValue().longValue(), frag, sd.score));
        }
        Map<String, Long> sites = new TreeMap<>();
        Map<String, Long> kinds = new TreeMap<>();
        searcher.search(query, new FacetCollector(sites, kinds));
        return new Result(q, top.totalHits.value, hits, new LinkedHashMap<>(sites), new LinkedHashMap<>(kinds), true);
      } finally {
        release(searcher);
      }
    } catch (IOException | InvalidTokenOffsetsException e) {
      throw new WebwatchException(WebwatchException.Kind.INTERNAL, "search failed: " + e.getMessage(), e);
    }
  }

  /**
   * The texts to highlight, in order: schema 3 does not store them in the index (the record
   * tables hold them, and compressing a second copy cost the import's analysis thread;
   * docs/benchmarks.md), so they are read back for the page in one call; older documents still
   * carry theirs. A hit of a kind this release does not know is listed without a fragment.
   */
  private List<String> texts(List<Document> docs) {
    List<String> texts = new ArrayList<>(docs.size());
    List<org.webwatch.store.CaptureRepository.TextRef> wanted = new ArrayList<>();
    List<Integer> at = new ArrayList<>();
    for (Document d : docs) {
      String stored = d.get(IndexSchema.TEXT);
      texts.add(stored == null ? "" : stored);
      String site = d.get(IndexSchema.SITE);
      String id = IndexSchema.stored(d, IndexSchema.ID);
      var kind = org.webwatch.model.TextKind.ofCode(d.get(IndexSchema.KIND));
      if (stored != null || site == null || id == null || kind.isEmpty()) continue;
      wanted.add(new org.webwatch.store.CaptureRepository.TextRef(site, kind.get(), id));
      at.add(texts.size() - 1);
    }
    if (wanted.isEmpty()) return texts;
    List<java.util.Optional<String>> read = records.indexedTexts(wanted);
    for (int i = 0; i < read.size(); i++) texts.set(at.get(i), read.get(i).orElse(""));
    return texts;
  }

  /** Counts hits per site and kind from sorted doc values. */
  private static final class FacetCollector extends SimpleCollector {
    private final Map<String, Long> sites;
    private final Map<String, Long> kinds;
    private SortedDocValues siteDv;
    private SortedDocValues kindDv;

    FacetCollector(Map<String, Long> sites, Map<String, Long> kinds) {
      this.sites = sites;
      this.kinds = kinds;
    }

    @Override
    protected void doSetNextReader(LeafReaderContext ctx) throws IOException {
      siteDv = ctx.reader().getSortedDocValues(IndexSchema.SITE);
      kindDv = ctx.reader().getSortedDocValues(IndexSchema.KIND);
    }

    @Override
    public void collect(int doc) throws IOException {
      if (siteDv != null && siteDv.advanceExact(doc)) sites.merge(siteDv.lookupOrd(siteDv.ordValue()).utf8ToString(), 1L, Long::sum);
      if (kindDv != null && kindDv.advanceExact(doc)) kinds.merge(kindDv.lookupOrd(kindDv.ordValue()).utf8ToString(), 1L, Long::sum);
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }
  }
}
