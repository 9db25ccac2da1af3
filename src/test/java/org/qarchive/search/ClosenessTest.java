package org.qarchive.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qarchive.Fixtures;
import org.qarchive.archive.QaEntry;

/** Close and loose matches, per hit and for the result. */
class ClosenessTest {

  static final QaEntry RECOVERY =
      Fixtures.entry(
          "tummy-tuck-recovery",
          "Tummy tuck recovery",
          "How long is the recovery after a tummy tuck?",
          "Most patients walk the same day; recovery takes about two weeks.",
          LocalDate.of(2018, 1, 1));
  static final QaEntry PRICE =
      Fixtures.entry(
          "tummy-tuck-price",
          "Tummy tuck price",
          "What does a tummy tuck cost?",
          "A tummy tuck is priced after a consultation.",
          LocalDate.of(2018, 2, 1));
  static final QaEntry KNEE =
      Fixtures.entry(
          "knee-recovery",
          "Knee replacement",
          "What is the recovery time after a knee replacement?",
          "Recovery from a knee replacement takes months, and time.",
          LocalDate.of(2018, 3, 1));

  @TempDir Path dir;
  ArchiveSearcher searcher;

  @BeforeEach
  void open() throws Exception {
    Fixtures.index(dir, List.of(RECOVERY, PRICE, KNEE));
    searcher = new ArchiveSearcher(dir);
    // a first search in a cold JVM on a loaded machine can outlast the 200 ms search budget
    searcher.search(SearchRequest.of("tummy tuck"));
  }

  @AfterEach
  void close() throws Exception {
    searcher.close();
  }

  @Test
  void anEntryMustCoverAllButOneInThreeContentWords() {
    assertEquals(1, Closeness.needed(1));
    assertEquals(2, Closeness.needed(2));
    assertEquals(2, Closeness.needed(3));
    assertEquals(3, Closeness.needed(4));
    assertEquals(4, Closeness.needed(6));
    assertEquals(MatchQuality.CLOSE, Closeness.judge(2, 3));
    assertEquals(MatchQuality.LOOSE, Closeness.judge(1, 2));
    assertEquals(MatchQuality.CLOSE, Closeness.judge(0, 0), "no words to count");
  }

  @Test
  void eachHitSaysHowCloselyItMatchesAndTheResultWhetherAnyDoes() throws Exception {
    SearchResult r = searcher.search(SearchRequest.of("tummy tuck recovery time"));
    Map<String, MatchQuality> quality =
        r.hits().stream().collect(Collectors.toMap(SearchHit::id, SearchHit::quality));
    assertEquals(MatchQuality.CLOSE, quality.get(RECOVERY.id()));
    assertEquals(MatchQuality.LOOSE, quality.get(PRICE.id()), "a tummy tuck, but not its recovery");
    assertEquals(MatchQuality.LOOSE, quality.get(KNEE.id()), "recovery and time, not a tummy tuck");
    assertEquals(RECOVERY.id(), r.hits().get(0).id());
    assertEquals(MatchQuality.CLOSE, r.quality());

    SearchResult none = searcher.search(SearchRequest.of("tummy tuck scar cream"));
    assertEquals(MatchQuality.LOOSE, none.quality(), "nothing about scars");
    assertEquals(MatchQuality.LOOSE, none.hits().get(0).quality());
  }

  @Test
  void aClosePageOnPageTwoStillMakesTheResultClose() throws Exception {
    SearchResult second =
        searcher.search(
            new SearchRequest("tummy tuck recovery time", 2, 1, SearchRequest.Sort.RELEVANCE));
    assertEquals(MatchQuality.CLOSE, second.quality());
    SearchResult byDate =
        searcher.search(
            new SearchRequest("tummy tuck recovery time", 1, 1, SearchRequest.Sort.DATE));
    assertEquals(KNEE.id(), byDate.hits().get(0).id(), "newest first");
    assertEquals(MatchQuality.CLOSE, byDate.quality(), "a close answer further down counts");
  }
}
