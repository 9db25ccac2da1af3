package org.qarchive.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FilterDirectory;
import org.qarchive.archive.QaEntry;
import org.qarchive.embedding.Embedder;
import org.qarchive.index.Analysis;
import org.qarchive.index.ArchiveWriter;
import org.qarchive.search.ArchiveSearcher;
import org.qarchive.search.Ranking;
import org.qarchive.search.RankingMode;
import org.qarchive.search.SearchHit;
import org.qarchive.search.SearchRequest;
import org.qarchive.search.SearchResult;
import org.qarchive.search.Synonyms;

/**
 * An evaluation corpus indexed in memory with the real schema and analysis, searched through {@link
 * ArchiveSearcher#search} exactly as the API searches, to produce TREC runs and typo-robustness
 * figures.
 */
public final class Evaluation implements AutoCloseable {

  /** Depth of a run, per query. */
  public static final int DEPTH = 100;

  private static final int PAGE = 50;

  private final ByteBuffersDirectory directory;
  private final Analysis analysis;
  private final int indexed;
  private final int skipped;

  private Evaluation(ByteBuffersDirectory directory, Analysis analysis, int indexed, int skipped) {
    this.directory = directory;
    this.analysis = analysis;
    this.indexed = indexed;
    this.skipped = skipped;
  }

  /**
   * Indexes a JSON Lines corpus ({@code id, title, question, answer, url}; other keys ignored) with
   * {@code analysis}. Documents with neither question nor answer are skipped and counted.
   */
  public static Evaluation index(Path corpus, Analysis analysis) throws IOException {
    return index(corpus, analysis, null);
  }

