package org.qarchive.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
import org.qarchive.index.Analysis;
import org.qarchive.index.EntryEdits;
import org.qarchive.index.IndexInfo;
import org.qarchive.search.ArchiveSearcher;
import org.qarchive.search.SearchRequest;
import org.qarchive.search.Synonyms;

/**
 * Kills a real importer process with SIGKILL at random moments, many times in a row, while a
 * searcher in this JVM keeps serving: the index must always open cleanly, hold exactly its last
 * commit, and the next import must finish the job without duplicates. Every third process instead
 * corrects and hides entries as the staff side does ({@link EditsChild}): after every kill, every
 * correction and hidden flag it reported stored is still there, no hidden entry is served, and the
 * last import leaves every correction in the index.
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

    Path idFile = tmp.resolve("ids.txt");
    List<String> ids = new ArrayList<>();
    try (ArchiveSearcher ref = new ArchiveSearcher(reference)) {
      ref.forEachEntry(e -> ids.add(e.id()));
    }
    java.util.Collections.sort(ids);
    Files.write(idFile, ids.subList(0, 60), StandardCharsets.UTF_8);
    Map<String, long[]> acknowledged = new HashMap<>(); // id -> {run, n} of its last reported title
    Set<String> hidden = new HashSet<>();

    ArchiveSearcher serving = null;
    int killedMidway = 0;
    int editRuns = 0;
    try {
      for (int i = 0; i < KILLS; i++) {
        boolean edits = i % 3 == 2;
        Path log = tmp.resolve("edits-" + i + ".out");
        Process p = edits ? editor(index, i, idFile, log) : importer(index, site);
        boolean finished =
            p.waitFor(random.nextLong(edits ? 2_000 : fullMs + 1), TimeUnit.MILLISECONDS);
        if (!finished) {
          p.destroyForcibly(); // SIGKILL: no shutdown hooks, no finally blocks
          if (!edits) {
            killedMidway++;
          }
        }
        p.waitFor();
        if (edits) {
          editRuns++;
          readAcknowledged(log, acknowledged, hidden);
        }
        checkEdits(index, acknowledged, hidden);
        int committed = checkIntact(index, expected);
        if (committed > 0 && serving == null) {
          serving = ArchiveSearcher.seeingHidden(index, Synonyms.load(null, Analysis.DEFAULT));
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
        if (committed > 0) {
          try (ArchiveSearcher pub = new ArchiveSearcher(index)) {
            int[] shown = {0};
            pub.forEachEntry(
                e -> {
                  assertFalse(hidden.contains(e.id()), "a hidden entry is served: " + e.id());
                  shown[0]++;
                });
            assertEquals(pub.count(), shown[0]);
          }
        }
        if (finished && !edits) {
          // a completed import: start over so later kills again land mid-import on a growing index
          try (var w = new org.qarchive.index.ArchiveWriter(index)) {
            w.deleteAll();
            w.commit(null);
          }
        }
      }
      assertTrue(killedMidway > KILLS / 5, "only " + killedMidway + " kills landed mid-import");
      Process last = importer(index, site);
      assertEquals(0, last.waitFor(), "the next import finishes the job");
      assertEquals(expected, checkIntact(index, expected));
      // every correction reported stored is in the index, shown instead of the imported title
      assertTrue(editRuns > 0 && !acknowledged.isEmpty(), "the editing processes stored nothing");
      checkEdits(index, acknowledged, hidden);
      EntryEdits file = EntryEdits.open(index);
      try (ArchiveSearcher staff =
          ArchiveSearcher.seeingHidden(index, Synonyms.load(null, Analysis.DEFAULT))) {
        for (EntryEdits.Edit e : file.all().values()) {
          assertEquals(
              e.corrections().get(EntryEdits.Field.TITLE),
              staff.get(e.id()).orElseThrow().title(),
              "the correction of " + e.id() + " is in the index");
        }
      }
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

  /** Reads what an editing process reported stored before it ended or was killed. */
  private static void readAcknowledged(
      Path log, Map<String, long[]> acknowledged, Set<String> hidden) throws IOException {
    String out = Files.readString(log, StandardCharsets.UTF_8);
    int lastNewline = out.lastIndexOf('\n');
    for (String line : out.substring(0, lastNewline + 1).split("\n")) {
      String[] f = line.split("\t");
      if (f.length == 5 && f[0].equals("saved")) {
        acknowledged.put(f[1], new long[] {Long.parseLong(f[2]), Long.parseLong(f[3])});
        if (f[4].equals("hidden")) {
          hidden.add(f[1]);
        }
      }
    }
  }

  /**
   * Asserts that the edits file opens and holds, for every entry, the title last reported stored
   * (or one written after it, whose report the kill cut off) and every hidden flag reported.
   */
  private static void checkEdits(Path index, Map<String, long[]> acknowledged, Set<String> hidden)
      throws IOException {
    EntryEdits file = EntryEdits.open(index); // throws if a kill left it damaged
    for (Map.Entry<String, long[]> a : acknowledged.entrySet()) {
      EntryEdits.Edit e = file.get(a.getKey());
      assertTrue(e != null, "the edits of " + a.getKey() + " were lost");
      String[] title =
          e.corrections().get(EntryEdits.Field.TITLE).replace("Corrected ", "").split("-");
      long run = Long.parseLong(title[0]);
      long n = Long.parseLong(title[1]);
      long[] want = a.getValue();
      assertTrue(
          run > want[0] || run == want[0] && n >= want[1],
          "correction of "
              + a.getKey()
              + " went back from "
              + want[0]
              + "-"
              + want[1]
              + " to "
              + run
              + "-"
              + n);
    }
    for (String id : hidden) {
      assertEquals(EntryEdits.Visibility.HIDDEN, file.get(id).visibility(), id + " is hidden");
    }
  }

  private static Process editor(Path index, int run, Path ids, Path log) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd =
        List.of(
            java,
            "-Xmx256m",
            "-XX:TieredStopAtLevel=1",
            "-cp",
            System.getProperty("java.class.path"),
            EditsChild.class.getName(),
            index.toString(),
            Integer.toString(run),
            ids.toString());
    return new ProcessBuilder(cmd)
        .redirectOutput(log.toFile())
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
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
