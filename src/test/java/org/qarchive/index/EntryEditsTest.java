package org.qarchive.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qarchive.Fixtures;
import org.qarchive.archive.EntrySink.Outcome;
import org.qarchive.archive.QaEntry;
import org.qarchive.index.EntryEdits.Edit;
import org.qarchive.index.EntryEdits.Field;
import org.qarchive.index.EntryEdits.Visibility;

class EntryEditsTest {

  @TempDir Path dir;

  private static Edit correct(String id, Map<Field, String> fields) {
    return new Edit(id, fields, Visibility.PUBLIC, "alice", Instant.parse("2024-05-01T10:00:00Z"));
  }

  @Test
  void aCorrectionAppliesOnlyToTheFieldsItNames() {
    QaEntry seed = Fixtures.seed();
    QaEntry out =
        correct(
                seed.id(),
                Map.of(
                    Field.TITLE, "  Corrected\ntitle ",
                    Field.DATE, "2015-02-03",
                    Field.TAGS, "botox\n\n toner \nbotox"))
            .apply(seed);
    assertEquals("Corrected title", out.title());
    assertEquals(LocalDate.of(2015, 2, 3), out.date());
    assertEquals(List.of("botox", "toner"), out.tags());
    assertEquals(seed.question(), out.question());
    assertEquals(seed.answer(), out.answer());
    assertEquals(seed.categories(), out.categories());
    assertEquals(seed.url(), out.url());
  }

