package org.qarchive.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.qarchive.SampleArchive;
import org.qarchive.archive.QaEntry;

/**
 * What a patient met on the sample archive (210 Q&As), the search side of "What patients see": each
 * test is one complaint, and failed before the change it guards.
 */
class SampleArchiveSearchTest {

  static ArchiveSearcher searcher;

  @BeforeAll
  static void open() throws Exception {
    searcher = new ArchiveSearcher(SampleArchive.index());
    // a first search in a cold JVM on a loaded machine can outlast the 200 ms search budget
    searcher.search(SearchRequest.of("how long does swelling last"));
  }

  @AfterAll
  static void close() throws Exception {
    if (searcher != null) {
      searcher.close();
    }
  }

  static SearchResult search(String q) throws Exception {
    return searcher.search(SearchRequest.of(q));
  }

  static List<String> titles(SearchResult r) {
    return r.hits().stream().map(SearchHit::title).toList();
  }

  /** The whole text of a hit's entry, lower case. */
  static String text(SearchHit h) throws Exception {
    QaEntry e = searcher.get(h.id()).orElseThrow();
    return (e.title() + " " + e.question() + " " + e.answer()).toLowerCase(Locale.ROOT);
  }

  /**
   * Whether every hit holds one of {@code topical} (stems, synonyms): none matched on "how long".
   */
  static void everyHitHasOneOf(SearchResult r, String... topical) throws Exception {
    for (SearchHit h : r.hits()) {
      String t = text(h);
      boolean found = false;
      for (String w : topical) {
        found |= t.contains(w);
      }
      assertTrue(found, h.title() + " holds none of " + List.of(topical));
    }
  }

  @Test
  void aQuestionAboutSwellingAfterANoseJobIsNotAnsweredByHowLongItchingLasts() throws Exception {
    SearchResult r = search("how long does swelling last after nose job");
    // was: "How long itching lasts after stopping doxycycline" first, on "how long ... last"
    assertFalse(
        titles(r).stream().limit(3).anyMatch(t -> t.contains("How long itching lasts")),
        titles(r).toString());
    everyHitHasOneOf(r, "swell", "swollen", "edema", "nose", "rhinoplast", "job");
    // the archive has no such answer, and says so
    assertEquals(MatchQuality.LOOSE, r.quality());
    assertTrue(r.hits().stream().allMatch(h -> h.quality() == MatchQuality.LOOSE));
  }

  @Test
  void botoxWhilePregnantIsNotAnsweredByPorphyriaOnWhile() throws Exception {
    SearchResult r = search("can i get botox while pregnant");
    // was: a porphyria answer in the top 3, matched on "while"
    assertFalse(
        titles(r).stream().limit(3).anyMatch(t -> t.contains("Porphyria")), titles(r).toString());
    everyHitHasOneOf(r, "botox", "botulinum", "dysport", "pregnan");
    assertEquals(MatchQuality.LOOSE, r.quality(), "no answer is about botox in pregnancy");
  }

  @Test
  void tummyTuckRecoveryTimeIsNotAnsweredByExpiredLidocaineOnTime() throws Exception {
    SearchResult r = search("tummy tuck recovery time");
    // was: expired lidocaine patches, matched on "time"
    assertFalse(titles(r).stream().anyMatch(t -> t.contains("lidocaine")), titles(r).toString());
    everyHitHasOneOf(r, "tummy", "tuck", "abdominoplast", "recover");
    assertEquals(MatchQuality.LOOSE, r.quality());
  }

  @Test
  void aQuestionTheArchiveAnswersMatchesClosely() throws Exception {
    SearchResult r = search("what is type 1 diabetes");
    assertEquals(MatchQuality.CLOSE, r.quality());
    assertEquals(MatchQuality.CLOSE, r.hits().get(0).quality());
    assertTrue(r.hits().get(0).title().contains("type 1 diabetes"), titles(r).toString());
  }

