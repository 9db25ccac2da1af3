package org.qarchive.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.qarchive.eval.Evaluation;
import org.qarchive.eval.TrecMetrics;
import org.qarchive.index.Analysis;
import org.qarchive.search.ArchiveSearcher;
import org.qarchive.search.Ranking;
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
    try (Evaluation eval = Evaluation.index(corpus, analysis);
        ArchiveSearcher searcher = eval.searcher(synonyms, Ranking.DEFAULT)) {
      out.printf(
          Locale.ROOT,
          "indexed %d documents (%d skipped: no question or answer); analysis %s, synonyms %s%n",
          eval.indexed(),
          eval.skipped(),
          analysis,
          synonyms.source());
      if (queries != null) {
        Map<String, String> q = Evaluation.readQueries(queries);
        List<TrecMetrics.RunLine> lines = Evaluation.run(searcher, q);
        out.printf(Locale.ROOT, "ran %d queries%n", q.size());
        if (run != null) {
          Evaluation.writeRun(lines, run);
          out.println("run written to " + run);
        }
        if (qrels != null) {
          out.println(TrecMetrics.score(TrecMetrics.Qrels.read(qrels), lines, null));
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
}
