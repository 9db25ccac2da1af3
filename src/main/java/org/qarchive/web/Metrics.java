package org.qarchive.web;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.DoubleAdder;

/**
 * Request counts by route and status and a latency histogram by route, written in the Prometheus
 * text format. Routes are the matched route templates ({@code /qa/{id}}), never raw paths, so the
 * label set stays small.
 */
final class Metrics {

  /** Histogram bucket upper bounds, in seconds. */
  private static final double[] BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5};

  private final Map<String, AtomicLong> requests = new ConcurrentHashMap<>();
  private final Map<String, Histogram> latency = new ConcurrentHashMap<>();

  /** Records one finished request. */
  void record(String method, String route, int status, long nanos) {
    String labels = "method=\"" + label(method) + "\",route=\"" + label(route) + "\"";
    requests
        .computeIfAbsent(labels + ",status=\"" + status + "\"", k -> new AtomicLong())
        .incrementAndGet();
    latency.computeIfAbsent(labels, k -> new Histogram()).observe(nanos / 1e9);
  }

  /**
   * The metrics in the Prometheus text exposition format; {@code gauges} are appended as they are.
   */
  String render(Map<String, Double> gauges, Map<String, String> gaugeHelp) {
    StringBuilder b = new StringBuilder(4096);
    b.append(
        "# HELP qarchive_http_requests_total HTTP requests answered, by method, route and status.\n");
    b.append("# TYPE qarchive_http_requests_total counter\n");
    new java.util.TreeMap<>(requests)
        .forEach(
            (labels, n) ->
                b.append("qarchive_http_requests_total{")
                    .append(labels)
                    .append("} ")
                    .append(n.get())
                    .append('\n'));
    b.append(
        "# HELP qarchive_http_request_duration_seconds Time to answer HTTP requests, by method and route.\n");
    b.append("# TYPE qarchive_http_request_duration_seconds histogram\n");
    new java.util.TreeMap<>(latency).forEach((labels, h) -> h.render(b, labels));
    gauges.forEach(
        (name, value) -> {
          b.append("# HELP ")
              .append(name)
              .append(' ')
              .append(gaugeHelp.getOrDefault(name, name))
              .append('\n');
          b.append("# TYPE ").append(name).append(" gauge\n");
          b.append(name).append(' ').append(number(value)).append('\n');
        });
    return b.toString();
  }

  private static String label(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }

  private static String number(double d) {
    return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
  }

  private static final class Histogram {
    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS.length);
    private final AtomicLong count = new AtomicLong();
    private final DoubleAdder sum = new DoubleAdder();

    void observe(double seconds) {
      for (int i = 0; i < BUCKETS.length; i++) {
        if (seconds <= BUCKETS[i]) {
          counts.incrementAndGet(i);
        }
      }
      count.incrementAndGet();
      sum.add(seconds);
    }

    void render(StringBuilder b, String labels) {
      String name = "qarchive_http_request_duration_seconds";
      for (int i = 0; i < BUCKETS.length; i++) {
        b.append(name)
            .append("_bucket{")
            .append(labels)
            .append(",le=\"")
            .append(number(BUCKETS[i]))
            .append("\"} ");
        b.append(counts.get(i)).append('\n');
      }
      long n = count.get();
      b.append(name)
          .append("_bucket{")
          .append(labels)
          .append(",le=\"+Inf\"} ")
          .append(n)
          .append('\n');
      b.append(name)
          .append("_sum{")
          .append(labels)
          .append("} ")
          .append(String.format(Locale.ROOT, "%.6f", sum.sum()))
          .append('\n');
      b.append(name).append("_count{").append(labels).append("} ").append(n).append('\n');
    }
  }
}
