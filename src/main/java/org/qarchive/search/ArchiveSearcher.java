package org.qarchive.search;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.qarchive.archive.QaEntry;
import org.qarchive.index.Analysis;
import org.qarchive.index.EntryDocuments;
import org.qarchive.index.Fields;

/**
 * The read side of the index: ranked, highlighted search and entry lookup over one {@link SearcherManager} that
 * picks up new commits (from this or another process) when {@link #refresh()} is called.
 */
public final class ArchiveSearcher implements AutoCloseable {

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
      this.manager = new SearcherManager(directory, null);
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

  /** Runs one search: ranked hits of the requested page with highlighted snippets. */
  public SearchResult search(SearchRequest request) throws IOException {
    long start = System.nanoTime();
    Query query = parser.parse(request.query());
    IndexSearcher searcher = manager.acquire();
    try {
      int wanted = request.page() * request.size();
      TopDocs top =
          request.sort() == SearchRequest.Sort.DATE || request.query().isBlank()
              ? searcher.search(query, wanted, dateSort(), true)
              : searcher.search(query, wanted);
      ScoreDoc[] all = top.scoreDocs;
      int from = Math.min(all.length, (request.page() - 1) * request.size());
      ScoreDoc[] pageDocs = java.util.Arrays.copyOfRange(all, from, all.length);
      List<SearchHit> hits = new ArrayList<>(pageDocs.length);
      if (pageDocs.length > 0) {
        TopDocs pageTop = new TopDocs(top.totalHits, pageDocs);
        Map<String, String[]> snippets =
            highlighter(searcher)
                .highlightFields(SNIPPET_FIELDS, parser.parseForHighlight(request.query()), pageTop, SNIPPET_PASSAGES);
        var stored = searcher.storedFields();
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
                  Float.isNaN(pageDocs[i].score) ? 0f : pageDocs[i].score));
        }
      }
      long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      return new SearchResult(request, top.totalHits.value(), took, hits);
    } finally {
      manager.release(searcher);
    }
  }

  /** The entry with this id, if the index has it. */
  public Optional<QaEntry> get(String id) throws IOException {
    IndexSearcher searcher = manager.acquire();
    try {
      TopDocs top = searcher.search(new TermQuery(new Term(Fields.ID, id)), 1);
      if (top.scoreDocs.length == 0) {
        return Optional.empty();
      }
      return Optional.of(EntryDocuments.fromDocument(searcher.storedFields().document(top.scoreDocs[0].doc)));
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

  /** Number of entries in the searched commit. */
  public int count() throws IOException {
    IndexSearcher searcher = manager.acquire();
    try {
      return searcher.getIndexReader().numDocs();
    } finally {
      manager.release(searcher);
    }
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
}
