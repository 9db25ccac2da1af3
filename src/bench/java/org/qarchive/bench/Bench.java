package org.qarchive.bench;

import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.qarchive.search.ArchiveSearcher;
import org.qarchive.web.WebConfig;
import org.qarchive.web.WebServer;

/**
 * The whole benchmark, top-down: import, search in process, search over HTTP, autocomplete, start
 * and memory.
 */
public final class Bench {

  /** Least warm-up of the first index's search phase, in seconds (see where it is used). */
  private static final double SEARCH_WARMUP_SECONDS = 5;

  private Bench() {}

  public static BenchReport run(BenchOptions o, PrintWriter log) throws Exception {
    BenchReport report = new BenchReport();
    report.meta("date", LocalDate.now(ZoneId.systemDefault()).toString());
    report.meta("mode", o.mode());
    report.meta("cores", Runtime.getRuntime().availableProcessors());
    report.meta("jdk", Runtime.version().toString());
    report.meta("max_heap_mb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
    report.meta("seed", o.seed());
    report.meta("sizes", o.sizes());
    report.meta("seconds_per_phase", o.seconds());
    double warmup = o.seconds() / 2;

    Path pages = o.pagesDir();
    if (pages == null && o.pagesToGenerate() > 0) {
      pages =
          ImportBench.generatePages(
              o.makeArchive(), o.workDir(), o.pagesToGenerate(), o.seed(), log);
    }
    if (pages == null) {
      report.skip("import", "no --pages-dir and nothing to generate");
    } else {
      report.meta("pages_dir", pages.toString());
      ImportBench.run(report, pages, o.workDir(), o.threads(), log);
    }

    List<String> queries =
        o.queriesFile() == null ? BenchQueries.builtIn() : BenchQueries.load(o.queriesFile());
    report.meta(
        "queries",
        o.queriesFile() == null ? "built-in " + BenchQueries.BUILT_IN : o.queriesFile().toString());
    report.meta("query_count", queries.size());
    CorpusGenerator gen = new CorpusGenerator(CorpusGenerator.loadMedquad(o.medquad()), o.seed());
    Path smallIndex = null;
    for (int size : o.sizes()) {
      Path index = BenchIndex.obtain(o.workDir(), gen, size, log);
      smallIndex = smallIndex == null ? index : smallIndex;
      log.printf(Locale.ROOT, "search: %s entries ...%n", SearchBench.label(size));
      log.flush();
      try (ArchiveSearcher searcher = new ArchiveSearcher(index)) {
        // the first index warms the JIT: on two cores its optimizing compiles of the scorers and
        // the highlighter
        // go on for about five seconds of searching (p50 1.36 ms after 2 s, 0.99 ms after 5 s), and
        // a server that
        // has answered a few thousand searches runs the compiled code
        double searchWarmup =
            index == smallIndex ? Math.max(warmup, SEARCH_WARMUP_SECONDS) : warmup;
        SearchBench.search(
            report,
            searcher,
            queries,
            size,
            index == smallIndex ? 3 : 1,
            searchWarmup,
            o.seconds());
      }
      SearchBench.floor(report, index, queries, size, warmup, o.seconds());
    }

    int size = o.sizes().get(0);
    String at = SearchBench.label(size);
    List<String> keystrokes = BenchQueries.keystrokes(queries, 30);
    try (ArchiveSearcher searcher = new ArchiveSearcher(smallIndex);
        WebServer server =
            new WebServer(searcher, new WebConfig("127.0.0.1", 0, List.of(), null)).start()) {
      log.printf(Locale.ROOT, "autocomplete: %s entries ...%n", at);
      log.flush();
      Latencies inProcess =
          SearchBench.suggest(report, searcher, keystrokes, size, warmup, o.seconds());
      if (HttpBench.hasSuggest(server.port())) {
        Latencies http = HttpBench.suggest(server.port(), keystrokes, warmup, o.seconds());
        report.addAtMost(
            "autocomplete",
            "http_p99_ms_" + at,
            "/api/suggest p99 per keystroke, " + at,
            http.percentileMs(99),
            "ms",
            5);
        report.add(
            "autocomplete",
            "http_overhead_p50_ms",
            "/api/suggest over in process at p50",
            http.percentileMs(50) - inProcess.percentileMs(50),
            "ms");
      } else {
        report.note(
            "autocomplete", "the server has no /api/suggest (404): only the in-process figure");
      }

      log.printf(Locale.ROOT, "http: %s entries, 1, 2 and 8 clients ...%n", at);
      log.flush();
      double httpP50 =
          HttpBench.search(report, server.port(), queries, List.of(1, 2, 8), warmup, o.seconds());
      // the in-process reference is taken again here, as warm as the server: the search section ran
      // earlier,
      // with a colder JIT, and on a shared machine minutes apart are different machines
      double inP50 = SearchBench.onePass(searcher, queries).percentileMs(50);
      report.add("http", "in_process_p50_ms", "in-process p50 right after, same JVM", inP50, "ms");
      report.add(
          "http",
          "p50_difference_ms",
          "/api/search p50 less the in-process p50 (two runs; noisier)",
          httpP50 - inP50,
          "ms");
    }

    Path jar = runningJar();
    if (!o.startServer()) {
      report.skip("start_memory", "not asked for (--no-start)");
    } else if (jar == null) {
      report.skip("start_memory", "not running from the jar; run ./qarchive bench");
    } else {
      Path java =
          Path.of(
              ProcessHandle.current()
                  .info()
                  .command()
                  .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
      StartBench.run(report, java, jar, smallIndex, o.workDir(), queries, o.seconds(), log);
    }
    return report;
  }

  /**
   * Generates {@code pages} pages with make-archive under {@code workDir}, unless they are there
   * already.
   */
  public static Path generatePages(
      Path makeArchive, Path workDir, int pages, long seed, PrintWriter log) throws Exception {
    return ImportBench.generatePages(makeArchive, workDir, pages, seed, log);
  }

  /** The jar this code runs from, or null when it runs from classes (tests, an IDE). */
  public static Path runningJar() throws URISyntaxException {
    var source = Bench.class.getProtectionDomain().getCodeSource();
    if (source == null) {
      return null;
    }
    Path p = Path.of(source.getLocation().toURI());
    return Files.isRegularFile(p) && p.toString().endsWith(".jar") ? p : null;
  }
}
