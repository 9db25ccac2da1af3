package org.qarchive.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.qarchive.archive.QaEntry;
import org.qarchive.embedding.Embedder;
import org.qarchive.eval.Evaluation;
import org.qarchive.index.ArchiveWriter;
import org.qarchive.index.Fields;
import org.qarchive.search.ArchiveSearcher;
import org.qarchive.search.RankingMode;
import org.qarchive.search.SearchRequest;
import org.qarchive.web.WebConfig;
import org.qarchive.web.WebServer;

/**
 * The hybrid ranking's goals: MedQuAD's answers imported with vectors (answers/s, embedding on
 * every core), then the real MEDIQA questions over HTTP with two clients against a server ranking
 * by words and meaning and one ranking by words only (the API's default request, facet counts
 * included), SQLite FTS5 over the same answers in process (the baseline of the throughput goal, its
 * rounds alternating with the hybrid ones), and the resident memory of this process while it serves
 * both with the model loaded.
 */
final class HybridBench {

  static final String SECTION = "hybrid";

  private HybridBench() {}

  static void run(
      BenchReport report,
      Path medquad,
      Path questions,
      Path workDir,
      double seconds,
      PrintWriter log)
      throws Exception {
    List<String> queries = new ArrayList<>(Evaluation.readQueries(questions).values());
    report.meta("hybrid_queries", questions + " (" + queries.size() + ")");
    try (Embedder embedder = Embedder.load()) {
      // v3: an entry's vector is the mean of two; an index cached by v2 records another source of
      // its vectors, so it would be searched by words only and measure no hybrid search at all
      Path index = workDir.resolve("medquad-hybrid-v3-schema" + Fields.SCHEMA_VERSION);
      if (!Files.exists(index.resolve("segments_1")) && !hasCommit(index)) {
        List<QaEntry> entries = read(medquad);
        log.printf(
            Locale.ROOT,
            "hybrid: importing %,d MedQuAD answers with vectors ...%n",
            entries.size());
        log.flush();
        long t0 = System.nanoTime();
        try (ArchiveWriter w = new ArchiveWriter(index, embedder)) {
          for (QaEntry e : entries) {
            w.upsert(e);
          }
          w.commit(null);
          log.println(w.embeddingSummary());
        }
        double s = (System.nanoTime() - t0) / 1e9;
        report.addAtLeast(
            SECTION,
            "import_answers_per_s",
            "import with vectors, answers/s (embed + index, one embedding thread per core)",
            entries.size() / s,
            "/s",
            80);
      } else {
        report.note(SECTION, "import: the index of an earlier run was reused (" + index + ")");
      }
      try (ArchiveSearcher hybrid = new ArchiveSearcher(index, null, embedder, RankingMode.HYBRID);
          ArchiveSearcher lexical =
              new ArchiveSearcher(index, null, embedder, RankingMode.LEXICAL);
          WebServer hybridServer =
              new WebServer(hybrid, new WebConfig("127.0.0.1", 0, List.of(), null)).start();
          WebServer lexicalServer =
              new WebServer(lexical, new WebConfig("127.0.0.1", 0, List.of(), null)).start()) {
        report.meta("hybrid_entries", hybrid.count());
        for (ArchiveSearcher searcher : List.of(hybrid, lexical)) {
          cpuPerSearch(report, searcher, queries, log);
        }
        Latencies embedding = new Latencies();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (String q : queries) {
          long cpu0 = threads.getCurrentThreadCpuTime();
          embedder.embedQuery(q);
          embedding.add(threads.getCurrentThreadCpuTime() - cpu0);
        }
        report.add(
            SECTION,
            "cpu_mean_ms_query_vector",
            "embedding a question alone, mean CPU time",
            embedding.meanMs(),
            "ms");
        log.println("hybrid: SQLite FTS5 over the same entries (the goal's baseline) ...");
        log.flush();
        try (Fts5Baseline fts5 = Fts5Baseline.of(read(medquad))) {
          overHttp(report, RankingMode.HYBRID, hybridServer.port(), queries, seconds, fts5, log);
          overHttp(report, RankingMode.LEXICAL, lexicalServer.port(), queries, seconds, null, log);
        }
        report.add(
            SECTION,
            "rss_mb",
            "resident memory of this process (model, both servers, "
                + hybrid.count()
                + " entries, and the FTS5 baseline's table until its last round)",
            residentMb(),
            "MB");
      }
    }
  }

