package org.qarchive.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.FSDirectory;
import org.qarchive.search.ArchiveSearcher;
import org.qarchive.search.InvalidQueryException;
import org.qarchive.search.SearchRequest;
import org.qarchive.search.SearchWorkers;

/**
 * Search and autocomplete in process: one thread replaying the queries through {@link
 * ArchiveSearcher}.
 */
final class SearchBench {

  private SearchBench() {}

  /**
   * Replays the queries after a warm-up and records latencies and rate: first page of ten,
   * highlighted, without facets (what the embeddable box and {@code /api/search?facets=0} run; the
   * issue's targets), then the same with facet counts (what the search page runs).
   */
  static void search(
      BenchReport report,
      ArchiveSearcher searcher,
      List<String> queries,
      int entries,
      int warmupPasses,
      double warmup,
      double seconds)
      throws Exception {
    TimedLoop.Op plain = op(searcher, queries, false, null);
    // on two busy cores the JIT needs about three passes before latencies settle; a later, larger
    // index
    // runs the same code and needs only its own pages read in
    TimedLoop.run(1, warmup, (long) warmupPasses * queries.size(), plain);
    Latencies cpu = new Latencies();
    TimedLoop.Result r =
        TimedLoop.run(1, seconds, queries.size(), op(searcher, queries, false, cpu));
    String at = label(entries);
    boolean large = entries > 100_000;
    Latencies l = r.latencies();
    String s = "search";
    String what = at + " entries, in process, no facets";
    if (large) {
      report.add(s, "p50_ms_" + at, "search p50, " + what, l.percentileMs(50), "ms");
    } else {
      report.addAtMost(s, "p50_ms_" + at, "search p50, " + what, l.percentileMs(50), "ms", 1);
    }
    report.add(s, "p95_ms_" + at, "search p95, " + what, l.percentileMs(95), "ms");
    report.addAtMost(
        s, "p99_ms_" + at, "search p99, " + what, l.percentileMs(99), "ms", large ? 50 : 5);
    // the thread's own CPU time per search: what the search costs, without the time other programs
    // on a shared
    // machine held the core (the wall-clock figures above are the ones the targets are about)
    report.add(
        s,
        "cpu_p50_ms_" + at,
        "search p50 in CPU time (this thread's own), " + at,
        cpu.percentileMs(50),
        "ms");
    report.add(
        s,
        "cpu_p99_ms_" + at,
        "search p99 in CPU time (this thread's own), " + at,
        cpu.percentileMs(99),
        "ms");
    report.add(
        s, "per_second_" + at, "searches/s, " + at + " entries, 1 thread", r.perSecond(), "/s");
    report.add(s, "mean_ms_" + at, "search mean, " + at + " entries", l.meanMs(), "ms");
    if (r.errors() > 0) {
      report.note(s, r.errors() + " searches were rejected as invalid at " + at);
    }
    report.note(
        s,
        String.format(
            Locale.ROOT,
            "%s: %,d searches over %d distinct queries in %.1f s after a warm-up of at least %.1f s and %d passes",
            at,
            l.count(),
            queries.size(),
            r.seconds(),
            warmup,
            warmupPasses));

    TimedLoop.Op faceted = op(searcher, queries, true, null);
    TimedLoop.run(1, warmup / 2, queries.size(), faceted);
    Latencies f = TimedLoop.run(1, seconds, queries.size(), faceted).latencies();
    report.add(
        s,
        "facets_p50_ms_" + at,
        "search with facets p50, " + at + " (the search page)",
        f.percentileMs(50),
        "ms");
    report.add(s, "facets_p99_ms_" + at, "search with facets p99, " + at, f.percentileMs(99), "ms");
  }

