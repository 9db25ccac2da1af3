package org.qarchive.eval;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.qarchive.SharedData;
import org.qarchive.index.Analysis;
import org.qarchive.search.ArchiveSearcher;
import org.qarchive.search.Ranking;
import org.qarchive.search.Synonyms;

/**
 * Guards the ranking against regressions on the MEDIQA dev set and the typo set: the floors are
 * what the shipped analysis, synonyms and ranking reached, minus a small margin.
 */
class MediqaEvalTest {

  /**
   * Reached 0.7573 with the shipped settings; the best lexical baseline (SQLite FTS5) has 0.529.
   */
  static final double NDCG10_FLOOR = 0.745;

  /**
   * Reached 65 of 66 (98.5%) with the shipped synonyms file, and 64 of 66 (97.0%) since a real
   * English word is never replaced ("Prostrate Cancer" is offered "prostate cancer" instead).
   */
  static final double TYPO_FLOOR = 0.93;

  /** Correctly spelled queries the speller may touch at most: the bound. */
  static final double FALSE_CORRECTION_CEILING = 0.01;

  /**
   * Hybrid ranking (words and meaning, the shipped model and fusion) reaches 0.8320 here (0.8294
   * before the second fusion toward the five best answers, 0.8232 when an entry's vector read its
   * text alone; the goal is 0.83); the margin allows for the model's arithmetic differing a little
   * between CPUs.
   */
  static final double HYBRID_NDCG10_FLOOR = 0.81;

  static Evaluation eval;
  static ArchiveSearcher searcher;
  static Path dir;

  @BeforeAll
  static void index() throws Exception {
    dir = SharedData.require("data/eval/mediqa-qa");
    eval = Evaluation.index(dir.resolve("corpus.jsonl"), Analysis.DEFAULT);
    searcher = eval.searcher(Synonyms.load(null, Analysis.DEFAULT), Ranking.DEFAULT);
  }

  @AfterAll
  static void close() throws Exception {
    if (searcher != null) {
      searcher.close();
    }
    if (eval != null) {
      eval.close();
    }
  }

  @Test
  void ndcgAt10StaysAboveTheFloorReachedWhenTuning() throws Exception {
    List<TrecMetrics.RunLine> run =
        Evaluation.run(searcher, Evaluation.readQueries(dir.resolve("queries.tsv")), 10);
    TrecMetrics.Scores s =
        TrecMetrics.score(TrecMetrics.Qrels.read(dir.resolve("qrels.txt")), run, null);
    System.out.println("MEDIQA dev: " + s);
    assertTrue(s.ndcg10() >= NDCG10_FLOOR, s.toString());
  }

  @Test
  void hybridRankingStaysAboveItsFloor() throws Exception {
    try (org.qarchive.embedding.Embedder embedder = org.qarchive.embedding.Embedder.load();
        Evaluation withVectors =
            Evaluation.index(dir.resolve("corpus.jsonl"), Analysis.DEFAULT, embedder);
        ArchiveSearcher hybrid =
            withVectors.searcher(
                Synonyms.load(null, Analysis.DEFAULT),
                Ranking.DEFAULT,
                embedder,
                org.qarchive.search.RankingMode.HYBRID)) {
      List<TrecMetrics.RunLine> run =
          Evaluation.run(hybrid, Evaluation.readQueries(dir.resolve("queries.tsv")), 10);
      TrecMetrics.Scores s =
          TrecMetrics.score(TrecMetrics.Qrels.read(dir.resolve("qrels.txt")), run, null);
      System.out.println("MEDIQA dev, hybrid: " + s);
      assertTrue(s.ndcg10() >= HYBRID_NDCG10_FLOOR, s.toString());
    }
  }

  @Test
  void misspelledQueriesFindWhatTheCorrectSpellingFinds() throws Exception {
    Path typos = Path.of(MediqaEvalTest.class.getResource("/typos/typos.tsv").toURI());
    Evaluation.TypoReport r = Evaluation.typos(searcher, typos);
    System.out.printf(
        Locale.ROOT,
        "typos: %d of %d (%.1f%%) same top 10; differ: %s%n",
        r.sameTop10(),
        r.pairs(),
        100 * r.share(),
        r.misses());
    assertTrue(r.share() >= TYPO_FLOOR, r.toString());
  }

  @Test
  void correctlySpelledLayQueriesAreAlmostNeverCorrected() throws Exception {
    Path correct =
        Path.of(MediqaEvalTest.class.getResource("/spelling/correct-queries.txt").toURI());
    Evaluation.FalseCorrectionReport r = Evaluation.falseCorrections(searcher, correct);
    System.out.printf(
        Locale.ROOT,
        "false corrections: %d of %d (%.1f%%): %s%n",
        r.replaced() + r.offered(),
        r.queries(),
        100 * r.share(),
        r.touched());
    assertTrue(r.queries() >= 200, "at least 200 queries: " + r.queries());
    assertTrue(r.share() <= FALSE_CORRECTION_CEILING, r.toString());
  }
}