  /**
   * The CPU time of all this process's threads during each search (the search's own thread, the
   * thread that embeds its question and finds the nearest entries beside it, and whatever else the
   * JVM did meanwhile), over the questions as {@code /api/search} asks (first page, facet counts),
   * one search at a time, after warm-up passes until the JIT is done: unlike wall-clock figures it
   * barely moves with other programs' load, and the number of cores divided by its mean is the most
   * searches a second this host can answer.
   */
  private static void cpuPerSearch(
      BenchReport report, ArchiveSearcher searcher, List<String> queries, PrintWriter log)
      throws Exception {
    String m = searcher.ranking().label();
    log.printf(Locale.ROOT, "hybrid: CPU time per search, %s ...%n", m);
    log.flush();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    // warm-up passes until the JIT is done, on the same rule as warmUp's rounds (one pass of
    // warm-up measured a hybrid search at 9.2 ms where the steady state is 6.3 ms, 2026-12-06)
    untilSettled(
        MIN_WARMUP_ROUNDS,
        () -> {
          Latencies warm = new Latencies();
          for (String q : queries) {
            long cpu0 = allThreadsCpu(threads);
            searcher.search(SearchRequest.of(q));
            warm.add(Math.max(0, allThreadsCpu(threads) - cpu0));
          }
          return warm.meanMs();
        });
    Latencies cpu = new Latencies();
    for (int pass = 0; pass < 2; pass++) {
      for (String q : queries) {
        long cpu0 = allThreadsCpu(threads);
        searcher.search(SearchRequest.of(q));
        cpu.add(Math.max(0, allThreadsCpu(threads) - cpu0));
      }
    }
    report.add(
        SECTION,
        "cpu_p50_ms_" + m,
        "search p50 in CPU time (all threads), " + m,
        cpu.percentileMs(50),
        "ms");
    report.add(
        SECTION, "cpu_p99_ms_" + m, "search p99 in CPU time, " + m, cpu.percentileMs(99), "ms");
    report.add(SECTION, "cpu_mean_ms_" + m, "search mean CPU time, " + m, cpu.meanMs(), "ms");
    double ceiling = Runtime.getRuntime().availableProcessors() * 1000 / cpu.meanMs();
    String label = "most searches/s the cores allow (cores / mean CPU time), " + m;
    if (searcher.ranking() == RankingMode.HYBRID) {
      report.addAtLeast(SECTION, "cpu_ceiling_per_s_" + m, label, ceiling, "/s", 255);
    } else {
      report.add(SECTION, "cpu_ceiling_per_s_" + m, label, ceiling, "/s");
    }
  }

