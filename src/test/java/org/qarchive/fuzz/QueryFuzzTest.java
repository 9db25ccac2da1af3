package org.qarchive.fuzz;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.qarchive.Fixtures;
import org.qarchive.search.ArchiveSearcher;
import org.qarchive.search.InvalidQueryException;
import org.qarchive.search.SearchHit;
import org.qarchive.search.SearchRequest;

/**
 * Fuzzes query handling end to end (parse, search, highlight): any text either searches or is
 * refused with an {@link InvalidQueryException}, and snippets never contain markup other than
 * {@code <mark>}. In CI the inputs under {@code QueryFuzzTestInputs} run as regression seeds;
 * {@code ./qarchive fuzz} fuzzes for longer.
 */
class QueryFuzzTest {

  static Path dir;
  static ArchiveSearcher searcher;

  @BeforeAll
  static void open() throws IOException {
    dir = Files.createTempDirectory("qarchive-fuzz");
    Fixtures.index(dir, Fixtures.small());
    searcher = new ArchiveSearcher(dir);
  }

  @AfterAll
  static void close() throws IOException {
    searcher.close();
  }

  @FuzzTest(maxDuration = "2m")
  void anyQueryEitherSearchesOrIsRefusedCleanly(FuzzedDataProvider data) throws IOException {
    String q = data.consumeRemainingAsString();
    SearchRequest request;
    try {
      request = SearchRequest.of(q);
      var result = searcher.search(request);
      assertTrue(result.total() >= 0);
      for (SearchHit h : result.hits()) {
        assertSafe(h.questionSnippet());
        assertSafe(h.answerSnippet());
      }
      if (!result.hits().isEmpty()) {
        var marked = searcher.getMarked(result.hits().get(0).id(), q).orElseThrow();
        assertSafe(marked.answerHtml());
      }
      searcher.suggest(q, 5);
    } catch (InvalidQueryException refused) {
      assertFalse(refused.getMessage().isBlank());
    }
  }

  static void assertSafe(String html) {
    String stripped = html.replace("<mark>", "").replace("</mark>", "");
    assertFalse(stripped.contains("<"), html);
    assertFalse(stripped.contains(">"), html);
  }
}
