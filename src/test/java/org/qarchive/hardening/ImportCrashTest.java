package org.qarchive.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qarchive.SharedData;
import org.qarchive.index.IndexInfo;
import org.qarchive.search.ArchiveSearcher;
import org.qarchive.search.SearchRequest;

/**
 * Kills a real importer process with SIGKILL at random moments, many times in a row, while a
 * searcher in this JVM keeps serving: the index must always open cleanly, hold exactly its last
 * commit, and the next import must finish the job without duplicates.
 */
class ImportCrashTest {

  private static final int KILLS = Integer.getInteger("qarchive.crash.kills", 50);

  @TempDir Path tmp;

  @Test
  void killingTheImporterAtRandomMomentsNeverCorruptsOrDuplicates() throws Exception {
    Path site = SharedData.makeArchive(tmp.resolve("archive"), 2000, 11);
    Path index = tmp.resolve("index");
    Random random = new Random(Long.getLong("qarchive.crash.seed", System.nanoTime()));

    // a reference import, timed, so the kills land anywhere in a whole run
    Path reference = tmp.resolve("reference");
    long t0 = System.nanoTime();
    assertEquals(0, importer(reference, site).waitFor());
    long fullMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
    int expected = IndexInfo.read(reference).entries();
    assertTrue(expected > 1900, "reference import found " + expected);

    ArchiveSearcher serving = null;
    int killedMidway = 0;
    try {
      for (int i = 0; i < KILLS; i++) {
        Process p = importer(index, site);
        boolean finished = p.waitFor(random.nextLong(fullMs + 1), TimeUnit.MILLISECONDS);
        if (!finished) {
          p.destroyForcibly(); // SIGKILL: no shutdown hooks, no finally blocks
          killedMidway++;
        }
        p.waitFor();
        int committed = checkIntact(index, expected);
        if (committed > 0 && serving == null) {
          serving = new ArchiveSearcher(index);
        }
        if (serving != null) {
          serving.refresh();
          assertEquals(
              committed, serving.count(), "searcher serves the last commit after kill " + i);
          if (committed > 0) {
            assertTrue(
                serving.search(SearchRequest.of("treatment")).total() > 0,
                "committed entries are searchable");
          }
        }
        if (finished) {
          // a completed import: start over so later kills again land mid-import on a growing index
          try (var w = new org.qarchive.index.ArchiveWriter(index)) {
            w.deleteAll();
            w.commit(null);
          }
        }
      }
      assertTrue(killedMidway > KILLS / 3, "only " + killedMidway + " kills landed mid-import");
      Process last = importer(index, site);
      assertEquals(0, last.waitFor(), "the next import finishes the job");
      assertEquals(expected, checkIntact(index, expected));
    } finally {
      if (serving != null) {
        serving.close();
      }
    }
  }

  /**
   * Asserts the index opens, CheckIndex is clean and every id is unique; returns the committed
   * entry count.
   */
  private static int checkIntact(Path index, int expected) throws IOException {
    if (!Files.exists(index)) {
      return 0;
    }
    try (Directory dir = FSDirectory.open(index)) {
      if (!DirectoryReader.indexExists(dir)) {
        return 0;
      }
      ByteArrayOutputStream log = new ByteArrayOutputStream();
      try (CheckIndex check = new CheckIndex(dir)) {
        check.setInfoStream(new PrintStream(log, true, StandardCharsets.UTF_8));
        CheckIndex.Status status = check.checkIndex();
        assertTrue(status.clean, log.toString(StandardCharsets.UTF_8));
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        Set<String> ids = new HashSet<>();
        var stored = new ArrayList<String>();
        for (var leaf : reader.leaves()) {
          var live = leaf.reader().getLiveDocs();
          var fields = leaf.reader().storedFields();
          for (int d = 0; d < leaf.reader().maxDoc(); d++) {
            if (live == null || live.get(d)) {
              stored.add(fields.document(d, Set.of("id")).get("id"));
            }
          }
        }
        ids.addAll(stored);
        assertEquals(stored.size(), ids.size(), "duplicate ids in the index");
        assertTrue(reader.numDocs() <= expected, reader.numDocs() + " > " + expected);
        return reader.numDocs();
      }
    }
  }

  private static Process importer(Path index, Path site) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd =
        List.of(
            java,
            "-Xmx512m",
            "-XX:TieredStopAtLevel=1",
            "-cp",
            System.getProperty("java.class.path"),
            "org.qarchive.cli.Main",
            "import",
            // the entries' vectors are not what a kill can corrupt, and embedding made each of the
            // fifty imports minutes long: the crash test measures the index's integrity without
            // them
            "--no-vectors",
            "--index",
            index.toString(),
            site.toString());
    return new ProcessBuilder(cmd)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
  }
}
