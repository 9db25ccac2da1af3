package org.qarchive.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrecMetricsTest {

  static Path resource(String name) throws Exception {
    return Path.of(TrecMetricsTest.class.getResource("/eval/" + name).toURI());
  }

  static List<TrecMetrics.RunLine> readRun(Path file) throws Exception {
    List<TrecMetrics.RunLine> run = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      String[] p = line.split("\\s+");
      run.add(
          new TrecMetrics.RunLine(p[0], p[2], Integer.parseInt(p[3]), Double.parseDouble(p[4])));
    }
    return run;
  }

  /**
   * The expected figures are what {@code shared/tools/trec-eval small-qrels.txt small-run.txt}
   * prints: the run has score ties (broken by docid, descending), a duplicate line, a judged query
   * missing from the run, a query without relevant documents and a query that was never judged.
   */
  @Test
  void scoresEqualTrecEvalOnASmallRunWithTiesDuplicatesAndMissingQueries() throws Exception {
    Map<String, Double> perQuery = new HashMap<>();
    TrecMetrics.Scores s =
        TrecMetrics.score(
            TrecMetrics.Qrels.read(resource("small-qrels.txt")),
            readRun(resource("small-run.txt")),
            perQuery);
    assertEquals(3, s.queries());
    assertEquals(0.2391, s.ndcg10(), 5e-5);
    assertEquals(0.1759, s.map100(), 5e-5);
    assertEquals(0.2000, s.p5(), 5e-5);
    assertEquals(0.2778, s.mrr10(), 5e-5);
    assertEquals(0.3889, s.recall100(), 5e-5);
    assertEquals(0.4776, perQuery.get("q1"), 5e-5);
    assertEquals(0.2398, perQuery.get("q2"), 5e-5);
    assertEquals(0.0, perQuery.get("q3"));
  }
}
