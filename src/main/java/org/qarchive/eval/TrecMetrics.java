package org.qarchive.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * TREC-style scoring that agrees with {@code shared/tools/trec-eval}: nDCG@10 with linear gain and
 * the ideal ranking from all judged documents, MAP@100, P@5, MRR@10 and Recall@100, relevance
 * meaning grade &ge; 1. Runs are ordered as trec_eval orders them (score as a C float, descending,
 * ties by docid descending); a judged query missing from the run scores 0.
 */
public final class TrecMetrics {

  /** Grades per document per query. */
  public record Qrels(Map<String, Map<String, Integer>> byQuery) {

    /** Reads {@code qid iter docid grade} lines; a repeated judgment keeps the higher grade. */
    public static Qrels read(Path file) throws IOException {
      Map<String, Map<String, Integer>> m = new LinkedHashMap<>();
      try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        String line;
        int n = 0;
        while ((line = r.readLine()) != null) {
          n++;
          String[] p = line.trim().split("\\s+");
          if (p.length == 1 && p[0].isEmpty()) {
            continue;
          }
          if (p.length != 4) {
            throw new IOException(file + ":" + n + ": expected 'qid iter docid grade'");
          }
          m.computeIfAbsent(p[0], k -> new HashMap<>())
              .merge(p[2], Integer.parseInt(p[3]), Math::max);
        }
      }
      return new Qrels(m);
    }
  }

  /** One line of a run. */
  public record RunLine(String qid, String docid, int rank, double score) {}

  /** Mean scores over the judged queries that have a relevant document. */
  public record Scores(
      double ndcg10, double map100, double p5, double mrr10, double recall100, int queries) {
    @Override
    public String toString() {
      return String.format(
          java.util.Locale.ROOT,
          "nDCG@10 %.4f  MAP@100 %.4f  P@5 %.4f  MRR@10 %.4f  Recall@100 %.4f  (%d queries)",
          ndcg10,
          map100,
          p5,
          mrr10,
          recall100,
          queries);
    }
  }

  private TrecMetrics() {}

  /** Scores a run; per-query values go to {@code perQuery} when it is not null. */
  public static Scores score(Qrels qrels, List<RunLine> run, Map<String, Double> perQueryNdcg) {
    Map<String, List<RunLine>> byQuery = new HashMap<>();
    Set<String> seen = new HashSet<>();
    for (RunLine l : run) {
      if (seen.add(l.qid() + "\u0000" + l.docid())) {
        byQuery.computeIfAbsent(l.qid(), k -> new ArrayList<>()).add(l);
      }
    }
    double ndcg = 0, map = 0, p5 = 0, mrr = 0, recall = 0;
    int n = 0;
    for (var e : qrels.byQuery().entrySet()) {
      Map<String, Integer> rel = e.getValue();
      long relevant = rel.values().stream().filter(g -> g >= 1).count();
      if (relevant == 0) {
        continue;
      }
      n++;
      List<RunLine> lines = new ArrayList<>(byQuery.getOrDefault(e.getKey(), List.of()));
      lines.sort(
          Comparator.comparingDouble((RunLine l) -> (float) l.score())
              .reversed()
              .thenComparing(RunLine::docid, Comparator.reverseOrder()));
      List<String> ranking = lines.stream().map(RunLine::docid).toList();
      double dcg = 0;
      for (int i = 0; i < Math.min(10, ranking.size()); i++) {
        dcg += Math.max(0, rel.getOrDefault(ranking.get(i), 0)) / log2(i + 2);
      }
      List<Integer> ideal =
          rel.values().stream().map(g -> Math.max(0, g)).sorted(Comparator.reverseOrder()).toList();
      double idcg = 0;
      for (int i = 0; i < Math.min(10, ideal.size()); i++) {
        idcg += ideal.get(i) / log2(i + 2);
      }
      double q = idcg > 0 ? dcg / idcg : 0;
      ndcg += q;
      if (perQueryNdcg != null) {
        perQueryNdcg.put(e.getKey(), q);
      }
      int hits = 0;
      double ap = 0;
      double rr = 0;
      int top5 = 0;
      for (int i = 0; i < Math.min(100, ranking.size()); i++) {
        if (rel.getOrDefault(ranking.get(i), 0) >= 1) {
          hits++;
          ap += hits / (double) (i + 1);
          if (i < 10 && rr == 0) {
            rr = 1.0 / (i + 1);
          }
          if (i < 5) {
            top5++;
          }
        }
      }
      map += ap / relevant;
      mrr += rr;
      p5 += top5 / 5.0;
      recall += hits / (double) relevant;
    }
    return n == 0
        ? new Scores(0, 0, 0, 0, 0, 0)
        : new Scores(ndcg / n, map / n, p5 / n, mrr / n, recall / n, n);
  }

  private static double log2(int x) {
    return Math.log(x) / Math.log(2);
  }
}