  /**
   * The questions over HTTP with two clients against the server on {@code port}, ranking by {@code
   * mode}: warm-up until the CPU per request settles, then {@link #MEASURED_ROUNDS} rounds of
   * {@code seconds}. With {@code fts5} (for the hybrid server), the baseline's faster form runs a
   * round right after each of ours, and the hybrid rate is reported as a multiple of it.
   */
  private static void overHttp(
      BenchReport report,
      RankingMode mode,
      int port,
      List<String> questions,
      double seconds,
      Fts5Baseline fts5,
      PrintWriter log)
      throws Exception {
    List<String> targets =
        questions.stream().map(q -> "/api/search?q=" + HttpProbe.encode(q)).toList();
    log.printf(Locale.ROOT, "hybrid: %s over HTTP, 2 clients ...%n", mode.label());
    log.flush();
    double warm = warmUp(port, targets);
    report.add(
        SECTION,
        "http_warmup_s_" + mode.label(),
        "warm-up before the HTTP run, " + mode.label() + " (until CPU per request settled)",
        warm,
        "s");
    double cpuMs = 0;
    double wallMs = 0;
    List<TimedLoop.Result> rounds = new ArrayList<>();
    double[] fts5Rates = new double[MEASURED_ROUNDS];
    List<String> topicQueries =
        fts5 == null
            ? List.of()
            : questions.stream()
                .map(q -> Fts5Baseline.query(q, Fts5Baseline.Form.TOPIC_WORDS))
                .toList();
    if (fts5 != null) {
      fts5.rate(topicQueries, WARMUP_ROUND_SECONDS);
    }
    for (int i = 0; i < MEASURED_ROUNDS; i++) {
      long cpuBefore = processCpuNanos();
      long wallBefore = System.nanoTime();
      rounds.add(HttpBench.run(port, targets, 2, seconds));
      cpuMs += (processCpuNanos() - cpuBefore) / 1e6;
      wallMs += (System.nanoTime() - wallBefore) / 1e6;
      if (fts5 != null) {
        // the baseline's round right after each of ours: this host's speed moves within
        // minutes, and a ratio of two rounds a minute apart sees the same host
        fts5Rates[i] = fts5.rate(topicQueries, seconds);
      }
    }
    TimedLoop.Result r =
        new TimedLoop.Result(
            Latencies.merge(rounds.stream().map(TimedLoop.Result::latencies).toList()),
            rounds.stream().mapToInt(TimedLoop.Result::errors).sum(),
            rounds.stream().mapToDouble(TimedLoop.Result::seconds).sum());
    double[] rates = rounds.stream().mapToDouble(TimedLoop.Result::perSecond).toArray();
    String m = mode.label();
    // whether the two clients kept the cores busy, and what a request costs with the HTTP
    // server, the JSON and the clients (all in this process) on top of the search
    report.add(
        SECTION,
        "http_cpu_ms_per_request_" + m,
        "CPU per request over HTTP (server, JSON and clients), " + m,
        cpuMs / Math.max(1, r.latencies().count()),
        "ms");
    report.add(
        SECTION,
        "http_busy_cores_" + m,
        "cores busy during the HTTP run, " + m,
        cpuMs / wallMs,
        "");
    double p99Goal = mode == RankingMode.HYBRID ? 40 : 10;
    if (mode == RankingMode.HYBRID) {
      report.addAtMost(
          SECTION,
          "p50_ms_" + m,
          "/api/search p50, " + m + ", 2 clients, MEDIQA questions",
          r.latencies().percentileMs(50),
          "ms",
          12);
    } else {
      report.add(
          SECTION,
          "p50_ms_" + m,
          "/api/search p50, " + m + ", 2 clients, MEDIQA questions",
          r.latencies().percentileMs(50),
          "ms");
    }
    report.addAtMost(
        SECTION,
        "p99_ms_" + m,
        "/api/search p99, " + m + ", 2 clients",
        r.latencies().percentileMs(99),
        "ms",
        p99Goal);
    String perSecond = "/api/search requests/s, " + m + ", 2 clients (median of rounds)";
    double median = rates[ImportBench.medianIndex(rates)];
    if (mode == RankingMode.HYBRID) {
      report.addAtLeast(
          SECTION,
          "per_second_" + m,
          perSecond + "; 255 = 1.5 × the 160-173/s the issue measured for SQLite FTS5",
          median,
          "/s",
          255);
    } else {
      report.add(SECTION, "per_second_" + m, perSecond, median, "/s");
    }
    report.note(
        SECTION,
        String.format(
            Locale.ROOT,
            "%s over HTTP: %d rounds of %.0f s, %s requests/s",
            m,
            rates.length,
            seconds,
            listed(rates, "%.0f")));
    if (r.errors() > 0) {
      report.note(SECTION, m + ": " + r.errors() + " requests failed");
    }
    if (fts5 != null) {
      againstFts5(report, fts5, questions, rates, fts5Rates, seconds);
    }
  }

