package org.qarchive.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qarchive.Fixtures;
import org.qarchive.archive.QaEntry;
import org.qarchive.embedding.Embedder;
import org.qarchive.search.ArchiveSearcher;
import org.qarchive.web.WebConfig;
import org.qarchive.web.WebServer;

/**
 * A rebuild keeps every field of every entry and every vector of meaning, gives the entries without
 * one a vector when the model is at hand, and a server keeps answering while it runs.
 */
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
        org.qarchive.archive.PostDate.of(LocalDate.of(2014, 2, 3)),
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

    Reindex.Result r = Reindex.run(index, null);

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
      Reindex.run(index, null);
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
      assertThrows(ArchiveWriter.IndexBusyException.class, () -> Reindex.run(index, null));
    }
    assertEquals(Fixtures.small().size(), Reindex.run(index, null).entries());
  }

  /** The vectors of meaning in the index, by entry id. */
  private static Map<String, float[]> vectors(Path index) throws Exception {
    Map<String, float[]> byId = new HashMap<>();
    try (FSDirectory d = FSDirectory.open(index);
        DirectoryReader r = DirectoryReader.open(d)) {
      for (LeafReaderContext leaf : r.leaves()) {
        FloatVectorValues values = leaf.reader().getFloatVectorValues(Fields.VECTOR);
        if (values == null) {
          continue;
        }
        KnnVectorValues.DocIndexIterator it = values.iterator();
        for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
          String id = leaf.reader().storedFields().document(doc, Set.of(Fields.ID)).get(Fields.ID);
          byId.put(id, values.vectorValue(it.index()).clone());
        }
      }
    }
    return byId;
  }

  @Test
  void vectorsOfMeaningSurviveARebuildAndEntriesWithoutOneGetOne() throws Exception {
    Path index = tmp.resolve("index");
    List<QaEntry> withVectors = IndexBackupTest.entries("a", 3);
    List<QaEntry> without = IndexBackupTest.entries("b", 3);
    try (Embedder embedder = Embedder.load()) {
      try (ArchiveWriter w = new ArchiveWriter(index, embedder)) {
        for (QaEntry e : withVectors) {
          w.upsert(e);
        }
        w.commit(null);
      }
      try (ArchiveWriter w = new ArchiveWriter(index, (Embedder) null)) {
        for (QaEntry e : without) {
          w.upsert(e);
        }
        w.commit(null);
      }
      Map<String, float[]> before = vectors(index);
      assertEquals(3, before.size());

      // without the model every vector is kept as it was, and nothing else gets one
      Reindex.Result plain = Reindex.run(index, null);
      assertEquals(
          List.of(6, 0, 3), List.of(plain.entries(), plain.embedded(), plain.withoutVector()));
      Map<String, float[]> kept = vectors(index);
      assertEquals(before.keySet(), kept.keySet());
      for (String id : before.keySet()) {
        assertArrayEquals(before.get(id), kept.get(id), id);
      }

      // with the model, the entries without one get one, and the others keep theirs
      Reindex.Result filled = Reindex.run(index, embedder);
      assertEquals(
          List.of(6, 3, 0), List.of(filled.entries(), filled.embedded(), filled.withoutVector()));
      Map<String, float[]> all = vectors(index);
      assertEquals(6, all.size());
      for (String id : before.keySet()) {
        assertArrayEquals(before.get(id), all.get(id), id);
      }
      try (FSDirectory d = FSDirectory.open(index);
          DirectoryReader r = DirectoryReader.open(d)) {
        assertEquals(
            EntryDocuments.vectorSource(embedder.model()),
            r.getIndexCommit().getUserData().get(Fields.COMMIT_EMBEDDING_MODEL));
      }
    }
  }
}
