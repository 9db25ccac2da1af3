package org.qarchive.bench;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.qarchive.cli.BadInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code qarchive bench}: measures import, search, HTTP, autocomplete, start-up and memory; prints
 * and saves.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Measure speed: importing, searching, autocomplete, and the server's start-up and memory.",
      "Import pages/s against the jsoup ceiling, search latency in process and over HTTP, autocomplete"
          + " per keystroke, start-up time and memory of the server. Prints a table, writes JSON.",
      "--quick (default) takes under 2 minutes; --full adds a 1,000,000-entry index and a 10,000-page"
          + " import."
    })
public final class BenchCommand implements Callable<Integer> {

  @Option(
      names = "--quick",
      description = "20,000 entries, 2,000 generated pages, 4 s phases (default).")
  boolean quick;

  @Option(
      names = "--full",
      description = "20,000 and 1,000,000 entries, 10,000 generated pages, 10 s phases.")
  boolean full;

  @Option(
      names = "--pages-dir",
      paramLabel = "DIR",
      description = "Archived pages to import instead of generated.")
  Path pagesDir;

  @Option(
      names = "--pages",
      paramLabel = "N",
      description = "Pages to generate with make-archive; 0 skips import.")
  Integer pages;

  @Option(
      names = "--queries",
      paramLabel = "FILE",
      description = "Queries to replay, one a line or id<TAB>text (default: the built-in set).")
  Path queries;

  @Option(
      names = "--entries",
      paramLabel = "N",
      split = ",",
      description = "Index sizes to search instead of the mode's, e.g. 500 or 20000,200000.")
  List<Integer> entries;

  @Option(
      names = "--seconds",
      paramLabel = "S",
      description = "Measuring time of each phase; warm-ups take half.")
  Double seconds;

  @Option(
      names = "--seed",
      defaultValue = "42",
      description = "Seed of generated pages and entries (default: 42).")
  long seed;

  @Option(names = "--no-start", description = "Do not launch the server as a child process.")
  boolean noStart;

  @Option(
      names = "--load",
      description = {
        "Run the load test instead: a -Xmx256m server over 20,000 entries, 32 connections for 60 s each while idle,",
        "while an import runs and while 4 more connections send hostile queries (--connections, --hostile, --seconds)."
      })
  boolean load;

  @Option(
      names = "--hybrid",
      description = {
        "Measure hybrid ranking instead: MedQuAD's answers imported with vectors (answers/s), then the MEDIQA",
        "questions over HTTP with 2 clients, hybrid and lexical (p50, p99, requests/s: the median of three rounds",
        "of --seconds each, after warming up until the CPU per request settles), SQLite FTS5 over the same answers",
        "in process (its rounds alternating with the hybrid ones, and the hybrid rate as a multiple of its rate),",
        "and the resident memory."
      })
  boolean hybrid;

  @Option(
      names = "--connections",
      defaultValue = "32",
      description = "Load test: search connections (default: ${DEFAULT-VALUE}).")
  int connections;

  @Option(
      names = "--hostile",
      defaultValue = "4",
      description = "Load test: hostile connections (default: ${DEFAULT-VALUE}).")
  int hostile;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      defaultValue = "bench-out/bench.json",
      description = "Where the JSON goes (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(
      names = "--work-dir",
      paramLabel = "DIR",
      defaultValue = "bench-out",
      description = "Cached indexes, generated pages and logs (default: ${DEFAULT-VALUE}).")
  Path workDir;

  @Option(
      names = "--medquad",
      paramLabel = "FILE",
      description =
          "MedQuAD JSON Lines grown into the benchmark corpus (default: <shared>/data/medquad/medquad.jsonl).")
  Path medquad;

  @Option(
      names = "--make-archive",
      paramLabel = "FILE",
      description = "The page generator (default: <shared>/tools/make-archive).")
  Path makeArchive;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (quick && full) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--quick and --full exclude each other");
    }
    Path shared = Path.of(System.getProperty("qarchive.shared", "../shared"));
    Path corpus = medquad != null ? medquad : shared.resolve("data/medquad/medquad.jsonl");
    if (!Files.isRegularFile(corpus)) {
      throw new BadInputException("no MedQuAD file at " + corpus + "; pass --medquad FILE");
    }
    if (pagesDir != null && !Files.isDirectory(pagesDir)) {
      throw new BadInputException("no such folder: " + pagesDir);
    }
    if (queries != null && !Files.isRegularFile(queries)) {
      throw new BadInputException("no such query file: " + queries);
    }
    if (load) {
      return loadTest(shared, corpus);
    }
    if (hybrid) {
      Path questions = shared.resolve("data/eval/mediqa-qa/queries.tsv");
      if (queries != null) {
        questions = queries;
      }
      if (!Files.isRegularFile(questions)) {
        throw new BadInputException(
            "no MEDIQA questions at " + questions + "; pass --queries FILE");
      }
      BenchReport report = new BenchReport(List.of(HybridBench.SECTION));
      report.meta("date", java.time.LocalDate.now(java.time.ZoneId.systemDefault()).toString());
      report.meta("cores", Runtime.getRuntime().availableProcessors());
      Files.createDirectories(workDir);
      HybridBench.run(
          report,
          corpus,
          questions,
          workDir,
          seconds != null ? seconds : 10,
          spec.commandLine().getErr());
      PrintWriter o = spec.commandLine().getOut();
      report.print(o);
      Path file =
          out.toString().equals("bench-out/bench.json") ? workDir.resolve("hybrid.json") : out;
      report.write(file);
      o.println("written to " + file);
      o.flush();
      return 0;
    }
    BenchOptions options =
        new BenchOptions(
            full ? "full" : "quick",
            pagesDir,
            pages != null ? pages : full ? 10_000 : 2_000,
            queries,
            corpus,
            makeArchive != null ? makeArchive : shared.resolve("tools/make-archive"),
            workDir,
            entries != null && !entries.isEmpty()
                ? entries
                : full ? List.of(20_000, 1_000_000) : List.of(20_000),
            seconds != null ? seconds : full ? 10 : 4,
            seed,
            !noStart,
            Runtime.getRuntime().availableProcessors());
    PrintWriter o = spec.commandLine().getOut();
    PrintWriter log = spec.commandLine().getErr();
    BenchReport report = Bench.run(options, log);
    report.print(o);
    report.write(out);
    o.println("written to " + out);
    o.flush();
    return 0;
  }

  private int loadTest(Path shared, Path corpus) throws Exception {
    Path jar = Bench.runningJar();
    if (jar == null) {
      throw new BadInputException(
          "the load test launches the jar; run it as ./qarchive bench --load");
    }
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Path pages =
        pagesDir != null
            ? pagesDir
            : Bench.generatePages(
                makeArchive != null ? makeArchive : shared.resolve("tools/make-archive"),
                workDir,
                2_000,
                seed,
                spec.commandLine().getErr());
    int size = entries != null && !entries.isEmpty() ? entries.get(0) : 20_000;
    var options =
        new LoadTest.Options(
            workDir,
            corpus,
            pages,
            size,
            connections,
            hostile,
            seconds != null ? seconds : 60,
            seed);
    var report = LoadTest.run(options, java, jar, spec.commandLine().getErr());
    PrintWriter o = spec.commandLine().getOut();
    report.print(o);
    Path file = out.toString().equals("bench-out/bench.json") ? workDir.resolve("load.json") : out;
    report.write(file);
    o.println("written to " + file);
    o.flush();
    return 0;
  }
}
