package org.qarchive.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qarchive.Fixtures;
import org.qarchive.archive.EntrySink.Outcome;
import org.qarchive.archive.QaEntry;

class ArchiveWriterTest {

  @TempDir Path dir;

  @Test
  void reimportingTheSameEntryChangesNothingAndNeverDuplicates() throws Exception {
    QaEntry seed = Fixtures.seed();
    try (ArchiveWriter w = new ArchiveWriter(dir)) {
      assertEquals(Outcome.IMPORTED, w.upsert(seed));
      w.commit("fp1");
    }
    try (ArchiveWriter w = new ArchiveWriter(dir)) {
      assertEquals(Outcome.UNCHANGED, w.upsert(seed));
      QaEntry edited =
          new QaEntry(
              seed.id(),
              seed.url(),
              "New title",
              seed.question(),
              seed.askerLocation(),
              seed.answer(),
              seed.answeredBy(),
              seed.credentials(),
              seed.date(),
              seed.categories(),
              seed.tags(),
              seed.sourceFile());
      assertEquals(Outcome.UPDATED, w.upsert(edited));
      w.commit("fp2");
    }
    IndexInfo info = IndexInfo.read(dir);
    assertEquals(1, info.entries());
    assertEquals("fp2", info.sourceFingerprint());
    assertEquals(Fields.SCHEMA_VERSION, info.schemaVersion());
    assertNotNull(info.lastImport());
  }

  @Test
  void anEntryDeletedAndStoredAgainInOneSessionIsThereOnceWithItsLastContent() throws Exception {
    // a new id is added without a delete of its id; one stored again after its delete must still
    // replace nothing
    QaEntry seed = Fixtures.seed();
    QaEntry edited =
        new QaEntry(
            seed.id(),
            seed.url(),
            "Edited title",
            seed.question(),
            seed.askerLocation(),
            seed.answer(),
            seed.answeredBy(),
            seed.credentials(),
            seed.date(),
            seed.categories(),
            seed.tags(),
            seed.sourceFile());
    try (ArchiveWriter w = new ArchiveWriter(dir)) {
      assertEquals(Outcome.IMPORTED, w.upsert(seed));
      assertTrue(w.delete(seed.id()));
      assertEquals(Outcome.IMPORTED, w.upsert(seed));
      assertEquals(Outcome.UPDATED, w.upsert(edited));
      w.commit("x");
    }
    try (org.apache.lucene.index.DirectoryReader r =
        org.apache.lucene.index.DirectoryReader.open(
            org.apache.lucene.store.FSDirectory.open(dir))) {
      assertEquals(1, r.numDocs());
      var hits =
          new org.apache.lucene.search.IndexSearcher(r)
              .search(
                  new org.apache.lucene.search.TermQuery(
                      new org.apache.lucene.index.Term(Fields.ID, seed.id())),
                  5);
      assertEquals(1, hits.totalHits.value());
      assertEquals(
          "Edited title", r.storedFields().document(hits.scoreDocs[0].doc).get(Fields.TITLE));
    }
  }

  @Test
  void entriesAreStoredWithTheArchiveCodecAndReadBackWhole() throws Exception {
    Fixtures.index(dir, Fixtures.small());
    try (var d = org.apache.lucene.store.FSDirectory.open(dir)) {
      var infos = org.apache.lucene.index.SegmentInfos.readLatestCommit(d);
      assertTrue(infos.size() > 0);
      infos.forEach(si -> assertEquals(ArchiveCodec.NAME, si.info.getCodec().getName()));
    }
    try (var s = new org.qarchive.search.ArchiveSearcher(dir)) {
      assertEquals(Fixtures.seed(), s.get(Fixtures.seed().id()).orElseThrow());
    }
  }

  @Test
  void aCommitLeavesTheNewSegmentOutOfACompoundFileThatWouldCopyItAgain() throws Exception {
    Fixtures.index(dir, Fixtures.small());
    try (var d = org.apache.lucene.store.FSDirectory.open(dir)) {
      var infos = org.apache.lucene.index.SegmentInfos.readLatestCommit(d);
      assertEquals(1, infos.size());
      infos.forEach(si -> assertEquals(false, si.info.getUseCompoundFile(), si.info.name));
    }
  }

