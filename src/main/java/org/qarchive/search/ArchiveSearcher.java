package org.qarchive.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
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
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.QueryTimeoutImpl;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.uhighlight.FieldHighlighter;
import org.apache.lucene.search.uhighlight.FieldOffsetStrategy;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.search.uhighlight.UHComponents;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.qarchive.archive.QaEntry;
import org.qarchive.embedding.Embedder;
import org.qarchive.index.Analysis;
import org.qarchive.index.EntryDocuments;
import org.qarchive.index.EntryEdits;
import org.qarchive.index.Fields;

/**
 * The read side of the index: ranked, filtered, faceted and highlighted search, entry lookup,
 * related entries and suggestions, over one {@link SearcherManager} that picks up new commits (from
 * this or another process) when {@link #refresh()} is called.
 *
 * <p>A searcher opened on an index folder is public: entries staff hid or deleted ({@link
 * EntryEdits#notPublic()}) are left out of everything it answers (searches, facet counts,
 * suggestions, entry lookups, related entries, the list of all entries and the count), from the
 * moment the edits change, whatever it cached. Staff see them through {@link #seeingHidden}.
 */
public final class ArchiveSearcher implements AutoCloseable {

  /** The facet fields, in display order. */
  public static final List<String> FACET_FIELDS =
      List.of(Fields.CATEGORY, Fields.TAG, Fields.YEAR, Fields.ANSWERED_BY);

  private static final int FACET_VALUES = 20;
  private static final String[] SNIPPET_FIELDS = {Fields.QUESTION, Fields.ANSWER};

  /**
   * What a search reads of each ranked entry: the hit's fields, the snippets' and the question for
   * folding.
   */
  private static final Set<String> LOADED_FIELDS =
      Set.of(
          Fields.ID,
          Fields.URL,
          Fields.TITLE,
          Fields.DATE,
          Fields.ANSWERED_BY,
          Fields.QUESTION,
          Fields.ANSWER);

  private static final int[] SNIPPET_PASSAGES = {1, 2};

  private final Directory directory;
  private final SearchWorkers workers;
  private final SearcherManager manager;
  private final Analysis analysis;
  private final Analyzer analyzer;
  private final MeaningSnippets meaningSnippets;

  /**
   * Plans every search; replaced whole when the synonyms change ({@link #useSynonyms}), so a search
   * runs with one set of synonyms from start to end.
   */
  private volatile QueryPlanner planner;

  /** The embedding model for ranking by meaning; null: lexical ranking only. */
  private final Embedder embedder;

  /** The ranking asked for; hybrid needs {@link #embedder} and an index with its vectors. */
  private final RankingMode ranking;

  private volatile Fusion.Weights fusion = Fusion.Weights.DEFAULT;

