package org.qarchive.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qarchive.Fixtures;
import org.qarchive.bench.HostileQueries;
import org.qarchive.search.ArchiveSearcher;
import org.qarchive.web.WebConfig;
import org.qarchive.web.WebServer;

/**
 * The fast CI version of 'qarchive soak': every hostile query gets a normal answer or a 400 from
 * the search API, the page and the suggestions, never a 5xx.
 */
class HostileQueriesTest {

  @TempDir Path dir;

  @Test
  void everyHostileQueryGetsANormalAnswerOrA400() throws Exception {
    Fixtures.index(dir, Fixtures.small());
    HttpClient http = HttpClient.newHttpClient();
    try (ArchiveSearcher searcher = new ArchiveSearcher(dir);
        WebServer server =
            new WebServer(searcher, new WebConfig("127.0.0.1", 0, List.of("*"), null)).start()) {
      for (HostileQueries.Probe probe : HostileQueries.all()) {
        for (String path : List.of("/api/search", "/", "/api/suggest")) {
          for (int i = 0; i < 3; i++) {
            int status =
                http.send(
                        HttpRequest.newBuilder(
                                URI.create(
                                    "http://127.0.0.1:"
                                        + server.port()
                                        + path
                                        + "?"
                                        + probe.queryString()))
                            .build(),
                        HttpResponse.BodyHandlers.discarding())
                    .statusCode();
            assertTrue(
                status == 200 || status == 400, probe.name() + " on " + path + " -> " + status);
          }
        }
      }
    }
  }
}
