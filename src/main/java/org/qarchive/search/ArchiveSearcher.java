package org.qarchive.search;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.StringDocValuesReaderState;
import org.apache.lucene.facet.StringValueFacetCounts;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.qarchive.archive.QaEntry;
import org.qarchive.index.Analysis;
import org.qarchive.index.EntryDocuments;
import org.qarchive.index.Fields;

/**
 * The read side of the index: ranked, filtered, faceted and highlighted search, entry lookup, related entries and
 * suggestions, over one {@link SearcherManager} that picks up new commits (from this or another process) when
 * {@link #refresh()} is called.
 */
public final class ArchiveSearcher implements AutoCloseable {

  /** The facet fields, in display order. */
  public static final List<String> FACET_FIELDS =
      List.of(Fields.CATEGORY, Fields.TAG, Fields.YEAR, Fields.ANSWERED_BY);

  private static final int FACET_VALUES = 20;
  private static final Set<String> HIT_FIELDS =
      Set.of(Fields.ID, Fields.URL, Fields.TITLE, Fields.DATE, Fields.ANSWERED_BY);
  private static final String[] SNIPPET_FIELDS = {Fields.QUESTION, Fields.ANSWER};
  private static final int[] SNIPPET_PASSAGES = {1, 2};

  private final Directory directory;
  private final SearcherManager manager;
  private final Analyzer analyzer;
  private final UserQueryParser parser;

  /** Opens the committed index at {@code dir}. */
  public ArchiveSearcher(Path dir) throws IOException {
    this(FSDirectory.open(Objects.requireNonNull(dir, "dir")));
  }

  /** Opens the committed index in {@code directory}, which this searcher then owns. */
  public ArchiveSearcher(Directory directory) throws IOException {
    this.directory = directory;
    try {
      this.manager = new SearcherManager(directory, new FacetingSearcherFactory());
    } catch (IOException | RuntimeException e) {
      directory.close();
      throw e;
    }
    this.analyzer = Analysis.text();
    this.parser = new UserQueryParser(analyzer, UserQueryParser.defaultWeights());
  }

  /** Makes the latest commit, from this or another process, visible to later searches. */
  public void refresh() throws IOException {
    manager.maybeRefresh();
  }

  /** Runs one search: ranked hits of the requested page with highlighted snippets, and facet counts. */
  public SearchResult search(SearchRequest request) throws IOException {
    long start = System.nanoTime();
    Query query = withFilters(parser.parse(request.query()), request.filters());
    FacetingSearcher searcher = (FacetingSearcher) manager.acquire();
    try {
      int wanted = request.page() * request.size();
      boolean byDate = request.sort() == SearchRequest.Sort.DATE || request.query().isBlank();
      FacetsCollectorManager.FacetsResult fr =
          byDate
              ? FacetsCollectorManager.search(searcher, query, wanted, dateSort(), true, new FacetsCollectorManager())
              : FacetsCollectorManager.search(searcher, query, wanted, new FacetsCollectorManager());
      TopDocs top = fr.topDocs();
      ScoreDoc[] all = top.scoreDocs;
      int from = Math.min(all.length, (request.page() - 1) * request.size());
      ScoreDoc[] pageDocs = Arrays.copyOfRange(all, from, all.length);
      List<SearchHit> hits = hits(searcher, parser.parseForHighlight(request.query()), top, pageDocs);
      Map<String, List<FacetCount>> facets = facets(searcher, fr.facetsCollector());
      long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      return new SearchResult(request, top.totalHits.value(), took, hits, facets, null, null);
    } finally {
      manager.release(searcher);
    }
  }

  private List<SearchHit> hits(IndexSearcher searcher, Query highlightQuery, TopDocs top, ScoreDoc[] pageDocs)
      throws IOException {
    List<SearchHit> hits = new ArrayList<>(pageDocs.length);
    if (pageDocs.length == 0) {
      return hits;
    }
    Map<String, String[]> snippets =
        highlighter(searcher)
            .highlightFields(SNIPPET_FIELDS, highlightQuery, new TopDocs(top.totalHits, pageDocs), SNIPPET_PASSAGES);
    StoredFields stored = searcher.storedFields();
    for (int i = 0; i < pageDocs.length; i++) {
      Document d = stored.document(pageDocs[i].doc, HIT_FIELDS);
      hits.add(
          new SearchHit(
              d.get(Fields.ID),
              d.get(Fields.URL),
              d.get(Fields.TITLE),
              d.get(Fields.DATE),
              d.get(Fields.ANSWERED_BY),
              Objects.requireNonNullElse(snippets.get(Fields.QUESTION)[i], ""),
              Objects.requireNonNullElse(snippets.get(Fields.ANSWER)[i], ""),
              Float.isNaN(pageDocs[i].score) ? 0f : pageDocs[i].score,
              List.of()));
    }
    return hits;
  }

