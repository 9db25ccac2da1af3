package org.qarchive.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchLogTest {

  @TempDir Path dir;

  @Test
  void countsQueriesAndRemembersThoseThatFoundNothingAcrossRestarts() throws Exception {
    Path file = dir.resolve("logs/searches.tsv");
    try (SearchLog log = new SearchLog(file)) {
      log.record("Botox eyebrows", 3);
      log.record("botox   eyebrows", 3);
      log.record("tummy tuck", 5);
      log.record("zebra lift", 0);
      log.record("   ", 0);
    }
    try (SearchLog log = new SearchLog(file)) {
      log.record("zebra lift", 0);
      assertEquals(
          List.of(
              new SearchLog.QueryCount("botox eyebrows", 2, 3),
              new SearchLog.QueryCount("zebra lift", 2, 0)),
          log.topQueries(2));
      assertEquals(
          List.of(new SearchLog.QueryCount("zebra lift", 2, 0)), log.zeroResultQueries(10));
    }
  }

  @Test
  void personalDataNeverReachesTheFile() throws Exception {
    Path file = dir.resolve("searches.tsv");
    try (SearchLog log = new SearchLog(file)) {
      log.record(
          "my name is Jane Doe, mail jane.doe@example.com or call 410-555-0199 about Dr. Kane lipo",
          1);
      log.record("doctor Smith tummy tuck", 1);
    }
    // each line without its timestamp, whose fraction of a second can hold "555" or "0199" too
    String text =
        Files.readAllLines(file, StandardCharsets.UTF_8).stream()
            .map(line -> line.substring(line.indexOf('\t') + 1))
            .collect(java.util.stream.Collectors.joining("\n"));
    assertTrue(text.contains("lipo") && text.contains("tummy tuck"), text);
    for (String secret : List.of("jane", "doe", "example", "555", "0199", "kane", "smith")) {
      assertFalse(text.toLowerCase(java.util.Locale.ROOT).contains(secret), secret + " in " + text);
    }
    assertEquals(
        "my name is [name], mail [email] or call [phone] about dr. [name] lipo",
        SearchLog.scrub(
            "my name is Jane Doe, mail jane.doe@example.com or call 410-555-0199 about dr. Kane lipo"));
    assertEquals("botox after 2 weeks", SearchLog.scrub("botox after 2 weeks"));
  }
}