  /**
   * The vectors of the latest queries, by text: a second page, a refined filter or the same search
   * again skips the model (its cost: docs/benchmarks.md). Small on purpose: it serves a visitor's
   * own repeats, and a benchmark cycling through a few hundred distinct questions gains nothing
   * from it.
   */
  private final Map<String, float[]> queryVectors =
      Collections.synchronizedMap(
          new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
              return size() > queryVectorCache;
            }
          });

  private volatile int queryVectorCache = 64;

  /**
   * Embeds a hybrid search's question and finds its nearest entries while the calling thread ranks
   * it by its words, so the model's 2–3 ms and the lexical ranking overlap instead of adding up.
   * One thread per core at most, none kept when idle; when all are busy the question is embedded on
   * the calling thread (as it was before), so a loaded server queues nothing here. Null without a
   * model.
   */
  private final ThreadPoolExecutor embedding;

  /** What staff hid or deleted, left out of every answer; {@link EntryEdits#none()} for staff. */
  private final EntryEdits edits;

  private final Object suggesterLock = new Object();
  private Suggester suggester;
  private long suggesterVersion = -1;
  private Set<String> suggesterLeftOut;

  /**
   * Opens the committed index at {@code dir}, with the synonyms in force (see {@link
   * Synonyms#load}).
   */
  public ArchiveSearcher(Path dir) throws IOException {
    this(dir, null);
  }

  /**
   * Opens the committed index at {@code dir} with the synonyms of {@code synonymsFile} (null: those
   * in force).
   */
  public ArchiveSearcher(Path dir, Path synonymsFile) throws IOException {
    this(dir, Synonyms.load(synonymsFile, Analysis.DEFAULT), EntryEdits.open(dir));
  }

  /**
   * Opens the committed index at {@code dir} with these synonyms, leaving out what {@code edits}
   * hides: the server shares its edits with the staff side, so hiding takes effect at once.
   */
  public ArchiveSearcher(Path dir, Synonyms synonyms, EntryEdits edits) throws IOException {
    this(dir, synonyms, edits, null, RankingMode.LEXICAL);
  }

  /**
   * Opens the committed index at {@code dir} with these synonyms, leaving out what {@code edits}
   * hides, ranking as {@code mode} says; hybrid ranking uses {@code embedder} (which stays the
   * caller's to close) where the index has its vectors.
   */
  public ArchiveSearcher(
      Path dir, Synonyms synonyms, EntryEdits edits, Embedder embedder, RankingMode mode)
      throws IOException {
    this(
        FSDirectory.open(Objects.requireNonNull(dir, "dir")),
        Analysis.DEFAULT,
        synonyms,
        Ranking.DEFAULT,
        SearchWorkers.forThisMachine(),
        edits,
        embedder,
        mode);
  }

  /**
   * A searcher for staff: every entry of the index at {@code dir}, hidden and deleted ones too.
   * Never for a public page.
   */
  public static ArchiveSearcher seeingHidden(Path dir, Synonyms synonyms) throws IOException {
    return new ArchiveSearcher(dir, synonyms, EntryEdits.none());
  }

  /** Opens the committed index in {@code directory}, which this searcher then owns. */
  public ArchiveSearcher(Directory directory) throws IOException {
    this(directory, Analysis.DEFAULT, Synonyms.load(null, Analysis.DEFAULT), Ranking.DEFAULT);
  }

  /**
   * Opens the committed index in {@code directory}, which this searcher then owns, written with
   * {@code analysis}, searching with these synonyms and ranking.
   */
  public ArchiveSearcher(Directory directory, Analysis analysis, Synonyms synonyms, Ranking ranking)
      throws IOException {
    this(directory, analysis, synonyms, ranking, null, RankingMode.LEXICAL);
  }

  /**
   * Opens the committed index at {@code dir} with the synonyms of {@code synonymsFile} (null: those
   * in force), ranking as {@code mode} says; hybrid ranking uses {@code embedder} (which stays the
   * caller's to close) where the index has its vectors.
   */
  public ArchiveSearcher(Path dir, Path synonymsFile, Embedder embedder, RankingMode mode)
      throws IOException {
    this(dir, Synonyms.load(synonymsFile, Analysis.DEFAULT), EntryEdits.open(dir), embedder, mode);
  }

  /**
   * Opens the committed index in {@code directory}, which this searcher then owns, ranking as
   * {@code mode} says with {@code embedder} (the caller's to close; null: lexical only).
   */
  public ArchiveSearcher(
      Directory directory,
      Analysis analysis,
      Synonyms synonyms,
      Ranking ranking,
      Embedder embedder,
      RankingMode mode)
      throws IOException {
    this(
        directory,
        analysis,
        synonyms,
        ranking,
        SearchWorkers.forThisMachine(),
        EntryEdits.none(),
        embedder,
        mode);
  }

  /** As above, searching with {@code workers}, which this searcher then owns. */
  ArchiveSearcher(
      Directory directory,
      Analysis analysis,
      Synonyms synonyms,
      Ranking ranking,
      SearchWorkers workers)
      throws IOException {
    this(
        directory,
        analysis,
        synonyms,
        ranking,
        workers,
        EntryEdits.none(),
        null,
        RankingMode.LEXICAL);
  }

  private ArchiveSearcher(
      Directory directory,
      Analysis analysis,
      Synonyms synonyms,
      Ranking ranking,
      SearchWorkers workers,
      EntryEdits edits,
      Embedder embedder,
      RankingMode mode)
      throws IOException {
    this.edits = Objects.requireNonNull(edits, "edits");
    this.embedder = embedder;
    this.embedding = embedder == null ? null : embeddingPool();
    this.ranking = Objects.requireNonNull(mode, "mode");
    this.directory = directory;
    this.workers = workers;
    try {
      this.manager = new SearcherManager(directory, new FacetingSearcherFactory(workers));
    } catch (IOException | RuntimeException e) {
      workers.close();
      directory.close();
      throw e;
    }
    this.analysis = analysis;
    this.analyzer = analysis.textAnalyzer();
    this.meaningSnippets = new MeaningSnippets(embedder, analyzer);
    this.planner = new QueryPlanner(analysis, synonyms, ranking);
  }

  /**
   * Makes the latest commit, from this or another process, visible to later searches, and rebuilds
   * the autocomplete suggestions from it (in memory, well under a second for thousands of entries)
   * when it changed.
   */
  public void refresh() throws IOException {
    edits.refresh(); // another process may have hidden an entry
    manager.maybeRefresh();
    currentSuggester();
  }

  /** The entries left out of every answer now: hidden or deleted by staff. */
  private Set<String> leftOut() {
    return edits.notPublic();
  }

  /**
   * Searches with {@code synonyms} from now on (a search already running finishes with the old
   * ones), with the same analysis and ranking: staff can edit the synonyms without a restart.
   */
  public void useSynonyms(Synonyms synonyms) {
    QueryPlanner current = planner;
    planner =
        new QueryPlanner(analysis, Objects.requireNonNull(synonyms, "synonyms"), current.ranking());
  }

  /** The synonyms searches use now. */
  public Synonyms synonyms() {
    return planner.synonyms();
  }

  /**
   * Runs one search: ranked hits of the requested page with highlighted snippets, and facet counts
   * when asked for ({@link SearchRequest#facets()}). A word no entry contains is corrected first
   * (unless the request is {@link SearchRequest#exact()}); a query that finds nothing is relaxed
   * from all words to most words to any word.
   */
  public SearchResult search(SearchRequest request) throws IOException {
    long start = System.nanoTime();
    FacetingSearcher searcher = (FacetingSearcher) manager.acquire();
    CompletableFuture<Meaning> meaning = null;
    try {
      QueryPlan plan = planner.plan(request.query(), request.exact(), searcher.getIndexReader());
      List<BooleanClause> scope = scope(request.filters(), leftOut());
      boolean hybrid =
          ranking == RankingMode.HYBRID
              && !plan.isBlank()
              && request.sort() == SearchRequest.Sort.RELEVANCE
              && searcher.hasVectors(embedder);
      int wanted = request.page() * request.size();
      if (hybrid) {
        wanted = Math.max(wanted, Fusion.LEXICAL_DEPTH);
        meaning = meaning(searcher, plan, scope);
      }
      SearchResult.Relaxation used = SearchResult.Relaxation.NONE;
      Ranked ranked = null;
      Query words = null;
      for (SearchResult.Relaxation step : plan.relaxations()) {
        words = plan.ranking(step);
        ranked = rank(searcher, words, scope, plan.isBlank(), request, wanted);
        if (ranked.total() > 0) {
          used = step;
          break;
        }
      }
      long total = ranked.total();
      Map<String, List<FacetCount>> facets;
      List<SearchHit> hits;
      if (hybrid) {
        Hybrid h = hybrid(searcher, plan, words, scope, ranked, join(meaning));
        total += h.meaningOnly().length;
        hits = page(searcher, plan, h.ranking(), request, h.byDoc(), h.query());
        facets =
            ranked.facets() == null
                ? Map.of()
                : facets(searcher, withDocs(searcher, ranked.facets(), h.meaningOnly()));
      } else {
        hits = page(searcher, plan, ranked.top().scoreDocs, request, null, null);
        facets = ranked.facets() == null ? Map.of() : facets(searcher, ranked.facets());
      }
      MatchQuality quality = quality(searcher, plan, total, ranked.total(), scope, hits);
      long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      return new SearchResult(
          request,
          total,
          ranked.totalExact(),
          took,
          hits,
          facets,
          plan.correctedQuery(),
          used,
          hybrid ? RankingMode.HYBRID : RankingMode.LEXICAL,
          plan.suggestedQuery(),
          quality);
    } finally {
      if (meaning != null) {
        meaning
            .exceptionally(failed -> null)
            .join(); // done with the searcher before it is released
      }
      manager.release(searcher);
    }
  }

  /** {@code hits} (of {@code docs}, in the same order) each judged close or loose. */
  private static List<SearchHit> judged(
      IndexSearcher searcher, QueryPlan plan, ScoreDoc[] docs, List<SearchHit> hits)
      throws IOException {
    MatchQuality[] quality =
        Closeness.judge(searcher, plan, Arrays.stream(docs).mapToInt(sd -> sd.doc).toArray());
    List<SearchHit> out = new ArrayList<>(hits.size());
    for (int i = 0; i < hits.size(); i++) {
      out.add(hits.get(i).withQuality(quality[i]));
    }
    return out;
  }

  /**
   * Whether any entry found matches the query closely: one of the page's hits, else any match at
   * all (the first one found ends the look). Entries found by meaning only never make a result
   * close by themselves: a question without content words to count is close only when some entry
   * holds its words ({@code byWords}, the count found by words).
   */
  private MatchQuality quality(
      FacetingSearcher searcher,
      QueryPlan plan,
      long total,
      long byWords,
      List<BooleanClause> scope,
      List<SearchHit> hits)
      throws IOException {
    if (total == 0 || plan.isBlank()) {
      return MatchQuality.CLOSE;
    }
    if (hits.stream().anyMatch(h -> h.quality() == MatchQuality.CLOSE)) {
      return MatchQuality.CLOSE;
    }
    Query close = Closeness.closeQuery(plan);
    if (close == null) {
      return byWords > 0 ? MatchQuality.CLOSE : MatchQuality.LOOSE;
    }
    // an entry that covers the words matches the query as well, however far it was loosened
    return Closeness.any(searcher, scoped(close, scope)) ? MatchQuality.CLOSE : MatchQuality.LOOSE;
  }

  /**
   * The fused ranking of a hybrid search, each candidate by document, and the documents found by
   * meaning only (in increasing order).
   */
  private record Hybrid(
      ScoreDoc[] ranking, Map<Integer, Fusion.Candidate> byDoc, int[] meaningOnly, float[] query) {}

  /**
   * Fuses the lexical ranking with the entries nearest to the query in meaning. The query's vector
   * is of the text searched (after spelling correction). Entries found by meaning must still hold
   * the query's phrases and lack its excluded words, and stay within its filters.
   */
  private Hybrid hybrid(
      FacetingSearcher searcher,
      QueryPlan plan,
      Query words,
      List<BooleanClause> scope,
      Ranked ranked,
      Meaning meaning)
      throws IOException {
    Fusion.Weights weights = fusion;
    float[] target = meaning.vector();
    TopDocs near = meaning.near();
    ScoreDoc[] lexical = ranked.top().scoreDocs;
    Map<Integer, Float> lexicalScore = new HashMap<>();
    for (ScoreDoc sd : lexical) {
      lexicalScore.put(sd.doc, sd.score);
    }
    // the neighbours that are not lexical candidates: do they hold the words at all?
    int[] others =
        Arrays.stream(near.scoreDocs)
            .mapToInt(sd -> sd.doc)
            .filter(d -> !lexicalScore.containsKey(d))
            .sorted()
            .toArray();
    java.util.BitSet holdWords =
        ranked.facets() != null
            ? collected(ranked.facets(), searcher, others)
            : matching(words, searcher, others);
    int[] all =
        java.util.stream.IntStream.concat(
                lexicalScore.keySet().stream().mapToInt(i -> i), Arrays.stream(others))
            .sorted()
            .toArray();
    Map<Integer, Float> cosine = cosines(searcher, all, target);
    List<Fusion.Candidate> candidates = new ArrayList<>();
    List<Integer> meaningOnly = new ArrayList<>();
    for (ScoreDoc sd : lexical) {
      candidates.add(
          new Fusion.Candidate(sd.doc, sd.score, true, cosine.getOrDefault(sd.doc, Float.NaN), 0));
    }
    for (int i = 0; i < others.length; i++) {
      float cos = cosine.getOrDefault(others[i], Float.NaN);
      boolean w = holdWords.get(i);
      if (w || cos >= weights.floor(plan.keywords())) {
        candidates.add(new Fusion.Candidate(others[i], Float.NaN, w, cos, 0));
        if (!w) {
          meaningOnly.add(others[i]);
        }
      }
    }
    List<Fusion.Candidate> fused = Fusion.fuse(candidates, weights);
    if (weights.feedbackWeight() > 0 && fused.size() > weights.feedbackAnswers()) {
      int[] best =
          fused.subList(0, weights.feedbackAnswers()).stream()
              .mapToInt(Fusion.Candidate::doc)
              .sorted()
              .toArray();
      float[] moved = Fusion.feedback(target, vectors(searcher, best), weights.feedbackWeight());
      fused = Fusion.refuse(candidates, cosines(searcher, all, moved), weights);
    }
    ScoreDoc[] ranking = new ScoreDoc[fused.size()];
    Map<Integer, Fusion.Candidate> byDoc = new HashMap<>();
    for (int i = 0; i < ranking.length; i++) {
      Fusion.Candidate c = fused.get(i);
      ranking[i] = new ScoreDoc(c.doc(), c.fused());
      byDoc.put(c.doc(), c);
    }
    return new Hybrid(
        ranking,
        byDoc,
        meaningOnly.stream().mapToInt(Integer::intValue).sorted().toArray(),
        target);
  }

  /** A question's vector and the entries nearest to it within the search's filters. */
  private record Meaning(float[] vector, TopDocs near) {}

  /**
   * The question's vector (from the cache, else embedded) and its nearest entries, worked out
   * beside the calling thread while it ranks by the words. The vector is of the text searched
   * (after spelling correction); the neighbours must hold the query's phrases, lack its excluded
   * words and stay within its filters.
   */
  private CompletableFuture<Meaning> meaning(
      IndexSearcher searcher, QueryPlan plan, List<BooleanClause> scope) {
    String text = Objects.requireNonNullElse(plan.correctedQuery(), plan.text());
    Query must = Objects.requireNonNullElse(plan.constraints(), new MatchAllDocsQuery());
    Query filter = scope.isEmpty() && plan.constraints() == null ? null : scoped(must, scope);
    return CompletableFuture.supplyAsync(
        () -> {
          float[] v = queryVectors.get(text);
          if (v == null) {
            v = embedder.embedQuery(text);
            queryVectors.put(text, v);
          }
          try {
            return new Meaning(
                v,
                searcher.search(
                    new KnnFloatVectorQuery(Fields.VECTOR, v, Fusion.NEIGHBOURS, filter),
                    Fusion.NEIGHBOURS));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        },
        embedding);
  }

  /** The meaning's result, with its failure thrown as it was. */
  private static Meaning join(CompletableFuture<Meaning> meaning) throws IOException {
    try {
      return meaning.join();
    } catch (CompletionException e) {
      switch (e.getCause()) {
        case UncheckedIOException io -> throw io.getCause();
        case RuntimeException r -> throw r;
        case Error err -> throw err;
        default -> throw e;
      }
    }
  }

  private static ThreadPoolExecutor embeddingPool() {
    java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
    return new ThreadPoolExecutor(
        0,
        Runtime.getRuntime().availableProcessors(),
        30,
        TimeUnit.SECONDS,
        new SynchronousQueue<>(),
        r -> {
          Thread t = new Thread(r, "query-embedding-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        },
        (task, pool) -> task.run()); // busy (or closed): the calling thread embeds
  }

  /** A document that has a vector, and the vector (the reader's array, reused: copy to keep). */
  private interface VectorVisitor {
    void visit(int doc, float[] vector);
  }

  /** Visits those of {@code sortedDocs} that have a vector, in order, one leaf at a time. */
  private static void eachVector(IndexSearcher searcher, int[] sortedDocs, VectorVisitor visitor)
      throws IOException {
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    int i = 0;
    while (i < sortedDocs.length) {
      LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(sortedDocs[i], leaves));
      int end = leaf.docBase + leaf.reader().maxDoc();
      FloatVectorValues values = leaf.reader().getFloatVectorValues(Fields.VECTOR);
      KnnVectorValues.DocIndexIterator it = values == null ? null : values.iterator();
      for (; i < sortedDocs.length && sortedDocs[i] < end; i++) {
        int target = sortedDocs[i] - leaf.docBase;
        if (it != null && (it.docID() < target ? it.advance(target) : it.docID()) == target) {
          visitor.visit(sortedDocs[i], values.vectorValue(it.index()));
        }
      }
    }
  }

  /** The vectors of those of {@code sortedDocs} that have one, in order. */
  private static List<float[]> vectors(IndexSearcher searcher, int[] sortedDocs)
      throws IOException {
    List<float[]> out = new ArrayList<>(sortedDocs.length);
    eachVector(searcher, sortedDocs, (doc, vector) -> out.add(vector.clone()));
    return out;
  }

  /** The cosine similarity of each document's vector (of those that have one) to {@code target}. */
  private static Map<Integer, Float> cosines(
      IndexSearcher searcher, int[] sortedDocs, float[] target) throws IOException {
    Map<Integer, Float> out = new HashMap<>();
    eachVector(
        searcher, sortedDocs, (doc, vector) -> out.put(doc, Embedder.similarity(vector, target)));
    return out;
  }

  /**
   * Which of {@code sortedDocs} the lexical search collected for facet counting, that is matched:
   * bit i for the i-th document. The same answer as {@link #matching} without running the query
   * again.
   */
  private static java.util.BitSet collected(
      FacetsCollector matches, IndexSearcher searcher, int[] sortedDocs) throws IOException {
    java.util.BitSet out = new java.util.BitSet(sortedDocs.length);
    Map<Integer, FacetsCollector.MatchingDocs> byLeaf = new HashMap<>();
    for (FacetsCollector.MatchingDocs m : matches.getMatchingDocs()) {
      byLeaf.put(m.context().ord, m);
    }
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    int i = 0;
    while (i < sortedDocs.length) {
      LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(sortedDocs[i], leaves));
      int end = leaf.docBase + leaf.reader().maxDoc();
      FacetsCollector.MatchingDocs m = byLeaf.get(leaf.ord);
      DocIdSetIterator it = m == null || m.totalHits() == 0 ? null : m.bits().iterator();
      for (; i < sortedDocs.length && sortedDocs[i] < end; i++) {
        int target = sortedDocs[i] - leaf.docBase;
        if (it != null && (it.docID() < target ? it.advance(target) : it.docID()) == target) {
          out.set(i);
        }
      }
    }
    return out;
  }

  /**
   * Which of {@code sortedDocs} match {@code q}: bit i for the i-th document. One weight for all of
   * them, each leaf's iterator advanced in document order.
   */
  private static java.util.BitSet matching(Query q, IndexSearcher searcher, int[] sortedDocs)
      throws IOException {
    java.util.BitSet out = new java.util.BitSet(sortedDocs.length);
    if (sortedDocs.length == 0) {
      return out;
    }
    Weight w = searcher.createWeight(searcher.rewrite(q), ScoreMode.COMPLETE_NO_SCORES, 1f);
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    int i = 0;
    while (i < sortedDocs.length) {
      LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(sortedDocs[i], leaves));
      int end = leaf.docBase + leaf.reader().maxDoc();
      Scorer scorer = w.scorer(leaf);
      TwoPhaseIterator twoPhase = scorer == null ? null : scorer.twoPhaseIterator();
      DocIdSetIterator approximation =
          scorer == null ? null : twoPhase == null ? scorer.iterator() : twoPhase.approximation();
      for (; i < sortedDocs.length && sortedDocs[i] < end; i++) {
        if (approximation == null) {
          continue;
        }
        int target = sortedDocs[i] - leaf.docBase;
        int at =
            approximation.docID() < target ? approximation.advance(target) : approximation.docID();
        if (at == target && (twoPhase == null || twoPhase.matches())) {
          out.set(i);
        }
      }
    }
    return out;
  }

  /**
   * {@code lexical}'s matches and the documents {@code extra} (in increasing order, disjoint from
   * them; found within the search's scope, so they need no check against it) as one set for
   * counting facets, one set per segment (facet counting takes a segment's set once).
   */
  private static FacetsCollector withDocs(
      IndexSearcher searcher, FacetsCollector lexical, int[] extra) throws IOException {
    if (extra.length == 0) {
      return lexical;
    }
    Map<Integer, FacetsCollector.MatchingDocs> lexicalByLeaf = new HashMap<>();
    for (FacetsCollector.MatchingDocs m : lexical.getMatchingDocs()) {
      lexicalByLeaf.put(m.context().ord, m);
    }
    List<FacetsCollector.MatchingDocs> both = new ArrayList<>(lexical.getMatchingDocs());
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    int i = 0;
    while (i < extra.length) {
      LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(extra[i], leaves));
      org.apache.lucene.util.FixedBitSet bits =
          new org.apache.lucene.util.FixedBitSet(leaf.reader().maxDoc());
      FacetsCollector.MatchingDocs m = lexicalByLeaf.get(leaf.ord);
      DocIdSetIterator it = m == null ? null : m.bits().iterator();
      if (it != null) {
        bits.or(it);
      }
      int end = leaf.docBase + leaf.reader().maxDoc();
      for (; i < extra.length && extra[i] < end; i++) {
        bits.set(extra[i] - leaf.docBase);
      }
      int n = bits.cardinality();
      FacetsCollector.MatchingDocs joined =
          new FacetsCollector.MatchingDocs(
              leaf, new org.apache.lucene.util.BitDocIdSet(bits, n), n, null);
      if (m == null) {
        both.add(joined);
      } else {
        both.set(both.indexOf(m), joined);
      }
    }
    return new FacetsCollector() {
      @Override
      public List<MatchingDocs> getMatchingDocs() {
        return both;
      }
    };
  }

  /**
   * Sets the fusion of a hybrid ranking: the lexical score's share, and the least similarity for an
   * entry found by meaning only, for most queries and for keyword queries; a null keeps the setting
   * in force. For {@code qarchive eval}, which tunes them.
   *
   * @throws IllegalArgumentException when a setting is out of range
   */
  public void tuneFusion(Float lexicalWeight, Float meaningFloor, Float keywordFloor) {
    Fusion.Weights now = fusion;
    fusion =
        new Fusion.Weights(
            Objects.requireNonNullElse(lexicalWeight, now.lexicalWeight()),
            Objects.requireNonNullElse(meaningFloor, now.meaningFloor()),
            Objects.requireNonNullElse(keywordFloor, now.keywordFloor()),
            now.feedbackWeight(),
            now.feedbackAnswers());
  }

  /**
   * Sets how a hybrid ranking is fused again: how far the query's vector moves toward its best
   * answers' (0: not at all), and toward how many; a null keeps the setting in force. For {@code
   * qarchive eval}.
   *
   * @throws IllegalArgumentException when a setting is out of range
   */
  public void tuneFeedback(Float weight, Integer answers) {
    Fusion.Weights now = fusion;
    fusion =
        new Fusion.Weights(
            now.lexicalWeight(),
            now.meaningFloor(),
            now.keywordFloor(),
            Objects.requireNonNullElse(weight, now.feedbackWeight()),
            Objects.requireNonNullElse(answers, now.feedbackAnswers()));
  }

  /** Goes back to the shipped fusion (after {@link #tuneFusion} or {@link #tuneFeedback}). */
  public void shippedFusion() {
    fusion = Fusion.Weights.DEFAULT;
  }

  /** Keeps the vectors of the last {@code entries} distinct queries (64 unless set). */
  public void cacheQueryVectors(int entries) {
    queryVectorCache = Math.max(0, entries);
  }

  /** The ranking asked for at construction (a search reports the one it used). */
  public RankingMode ranking() {
    return ranking;
  }

  /**
   * The hits of the requested page, each built once. A page is its own slice of the ranking, and
   * near duplicates fold within it: pages never overlap, and the page count that the total promises
   * always holds (folding across pages could leave the last ones empty).
   */
  private List<SearchHit> page(
      IndexSearcher searcher,
      QueryPlan plan,
      ScoreDoc[] ranking,
      SearchRequest request,
      Map<Integer, Fusion.Candidate> fused,
      float[] queryVector)
      throws IOException {
    int from = Math.min(ranking.length, (request.page() - 1) * request.size());
    ScoreDoc[] all =
        Arrays.copyOfRange(ranking, from, Math.min(ranking.length, from + request.size()));
    // every entry of the page is read once (folding, hit fields, snippets); reading decompresses a
    // whole block
    Map<Integer, Document> loaded = load(searcher, all, LOADED_FIELDS);
    List<NearDuplicates.Group> groups = fold(all, loaded);
    ScoreDoc[] leaders = new ScoreDoc[groups.size()];
    List<List<String>> similar = new ArrayList<>(groups.size());
    for (int i = 0; i < groups.size(); i++) {
      leaders[i] = all[groups.get(i).leader()];
      List<String> ids = new ArrayList<>();
      for (int f : groups.get(i).folded()) {
        ids.add(loaded.get(all[f].doc).get(Fields.ID));
      }
      similar.add(ids);
    }
    List<SearchHit> hits =
        judged(searcher, plan, leaders, hits(searcher, plan.highlight(), leaders, loaded, similar));
    if (fused == null) {
      return hits;
    }
    List<String> answers = new ArrayList<>();
    for (int i = 0; i < hits.size(); i++) {
      Fusion.Candidate c = fused.get(leaders[i].doc);
      answers.add(c != null && !c.words() ? loaded.get(leaders[i].doc).get(Fields.ANSWER) : null);
    }
    List<String> passages = meaningSnippets.closest(answers, plan, queryVector);
    List<SearchHit> out = new ArrayList<>(hits.size());
    for (int i = 0; i < hits.size(); i++) {
      SearchHit h = hits.get(i);
      Fusion.Candidate c = fused.get(leaders[i].doc);
      boolean meaning = c != null && !c.words();
      String answer = meaning ? passages.get(i) : h.answerSnippet();
      out.add(
          new SearchHit(
              h.id(),
              h.url(),
              h.title(),
              h.date(),
              h.answeredBy(),
              h.questionSnippet(),
              answer,
              h.score(),
              h.similarIds(),
              meaning ? SearchHit.Match.MEANING : SearchHit.Match.WORDS,
              c == null ? Float.NaN : c.cosine(),
              meaning ? Closeness.byMeaning(h.quality(), plan) : h.quality()));
    }
    return out;
  }

  /**
   * The one place every search is narrowed, as clauses added beside the ranking query (and the
   * filter of any other way of finding entries): the request's facet filters, and the entries that
   * must never be shown publicly ({@code leftOut}: hidden or deleted by staff).
   */
  static List<BooleanClause> scope(Filters filters, Set<String> leftOut) {
    List<BooleanClause> clauses = new ArrayList<>();
    if (!leftOut.isEmpty()) {
      clauses.add(new BooleanClause(idsIn(leftOut), Occur.MUST_NOT));
    }
    filters
        .byField()
        .forEach(
            (field, values) -> {
              if (!values.isEmpty()) {
                clauses.add(
                    new BooleanClause(
                        new TermInSetQuery(field, values.stream().map(BytesRef::new).toList()),
                        Occur.FILTER));
              }
            });
    return List.copyOf(clauses);
  }

  private static Query idsIn(Set<String> ids) {
    return new TermInSetQuery(Fields.ID, ids.stream().sorted().map(BytesRef::new).toList());
  }

  /** {@code query} narrowed by {@code scope}. */
  static Query scoped(Query query, List<BooleanClause> scope) {
    if (scope.isEmpty()) {
      return query;
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder().add(query, Occur.MUST);
    scope.forEach(b::add);
    return b.build();
  }

  /**
   * The Lucene query a search for {@code text} ranks with, after spelling correction and before any
   * relaxation: for benchmarks and diagnostics.
   */
  public Query rankingQuery(String text) throws IOException {
    IndexSearcher searcher = manager.acquire();
    try {
      return planner
          .plan(text, false, searcher.getIndexReader())
          .ranking(SearchResult.Relaxation.NONE);
    } finally {
      manager.release(searcher);
    }
  }

  /** Ranked hits; {@code facets} is null when the request asked for no facet counts. */
  private record Ranked(TopDocs top, long total, boolean totalExact, FacetsCollector facets) {}

  private Ranked rank(
      FacetingSearcher searcher,
      Query ranking,
      List<BooleanClause> scope,
      boolean blank,
      SearchRequest request,
      int wanted)
      throws IOException {
    Query query = scoped(ranking, scope);
    boolean byDate = request.sort() == SearchRequest.Sort.DATE || blank;
    Sort sort = byDate ? dateSort() : relevanceSort();
    // a per-search time budget: a searcher of our own over the same reader, so the deadline is this
    // search's alone
    IndexSearcher timed = workers.searcher(searcher.getIndexReader());
    timed.setTimeout(new QueryTimeoutImpl(searchBudgetMs));
    Ranked ranked;
    if (request.facets()) {
      FacetsCollectorManager.FacetsResult fr =
          FacetsCollectorManager.search(
              timed, query, wanted, sort, false, new FacetsCollectorManager());
      // the scores come from the sort values: asking Lucene for them (doDocScores) scores every
      // ranked entry a second time, a fifth of ranking a long question
      withScores(fr.topDocs().scoreDocs, sort);
      ranked = new Ranked(fr.topDocs(), fr.topDocs().totalHits.value(), true, fr.facetsCollector());
    } else {
      // without facets nothing needs every match: past COUNT_UP_TO hits Lucene may skip the entries
      // that cannot
      // reach the page (block-max WAND), and the total becomes a lower bound
      TopDocs top =
          timed.search(query, new TopFieldCollectorManager(sort, wanted, null, COUNT_UP_TO));
      withScores(top.scoreDocs, sort);
      boolean exact = top.totalHits.relation() == TotalHits.Relation.EQUAL_TO;
      // past the threshold, how far each slice counted on depends on thread timing: "1,000+" stays
      // the same answer
      long total = exact ? top.totalHits.value() : Math.min(top.totalHits.value(), COUNT_UP_TO);
      ranked = new Ranked(top, total, exact, null);
    }
    if (timed.timedOut()) {
      LOG.warn(
          "search stopped at its {} ms budget; answering with what was ranked so far",
          searchBudgetMs);
    }
    return ranked;
  }

  /**
   * Sets each hit's score from its sort values, where the sort already holds it (no second scoring
   * pass).
   */
  private static void withScores(ScoreDoc[] docs, Sort sort) {
    SortField[] fields = sort.getSort();
    for (int i = 0; i < fields.length; i++) {
      if (fields[i].getType() == SortField.Type.SCORE) {
        for (ScoreDoc sd : docs) {
          sd.score = (Float) ((FieldDoc) sd).fields[i];
        }
        return;
      }
    }
  }

  /**
   * The stored {@code fields} of {@code docs}, read in index order so neighbours share a
   * decompressed block.
   */
  private static Map<Integer, Document> load(
      IndexSearcher searcher, ScoreDoc[] docs, Set<String> fields) throws IOException {
    int[] ids = Arrays.stream(docs).mapToInt(sd -> sd.doc).sorted().distinct().toArray();
    StoredFields stored = searcher.storedFields();
    Map<Integer, Document> out = new HashMap<>(ids.length * 2);
    for (int doc : ids) {
      out.put(doc, stored.document(doc, fields));
    }
    return out;
  }

  private List<NearDuplicates.Group> fold(ScoreDoc[] docs, Map<Integer, Document> loaded) {
    List<Set<String>> signatures = new ArrayList<>(docs.length);
    for (ScoreDoc sd : docs) {
      String question = loaded.get(sd.doc).get(Fields.QUESTION);
      signatures.add(
          question == null || question.isBlank() ? Set.of() : planner.analyzedTerms(question));
    }
    return NearDuplicates.fold(signatures);
  }

  /**
   * One hit per entry of {@code pageDocs}, in that order, with snippets marked by {@code
   * highlightQuery} and the near duplicates folded under each ({@code similar}, in the same order;
   * null for none).
   */
  private List<SearchHit> hits(
      IndexSearcher searcher,
      Query highlightQuery,
      ScoreDoc[] pageDocs,
      Map<Integer, Document> loaded,
      List<List<String>> similar)
      throws IOException {
    List<SearchHit> hits = new ArrayList<>(pageDocs.length);
    if (pageDocs.length == 0) {
      return hits;
    }
    // the highlighter wants the documents in id order; map the snippets back to rank order after
    ScoreDoc[] byDoc = pageDocs.clone();
    Arrays.sort(byDoc, (a, b) -> Integer.compare(a.doc, b.doc));
    int[] docs = Arrays.stream(byDoc).mapToInt(sd -> sd.doc).toArray();
    Query marked =
        Objects.requireNonNullElse(
            withoutAbsentPhrases(highlightQuery, searcher, docs),
            new MatchNoDocsQuery("no snippet field to mark"));
    Map<String, String[]> snippets =
        highlighter(searcher, loaded)
            .highlightFields(
                SNIPPET_FIELDS,
                marked,
                new TopDocs(new TotalHits(byDoc.length, TotalHits.Relation.EQUAL_TO), byDoc),
                SNIPPET_PASSAGES);
    Map<Integer, Integer> position = new HashMap<>();
    for (int i = 0; i < byDoc.length; i++) {
      position.put(byDoc[i].doc, i);
    }
    for (int rank = 0; rank < pageDocs.length; rank++) {
      ScoreDoc sd = pageDocs[rank];
      int i = position.get(sd.doc);
      Document d = loaded.get(sd.doc);
      hits.add(
          new SearchHit(
              d.get(Fields.ID),
              d.get(Fields.URL),
              d.get(Fields.TITLE),
              d.get(Fields.DATE),
              d.get(Fields.ANSWERED_BY),
              Objects.requireNonNullElse(snippets.get(Fields.QUESTION)[i], ""),
              Objects.requireNonNullElse(snippets.get(Fields.ANSWER)[i], ""),
              Float.isNaN(sd.score) ? 0f : sd.score,
              similar == null ? List.of() : similar.get(rank)));
    }
    return hits;
  }

  /**
   * {@code q} without the phrases (a synonym's "high blood pressure") that no entry of the page
   * holds in a snippet field, or null when nothing is left. The highlighter marks a phrase only
   * where it stands, by running it again over each field of each hit; one check over the page
   * instead drops the phrases that cannot mark anything, most of them, which took a tenth of a
   * search.
   */
  private static Query withoutAbsentPhrases(Query q, IndexSearcher searcher, int[] sortedDocs)
      throws IOException {
    try {
      return QueryTrees.mapLeaves(
          q,
          leaf -> {
            if (!(leaf instanceof PhraseQuery) && !(leaf instanceof MultiPhraseQuery)) {
              return leaf;
            }
            String field =
                leaf instanceof PhraseQuery pq
                    ? pq.getField()
                    : ((MultiPhraseQuery) leaf).getTermArrays()[0][0].field();
            try {
              return Arrays.asList(SNIPPET_FIELDS).contains(field)
                      && anyHolds(leaf, searcher, sortedDocs)
                  ? leaf
                  : null;
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** Whether any of the documents (in increasing order) matches {@code q}. */
  private static boolean anyHolds(Query q, IndexSearcher searcher, int[] sortedDocs)
      throws IOException {
    return !matching(q, searcher, sortedDocs).isEmpty();
  }

  /**
   * The top values of each facet field among the collected matches, counting the fields in
   * parallel.
   */
  private static Map<String, List<FacetCount>> facets(FacetingSearcher searcher, FacetsCollector fc)
      throws IOException {
    List<Callable<List<FacetCount>>> work = new ArrayList<>();
    for (String field : FACET_FIELDS) {
      work.add(() -> facetCounts(searcher, fc, field));
    }
    List<List<FacetCount>> counted = searcher.workers().invokeAll(work);
    Map<String, List<FacetCount>> out = new LinkedHashMap<>();
    for (int i = 0; i < FACET_FIELDS.size(); i++) {
      out.put(FACET_FIELDS.get(i), counted.get(i));
    }
    return out;
  }

  private static List<FacetCount> facetCounts(
      FacetingSearcher searcher, FacetsCollector fc, String field) throws IOException {
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
    return List.copyOf(counts);
  }

  /**
   * Facet counts over the whole archive, for browsing: counted once per index version, since
   * counting visits every entry, slow at a million entries, and the search page shows them on every
   * visit without a query.
   */
  public Map<String, List<FacetCount>> facets() throws IOException {
    FacetingSearcher searcher = (FacetingSearcher) manager.acquire();
    try {
      Set<String> leftOut = leftOut();
      Browse browse = searcher.browse;
      // counted again when staff hid or showed an entry: a category only a hidden entry has is gone
      if (browse == null || browse.leftOut() != leftOut) {
        FacetsCollector fc =
            searcher.search(
                scoped(new MatchAllDocsQuery(), scope(Filters.NONE, leftOut)),
                new FacetsCollectorManager());
        browse = new Browse(leftOut, Collections.unmodifiableMap(facets(searcher, fc)));
        searcher.browse = browse; // two first visitors may both count; they get the same answer
      }
      return browse.counts();
    } finally {
      manager.release(searcher);
    }
  }

  /** The whole archive's facet counts, and the entries left out when they were counted. */
  private record Browse(Set<String> leftOut, Map<String, List<FacetCount>> counts) {}

  /** The entry with this id, if the index has it (and it is not hidden). */
  public Optional<QaEntry> get(String id) throws IOException {
    if (leftOut().contains(id)) {
      return Optional.empty();
    }
    IndexSearcher searcher = manager.acquire();
    try {
      int doc = docOf(searcher, id);
      return doc < 0
          ? Optional.empty()
          : Optional.of(EntryDocuments.fromDocument(searcher.storedFields().document(doc)));
    } finally {
      manager.release(searcher);
    }
  }

  /**
   * The entry with this id with every match of {@code query} marked in its whole question and
   * answer, as escaped HTML: stems and synonyms too, and a misspelled word as {@link #search}
   * corrects it. Fields without a match come back escaped and unmarked.
   */
  public Optional<MarkedEntry> getMarked(String id, String query) throws IOException {
    return getMarked(id, query, false);
  }

  /**
   * The entry with this id with every match of {@code query} marked, as {@link #getMarked(String,
   * String)}; with {@code exact}, the query's words are marked as typed, without spelling
   * correction.
   */
  public Optional<MarkedEntry> getMarked(String id, String query, boolean exact)
      throws IOException {
    if (leftOut().contains(id)) {
      return Optional.empty();
    }
    IndexSearcher searcher = manager.acquire();
    try {
      TopDocs top = searcher.search(new TermQuery(new Term(Fields.ID, id)), 1);
      if (top.scoreDocs.length == 0) {
        return Optional.empty();
      }
      QaEntry entry =
          EntryDocuments.fromDocument(searcher.storedFields().document(top.scoreDocs[0].doc));
      String question = Html.escape(entry.question());
      String answer = Html.escape(entry.answer());
      if (query != null && !query.isBlank()) {
        Query q = planner.plan(query, exact, searcher.getIndexReader()).highlight();
        UnifiedHighlighter whole =
            UnifiedHighlighter.builder(searcher, analyzer)
                .withFormatter(new MarkFormatter())
                .withBreakIterator(WholeBreakIterator::new)
                .withMaxLength(Integer.MAX_VALUE - 1)
                .withMaxNoHighlightPassages(0)
                .build();
        Map<String, String[]> marked =
            whole.highlightFields(SNIPPET_FIELDS, q, top, new int[] {1, 1});
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

  /**
   * Entries most like the one with this id (more-like-this over title, question and answer), best
   * first.
   */
  public List<SearchHit> related(String id, int max) throws IOException {
    Set<String> leftOut = leftOut();
    if (leftOut.contains(id)) {
      return List.of();
    }
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
      List<BooleanClause> scope = scope(Filters.NONE, leftOut);
      Query like =
          scoped(
              new BooleanQuery.Builder()
                  .add(mlt.like(doc), Occur.MUST)
                  .add(new TermQuery(new Term(Fields.ID, id)), Occur.MUST_NOT)
                  .build(),
              scope);
      TopDocs top = searcher.search(like, ranking == RankingMode.HYBRID ? RELATED_DEPTH : max);
      ScoreDoc[] docs = top.scoreDocs;
      float[] vector =
          ranking == RankingMode.HYBRID && ((FacetingSearcher) searcher).hasVectors(embedder)
              ? vectorOf(searcher, doc)
              : null;
      if (vector != null) {
        docs = relatedByMeaning(searcher, doc, docs, vector, max, scope);
      }
      return hits(
          searcher, new MatchAllDocsQuery(), docs, load(searcher, docs, LOADED_FIELDS), null);
    } finally {
      manager.release(searcher);
    }
  }

  /** Candidates of each kind fused for "similar answers". */
  private static final int RELATED_DEPTH = 20;

  /**
   * The more-like-this candidates fused with the entries nearest in meaning to the entry {@code
   * doc} (its own vector), best {@code max} first.
   */
  private ScoreDoc[] relatedByMeaning(
      IndexSearcher searcher,
      int doc,
      ScoreDoc[] alike,
      float[] vector,
      int max,
      List<BooleanClause> scope)
      throws IOException {
    Query filter = scope.isEmpty() ? null : scoped(new MatchAllDocsQuery(), scope);
    TopDocs near =
        searcher.search(
            new KnnFloatVectorQuery(Fields.VECTOR, vector, RELATED_DEPTH + 1, filter),
            RELATED_DEPTH + 1);
    Map<Integer, Float> lexical = new HashMap<>();
    for (ScoreDoc sd : alike) {
      lexical.put(sd.doc, sd.score);
    }
    java.util.TreeSet<Integer> all = new java.util.TreeSet<>(lexical.keySet());
    for (ScoreDoc sd : near.scoreDocs) {
      if (sd.doc != doc) {
        all.add(sd.doc);
      }
    }
    Map<Integer, Float> cosine =
        cosines(searcher, all.stream().mapToInt(Integer::intValue).toArray(), vector);
    List<Fusion.Candidate> candidates = new ArrayList<>();
    for (int d : all) {
      candidates.add(
          new Fusion.Candidate(
              d,
              lexical.getOrDefault(d, Float.NaN),
              lexical.containsKey(d),
              cosine.getOrDefault(d, Float.NaN),
              0));
    }
    return Fusion.fuse(candidates, fusion).stream()
        .limit(max)
        .map(c -> new ScoreDoc(c.doc(), c.fused()))
        .toArray(ScoreDoc[]::new);
  }

  /** The stored vector of {@code doc}, or null when it has none. */
  private static float[] vectorOf(IndexSearcher searcher, int doc) throws IOException {
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    FloatVectorValues values = leaf.reader().getFloatVectorValues(Fields.VECTOR);
    if (values == null) {
      return null;
    }
    KnnVectorValues.DocIndexIterator it = values.iterator();
    return it.advance(doc - leaf.docBase) == doc - leaf.docBase
        ? values.vectorValue(it.index()).clone()
        : null;
  }

  /**
   * Up to {@code max} completions for what the user has typed so far: titles and phrases that recur
   * in questions, containing all the typed words, the last one as a prefix; the most asked first.
   * Built in memory from the index by {@link #refresh()}, or by the first call.
   */
  public List<String> suggest(String prefix, int max) throws IOException {
    String text = QueryPlanner.clean(prefix).replace("\"", " ").strip();
    // no suggestion is longer (titles past it are not offered), and a longer text could be more
    // words than Lucene
    // accepts in one query
    if (text.length() < 2 || text.length() > Suggester.MAX_CHARS || max < 1) {
      return List.of();
    }
    return currentSuggester().lookup(text, Math.min(max, 50));
  }

  private Suggester currentSuggester() throws IOException {
    IndexSearcher searcher = manager.acquire();
    try {
      IndexReader reader = searcher.getIndexReader();
      long version = ((org.apache.lucene.index.DirectoryReader) reader).getVersion();
      Set<String> leftOut = leftOut();
      synchronized (suggesterLock) {
        // built again for a new commit, and when staff hid or showed an entry
        if (suggester == null || suggesterVersion != version || suggesterLeftOut != leftOut) {
          Suggester fresh = Suggester.build(reader, analysis, leftOut);
          if (suggester != null) {
            suggester.close();
          }
          suggester = fresh;
          suggesterVersion = version;
          suggesterLeftOut = leftOut;
        }
        return suggester;
      }
    } finally {
      manager.release(searcher);
    }
  }

  /**
   * Calls {@code consumer} with every entry, in index order (for export and the sitemap), hidden
   * ones left out.
   */
  public void forEachEntry(Consumer<QaEntry> consumer) throws IOException {
    Set<String> leftOut = leftOut();
    IndexSearcher searcher = manager.acquire();
    try {
      for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
        StoredFields stored = leaf.reader().storedFields();
        Bits live = leaf.reader().getLiveDocs();
        for (int i = 0; i < leaf.reader().maxDoc(); i++) {
          if (live == null || live.get(i)) {
            QaEntry e = EntryDocuments.fromDocument(stored.document(i));
            if (!leftOut.contains(e.id())) {
              consumer.accept(e);
            }
          }
        }
      }
    } finally {
      manager.release(searcher);
    }
  }

  /** Number of entries in the searched commit, hidden ones left out. */
  public int count() throws IOException {
    Set<String> leftOut = leftOut();
    IndexSearcher searcher = manager.acquire();
    try {
      int all = searcher.getIndexReader().numDocs();
      return leftOut.isEmpty() ? all : all - searcher.count(idsIn(leftOut));
    } finally {
      manager.release(searcher);
    }
  }

  private static int docOf(IndexSearcher searcher, String id) throws IOException {
    TopDocs top = searcher.search(new TermQuery(new Term(Fields.ID, id)), 1);
    return top.scoreDocs.length == 0 ? -1 : top.scoreDocs[0].doc;
  }

  private UnifiedHighlighter highlighter(IndexSearcher searcher, Map<Integer, Document> loaded) {
    // term offsets straight from the postings: asking the query for its matches (weight matches)
    // builds a new
    // Weight, seeking every query term again, for every hit and field, which was half of a search
    return new LoadedHighlighter(
        UnifiedHighlighter.builder(searcher, analyzer)
            .withWeightMatches(false)
            .withScorer(new LeanPassageScorer())
            .withFormatter(new MarkFormatter(MarkFormatter.MAX_PASSAGE_CHARS))
            .withBreakIterator(SnippetSentences::new)
            .withMaxLength(SNIPPET_MAX_CHARS),
        loaded);
  }

  /** Text past this many characters of a field is not searched for snippets. */
  private static final int SNIPPET_MAX_CHARS = 100_000;

  /** A highlighter that takes the field values from the documents the search has already read. */
  private static final class LoadedHighlighter extends UnifiedHighlighter {
    private final Map<Integer, Document> loaded;

    LoadedHighlighter(UnifiedHighlighter.Builder builder, Map<Integer, Document> loaded) {
      super(builder);
      this.loaded = loaded;
    }

    @Override
    protected FieldHighlighter newFieldHighlighter(
        String field,
        FieldOffsetStrategy offsets,
        BreakIterator sentences,
        PassageScorer scorer,
        int maxPassages,
        int maxNoHighlightPassages,
        PassageFormatter formatter,
        Comparator<Passage> order) {
      return new SnippetFieldHighlighter(
          field, offsets, sentences, scorer, maxPassages, maxNoHighlightPassages, formatter, order);
    }

    @Override
    protected FieldOffsetStrategy getOffsetStrategy(OffsetSource source, UHComponents components) {
      return source == OffsetSource.POSTINGS
          ? new PageOffsets(components)
          : super.getOffsetStrategy(source, components);
    }

    @Override
    protected List<CharSequence[]> loadFieldValues(
        String[] fields, DocIdSetIterator docs, int cacheCharsThreshold) throws IOException {
      List<CharSequence[]> out = new ArrayList<>();
      for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
        Document d =
            Objects.requireNonNull(loaded.get(doc), "a highlighted entry the search did not read");
        CharSequence[] values = new CharSequence[fields.length];
        for (int i = 0; i < fields.length; i++) {
          String v = Objects.requireNonNullElse(d.get(fields[i]), "");
          values[i] = v.length() > getMaxLength() ? v.substring(0, getMaxLength()) : v;
        }
        out.add(values);
      }
      return out;
    }
  }

  /**
   * Best first; equal scores in id order, so pages never overlap or shift between two identical
   * searches.
   */
  private static Sort relevanceSort() {
    return new Sort(SortField.FIELD_SCORE, new SortField(Fields.ID, SortField.Type.STRING));
  }

  private static Sort dateSort() {
    return new Sort(
        new SortField(Fields.DATE, SortField.Type.LONG, true),
        SortField.FIELD_SCORE,
        new SortField(Fields.ID, SortField.Type.STRING));
  }

  @Override
  public void close() throws IOException {
    try {
      synchronized (suggesterLock) {
        if (suggester != null) {
          suggester.close();
        }
      }
      manager.close();
    } finally {
      if (embedding != null) {
        embedding.shutdown();
      }
      workers.close();
      directory.close();
    }
  }

  /**
   * How long ranking one query may take before it answers with what it has: far beyond any real
   * query on a million entries, and short enough that no input can hold a search thread.
   */
  static final long SEARCH_BUDGET_MS = 200;

  private volatile long searchBudgetMs = SEARCH_BUDGET_MS;

  /**
   * Sets how long ranking one query may take ({@link #SEARCH_BUDGET_MS} unless set): for offline
   * evaluations and tests that compare rankings, which a loaded host could otherwise cut short.
   */
  public void searchBudget(long ms) {
    searchBudgetMs = ms;
  }

  /**
   * A search without facets counts its matches exactly up to this many; past it the total is a
   * lower bound. Far more than anyone pages through, few enough that a common word does not visit
   * every entry of a large archive.
   */
  static final int COUNT_UP_TO = 1000;

  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(ArchiveSearcher.class);

  /**
   * An IndexSearcher that caches, per reader, the facet ordinal maps that counting needs and the
   * whole archive's facet counts.
   */
  private static final class FacetingSearcher extends SearchWorkers.Sliced {
    private final Map<String, Optional<StringDocValuesReaderState>> states =
        new ConcurrentHashMap<>();

    /** The whole archive's facet counts, once counted; this searcher's reader never changes. */
    volatile Browse browse;

    private volatile Boolean vectors;

    FacetingSearcher(IndexReader reader, SearchWorkers workers) {
      super(reader, workers);
    }

    /**
     * Whether this index version holds vectors of {@code embedder}'s model (the import records the
     * model in the commit); an index imported without the model, or by another, is searched by its
     * words only.
     */
    boolean hasVectors(Embedder embedder) {
      if (embedder == null) {
        return false;
      }
      Boolean v = vectors;
      if (v == null) {
        String model = null;
        try {
          if (getIndexReader() instanceof org.apache.lucene.index.DirectoryReader dr) {
            model = dr.getIndexCommit().getUserData().get(Fields.COMMIT_EMBEDDING_MODEL);
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        v =
            EntryDocuments.vectorSource(embedder.model()).equals(model)
                && org.apache.lucene.index.FieldInfos.getMergedFieldInfos(getIndexReader())
                        .fieldInfo(Fields.VECTOR)
                    != null;
        vectors = v;
      }
      return v;
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
    private final SearchWorkers workers;

    FacetingSearcherFactory(SearchWorkers workers) {
      this.workers = workers;
    }

    @Override
    public IndexSearcher newSearcher(IndexReader reader, IndexReader previousReader) {
      return new FacetingSearcher(reader, workers);
    }
  }
}