  private static Query withFilters(Query query, Filters filters) {
    if (filters.isEmpty()) {
      return query;
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder().add(query, Occur.MUST);
    filters
        .byField()
        .forEach(
            (field, values) -> {
              if (!values.isEmpty()) {
                b.add(new TermInSetQuery(field, values.stream().map(BytesRef::new).toList()), Occur.FILTER);
              }
            });
    return b.build();
  }

  private static Map<String, List<FacetCount>> facets(FacetingSearcher searcher, FacetsCollector fc)
      throws IOException {
    Map<String, List<FacetCount>> out = new LinkedHashMap<>();
    for (String field : FACET_FIELDS) {
      StringDocValuesReaderState state = searcher.facetState(field);
      List<FacetCount> counts = new ArrayList<>();
      if (state != null) {
        FacetResult r = new StringValueFacetCounts(state, fc).getTopChildren(FACET_VALUES, field);
        if (r != null) {
          for (LabelAndValue lv : r.labelValues) {
            counts.add(new FacetCount(lv.label, lv.value.longValue()));
          }
        }
      }
      out.put(field, counts);
    }
    return out;
  }

  /** Facet counts over the whole archive, for browsing. */
  public Map<String, List<FacetCount>> facets() throws IOException {
    FacetingSearcher searcher = (FacetingSearcher) manager.acquire();
    try {
      FacetsCollector fc = searcher.search(new MatchAllDocsQuery(), new FacetsCollectorManager());
      return facets(searcher, fc);
    } finally {
      manager.release(searcher);
    }
  }

  /** The entry with this id, if the index has it. */
  public Optional<QaEntry> get(String id) throws IOException {
    IndexSearcher searcher = manager.acquire();
    try {
      int doc = docOf(searcher, id);
      return doc < 0 ? Optional.empty() : Optional.of(EntryDocuments.fromDocument(searcher.storedFields().document(doc)));
    } finally {
      manager.release(searcher);
    }
  }

  /**
   * The entry with this id with every match of {@code query} marked in its whole question and answer, as escaped
   * HTML; fields without a match come back escaped and unmarked.
   */
  public Optional<MarkedEntry> getMarked(String id, String query) throws IOException {
    IndexSearcher searcher = manager.acquire();
    try {
      TopDocs top = searcher.search(new TermQuery(new Term(Fields.ID, id)), 1);
      if (top.scoreDocs.length == 0) {
        return Optional.empty();
      }
      QaEntry entry = EntryDocuments.fromDocument(searcher.storedFields().document(top.scoreDocs[0].doc));
      String question = Html.escape(entry.question());
      String answer = Html.escape(entry.answer());
      if (query != null && !query.isBlank()) {
        Query q = parser.parseForHighlight(query);
        UnifiedHighlighter whole =
            UnifiedHighlighter.builder(searcher, analyzer)
                .withFormatter(new MarkFormatter())
                .withBreakIterator(WholeBreakIterator::new)
                .withMaxLength(Integer.MAX_VALUE - 1)
                .withMaxNoHighlightPassages(0)
                .build();
        Map<String, String[]> marked = whole.highlightFields(SNIPPET_FIELDS, q, top, new int[] {1, 1});
        question = Objects.requireNonNullElse(marked.get(Fields.QUESTION)[0], question);
        answer = Objects.requireNonNullElse(marked.get(Fields.ANSWER)[0], answer);
      }
      return Optional.of(new MarkedEntry(entry, question, answer));
    } finally {
      manager.release(searcher);
    }
  }

  /**
   * An entry with its question and answer as escaped HTML, matches marked.
   *
   * @param entry the plain entry
   * @param questionHtml the question, escaped, matches in {@code <mark>}
   * @param answerHtml the answer, escaped, matches in {@code <mark>}
   */
  public record MarkedEntry(QaEntry entry, String questionHtml, String answerHtml) {}

  /** Entries most like the one with this id (more-like-this over title, question and answer), best first. */
  public List<SearchHit> related(String id, int max) throws IOException {
    IndexSearcher searcher = manager.acquire();
    try {
      int doc = docOf(searcher, id);
      if (doc < 0) {
        return List.of();
      }
      MoreLikeThis mlt = new MoreLikeThis(searcher.getIndexReader());
      mlt.setAnalyzer(analyzer);
      mlt.setFieldNames(new String[] {Fields.TITLE, Fields.QUESTION, Fields.ANSWER});
      mlt.setMinTermFreq(1);
      mlt.setMinDocFreq(1);
      mlt.setMaxQueryTerms(25);
      Query like =
          new BooleanQuery.Builder()
              .add(mlt.like(doc), Occur.MUST)
              .add(new TermQuery(new Term(Fields.ID, id)), Occur.MUST_NOT)
              .build();
      TopDocs top = searcher.search(like, max);
      return hits(searcher, new MatchAllDocsQuery(), top, top.scoreDocs);
    } finally {
      manager.release(searcher);
    }
  }

  /**
   * Up to {@code max} completions for what the user has typed so far: titles containing all the typed words, the
   * last one as a prefix.
   */
  public List<String> suggest(String prefix, int max) throws IOException {
    String text = UserQueryParser.clean(prefix).replace("\"", " ").strip();
    if (text.length() < 2) {
      return List.of();
    }
    String[] words = text.split("\\s+");
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (int i = 0; i < words.length && i < 12; i++) {
      String w = analyzer.normalize(Fields.TITLE, words[i]).utf8ToString().replaceAll("[^\\p{L}\\p{N}]", "");
      if (w.isEmpty()) {
        continue;
      }
      Query q =
          i == words.length - 1 && !prefix.endsWith(" ")
              ? new org.apache.lucene.search.PrefixQuery(new Term(Fields.TITLE, w))
              : new TermQuery(new Term(Fields.TITLE, w));
      b.add(q, Occur.MUST);
    }
    BooleanQuery q = b.build();
    if (q.clauses().isEmpty()) {
      return List.of();
    }
    IndexSearcher searcher = manager.acquire();
    try {
      TopDocs top = searcher.search(q, max * 3);
      Set<String> titles = new LinkedHashSet<>();
      StoredFields stored = searcher.storedFields();
      for (ScoreDoc sd : top.scoreDocs) {
        titles.add(stored.document(sd.doc, Set.of(Fields.TITLE)).get(Fields.TITLE));
        if (titles.size() == max) {
          break;
        }
      }
      return List.copyOf(titles);
    } finally {
      manager.release(searcher);
    }
  }

  /** Calls {@code consumer} with every entry, in index order (for export). */
  public void forEachEntry(Consumer<QaEntry> consumer) throws IOException {
    IndexSearcher searcher = manager.acquire();
    try {
      for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
        StoredFields stored = leaf.reader().storedFields();
        Bits live = leaf.reader().getLiveDocs();
        for (int i = 0; i < leaf.reader().maxDoc(); i++) {
          if (live == null || live.get(i)) {
            consumer.accept(EntryDocuments.fromDocument(stored.document(i)));
          }
        }
      }
    } finally {
      manager.release(searcher);
    }
  }

