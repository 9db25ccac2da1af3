package org.qarchive.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qarchive.Fixtures;
import org.qarchive.archive.QaEntry;

/**
 * Backups copy exactly one commit point and the files beside the index, never an import's
 * uncommitted segments, and start over when a newer commit replaced the chosen one mid-copy.
 */
class IndexBackupTest {

  @TempDir Path tmp;

  static List<QaEntry> entries(String prefix, int n) {
    List<QaEntry> list = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      list.add(
          Fixtures.entry(
              prefix + "-" + i,
              "Question " + prefix + " " + i,
              "Is swelling number " + i + " normal after surgery?",
              "Swelling after surgery settles over weeks; answer " + prefix + " " + i + ".",
              LocalDate.of(2015, 1, 1).plusDays(i)));
    }
    return list;
  }

  static Set<String> ids(Path index) throws IOException {
    Set<String> ids = new HashSet<>();
    try (FSDirectory d = FSDirectory.open(index);
        DirectoryReader r = DirectoryReader.open(d)) {
      for (LeafReaderContext leaf : r.leaves()) {
        var live = leaf.reader().getLiveDocs();
        var stored = leaf.reader().storedFields();
        for (int i = 0; i < leaf.reader().maxDoc(); i++) {
          if (live == null || live.get(i)) {
            ids.add(stored.document(i, Set.of(Fields.ID)).get(Fields.ID));
          }
        }
      }
    }
    return ids;
  }

  static Set<String> idsOf(List<QaEntry> entries) {
    Set<String> ids = new HashSet<>();
    entries.forEach(e -> ids.add(e.id()));
    return ids;
  }

  /** A plain Lucene writer on the index, for what ArchiveWriter does not expose: flush, merge. */
  private static IndexWriter rawWriter(Path index) throws IOException {
    IndexWriterConfig c = new IndexWriterConfig();
    c.setCommitOnClose(false);
    return new IndexWriter(FSDirectory.open(index), c);
  }

  private Path committedIndex(List<QaEntry> entries) throws IOException {
    Path index = tmp.resolve("index");
    try (ArchiveWriter w = new ArchiveWriter(index)) {
      for (QaEntry e : entries) {
        w.upsert(e);
      }
      w.commit("fingerprint");
    }
    return index;
  }

  @Test
  void aBackupHoldsTheLastCommitAndTheFilesBesideItButNoUncommittedSegments() throws Exception {
    List<QaEntry> committed = entries("a", 30);
    Path index = committedIndex(committed);
    Files.writeString(index.resolve("import-state.tsv"), "state\n", StandardCharsets.UTF_8);
    Files.createDirectories(index.resolve("staff"));
    Files.writeString(index.resolve("staff/accounts.tsv"), "kane\n", StandardCharsets.UTF_8);
    Files.writeString(index.resolve("corrections.tsv.tmp"), "half-", StandardCharsets.UTF_8);
    try (IndexWriter importing = rawWriter(index)) {
      // an import in progress: flushed segment files in the folder that no commit names yet
      for (QaEntry e : entries("b", 20)) {
        importing.addDocument(EntryDocuments.toDocument(e));
      }
      importing.flush();
      assertTrue(fileNames(index).stream().anyMatch(n -> n.startsWith("_1")), "flushed segment");

      IndexBackup.Result r = new IndexBackup().backup(index, tmp.resolve("backup"));

      assertEquals(30, r.entries());
      assertEquals(1, r.attempts());
      assertEquals(Fields.SCHEMA_VERSION, r.schema());
      assertEquals(List.of("import-state.tsv", "staff"), r.sidecars());
      Path b = tmp.resolve("backup");
      assertEquals(r.dir(), b);
      assertEquals(idsOf(committed), ids(b));
      assertEquals("kane\n", Files.readString(b.resolve("staff/accounts.tsv")));
      assertFalse(Files.exists(b.resolve("corrections.tsv.tmp")), "files being written stay out");
      assertFalse(Files.exists(b.resolve("write.lock")));
      String manifest = Files.readString(b.resolve(IndexBackup.MANIFEST));
      assertTrue(manifest.contains("entries=30\n"), manifest);
      assertTrue(manifest.contains("generation=" + r.generation() + "\n"), manifest);
      assertNoPartialFolders();
    }
  }

  @Test
  void aRestoredBackupIsTheSameIndexAndItsSidecarsAreBack() throws Exception {
    List<QaEntry> committed = entries("a", 12);
    Path index = committedIndex(committed);
    Files.writeString(index.resolve("import-state.tsv"), "state\n", StandardCharsets.UTF_8);
    new IndexBackup().backup(index, tmp.resolve("backup"));

    IndexBackup.Result r = new IndexBackup().restore(tmp.resolve("backup"), tmp.resolve("new"));

    assertEquals(12, r.entries());
    assertEquals(idsOf(committed), ids(tmp.resolve("new")));
    assertEquals("state\n", Files.readString(tmp.resolve("new/import-state.tsv")));
    assertFalse(Files.exists(tmp.resolve("new").resolve(IndexBackup.MANIFEST)));
    // the restored index takes imports like any other
    try (ArchiveWriter w = new ArchiveWriter(tmp.resolve("new"))) {
      w.upsert(entries("c", 1).get(0));
      w.commit(null);
    }
    assertEquals(13, IndexInfo.read(tmp.resolve("new")).entries());
    assertNoPartialFolders();
  }

  @Test
  void whenANewerCommitReplacesTheChosenOneTheBackupCopiesTheNewerOne() throws Exception {
    Path index = committedIndex(entries("a", 10));
    List<QaEntry> more = entries("b", 5);
    boolean[] done = {false};
    IndexBackup backup =
        new IndexBackup(
            () -> {
              if (done[0]) {
                return;
              }
              done[0] = true;
              // between choosing segments_1 and opening its files, an import commits and merges:
              // the files of the chosen commit are deleted
              try (IndexWriter w = rawWriter(index)) {
                for (QaEntry e : more) {
                  w.addDocument(EntryDocuments.toDocument(e));
                }
                w.forceMerge(1);
                w.commit();
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });

    IndexBackup.Result r = backup.backup(index, tmp.resolve("backup"));

    assertEquals(2, r.attempts(), "the first choice vanished and the backup started over");
    assertEquals(15, r.entries());
    Set<String> expected = idsOf(entries("a", 10));
    expected.addAll(idsOf(more));
    assertEquals(expected, ids(tmp.resolve("backup")));
  }

  @Test
  void anExistingFolderIsNeverOverwritten() throws Exception {
    Path index = committedIndex(entries("a", 3));
    Path target = Files.createDirectories(tmp.resolve("backup"));
    Files.writeString(target.resolve("keep.txt"), "mine", StandardCharsets.UTF_8);
    assertThrows(
        IndexBackup.TargetExistsException.class, () -> new IndexBackup().backup(index, target));
    assertEquals("mine", Files.readString(target.resolve("keep.txt")));
    assertEquals(1, fileNames(target).size());

    new IndexBackup().backup(index, tmp.resolve("b2"));
    assertThrows(
        IndexBackup.TargetExistsException.class,
        () -> new IndexBackup().restore(tmp.resolve("b2"), index));
    assertEquals(3, IndexInfo.read(index).entries());
    // an empty folder is fine
    Files.createDirectories(tmp.resolve("empty"));
    assertEquals(3, new IndexBackup().restore(tmp.resolve("b2"), tmp.resolve("empty")).entries());
    assertNoPartialFolders();
  }

  @Test
  void aFolderThatIsNoBackupOrADamagedBackupIsNotRestored() throws Exception {
    Path index = committedIndex(entries("a", 40));
    assertThrows(
        IndexBackup.NotABackupException.class,
        () -> new IndexBackup().restore(index, tmp.resolve("new")));

    Path b = tmp.resolve("backup");
    new IndexBackup().backup(index, b);
    Path biggest;
    try (Stream<Path> files = Files.list(b)) {
      biggest =
          files
              .filter(p -> p.getFileName().toString().startsWith("_"))
              .max((x, y) -> Long.compare(x.toFile().length(), y.toFile().length()))
              .orElseThrow();
    }
    try (FileChannel c = FileChannel.open(biggest, StandardOpenOption.WRITE)) {
      c.write(ByteBuffer.wrap(new byte[] {(byte) 0x5a}), c.size() / 2);
    }
    IOException e =
        assertThrows(IOException.class, () -> new IndexBackup().restore(b, tmp.resolve("new")));
    assertTrue(e.getMessage().contains("CheckIndex"), e.getMessage());
    assertFalse(Files.exists(tmp.resolve("new")), "nothing that looks like an index is left");
    assertNoPartialFolders();
  }

  @Test
  void luceneFilesAreToldFromTheFilesBesideThem() {
    for (String lucene :
        List.of("segments_4", "pending_segments_5", "write.lock", "_0.cfs", "_a_Lucene912_0.doc")) {
      assertTrue(IndexBackup.isLuceneFile(lucene), lucene);
    }
    for (String other : List.of("import-state.tsv", "staff", "corrections.json", "README.md")) {
      assertFalse(IndexBackup.isLuceneFile(other), other);
    }
  }

  private void assertNoPartialFolders() throws IOException {
    assertTrue(
        fileNames(tmp).stream().noneMatch(n -> n.contains(".partial-")), fileNames(tmp).toString());
  }

  private static List<String> fileNames(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
