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

  /** A table like the one the next schema bump will need: schema 2 still searchable. */
  private final IndexSchema next =
      new IndexSchema(
          "3",
          Map.of(
              "2", new IndexSchema.Older(true, "it has no vectors, so hybrid ranking is off"),
              "1", new IndexSchema.Older(false, "its analysis differs")));

  private final Path dir = Path.of("/srv/qarchive/index");

  @Test
  void theCurrentSchemaNeedsNothing() {
    IndexSchema.Verdict v = next.judge("3", dir);
    assertEquals(IndexSchema.Support.CURRENT, v.support());
    assertTrue(v.searchable());
    assertEquals("", v.advice());
  }

  @Test
  void anOlderSearchableSchemaIsSearchedAndTheAdviceNamesReindexForImports() {
    IndexSchema.Verdict v = next.judge("2", dir);
    assertEquals(IndexSchema.Support.SEARCHABLE, v.support());
    assertTrue(v.searchable());
    assertTrue(v.advice().contains("it has no vectors, so hybrid ranking is off"), v.advice());
    assertTrue(v.advice().contains("Searching it works"), v.advice());
    assertTrue(v.advice().contains("run 'qarchive reindex --index " + dir + "'"), v.advice());
  }

  @Test
  void anOlderUnsearchableOrUnknownOrUnrecordedSchemaNeedsAReindex() {
    for (String written : new String[] {"1", "0", "beta", null}) {
      IndexSchema.Verdict v = next.judge(written, dir);
      assertEquals(IndexSchema.Support.REINDEX, v.support(), written);
      assertFalse(v.searchable());
      assertTrue(v.advice().contains("run 'qarchive reindex --index " + dir + "'"), v.advice());
    }
    assertTrue(next.judge("1", dir).advice().contains("its analysis differs"));
  }

  @Test
  void aNewerSchemaIsNotOursToTouch() {
    IndexSchema.Verdict v = next.judge("4", dir);
    assertEquals(IndexSchema.Support.NEWER, v.support());
    assertFalse(v.searchable());
    assertTrue(v.advice().contains("newer qarchive"), v.advice());
    assertFalse(v.advice().contains("reindex"), v.advice());
  }

  @Test
  void thisVersionsTableKnowsSchemaOneCannotBeSearched() {
    assertEquals(Fields.SCHEMA_VERSION, IndexSchema.DEFAULT.current());
    assertEquals(IndexSchema.Support.REINDEX, IndexSchema.DEFAULT.judge("1", dir).support());
    assertEquals(
        IndexSchema.Support.CURRENT,
        IndexSchema.DEFAULT.judge(Fields.SCHEMA_VERSION, dir).support());
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
    assertEquals(Fixtures.small().size(), Reindex.run(index).entries());
    new ArchiveWriter(index).close();
  }
}
