package org.qarchive.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsTest {

  @Test
  void rendersCountersAndACumulativeHistogramInPrometheusFormat() {
    Metrics m = new Metrics();
    m.record("GET", "/api/search", 200, 3_000_000);
    m.record("GET", "/api/search", 200, 700_000_000);
    m.record("GET", "/api/search", 400, 1_000_000);
    String text = m.render(Map.of("qarchive_index_documents", 42.0), Map.of());
    assertTrue(text.contains("# TYPE qarchive_http_requests_total counter"));
    assertTrue(
        text.contains(
            "qarchive_http_requests_total{method=\"GET\",route=\"/api/search\",status=\"200\"} 2"));
    assertTrue(
        text.contains(
            "qarchive_http_requests_total{method=\"GET\",route=\"/api/search\",status=\"400\"} 1"));
    String bucket =
        "qarchive_http_request_duration_seconds_bucket{method=\"GET\",route=\"/api/search\",le=";
    assertTrue(text.contains(bucket + "\"0.005\"} 2"), text);
    assertTrue(text.contains(bucket + "\"1\"} 3"), text);
    assertTrue(text.contains(bucket + "\"+Inf\"} 3"));
    assertTrue(
        text.contains(
            "qarchive_http_request_duration_seconds_count{method=\"GET\",route=\"/api/search\"} 3"));
    assertTrue(text.contains("qarchive_index_documents 42\n"));
  }
}