  @Test
  void aBadDateIsRefusedWithAMessage() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> correct("x", Map.of(Field.DATE, "03/02/2015")));
    assertTrue(e.getMessage().contains("yyyy-mm-dd"), e.getMessage());
  }

  @Test
  void editsSurviveBeingReadBackByAnotherInstanceAndEmptyRecordsAreDropped() throws Exception {
    EntryEdits a = EntryEdits.open(dir);
    assertFalse(a.exists());
    a.put(correct("one", Map.of(Field.ANSWER, "Fixed answer.\r\n\r\nSecond paragraph.")));
    a.put(EntryEdits.none("two").withVisibility(Visibility.HIDDEN, "bob", Instant.now()));
    EntryEdits b = EntryEdits.open(dir);
    assertEquals(
        "Fixed answer.\n\nSecond paragraph.", b.get("one").corrections().get(Field.ANSWER));
    assertEquals(Visibility.HIDDEN, b.get("two").visibility());
    assertEquals(java.util.Set.of("two"), b.notPublic());

    a.put(a.get("two").withVisibility(Visibility.PUBLIC, "bob", Instant.now()));
    assertTrue(b.refresh(), "the other instance notices the file changed");
    assertNull(b.get("two"), "a public record without corrections is dropped");
    assertTrue(b.notPublic().isEmpty());
    assertFalse(b.refresh(), "nothing changed since");
  }

  @Test
  void aDamagedFileFailsLoudlyInsteadOfForgettingHiddenEntries() throws Exception {
    Files.writeString(
        dir.resolve(EntryEdits.FILE_NAME),
        "# qarchive entry edits 1\n{\"id\":\"x\",\"visibility\":\"hidden\"\n",
        StandardCharsets.UTF_8);
    assertThrows(IOException.class, () -> EntryEdits.open(dir));
    Files.writeString(dir.resolve(EntryEdits.FILE_NAME), "something else\n");
    assertThrows(IOException.class, () -> EntryEdits.open(dir));
  }

  @Test
  void aReimportNeverUndoesACorrectionAndTheOriginalIsKept() throws Exception {
    QaEntry seed = Fixtures.seed();
    Fixtures.index(dir, Fixtures.small());
    EntryEdits.open(dir)
        .put(correct(seed.id(), Map.of(Field.ANSWER, "Toner does not move eyebrows.")));
    try (ArchiveWriter w = new ArchiveWriter(dir)) {
      w.commitEdits();
    }
    assertEquals("Toner does not move eyebrows.", stored(seed.id()).get(Fields.ANSWER));

    // the same page imported again: nothing to write, the correction stays
    try (ArchiveWriter w = new ArchiveWriter(dir)) {
      assertEquals(Outcome.UNCHANGED, w.upsert(seed));
      w.commit("fp");
    }
    Document d = stored(seed.id());
    assertEquals("Toner does not move eyebrows.", d.get(Fields.ANSWER));
    assertEquals(seed, EntryDocuments.importedFromDocument(d));

    // the page changed on the old site: the new original is stored, the correction still wins
    QaEntry changed =
        new QaEntry(
            seed.id(),
            seed.url(),
            "A newer title",
            seed.question(),
            seed.askerLocation(),
            seed.answer() + " Updated.",
            seed.answeredBy(),
            seed.credentials(),
            seed.date(),
            seed.categories(),
            seed.tags(),
            seed.sourceFile());
    try (ArchiveWriter w = new ArchiveWriter(dir)) {
      assertEquals(Outcome.UPDATED, w.upsert(changed));
      w.commit("fp2");
    }
    d = stored(seed.id());
    assertEquals("Toner does not move eyebrows.", d.get(Fields.ANSWER));
    assertEquals("A newer title", d.get(Fields.TITLE), "fields not corrected follow the page");
    assertEquals(changed, EntryDocuments.importedFromDocument(d));
    assertEquals(5, IndexInfo.read(dir).entries());
  }

  @Test
  void aCorrectionSavedWhileAnImportRunsIsInItsCommitAndTakingItBackRestoresTheOriginal()
      throws Exception {
    QaEntry seed = Fixtures.seed();
    Fixtures.index(dir, Fixtures.small());
    try (ArchiveWriter w = new ArchiveWriter(dir)) {
      w.upsert(seed); // the import is under way, holding the index
      EntryEdits.open(dir).put(correct(seed.id(), Map.of(Field.TITLE, "Saved mid-import")));
      w.commit("fp");
    }
    assertEquals("Saved mid-import", stored(seed.id()).get(Fields.TITLE));

    EntryEdits.open(dir).put(correct(seed.id(), Map.of()));
    try (ArchiveWriter w = new ArchiveWriter(dir)) {
      w.commitEdits();
    }
    Document d = stored(seed.id());
    assertEquals(seed.title(), d.get(Fields.TITLE));
    assertNull(d.get(Fields.IMPORTED), "an entry no longer corrected keeps no second copy");
  }

  @Test
  void committingEditsKeepsTheLastImportsRecord() throws Exception {
    Fixtures.index(dir, Fixtures.small());
    try (ArchiveWriter w = new ArchiveWriter(dir)) {
      w.commit("the-fingerprint");
    }
    IndexInfo before = IndexInfo.read(dir);
    EntryEdits.open(dir)
        .put(correct(Fixtures.seed().id(), Map.of(Field.TITLE, "Title fixed by staff")));
    try (ArchiveWriter w = new ArchiveWriter(dir)) {
      w.commitEdits();
      assertEquals(before.lastImport(), w.lastCommit());
    }
    IndexInfo after = IndexInfo.read(dir);
    assertEquals("the-fingerprint", after.sourceFingerprint());
    assertEquals(before.lastImport(), after.lastImport());
    assertEquals("Title fixed by staff", stored(Fixtures.seed().id()).get(Fields.TITLE));
  }

  private Document stored(String id) throws IOException {
    try (FSDirectory d = FSDirectory.open(dir);
        DirectoryReader r = DirectoryReader.open(d)) {
      IndexSearcher s = new IndexSearcher(r);
      TopDocs top = s.search(new TermQuery(new Term(Fields.ID, id)), 2);
      assertEquals(1, top.totalHits.value(), "exactly one document for " + id);
      return s.storedFields().document(top.scoreDocs[0].doc);
    }
  }
}