  /**
   * The hybrid rate over HTTP (the median of {@code hybridRates}) against SQLite FTS5's in-process
   * rate on the same entries and questions, one thread ({@link Fts5Baseline}): the goal is 1.5
   * times its faster form. That form's rounds ({@code fts5Rates}) each ran right after one of ours;
   * the best of them is the baseline, so that a round the host slowed (80, 124 and 73/s in one run,
   * 2026-12-06, where other runs held 121-128/s in every round) never counts for qarchive. The
   * slower form, that of the quality baseline, is measured once here.
   */
  private static void againstFts5(
      BenchReport report,
      Fts5Baseline fts5,
      List<String> questions,
      double[] hybridRates,
      double[] fts5Rates,
      double seconds)
      throws Exception {
    List<String> everyWord =
        questions.stream().map(q -> Fts5Baseline.query(q, Fts5Baseline.Form.EVERY_WORD)).toList();
    double slow = fts5.rate(everyWord, seconds);
    double fast = Arrays.stream(fts5Rates).max().orElseThrow();
    report.add(
        SECTION,
        "fts5_per_s_every_word",
        "SQLite FTS5 in process, 1 thread, bm25 5/2/1, "
            + Fts5Baseline.Form.EVERY_WORD.label
            + " (one round)",
        slow,
        "/s");
    report.add(
        SECTION,
        "fts5_per_s_topic_words",
        "SQLite FTS5 in process, 1 thread, bm25 5/2/1, "
            + Fts5Baseline.Form.TOPIC_WORDS.label
            + " (best round)",
        fast,
        "/s");
    report.addAtLeast(
        SECTION,
        "hybrid_over_fts5",
        "hybrid requests/s over HTTP (median of rounds) as a multiple of SQLite FTS5's faster form"
            + " (best round), same run",
        hybridRates[ImportBench.medianIndex(hybridRates)] / Math.max(fast, slow),
        "×",
        1.5);
    report.note(
        SECTION,
        String.format(
            Locale.ROOT,
            "SQLite FTS5, %s: %d rounds of %.0f s, each right after a hybrid round: %s searches/s",
            Fts5Baseline.Form.TOPIC_WORDS.label,
            fts5Rates.length,
            seconds,
            listed(fts5Rates, "%.0f")));
  }

  /** {@code values} in {@code format}, separated by commas: the rounds of a note. */
  private static String listed(double[] values, String format) {
    return Arrays.stream(values)
        .mapToObj(x -> String.format(Locale.ROOT, format, x))
        .collect(Collectors.joining(", "));
  }

  /** The CPU time of every live thread of this process, summed (a few microseconds to read). */
  private static long allThreadsCpu(ThreadMXBean threads) {
    long sum = 0;
    for (long id : threads.getAllThreadIds()) {
      sum += Math.max(0, threads.getThreadCpuTime(id));
    }
    return sum;
  }

  private static boolean hasCommit(Path index) throws java.io.IOException {
    if (!Files.isDirectory(index)) {
      return false;
    }
    try (var files = Files.list(index)) {
      return files.anyMatch(p -> p.getFileName().toString().startsWith("segments_"));
    }
  }

