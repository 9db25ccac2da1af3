package org.qarchive.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Search and autocomplete over loopback HTTP: closed-loop clients, each on its own keep-alive connection,
 * replaying the queries through {@code /api/search} (and {@code /api/suggest} where the server has it).
 */
final class HttpBench {

  private HttpBench() {}

  /** Runs 1, 2, ... concurrent clients for {@code seconds} each; returns the single-client p50 in ms. */
  static double search(
      BenchReport report, int port, List<String> queries, List<Integer> clientCounts, double warmup, double seconds)
      throws Exception {
    List<String> targets = queries.stream().map(q -> "/api/search?q=" + HttpProbe.encode(q)).toList();
    double p50One = Double.NaN;
    run(port, targets, 2, warmup);
    for (int clients : clientCounts) {
      TimedLoop.Result r = run(port, targets, clients, seconds);
      Latencies l = r.latencies();
      String s = "http";
      String c = clients + (clients == 1 ? " client" : " clients");
      report.add(s, "p50_ms_c" + clients, "/api/search p50, " + c, l.percentileMs(50), "ms");
      report.add(s, "p95_ms_c" + clients, "/api/search p95, " + c, l.percentileMs(95), "ms");
      report.add(s, "p99_ms_c" + clients, "/api/search p99, " + c, l.percentileMs(99), "ms");
      report.add(s, "per_second_c" + clients, "/api/search requests/s, " + c, r.perSecond(), "/s");
      if (r.errors() > 0) {
        report.note(s, String.format(Locale.ROOT, "%d of %d answers with %s were not 200", r.errors(),
            l.count(), c));
      }
      if (clients == 1) {
        p50One = l.percentileMs(50);
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

  static Latencies suggest(int port, List<String> keystrokes, double warmup, double seconds) throws Exception {
    List<String> targets = keystrokes.stream().map(q -> "/api/suggest?q=" + HttpProbe.encode(q)).toList();
    run(port, targets, 1, warmup);
    return run(port, targets, 1, seconds).latencies();
  }

  static TimedLoop.Result run(int port, List<String> targets, int clients, double seconds) throws Exception {
    List<HttpProbe> probes = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      probes.add(new HttpProbe("127.0.0.1", port));
    }
    try {
      return TimedLoop.run(
          clients,
          seconds,
          1, // every client answers at least once, however short the phase
          (thread, i) -> {
            // each client starts at its own place in the list, so concurrent clients ask different things
            int at = (int) ((i + (long) thread * targets.size() / clients) % targets.size());
            return probes.get(thread).get(targets.get(at)).status() == 200;
          });
    } finally {
      probes.forEach(HttpProbe::close);
    }
  }
}
