package org.qarchive.search;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qarchive.Fixtures;
import org.qarchive.archive.QaEntry;

/**
 * Which words a snippet marks: what the patient typed wherever it stands, a synonym's phrase only
 * whole.
 */
class SnippetTest {

  static final QaEntry PHRASE =
      Fixtures.entry(
          "tummy-tuck-at-60",
          "Safe at 60?",
          "Is a tummy tuck safe at 60?",
          "Abdominoplasty is major surgery, but safe for healthy patients.",
          LocalDate.of(2018, 1, 1));
  static final QaEntry LONE =
      Fixtures.entry(
          "round-after-twins",
          "Round after twins",
          "My tummy stayed round after twins.",
          "An abdominoplasty repairs the separated muscles.",
          LocalDate.of(2018, 2, 1));

  @TempDir Path dir;
  ArchiveSearcher searcher;

  @BeforeEach
  void open() throws Exception {
    Fixtures.index(dir, List.of(PHRASE, LONE));
    searcher = new ArchiveSearcher(dir);
  }

  @AfterEach
  void close() throws Exception {
    searcher.close();
  }

  private SearchHit hit(String query, QaEntry entry) throws Exception {
    return searcher.search(SearchRequest.of(query)).hits().stream()
        .filter(h -> h.id().equals(entry.id()))
        .findFirst()
        .orElseThrow(() -> new AssertionError(entry.id() + " not found for " + query));
  }

  @Test
  void aSynonymsPhraseIsMarkedOnlyWhereItStandsWhole() throws Exception {
    String whole = hit("abdominoplasty", PHRASE).questionSnippet();
    assertTrue(whole.contains("<mark>tummy</mark> <mark>tuck</mark>"), whole);
    String lone = hit("abdominoplasty", LONE).questionSnippet();
    assertFalse(lone.contains("<mark>"), "'tummy' alone is not the synonym 'tummy tuck': " + lone);
  }

  @Test
  void typedWordsAreMarkedWhereverTheyStandEvenWhenASynonymJoinsThemIntoAPhrase() throws Exception {
    String lone = hit("tummy tuck", LONE).questionSnippet();
    assertTrue(lone.contains("<mark>tummy</mark>"), lone);
    String answer = hit("tummy tuck", LONE).answerSnippet();
    assertTrue(answer.contains("<mark>abdominoplasty</mark>"), answer);
  }
}