  /** MedQuAD's answers as entries: the focus as title, the question and the answer. */
  static List<QaEntry> read(Path medquad) throws Exception {
    ObjectMapper json = new ObjectMapper();
    List<QaEntry> out = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(medquad, StandardCharsets.UTF_8)) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode n = json.readTree(line);
        String answer = n.path("answer").asText("").strip();
        String question = n.path("question").asText("").strip();
        if (answer.isEmpty() || question.isEmpty()) {
          continue;
        }
        // MedQuAD's own ids repeat across its collections: one entry per line
        String id = "mq-" + out.size();
        out.add(
            new QaEntry(
                id,
                n.path("url").asText(""),
                n.path("focus").asText(question),
                question,
                null,
                answer,
                null,
                null,
                null,
                List.of(n.path("source").asText("MedQuAD")),
                List.of(),
                "medquad.jsonl"));
      }
    }
    return out;
  }

  /**
   * Measured rounds over HTTP, each of the bench's {@code --seconds}: the rate reported is their
   * median, and each round's is noted. One server of one build made from 216 to 278 requests/s in
   * 10 s rounds within five minutes on this host (2026-12-06), so one round alone says little.
   */
  private static final int MEASURED_ROUNDS = 3;

  /** A warm-up round, in seconds. */
  private static final double WARMUP_ROUND_SECONDS = 5;

  /** Least and most warm-up rounds (or passes, in process) before a measured run. */
  private static final int MIN_WARMUP_ROUNDS = 4;

  /**
   * Least warm-up rounds over HTTP: two minutes. Served from a cold start, the CPU per hybrid
   * request still fell after 90 s (2026-12-06: two servers made 250-266 and 231-233 requests/s in
   * 15 s runs after 90 s of serving), and a 60 s warm-up measured 217/s.
   */
  private static final int MIN_HTTP_WARMUP_ROUNDS = 24;

  private static final int MAX_WARMUP_ROUNDS = 48;

  /**
   * Serves the questions until the JIT is done with the whole path, and returns how long that took,
   * in seconds: rounds of 5 s, at least 24, until two rounds running cost no more than 3 % less CPU
   * per request than the cheapest round before them (at most four minutes; one such round was not
   * enough, as a round's cost moves by 5-10 % on this host). With both cores answering, the
   * compiler threads get little time: a fixed 5 s warm-up left a hybrid request at 10.6 ms of CPU
   * against 8.1 ms after 15 s, and a search in process took 45 s to reach its steady 6.3 ms
   * (2026-12-06). A server runs for days; its steady state is what it serves at.
   */
  private static double warmUp(int port, List<String> targets) throws Exception {
    long start = System.nanoTime();
    untilSettled(
        MIN_HTTP_WARMUP_ROUNDS,
        () -> {
          long cpu0 = processCpuNanos();
          TimedLoop.Result r = HttpBench.run(port, targets, 2, WARMUP_ROUND_SECONDS);
          return (processCpuNanos() - cpu0) / (double) Math.max(1, r.latencies().count());
        });
    return (System.nanoTime() - start) / 1e9;
  }

  /** One warm-up round: runs it and returns its cost (CPU per search or request). */
  private interface Round {
    double run() throws Exception;
  }

  /**
   * Runs warm-up rounds, at least {@code minRounds} and at most {@link #MAX_WARMUP_ROUNDS}, until
   * two running cost no more than 3 % less than the cheapest round before them: the JIT is done.
   */
  private static void untilSettled(int minRounds, Round round) throws Exception {
    double cheapest = Double.POSITIVE_INFINITY;
    int flat = 0;
    for (int i = 0; i < MAX_WARMUP_ROUNDS; i++) {
      double cost = round.run();
      flat = cost >= cheapest * 0.97 ? flat + 1 : 0;
      if (i >= minRounds - 1 && flat >= 2) {
        return;
      }
      cheapest = Math.min(cheapest, cost);
    }
  }

  /**
   * CPU time of this whole process (every thread, those that ended too), from /proc/self/stat; 0
   * where there is none.
   */
  private static long processCpuNanos() {
    try {
      String stat = Files.readString(Path.of("/proc/self/stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      // utime and stime, fields 14 and 15 of the whole line, in clock ticks (100 a second on Linux)
      return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10_000_000L;
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  /** This process's resident set, from /proc (NaN where there is none). */
  static double residentMb() {
    try {
      for (String l : Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.UTF_8)) {
        if (l.startsWith("VmRSS:")) {
          return Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024.0;
        }
      }
    } catch (Exception e) {
      return Double.NaN;
    }
    return Double.NaN;
  }
}
