package org.qarchive.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qarchive.Fixtures;
import org.qarchive.search.ArchiveSearcher;
import org.qarchive.search.SearchLog;

/**
 * The server logs settled searches for the clinic, scrubbed, and leaves as-you-type prefixes out.
 */
class SearchLoggingTest {

  @TempDir Path dir;

  @Test
  void settledSearchesAreLoggedScrubbedAndInstantOnesAreNot() throws Exception {
    Fixtures.index(dir.resolve("index"), Fixtures.small());
    Path logFile = dir.resolve("logs/searches.tsv");
    HttpClient http = HttpClient.newHttpClient();
    try (SearchLog log = new SearchLog(logFile);
        ArchiveSearcher searcher = new ArchiveSearcher(dir.resolve("index"));
        WebServer server =
            new WebServer(searcher, new WebConfig("127.0.0.1", 0, List.of("*"), null), log)
                .start()) {
      for (String path :
          List.of(
              "/?q=botox",
              "/api/search?q=botox",
              "/api/search?q=bot&instant=1",
              "/api/search?q=zzzqqq+mail+me+at+jane%40example.com",
              "/api/search?q=botox&page=2")) {
        assertEquals(
            200,
            http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                        .build(),
                    HttpResponse.BodyHandlers.discarding())
                .statusCode(),
            path);
      }
      assertEquals("botox", log.topQueries(1).get(0).query());
      assertEquals(2, log.topQueries(1).get(0).count());
      assertTrue(log.zeroResultQueries(5).stream().anyMatch(c -> c.query().startsWith("zzzqqq")));
    }
    String written = Files.readString(logFile, StandardCharsets.UTF_8);
    assertFalse(written.contains("jane@example.com"), written);
    assertFalse(written.contains("\tbot\n"), "as-you-type prefix logged: " + written);
  }
}