  /** Number of entries in the searched commit. */
  public int count() throws IOException {
    IndexSearcher searcher = manager.acquire();
    try {
      return searcher.getIndexReader().numDocs();
    } finally {
      manager.release(searcher);
    }
  }

  private static int docOf(IndexSearcher searcher, String id) throws IOException {
    TopDocs top = searcher.search(new TermQuery(new Term(Fields.ID, id)), 1);
    return top.scoreDocs.length == 0 ? -1 : top.scoreDocs[0].doc;
  }

  private UnifiedHighlighter highlighter(IndexSearcher searcher) {
    return UnifiedHighlighter.builder(searcher, analyzer)
        .withFormatter(new MarkFormatter())
        .withMaxLength(100_000)
        .build();
  }

  private static Sort dateSort() {
    return new Sort(new SortField(Fields.DATE, SortField.Type.LONG, true), SortField.FIELD_SCORE);
  }

  @Override
  public void close() throws IOException {
    try {
      manager.close();
    } finally {
      directory.close();
    }
  }

  /** An IndexSearcher that caches, per reader, the facet ordinal maps that counting needs. */
  private static final class FacetingSearcher extends IndexSearcher {
    private final Map<String, Optional<StringDocValuesReaderState>> states = new ConcurrentHashMap<>();

    FacetingSearcher(IndexReader reader) {
      super(reader);
    }

    StringDocValuesReaderState facetState(String field) {
      return states
          .computeIfAbsent(
              field,
              f -> {
                try {
                  return Optional.of(new StringDocValuesReaderState(getIndexReader(), f));
                } catch (IOException | IllegalArgumentException | IllegalStateException e) {
                  return Optional.empty(); // no entry has this facet yet
                }
              })
          .orElse(null);
    }
  }

  private static final class FacetingSearcherFactory extends SearcherFactory {
    @Override
    public IndexSearcher newSearcher(IndexReader reader, IndexReader previousReader) {
      return new FacetingSearcher(reader);
    }
  }
}
