package org.qarchive.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qarchive.Fixtures;
import org.qarchive.archive.QaEntry;
import org.qarchive.search.ArchiveSearcher;
import org.qarchive.web.WebConfig;
import org.qarchive.web.WebServer;

/** A rebuild keeps every field of every entry, and a server keeps answering while it runs. */
class ReindexTest {

  @TempDir Path tmp;

  /** An entry with every field set, so a field the index forgets to store shows up here. */
  static QaEntry everyFieldSet() {
    return new QaEntry(
        "every-field",
        "http://blog.example-clinic.com/2014/02/every-field/",
        "A title",
        "A question about swelling?",
        "Baltimore, MD",
        "An answer.\n\nIn two paragraphs.",
        "Dr. Dean Kane",
        "Board Certified Plastic Surgeon",
        LocalDate.of(2014, 2, 3),
        List.of("Botox", "Fillers"),
        List.of("botox", "swelling"),
        "site/2014/02/every-field.html");
  }

  @Test
  void everyFieldOfEveryEntrySurvivesARebuild() throws Exception {
    QaEntry full = everyFieldSet();
    for (RecordComponent c : QaEntry.class.getRecordComponents()) {
      Object value = c.getAccessor().invoke(full);
      assertNotNull(value, c.getName() + " must be set in this test's entry");
      if (value instanceof Collection<?> list) {
        assertFalse(list.isEmpty(), c.getName() + " must be set in this test's entry");
      }
    }
    Path index = tmp.resolve("index");
    Fixtures.index(index, List.of(full, Fixtures.seed()));

    Reindex.Result r = Reindex.run(index);

    assertEquals(2, r.entries());
    assertEquals(Fields.SCHEMA_VERSION, r.fromSchema());
    try (ArchiveSearcher s = new ArchiveSearcher(index)) {
      assertEquals(full, s.get(full.id()).orElseThrow());
      assertEquals(Fixtures.seed(), s.get(Fixtures.seed().id()).orElseThrow());
    }
  }

  @Test
  void aServerKeepsAnsweringWhileTheIndexIsRebuiltAndThenServesTheRebuild() throws Exception {
    Path index = tmp.resolve("index");
    Fixtures.index(index, IndexBackupTest.entries("a", 3_000));
    HttpClient http = HttpClient.newHttpClient();
    AtomicBoolean rebuilding = new AtomicBoolean(true);
    AtomicInteger bad = new AtomicInteger();
    AtomicInteger asked = new AtomicInteger();
    try (ArchiveSearcher searcher = new ArchiveSearcher(index);
        WebServer server =
            new WebServer(searcher, new WebConfig("127.0.0.1", 0, List.of("*"), null)).start()) {
      URI uri = URI.create("http://127.0.0.1:" + server.port() + "/api/search?q=swelling");
      Thread client =
          new Thread(
              () -> {
                while (rebuilding.get()) {
                  try {
                    HttpResponse<String> res =
                        http.send(
                            HttpRequest.newBuilder(uri).build(),
                            HttpResponse.BodyHandlers.ofString());
                    asked.incrementAndGet();
                    if (res.statusCode() != 200 || !res.body().contains("\"total\":3000")) {
                      bad.incrementAndGet();
                    }
                  } catch (Exception e) {
                    bad.incrementAndGet();
                  }
                }
              });
      client.start();
      Reindex.run(index);
      Thread.sleep(1_500); // the server looks for a new commit every second
      rebuilding.set(false);
      client.join();
      searcher.refresh();
      assertEquals(3_000, searcher.count());
    }
    assertTrue(asked.get() > 0, "the client asked during the rebuild");
    assertEquals(0, bad.get(), "answers during the rebuild, out of " + asked.get());
  }

  @Test
  void aRebuildWaitsForNoImportButFailsWhileOneHoldsTheIndex() throws Exception {
    Path index = tmp.resolve("index");
    Fixtures.index(index, Fixtures.small());
    try (ArchiveWriter importing = new ArchiveWriter(index)) {
      assertThrows(ArchiveWriter.IndexBusyException.class, () -> Reindex.run(index));
    }
    assertEquals(Fixtures.small().size(), Reindex.run(index).entries());
  }
}