  @Test
  void anIndexWrittenWithLucenesDefaultCodecTakesNewEntriesAndStaysReadable() throws Exception {
    var config = new org.apache.lucene.index.IndexWriterConfig(Analysis.DEFAULT.indexAnalyzer());
    try (var d = org.apache.lucene.store.FSDirectory.open(dir);
        var w = new org.apache.lucene.index.IndexWriter(d, config)) {
      w.addDocument(EntryDocuments.toDocument(Fixtures.seed()));
      // as qarchive wrote it before ArchiveCodec: this schema, Lucene's default codec
      w.setLiveCommitData(
          java.util.Map.of(Fields.COMMIT_SCHEMA_VERSION, Fields.SCHEMA_VERSION).entrySet());
      w.commit();
    }
    QaEntry other =
        Fixtures.small().stream()
            .filter(e -> !e.id().equals(Fixtures.seed().id()))
            .findFirst()
            .orElseThrow();
    try (ArchiveWriter w = new ArchiveWriter(dir)) {
      w.upsert(other);
      w.commit(null);
    }
    try (var s = new org.qarchive.search.ArchiveSearcher(dir)) {
      assertEquals(Fixtures.seed(), s.get(Fixtures.seed().id()).orElseThrow());
      assertEquals(other, s.get(other.id()).orElseThrow());
    }
  }

  @Test
  void datedAndUndatedEntriesGoIntoOneIndex() throws Exception {
    QaEntry seed = Fixtures.seed();
    String url = "http://blog.example-clinic.com/undated-post/";
    QaEntry undated =
        new QaEntry(
            QaEntry.idFor(url, 0),
            url,
            "Undated",
            "When was this asked?",
            null,
            "The page does not say.",
            null,
            null,
            null,
            null,
            null,
            "undated.html");
    try (ArchiveWriter w = new ArchiveWriter(dir)) {
      assertEquals(Outcome.IMPORTED, w.upsert(seed));
      assertEquals(Outcome.IMPORTED, w.upsert(undated));
      w.commit("fp");
    }
    assertEquals(2, IndexInfo.read(dir).entries());
  }

  @Test
  void aReopenedWriterKnowsEveryLiveEntryAcrossSegmentsAndBlocksAndNotTheDeletedOnes()
      throws Exception {
    List<QaEntry> entries =
        IntStream.range(0, 600)
            .mapToObj(
                i ->
                    Fixtures.entry(
                        "post-" + i,
                        "Title " + i,
                        "Question " + i + "?",
                        "Answer " + i,
                        LocalDate.of(2014, 1, 1)))
            .toList();
    try (ArchiveWriter w = new ArchiveWriter(dir)) {
      for (QaEntry e : entries.subList(0, 300)) {
        w.upsert(e);
      }
      w.commit("a");
      for (QaEntry e : entries.subList(300, 600)) {
        w.upsert(e);
      }
      w.commit("b");
    }
    try (ArchiveWriter w = new ArchiveWriter(dir)) {
      assertTrue(
          w.delete(entries.get(7).id()), "a delete before any upsert knows the stored entries");
      assertTrue(w.delete(entries.get(450).id()));
      assertEquals(false, w.delete("no-such-id"));
      w.commit("c");
    }
    try (ArchiveWriter w = new ArchiveWriter(dir)) {
      assertEquals(598, w.size());
      for (int i = 0; i < entries.size(); i++) {
        assertEquals(
            i == 7 || i == 450 ? Outcome.IMPORTED : Outcome.UNCHANGED,
            w.upsert(entries.get(i)),
            "entry " + i);
      }
      QaEntry e = entries.get(500);
      assertEquals(
          Outcome.UPDATED,
          w.upsert(
              Fixtures.entry(
                  "post-500", "Title 500", "Question 500?", "Changed", LocalDate.of(2014, 1, 1))),
          e.id());
    }
  }

  @Test
  void afterDeleteAllEveryEntryIsNewAgain() throws Exception {
    Fixtures.index(dir, Fixtures.small());
    try (ArchiveWriter w = new ArchiveWriter(dir)) {
      w.deleteAll();
      assertEquals(0, w.size());
      for (QaEntry e : Fixtures.small()) {
        assertEquals(Outcome.IMPORTED, w.upsert(e), e.id());
      }
      w.commit("x");
    }
    assertEquals(Fixtures.small().size(), IndexInfo.read(dir).entries());
  }

  @Test
  void uncommittedWritesAreNotVisibleAfterRollback() throws Exception {
    Fixtures.index(dir, java.util.List.of(Fixtures.seed()));
    try (ArchiveWriter w = new ArchiveWriter(dir)) {
      Fixtures.small()
          .forEach(
              e -> {
                try {
                  w.upsert(e);
                } catch (java.io.IOException ex) {
                  throw new java.io.UncheckedIOException(ex);
                }
              });
      w.rollback();
    }
    assertEquals(1, IndexInfo.read(dir).entries());
  }

  @Test
  void aSecondWriterOnTheSameIndexFailsFastWithAClearMessage() throws Exception {
    try (ArchiveWriter first = new ArchiveWriter(dir)) {
      var e = assertThrows(ArchiveWriter.IndexBusyException.class, () -> new ArchiveWriter(dir));
      org.junit.jupiter.api.Assertions.assertTrue(
          e.getMessage().contains("another import"), e.getMessage());
    }
  }

  @Test
  void missingIndexIsReportedAsAbsent() throws Exception {
    assertEquals(false, IndexInfo.read(dir.resolve("nope")).exists());
  }
}
