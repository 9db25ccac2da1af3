package org.qarchive.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.qarchive.Fixtures;
import org.qarchive.search.ArchiveSearcher;

/**
 * The limits a user never meets but an attacker does: concurrency, request size, open redirects.
 */
class WebServerLimitsTest {

  @TempDir static Path dir;
  static ArchiveSearcher searcher;
  static WebServer server;
  static final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @BeforeAll
  static void start() throws Exception {
    Fixtures.index(dir, Fixtures.small());
    searcher = new ArchiveSearcher(dir);
    server =
        new WebServer(
                searcher,
                new WebConfig("127.0.0.1", 0, List.of("*"), null).withMaxConcurrentSearches(1))
            .start();
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    searcher.close();
  }

  static HttpResponse<String> get(String rawPathAndQuery) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + rawPathAndQuery))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void searchesBeyondTheConcurrencyCapGet429InsteadOfQueueing() throws Exception {
    server.searchSlots().acquire();
    try {
      var busy = get("/api/search?q=botox");
      assertEquals(429, busy.statusCode());
      assertEquals("1", busy.headers().firstValue("retry-after").orElse(""));
      assertTrue(
          new ObjectMapper().readTree(busy.body()).get("error").asText().contains("Too many"));
      assertEquals(429, get("/?q=botox").statusCode());
      assertEquals(200, get("/healthz").statusCode(), "health checks are never throttled");
    } finally {
      server.searchSlots().release();
    }
    assertEquals(200, get("/api/search?q=botox").statusCode());
  }

  @Test
  void aHundredKilobyteQueryGetsAnExplainingBadRequestNotABareError() throws Exception {
    String q = URLEncoder.encode("x".repeat(100_000), StandardCharsets.UTF_8);
    var api = get("/api/search?q=" + q);
    assertEquals(400, api.statusCode());
    assertTrue(
        new ObjectMapper().readTree(api.body()).get("error").asText().contains("too long"),
        api.body());
    var page = get("/?q=" + q);
    assertEquals(400, page.statusCode());
    assertTrue(page.body().contains("too long"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "//evil.example",
        "//evil.example/",
        "/%5Cevil.example",
        "/%09/evil.example",
        "/%2F%2Fevil.example",
        "/qa/%2F%2Fevil.example",
        "/?q=x&next=//evil.example"
      })
  void nothingRedirectsOffSite(String path) throws Exception {
    var r = get(path);
    var location = r.headers().firstValue("location");
    if (location.isPresent()) {
      String l = location.get();
      assertTrue(
          l.startsWith("/") && !l.startsWith("//") && !l.startsWith("/\\"), path + " -> " + l);
    }
    assertFalse(r.statusCode() >= 500, path + " -> " + r.statusCode());
  }
}