  @Test
  void theSpellerLeavesRealWordsAndSynonymsAlone() throws Exception {
    for (String q : List.of("lip filler lumps", "tingling after surgery", "droops", "ear")) {
      SearchResult r = search(q);
      // was: "lipo filler lumps", "ringing after surgery", "droop", "ears"
      assertNull(r.correctedQuery(), q + " was searched as " + r.correctedQuery());
      assertNull(r.suggestedQuery(), q + " was offered " + r.suggestedQuery());
    }
    // the archive has nothing on lip fillers: what it finds shares a word, and says so
    assertEquals(MatchQuality.LOOSE, search("lip filler lumps").quality());
  }

  @Test
  void correctlySpelledLayQueriesAreAlmostNeverCorrectedHereEither() throws Exception {
    // a small archive of general medicine lacks most cosmetic words: the hardest case for a speller
    java.nio.file.Path correct =
        java.nio.file.Path.of(getClass().getResource("/spelling/correct-queries.txt").toURI());
    org.qarchive.eval.Evaluation.FalseCorrectionReport r =
        org.qarchive.eval.Evaluation.falseCorrections(searcher, correct);
    System.out.println("sample archive: " + r);
    assertTrue(r.queries() >= 200);
    assertTrue(r.share() <= 0.01, r.toString());
  }

  @Test
  void aRealWordNextToItsNeighbourIsOfferedNotSearched() throws Exception {
    SearchResult r = search("prostrate cancer");
    assertNull(r.correctedQuery());
    assertEquals("prostate cancer", r.suggestedQuery());
    assertEquals("rhinoplasty", search("rhinoplasy").correctedQuery(), "a non-word is corrected");
  }

  @Test
  void aSynonymPhraseNeverMakesTheQueryStricterThanItsWords() throws Exception {
    // "after surgery, postoperative care" made "after surgery" a required phrase: 0-2 weak results
    SearchResult withPhrase = all("numbness after surgery");
    SearchResult words = all("numbness surgery");
    assertTrue(words.total() > 2, "the words alone find " + words.total());
    assertTrue(withPhrase.total() >= words.total(), withPhrase.total() + " < " + words.total());
    Set<String> wordsIds = words.hits().stream().map(SearchHit::id).collect(Collectors.toSet());
    Set<String> phraseIds =
        withPhrase.hits().stream().map(SearchHit::id).collect(Collectors.toSet());
    assertTrue(phraseIds.containsAll(wordsIds), "everything the words find is found");
  }

  private static SearchResult all(String q) throws Exception {
    return searcher.search(
        new SearchRequest(q, 1, SearchRequest.MAX_SIZE, SearchRequest.Sort.RELEVANCE));
  }

  /** A question snippet that is only a greeting, as the sentence splitter cut it at "Dr.". */
  static final Pattern GREETING_ONLY =
      Pattern.compile(
          "^(hi|hello|hey|dear)\\b[^.!?]{0,20}(dr|doctor)?\\.?\\s*(…)?$", Pattern.CASE_INSENSITIVE);

  @Test
  void questionSnippetsCarryContentNotGreetings() throws Exception {
    List<String> greetings = new ArrayList<>();
    int seen = 0;
    for (int page = 1; page <= 5; page++) {
      SearchResult r =
          searcher.search(new SearchRequest("", page, 50, SearchRequest.Sort.DATE, null));
      for (SearchHit h : r.hits()) {
        seen++;
        String plain = h.questionSnippet().replaceAll("</?mark>", "").strip();
        if (GREETING_ONLY.matcher(plain).matches()
            || SnippetSentences.isSmallTalk(plain.replace("…", ""))) {
          greetings.add(h.title() + ": " + plain);
        }
        assertFalse(plain.matches("(?i)^(hi|hello|dear) dr\\.?\\s*…?$"), h.title() + ": " + plain);
      }
    }
    assertTrue(seen >= 200, "listed " + seen);
    assertTrue(greetings.isEmpty(), greetings.size() + " greetings: " + greetings);
    // a query that matches only the answers shows the question's first content, not "Hi Dr. ..."
    for (SearchHit h : search("diabetes").hits()) {
      String plain = h.questionSnippet().replaceAll("</?mark>", "").strip();
      assertFalse(plain.toLowerCase(Locale.ROOT).matches("^(hi|hello|dear) dr\\.?\\s*…?$"), plain);
    }
  }
}
