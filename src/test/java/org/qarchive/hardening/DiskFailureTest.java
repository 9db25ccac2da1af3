package org.qarchive.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.tests.store.MockDirectoryWrapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.qarchive.Fixtures;
import org.qarchive.archive.QaEntry;
import org.qarchive.index.ArchiveWriter;
import org.qarchive.index.IndexInfo;
import org.qarchive.search.ArchiveSearcher;
import org.qarchive.search.SearchRequest;

/**
 * Disk full and random I/O errors while importing, simulated with Lucene's test framework: the
 * import fails with an IOException, the last commit stays intact and searchable, and a rerun on a
 * healthy disk completes.
 */
class DiskFailureTest {

  @TempDir Path dir;

  static List<QaEntry> many(int n) {
    List<QaEntry> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(
          Fixtures.entry(
              "entry-" + i,
              "Question number " + i + " about scars",
              "How long does scar number " + i + " take to fade after a tummy tuck?",
              ("Scars fade over twelve to eighteen months. Entry " + i + ". ").repeat(20),
              LocalDate.of(2014, 1, 1)));
    }
    return out;
  }

  @Test
  void diskFullDuringImportKeepsTheLastCommitAndARerunCompletes() throws Exception {
    Fixtures.index(dir, Fixtures.small());
    MockDirectoryWrapper full = new MockDirectoryWrapper(new Random(42), FSDirectory.open(dir));
    full.setMaxSizeInBytes(full.sizeInBytes() + 64 * 1024);
    full.setCheckIndexOnClose(false);
    assertThrows(IOException.class, () -> importAll(full, many(2000)));
    assertIntactWith(5);
    importAll(null, many(2000));
    assertIntactWith(2005);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4, 5})
  void randomIoErrorsDuringImportKeepTheLastCommit(int seed) throws Exception {
    Fixtures.index(dir, Fixtures.small());
    MockDirectoryWrapper flaky = new MockDirectoryWrapper(new Random(seed), FSDirectory.open(dir));
    flaky.setRandomIOExceptionRate(0.05);
    flaky.setRandomIOExceptionRateOnOpen(0.05);
    flaky.setCheckIndexOnClose(false);
    try {
      importAll(flaky, many(500));
    } catch (IOException | RuntimeException expected) {
      // the failure itself is the point; what matters is what it leaves behind
    }
    int after = IndexInfo.read(dir).entries();
    assertTrue(after == 5 || after == 505, "partial commit: " + after);
    assertIntactWith(after);
    importAll(null, many(500));
    assertIntactWith(505);
  }

  private void importAll(MockDirectoryWrapper directory, List<QaEntry> entries) throws IOException {
    try (ArchiveWriter w =
        directory == null ? new ArchiveWriter(dir) : new ArchiveWriter(dir, directory)) {
      for (QaEntry e : entries) {
        w.upsert(e);
      }
      w.commit(null);
    }
  }

  private void assertIntactWith(int entries) throws IOException {
    assertEquals(entries, IndexInfo.read(dir).entries());
    try (ArchiveSearcher s = new ArchiveSearcher(dir)) {
      assertEquals(
          Fixtures.seed().id(), s.search(SearchRequest.of("botox eyebrows")).hits().get(0).id());
    }
  }
}