  /**
   * One search a call; with {@code cpu}, also records the calling thread's CPU time for it (one
   * thread only).
   */
  private static TimedLoop.Op op(
      ArchiveSearcher searcher, List<String> queries, boolean facets, Latencies cpu) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    return (thread, i) -> {
      long cpu0 = cpu == null ? 0 : threads.getCurrentThreadCpuTime();
      try {
        SearchRequest request = SearchRequest.of(queries.get((int) (i % queries.size())));
        searcher.search(facets ? request : request.withoutFacets());
        return true;
      } catch (InvalidQueryException e) {
        return false;
      } finally {
        if (cpu != null) {
          cpu.add(Math.max(0, threads.getCurrentThreadCpuTime() - cpu0));
        }
      }
    };
  }

  /**
   * The floor under a search: the same parsed queries ranked by Lucene alone, top ten, counting
   * hits only up to 1,000 (so block-max pruning may skip the rest), without facets, highlighting or
   * stored fields, in the same slices and threads as the search. The distance between this and
   * {@link #search} is what the search pipeline adds on top of ranking.
   */
  static void floor(
      BenchReport report,
      Path index,
      List<String> queries,
      int entries,
      double warmup,
      double seconds)
      throws Exception {
    try (ArchiveSearcher parser = new ArchiveSearcher(index);
        FSDirectory dir = FSDirectory.open(index);
        DirectoryReader reader = DirectoryReader.open(dir);
        SearchWorkers workers = SearchWorkers.forThisMachine()) {
      IndexSearcher searcher = workers.searcher(reader);
      TimedLoop.Op op =
          (thread, i) -> {
            searcher.search(
                parser.rankingQuery(queries.get((int) (i % queries.size()))),
                new TopScoreDocCollectorManager(10, 1000));
            return true;
          };
      TimedLoop.run(1, warmup, queries.size(), op);
      TimedLoop.Result r = TimedLoop.run(1, seconds, queries.size(), op);
      String at = label(entries);
      report.add(
          "search",
          "floor_p50_ms_" + at,
          "floor: Lucene top-10 ranking alone p50, " + at,
          r.latencies().percentileMs(50),
          "ms");
      report.add(
          "search",
          "floor_p99_ms_" + at,
          "floor: Lucene top-10 ranking alone p99, " + at,
          r.latencies().percentileMs(99),
          "ms");
    }
  }

  /**
   * One pass over the queries (with facets, as {@code /api/search} runs them by default), for a
   * reference.
   */
  static Latencies onePass(ArchiveSearcher searcher, List<String> queries) throws Exception {
    return TimedLoop.run(1, 1e-9, queries.size(), op(searcher, queries, true, null)).latencies();
  }

  /**
   * Replays every prefix of the queries, keystroke by keystroke, through {@link
   * ArchiveSearcher#suggest}.
   */
  static Latencies suggest(
      BenchReport report,
      ArchiveSearcher searcher,
      List<String> keystrokes,
      int entries,
      double warmup,
      double seconds)
      throws Exception {
    TimedLoop.Op op =
        (thread, i) -> {
          searcher.suggest(keystrokes.get((int) (i % keystrokes.size())), 8);
          return true;
        };
    TimedLoop.run(1, warmup, keystrokes.size(), op);
    TimedLoop.Result r = TimedLoop.run(1, seconds, keystrokes.size(), op);
    String at = label(entries);
    String s = "autocomplete";
    report.add(
        s,
        "p50_ms_" + at,
        "suggest p50 per keystroke, " + at + ", in process",
        r.latencies().percentileMs(50),
        "ms");
    report.addAtMost(
        s,
        "p99_ms_" + at,
        "suggest p99 per keystroke, " + at + ", in process",
        r.latencies().percentileMs(99),
        "ms",
        5);
    report.add(s, "per_second_" + at, "suggestions/s, " + at + ", 1 thread", r.perSecond(), "/s");
    return r.latencies();
  }

  static String label(int entries) {
    if (entries >= 1_000_000 && entries % 1_000_000 == 0) {
      return entries / 1_000_000 + "M";
    }
    if (entries >= 1000 && entries % 1000 == 0) {
      return entries / 1000 + "k";
    }
    return Integer.toString(entries);
  }
}
