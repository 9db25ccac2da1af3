package org.qarchive.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qarchive.Fixtures;
import org.qarchive.index.Fields;
import org.qarchive.index.IndexInfo;
import org.qarchive.search.ArchiveSearcher;

/**
 * An index written by an older qarchive (schema 1, kept in test resources as that version wrote
 * it): every command that would misuse it says exactly what to run and changes nothing, {@code
 * reindex} upgrades it from its stored entries, and then everything works, spelling suggestions
 * included.
 */
class UpgradeTest {

  static final List<String> SCHEMA_1_FILES = List.of("_0.cfe", "_0.cfs", "_0.si", "segments_1");

  @TempDir Path tmp;

  /** A copy of the schema-1 fixture index. */
  static Path schema1Index(Path dir) throws Exception {
    Files.createDirectories(dir);
    for (String name : SCHEMA_1_FILES) {
      try (InputStream in =
          UpgradeTest.class.getResourceAsStream("/org/qarchive/index/schema-1/" + name)) {
        Files.copy(in, dir.resolve(name));
      }
    }
    return dir;
  }

  private static Set<String> ids(Path index) throws Exception {
    Set<String> ids = new HashSet<>();
    try (ArchiveSearcher s = new ArchiveSearcher(index)) {
      s.forEachEntry(e -> ids.add(e.id()));
    }
    return ids;
  }

  @Test
  void anOlderIndexIsRefusedWithTheCommandToRunThenReindexUpgradesIt() throws Exception {
    Path index = schema1Index(tmp.resolve("old"));
    Set<String> before = ids(index);
    assertEquals(47, before.size());
    assertEquals("1", IndexInfo.read(index).schemaVersion());
    String command = "run 'qarchive reindex --index " + index + "'";

    for (String[] args :
        List.of(
            new String[] {"search", "--index", index.toString(), "botox"},
            new String[] {"serve", "--index", index.toString(), "--no-import", "--port", "0"},
            new String[] {"import", "--index", index.toString(), "import"},
            new String[] {"export", "--index", index.toString()})) {
      MainTest.Run r = MainTest.run(args);
      assertEquals(65, r.code(), args[0] + ": " + r.err());
      assertTrue(r.err().contains(command), args[0] + ": " + r.err());
      assertTrue(r.err().contains("schema 1"), r.err());
      assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
    }
    assertEquals("1", IndexInfo.read(index).schemaVersion(), "nothing was written");
    assertEquals(before, ids(index));

    MainTest.Run stats = MainTest.run("stats", "--index", index.toString());
    assertEquals(0, stats.code(), stats.err());
    assertTrue(stats.out().contains("schema:      1\n"), stats.out());
    assertTrue(stats.out().contains(command), stats.out());

    MainTest.Run reindex = MainTest.run("reindex", "--index", index.toString());
    assertEquals(0, reindex.code(), reindex.err());
    assertTrue(
        reindex
            .out()
            .contains(
                "Rebuilt 47 entries in "
                    + index
                    + " from schema 1 to schema "
                    + Fields.SCHEMA_VERSION),
        reindex.out());

    assertEquals(before, ids(index), "every entry survives the rebuild");
    assertEquals(Fields.SCHEMA_VERSION, IndexInfo.read(index).schemaVersion());
    MainTest.Run found = MainTest.run("search", "--index", index.toString(), "botox", "eyebrows");
    assertEquals(0, found.code(), found.err());
    assertTrue(found.out().contains("Botox and Facial toners"), found.out());
    assertTrue(found.err().isEmpty(), found.err());
    // schema 1 had no spelling dictionary; the rebuilt index has one
    MainTest.Run misspelled = MainTest.run("search", "--index", index.toString(), "botx");
    assertTrue(misspelled.out().contains("Showing results for: botox"), misspelled.out());
    // and imports work again
    MainTest.Run imported = MainTest.run("import", "--index", index.toString(), "import");
    assertEquals(0, imported.code(), imported.err());
  }

  @Test
  void anIndexFromANewerQarchiveIsNeitherSearchedNorRebuiltDown() throws Exception {
    Path index = tmp.resolve("newer");
    Fixtures.index(index, Fixtures.small());
    Fixtures.recommitWithSchema(index, "99");

    for (String command : List.of("search", "reindex", "import")) {
      MainTest.Run r =
          command.equals("search")
              ? MainTest.run("search", "--index", index.toString(), "botox")
              : command.equals("import")
                  ? MainTest.run("import", "--index", index.toString(), "import")
                  : MainTest.run("reindex", "--index", index.toString());
      assertEquals(65, r.code(), command + ": " + r.err());
      assertTrue(r.err().contains("written by a newer qarchive (schema 99"), r.err());
    }
    assertEquals("99", IndexInfo.read(index).schemaVersion());
  }

  @Test
  void serveLeavesAnOlderIndexAloneEvenWhenTheImportFolderChanged() throws Exception {
    Path index = schema1Index(tmp.resolve("old"));
    ServeCommand serve = new ServeCommand();
    serve.index = new IndexOption();
    serve.index.dir = index;
    serve.importDir = Path.of("import");
    assertFalse(serve.importIfChanged(new PrintWriter(new StringWriter())));
    assertEquals("1", IndexInfo.read(index).schemaVersion());
  }
}
