package org.qarchive.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Search and autocomplete over loopback HTTP: closed-loop clients, each on its own keep-alive
 * connection, replaying the queries through {@code /api/search} (and {@code /api/suggest} where the
 * server has it).
 */
final class HttpBench {

  private HttpBench() {}

  /**
   * Runs 1, 2, ... concurrent clients for {@code seconds} each, asking as the API does by default
   * (with facet counts); returns the single-client p50 in ms. First one client asks for exactly the
   * in-process search (no facet counts, as the embedded box asks), which gives the HTTP overhead:
   * per request, the round trip less the server's own search time for that request (its
   * Server-Timing header), so the figure is not the difference of two noisy runs. The overhead of
   * the requests with facet counts is reported beside it.
   */
  static double search(
      BenchReport report,
      int port,
      List<String> queries,
      List<Integer> clientCounts,
      double warmup,
      double seconds)
      throws Exception {
    List<String> targets =
        queries.stream().map(q -> "/api/search?q=" + HttpProbe.encode(q)).toList();
    List<String> plain = targets.stream().map(t -> t + "&facets=0").toList();
    double p50One = Double.NaN;
    run(port, plain, 2, warmup / 2);
    run(port, targets, 2, warmup / 2);
    Latencies plainOverhead = new Latencies();
    Latencies plainLatency = run(port, plain, 1, seconds, plainOverhead).latencies();
    report.add(
        "http",
        "p50_ms_plain_c1",
        "/api/search p50, 1 client, no facets (the in-process search)",
        plainLatency.percentileMs(50),
        "ms");
    if (plainOverhead.count() > 0) {
      report.addAtMost(
          "http",
          "overhead_p50_ms",
          "HTTP overhead at p50, 1 client, no facets (round trip less the"
              + " server's search time, per request)",
          plainOverhead.percentileMs(50),
          "ms",
          0.5);
      report.add(
          "http",
          "overhead_p99_ms",
          "HTTP overhead at p99, 1 client, no facets",
          plainOverhead.percentileMs(99),
          "ms");
    }
    for (int clients : clientCounts) {
      Latencies overhead = new Latencies();
      TimedLoop.Result r = run(port, targets, clients, seconds, clients == 1 ? overhead : null);
      Latencies l = r.latencies();
      String s = "http";
      String c = clients + (clients == 1 ? " client" : " clients") + ", with facets";
      report.add(s, "p50_ms_c" + clients, "/api/search p50, " + c, l.percentileMs(50), "ms");
      report.add(s, "p95_ms_c" + clients, "/api/search p95, " + c, l.percentileMs(95), "ms");
      report.add(s, "p99_ms_c" + clients, "/api/search p99, " + c, l.percentileMs(99), "ms");
      report.add(s, "per_second_c" + clients, "/api/search requests/s, " + c, r.perSecond(), "/s");
      if (r.errors() > 0) {
        report.note(
            s,
            String.format(
                Locale.ROOT, "%d of %d answers with %s were not 200", r.errors(), l.count(), c));
      }
      if (clients == 1) {
        p50One = l.percentileMs(50);
        if (overhead.count() > 0) {
          report.add(
              s,
              "overhead_facets_p50_ms",
              "HTTP overhead at p50, 1 client, with facets",
              overhead.percentileMs(50),
              "ms");
          report.add(
              s,
              "overhead_facets_p99_ms",
              "HTTP overhead at p99, 1 client, with facets",
              overhead.percentileMs(99),
              "ms");
        }
      }
    }
    return p50One;
  }

  /** True when the server answers {@code /api/suggest} at all (not 404). */
  static boolean hasSuggest(int port) throws Exception {
    try (HttpProbe probe = new HttpProbe("127.0.0.1", port)) {
      return probe.get("/api/suggest?q=bo").status() != 404;
    }
  }

  static Latencies suggest(int port, List<String> keystrokes, double warmup, double seconds)
      throws Exception {
    List<String> targets =
        keystrokes.stream().map(q -> "/api/suggest?q=" + HttpProbe.encode(q)).toList();
    run(port, targets, 1, warmup);
    return run(port, targets, 1, seconds).latencies();
  }

  static TimedLoop.Result run(int port, List<String> targets, int clients, double seconds)
      throws Exception {
    return run(port, targets, clients, seconds, null);
  }

  /**
   * As {@link #run(int, List, int, double)}; with one client and {@code overhead} not null, also
   * records each answer's round trip less the search time its Server-Timing header states.
   */
  static TimedLoop.Result run(
      int port, List<String> targets, int clients, double seconds, Latencies overhead)
      throws Exception {
    List<HttpProbe> probes = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      probes.add(new HttpProbe("127.0.0.1", port));
    }
    try {
      return TimedLoop.run(
          clients,
          seconds,
          // the measured single client covers the whole list, so its p50 compares with the
          // in-process pass over the
          // same queries (on a million entries a phase's seconds hold fewer searches than the list
          // has)
          overhead != null ? targets.size() : 1,
          (thread, i) -> {
            // each client starts at its own place in the list, so concurrent clients ask different
            // things
            int at = (int) ((i + (long) thread * targets.size() / clients) % targets.size());
            long t0 = System.nanoTime();
            HttpProbe.Response response = probes.get(thread).get(targets.get(at));
            long roundTrip = System.nanoTime() - t0;
            if (overhead != null && !Double.isNaN(response.serverMs())) {
              overhead.add(Math.max(0, roundTrip - (long) (response.serverMs() * 1e6)));
            }
            return response.status() == 200;
          });
    } finally {
      probes.forEach(HttpProbe::close);
    }
  }
}