  /**
   * Indexes a JSON Lines corpus as {@link #index(Path, Analysis)} does, each entry with its vector
   * from {@code embedder} (null: no vectors, lexical ranking only).
   */
  public static Evaluation index(Path corpus, Analysis analysis, Embedder embedder)
      throws IOException {
    ByteBuffersDirectory dir = new ByteBuffersDirectory();
    ObjectMapper json = new ObjectMapper();
    int indexed = 0;
    int skipped = 0;
    try (ArchiveWriter writer = new ArchiveWriter(corpus, keepOpen(dir), analysis, embedder);
        BufferedReader r = Files.newBufferedReader(corpus, StandardCharsets.UTF_8)) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode d = json.readTree(line);
        String question = text(d, "question");
        String answer = text(d, "answer");
        if (question.isBlank() && answer.isBlank() || text(d, "id").isBlank()) {
          skipped++;
          continue;
        }
        writer.upsert(
            new QaEntry(
                text(d, "id"),
                text(d, "url"),
                text(d, "title"),
                question,
                null,
                answer,
                null,
                null,
                null,
                List.of(),
                List.of(),
                corpus.getFileName().toString()));
        indexed++;
      }
      writer.commit(null);
    }
    return new Evaluation(dir, analysis, indexed, skipped);
  }

  private static String text(JsonNode d, String key) {
    JsonNode v = d.get(key);
    return v == null || v.isNull() ? "" : v.asText();
  }

  /** Number of documents indexed. */
  public int indexed() {
    return indexed;
  }

  /** Number of documents skipped for having neither question nor answer. */
  public int skipped() {
    return skipped;
  }

  /** A searcher over the corpus with these synonyms and this ranking; close it after use. */
  public ArchiveSearcher searcher(Synonyms synonyms, Ranking ranking) throws IOException {
    return offline(new ArchiveSearcher(keepOpen(directory), analysis, synonyms, ranking));
  }

  /**
   * {@code s} without the serving time budget: an evaluation measures the ranking, which a loaded
   * host would otherwise cut short.
   */
  private static ArchiveSearcher offline(ArchiveSearcher s) {
    s.searchBudget(60_000);
    return s;
  }

  /**
   * A searcher over the corpus that ranks as {@code mode} says, by meaning with {@code embedder}
   * (the one the corpus was indexed with); close it after use.
   */
  public ArchiveSearcher searcher(
      Synonyms synonyms, Ranking ranking, Embedder embedder, RankingMode mode) throws IOException {
    return offline(
        new ArchiveSearcher(keepOpen(directory), analysis, synonyms, ranking, embedder, mode));
  }

  /**
   * The top {@value #DEPTH} of every query as run lines, in ranked order (scores falling with
   * rank).
   */
  public static List<TrecMetrics.RunLine> run(ArchiveSearcher searcher, Map<String, String> queries)
      throws IOException {
    return run(searcher, queries, DEPTH);
  }

  /**
   * The top {@code depth} of every query as run lines, in ranked order. The score column is {@code
   * depth - rank + 1}: folded near duplicates have no score of their own, and this keeps trec_eval
   * from reordering the page order.
   */
  public static List<TrecMetrics.RunLine> run(
      ArchiveSearcher searcher, Map<String, String> queries, int depth) throws IOException {
    List<TrecMetrics.RunLine> run = new ArrayList<>();
    for (var q : queries.entrySet()) {
      List<String> ids = top(searcher, q.getValue(), depth, false);
      for (int i = 0; i < ids.size(); i++) {
        run.add(new TrecMetrics.RunLine(q.getKey(), ids.get(i), i + 1, depth - i));
      }
    }
    return run;
  }

  /**
   * The ids of the first {@code n} results as a reader of the pages would meet them: each hit, then
   * the near duplicates folded under it.
   */
  public static List<String> top(ArchiveSearcher searcher, String query, int n, boolean exact)
      throws IOException {
    Set<String> ids = new LinkedHashSet<>();
    for (int page = 1; ids.size() < n && page <= SearchRequest.MAX_PAGE; page++) {
      SearchResult r =
          searcher.search(
              new SearchRequest(
                  query, page, Math.min(PAGE, n), SearchRequest.Sort.RELEVANCE, null, exact));
      if (r.hits().isEmpty()) {
        break;
      }
      for (SearchHit h : r.hits()) {
        ids.add(h.id());
        ids.addAll(h.similarIds());
      }
    }
    return ids.stream().limit(n).toList();
  }

  /** Reads {@code qid<TAB>text} lines, in file order. */
  public static Map<String, String> readQueries(Path file) throws IOException {
    Map<String, String> q = new LinkedHashMap<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      int tab = line.indexOf('\t');
      if (tab > 0) {
        q.put(line.substring(0, tab).strip(), line.substring(tab + 1).strip());
      }
    }
    return q;
  }

  /** Writes a run as {@code qid Q0 docid rank score tag} lines. */
  public static void writeRun(List<TrecMetrics.RunLine> run, Path file) throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (TrecMetrics.RunLine l : run) {
        w.write(
            String.format(
                Locale.ROOT,
                "%s Q0 %s %d %.4f qarchive%n",
                l.qid(),
                l.docid(),
                l.rank(),
                l.score()));
      }
    }
  }

  /**
   * How well misspelled queries find what their correct spelling finds.
   *
   * @param pairs misspelled-correct pairs checked
   * @param sameTop10 pairs whose misspelling's top 10 holds the same entries as the correct
   *     spelling's
   * @param misses the misspellings that did not
   * @param offered of the misses, those whose search offered the correct spelling ("did you mean")
   */
  public record TypoReport(int pairs, int sameTop10, List<String> misses, int offered) {
    /** Share of pairs with the same top 10. */
    public double share() {
      return pairs == 0 ? 0 : sameTop10 / (double) pairs;
    }
  }

  /**
   * Reads {@code misspelled<TAB>correct} lines ({@code #} comments) and compares the two top 10s.
   */
  public static TypoReport typos(ArchiveSearcher searcher, Path file) throws IOException {
    int pairs = 0;
    int same = 0;
    int offered = 0;
    List<String> misses = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] p = line.split("\t");
      if (p.length < 2) {
        throw new IOException(file + ": expected 'misspelled<TAB>correct' in: " + line);
      }
      pairs++;
      Set<String> typo = new LinkedHashSet<>(top(searcher, p[0], 10, false));
      Set<String> right = new LinkedHashSet<>(top(searcher, p[1], 10, true));
      if (typo.equals(right)) {
        same++;
      } else {
        misses.add(p[0]);
        String suggested = searcher.search(SearchRequest.of(p[0])).suggestedQuery();
        if (suggested != null && suggested.equalsIgnoreCase(p[1])) {
          offered++;
        }
      }
    }
    return new TypoReport(pairs, same, misses, offered);
  }

  /**
   * How often the speller touches correctly spelled queries.
   *
   * @param queries correctly spelled queries checked
   * @param replaced those searched as something else (the search said "showing results for")
   * @param offered those searched as typed with a "did you mean" offered
   * @param touched each query the speller touched, with what it made of it
   */
  public record FalseCorrectionReport(
      int queries, int replaced, int offered, List<String> touched) {
    /** Share of queries the speller replaced or offered a correction for. */
    public double share() {
      return queries == 0 ? 0 : (replaced + offered) / (double) queries;
    }
  }

  /**
   * Reads correctly spelled queries (one a line, {@code #} comments) and counts those the speller
   * corrects or offers a correction for: each is a false correction.
   */
  public static FalseCorrectionReport falseCorrections(ArchiveSearcher searcher, Path file)
      throws IOException {
    int queries = 0;
    int replaced = 0;
    int offered = 0;
    List<String> touched = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String q = line.strip();
      if (q.isEmpty() || q.startsWith("#")) {
        continue;
      }
      queries++;
      SearchResult r = searcher.search(SearchRequest.of(q));
      if (r.correctedQuery() != null) {
        replaced++;
        touched.add(q + " -> " + r.correctedQuery());
      } else if (r.suggestedQuery() != null) {
        offered++;
        touched.add(q + " -> did you mean " + r.suggestedQuery());
      }
    }
    return new FalseCorrectionReport(queries, replaced, offered, touched);
  }

  private static Directory keepOpen(Directory d) {
    return new FilterDirectory(d) {
      @Override
      public void close() {
        // the evaluation owns the directory and closes it once
      }
    };
  }

  @Override
  public void close() throws IOException {
    directory.close();
  }
}
