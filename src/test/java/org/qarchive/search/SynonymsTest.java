package org.qarchive.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qarchive.Fixtures;
import org.qarchive.index.Analysis;

class SynonymsTest {

  @TempDir Path dir;

  @Test
  void theShippedFileParsesAndKnowsTheClinicsWords() {
    Synonyms s = Synonyms.load(null, Analysis.DEFAULT);
    assertTrue(s.map().fst != null);
    assertTrue(
        s.vocabulary()
            .containsAll(List.of("blepharoplasty", "restylane", "abdominoplasty", "dysport")));
  }

  @Test
  void anEditedFileTakesEffectWithoutReindexing() throws Exception {
    Path index = dir.resolve("index");
    Fixtures.index(index, Fixtures.small());
    Path file = dir.resolve("synonyms.txt");
    Files.writeString(file, "# the clinic's own word\nschnozzle => rhinoplasty\n");
    try (ArchiveSearcher shipped = new ArchiveSearcher(index);
        ArchiveSearcher edited = new ArchiveSearcher(index, file)) {
      assertEquals(0, shipped.search(SearchRequest.of("schnozzle").asTyped()).total());
      SearchResult r = edited.search(SearchRequest.of("schnozzle"));
      assertEquals(1, r.total());
      assertTrue(
          r.hits().get(0).answerSnippet().contains("<mark>rhinoplasty</mark>"),
          r.hits().get(0).answerSnippet());
    }
  }

  @Test
  void aBrokenFileIsRefusedWithItsName() throws Exception {
    Path file = dir.resolve("bad.txt");
    Files.writeString(file, "a => \n");
    var e =
        assertThrows(IllegalArgumentException.class, () -> Synonyms.load(file, Analysis.DEFAULT));
    assertTrue(e.getMessage().contains("bad.txt"), e.getMessage());
  }
}
