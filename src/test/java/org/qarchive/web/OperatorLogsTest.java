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
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qarchive.Fixtures;
import org.qarchive.archive.Version;
import org.qarchive.search.ArchiveSearcher;

/**
 * What an operator sees over real HTTP: an access log without query strings, the version in the
 * health check.
 */
class OperatorLogsTest {

  @TempDir Path dir;

  @Test
  void theAccessLogHasMethodPathStatusAndTimeButNeverTheQuestion() throws Exception {
    Fixtures.index(dir.resolve("index"), Fixtures.small());
    Path logFile = dir.resolve("logs/access.log");
    HttpClient http = HttpClient.newHttpClient();
    try (AccessLog access = new AccessLog(logFile, 90);
        ArchiveSearcher searcher = new ArchiveSearcher(dir.resolve("index"));
        WebServer server =
            new WebServer(
                    searcher,
                    new WebConfig("127.0.0.1", 0, List.of("*"), null),
                    Clock.systemUTC(),
                    null,
                    access)
                .start()) {
      for (String path :
          List.of(
              "/?q=is+my+breast+implant+leaking",
              "/api/search?q=herpes+after+filler",
              "/qa/" + Fixtures.seed().id() + "?q=ptosis",
              "/no-such-page%0Afake-line?q=secret",
              "/healthz")) {
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
            HttpResponse.BodyHandlers.discarding());
      }
      HttpResponse<String> health =
          http.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/healthz"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertTrue(
          health.body().contains("\"version\":\"" + Version.current() + "\""), health.body());
    }
    List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
    assertEquals(6, lines.size(), lines.toString());
    for (String line : lines) {
      String[] cols = line.split("\t", -1);
      assertEquals(5, cols.length, line);
      assertTrue(cols[0].matches("\\d{4}-\\d\\d-\\d\\dT.*Z"), line);
      assertTrue(cols[4].matches("\\d+\\.\\d"), line);
    }
    assertEquals("GET\t/\t200", columns(lines.get(0)));
    assertEquals("GET\t/api/search\t200", columns(lines.get(1)));
    assertEquals("GET\t/qa/" + Fixtures.seed().id() + "\t200", columns(lines.get(2)));
    assertTrue(lines.get(3).contains("\t404\t"), lines.get(3));
    String all = String.join("\n", lines);
    for (String secret : List.of("implant", "herpes", "ptosis", "secret", "q=")) {
      assertFalse(all.contains(secret), secret + " in " + all);
    }
  }

  @Test
  void aPathCannotAddLinesOrColumns() {
    assertEquals("/a??b", AccessLog.clean("/a\n\tb"));
    assertEquals("/a??b", AccessLog.clean("/a\r\nb"));
    assertEquals("/search", AccessLog.clean("/search?q=my+question"));
  }

  private static String columns(String line) {
    String[] cols = line.split("\t");
    return cols[1] + "\t" + cols[2] + "\t" + cols[3];
  }
}
