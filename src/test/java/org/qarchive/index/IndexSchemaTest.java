package org.qarchive.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qarchive.Fixtures;

/** What this version makes of an index of each schema, and that nothing writes into another one. */
class IndexSchemaTest {

  @TempDir Path tmp;

  /** A table like one a later schema bump would need, with an older schema of each kind. */
  private final IndexSchema next =
      new IndexSchema(
          "4",
          Map.of(
              "3", new IndexSchema.Older(true, true, "it has no summaries, so none are shown"),
              "2", new IndexSchema.Older(true, false, "its dates are stored differently"),
              "1", new IndexSchema.Older(false, false, "its analysis differs")));

  private final Path dir = Path.of("/srv/qarchive/index");

  @Test
  void theCurrentSchemaNeedsNothing() {
    IndexSchema.Verdict v = next.judge("4", dir);
    assertEquals(IndexSchema.Support.CURRENT, v.support());
    assertTrue(v.searchable() && v.writable());
    assertEquals("", v.advice());
  }

  @Test
  void anOlderSchemaTheNewOneOnlyAddsToIsSearchedAndWrittenAndTheAdviceSaysWhatAReindexAdds() {
    IndexSchema.Verdict v = next.judge("3", dir);
    assertEquals(IndexSchema.Support.COMPATIBLE, v.support());
    assertTrue(v.searchable() && v.writable());
    assertTrue(v.advice().contains("it has no summaries, so none are shown"), v.advice());
    assertTrue(v.advice().contains("Searching and importing work"), v.advice());
    assertTrue(v.advice().contains("run 'qarchive reindex --index " + dir + "'"), v.advice());
  }

  @Test
  void anOlderSearchableSchemaIsSearchedButImportsWaitForAReindex() {
    IndexSchema.Verdict v = next.judge("2", dir);
    assertEquals(IndexSchema.Support.SEARCHABLE, v.support());
    assertTrue(v.searchable());
    assertFalse(v.writable());
    assertTrue(v.advice().contains("Searching it works; to import into it"), v.advice());
    assertTrue(v.advice().contains("run 'qarchive reindex --index " + dir + "'"), v.advice());
  }

  @Test
  void anOlderUnsearchableOrUnknownOrUnrecordedSchemaNeedsAReindex() {
    for (String written : new String[] {"1", "0", "beta", null}) {
      IndexSchema.Verdict v = next.judge(written, dir);
      assertEquals(IndexSchema.Support.REINDEX, v.support(), written);
      assertFalse(v.searchable() || v.writable());
      assertTrue(v.advice().contains("run 'qarchive reindex --index " + dir + "'"), v.advice());
    }
    assertTrue(next.judge("1", dir).advice().contains("its analysis differs"));
  }

  @Test
  void aNewerSchemaIsNotOursToTouch() {
    IndexSchema.Verdict v = next.judge("5", dir);
    assertEquals(IndexSchema.Support.NEWER, v.support());
    assertFalse(v.searchable() || v.writable());
    assertTrue(v.advice().contains("newer qarchive"), v.advice());
    assertFalse(v.advice().contains("reindex"), v.advice());
  }

  @Test
  void thisVersionsTableKnowsItsOlderSchemas() {
    assertEquals(Fields.SCHEMA_VERSION, IndexSchema.DEFAULT.current());
    assertEquals(IndexSchema.Support.REINDEX, IndexSchema.DEFAULT.judge("1", dir).support());
    // schema 3 only added the vector field: a schema-2 index takes imports as it is
    assertEquals(IndexSchema.Support.COMPATIBLE, IndexSchema.DEFAULT.judge("2", dir).support());
    assertEquals(
        IndexSchema.Support.CURRENT,
        IndexSchema.DEFAULT.judge(Fields.SCHEMA_VERSION, dir).support());
    assertThrows(IllegalArgumentException.class, () -> new IndexSchema.Older(false, true, "x"));
  }

  @Test
  void theWriterRefusesAnIndexOfAnotherSchemaAndLeavesItAsItWas() throws Exception {
    Path index = tmp.resolve("index");
    Fixtures.index(index, Fixtures.small());
    Fixtures.recommitWithSchema(index, "1");
    IndexSchema.SchemaException e =
        assertThrows(IndexSchema.SchemaException.class, () -> new ArchiveWriter(index));
    assertEquals(IndexSchema.Support.REINDEX, e.verdict().support());
    assertEquals("1", IndexInfo.read(index).schemaVersion());
    // the lock was released: the rebuild can take it
    assertEquals(Fixtures.small().size(), Reindex.run(index, null).entries());
    new ArchiveWriter(index).close();
  }

  @Test
  void theWriterTakesAnIndexOfASchemaItOnlyAddsToAndCommitsItsOwn() throws Exception {
    Path index = tmp.resolve("index");
    Fixtures.index(index, Fixtures.small());
    Fixtures.recommitWithSchema(index, "2");
    try (ArchiveWriter w = new ArchiveWriter(index)) {
      w.upsert(IndexBackupTest.entries("new", 1).get(0));
      w.commit(null);
    }
    assertEquals(Fields.SCHEMA_VERSION, IndexInfo.read(index).schemaVersion());
    assertEquals(Fixtures.small().size() + 1, IndexInfo.read(index).entries());
  }
}
