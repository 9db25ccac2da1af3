package org.qarchive.eval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.qarchive.index.Analysis;
import org.qarchive.search.ArchiveSearcher;
import org.qarchive.search.Ranking;
import org.qarchive.search.Synonyms;

/**
 * Not a test: the grid search behind {@link Ranking#DEFAULT} and the analysis comparison, kept so
 * it can be repeated. Run from the test class path:
 *
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat cp.txt) org.qarchive.eval.GridSearch STEMMER STOPWORDS
 * SYNONYMS(yes|no) "title,question,answer,tie,synonym,proximity,slop,phrase,allUpTo,most,common" ...
 * </pre>
 */
public final class GridSearch {

  private GridSearch() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(System.getProperty("mediqa", "../shared/data/eval/mediqa-qa"));
    Analysis analysis =
        new Analysis(Analysis.Stemmer.valueOf(args[0]), Analysis.Stopwords.valueOf(args[1]));
    Synonyms synonyms = args[2].equals("yes") ? Synonyms.load(null, analysis) : Synonyms.none();
    Map<String, String> queries = Evaluation.readQueries(dir.resolve("queries.tsv"));
    TrecMetrics.Qrels qrels = TrecMetrics.Qrels.read(dir.resolve("qrels.txt"));
    List<String> specs = new ArrayList<>(List.of(args).subList(3, args.length));
    if (specs.isEmpty()) {
      specs.add(spec(Ranking.DEFAULT));
    }
    try (Evaluation eval = Evaluation.index(dir.resolve("corpus.jsonl"), analysis)) {
      for (String spec : specs) {
        String[] p = spec.split(",");
        Ranking r =
            new Ranking(
                f(p[0]),
                f(p[1]),
                f(p[2]),
                f(p[3]),
                f(p[4]),
                f(p[5]),
                Integer.parseInt(p[6]),
                f(p[7]),
                Integer.parseInt(p[8]),
                f(p[9]),
                f(p[10]));
        try (ArchiveSearcher s = eval.searcher(synonyms, r)) {
          TrecMetrics.Scores scores = TrecMetrics.score(qrels, Evaluation.run(s, queries), null);
          System.out.printf(
              Locale.ROOT, "%s %s syn=%s [%s] %s%n", args[0], args[1], args[2], spec, scores);
        }
      }
    }
  }

  static String spec(Ranking r) {
    return r.title()
        + ","
        + r.question()
        + ","
        + r.answer()
        + ","
        + r.tie()
        + ","
        + r.synonymBoost()
        + ","
        + r.proximityBoost()
        + ","
        + r.slop()
        + ","
        + r.phraseBoost()
        + ","
        + r.allWordsUpTo()
        + ","
        + r.mostWords()
        + ","
        + r.commonWordRatio();
  }

  private static float f(String s) {
    return Float.parseFloat(s);
  }
}
