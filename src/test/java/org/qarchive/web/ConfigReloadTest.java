package org.qarchive.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qarchive.Fixtures;
import org.qarchive.search.ArchiveSearcher;

/** Staff edit the config folder while the server runs: the pages follow within seconds. */
class ConfigReloadTest {

  @TempDir Path tmp;

  @Test
  void aChangedFileShowsWithoutARestartAndABadOneKeepsTheLastGood() throws Exception {
    Fixtures.index(tmp.resolve("index"), Fixtures.small());
    Path config = tmp.resolve("config");
    Files.createDirectories(config);
    Files.writeString(config.resolve("clinic.properties"), "name = First Clinic\n");
    HttpClient http = HttpClient.newHttpClient();
    try (ArchiveSearcher searcher = new ArchiveSearcher(tmp.resolve("index"));
        WebServer server =
            new WebServer(
                    searcher,
                    new WebConfig("127.0.0.1", 0, List.of("*"), null).withConfigDir(config))
                .start()) {
      URI home = URI.create("http://127.0.0.1:" + server.port() + "/?q=botox");
      assertTrue(page(http, home).contains("First Clinic"));

      Files.writeString(config.resolve("clinic.properties"), "name = Second Clinic\n");
      assertTrue(eventually(http, home, "Second Clinic"), "picked up without a restart");

      Files.writeString(
          config.resolve("clinic.properties"), "name = Broken Clinic\nemergency_number = help\n");
      assertTrue(page(http, home).contains("name=\"tag\" value=\"botox\""));
      Files.writeString(config.resolve("facet-stoplist.txt"), "botox\n");
      // the stop-list is read in the same pass as the broken file: once it is in force, the broken
      // file has been read too
      for (int i = 0; i < 50 && page(http, home).contains("name=\"tag\" value=\"botox\""); i++) {
        Thread.sleep(100);
      }
      String html = page(http, home);
      assertFalse(html.contains("name=\"tag\" value=\"botox\""), "the stop-list is in force");
      assertTrue(html.contains("Second Clinic"), "the last good file stays in force");
      assertFalse(html.contains("Broken Clinic"));
    }
  }

  private static String page(HttpClient http, URI uri) throws Exception {
    return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString())
        .body();
  }

  private static boolean eventually(HttpClient http, URI uri, String text) throws Exception {
    for (int i = 0; i < 50; i++) {
      if (page(http, uri).contains(text)) {
        return true;
      }
      Thread.sleep(100);
    }
    return false;
  }
}
