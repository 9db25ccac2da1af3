package org.qarchive.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qarchive.Fixtures;
import org.qarchive.archive.QaEntry;

/**
 * How the search copes with the way patients write: lay words, brand names, typos, long paragraphs.
 */
class PatientSearchTest {

  @TempDir Path dir;
  ArchiveSearcher searcher;

  static final QaEntry ONLY_CLINICAL =
      Fixtures.entry(
          "abdominoplasty-recovery",
          "Abdominoplasty recovery",
          "When can I return to the gym?",
          "After an abdominoplasty most patients walk the same day. Heavy lifting waits six weeks.",
          LocalDate.of(2018, 1, 1));
  static final QaEntry ONLY_LAY =
      Fixtures.entry(
          "tummy-tuck-cost",
          "Tummy tuck price",
          "What does a tummy tuck cost here?",
          "A tummy tuck is priced after a consultation.",
          LocalDate.of(2018, 2, 1));
  static final QaEntry EYELID =
      Fixtures.entry(
          "eyelid-surgery",
          "Blepharoplasty for hooded eyes",
          "Can blepharoplasty fix my hooded upper lids?",
          "Upper blepharoplasty removes the extra skin. The scar hides in the crease.",
          LocalDate.of(2018, 3, 1));
  static final QaEntry RHINO =
      Fixtures.entry(
          "rhinoplasty-revision",
          "Revision rhinoplasty",
          "My second rhinoplasty left a bump.",
          "A revision rhinoplasty waits a year after the first.",
          LocalDate.of(2018, 4, 1));
  static final QaEntry FILLER =
      Fixtures.entry(
          "lip-filler",
          "Lip filler lumps",
          "I have lumps after Restylane in my lips.",
          "Hyaluronic acid lumps can be massaged or dissolved with hyaluronidase.",
          LocalDate.of(2018, 5, 1));
  static final QaEntry DUP_A =
      Fixtures.entry(
          "botox-forehead-1",
          "Botox and heavy forehead",
          "Why does my forehead feel heavy two weeks after Botox injections?",
          "The frontalis muscle is relaxed; the feeling fades.",
          LocalDate.of(2019, 1, 1));
  static final QaEntry DUP_B =
      Fixtures.entry(
          "botox-forehead-2",
          "Heavy forehead after Botox",
          "Why does my forehead feel so heavy two weeks after my Botox injections?",
          "This is common when the forehead muscle relaxes, and it fades.",
          LocalDate.of(2019, 2, 1));

  @BeforeEach
  void open() throws Exception {
    List<QaEntry> entries = new ArrayList<>(Fixtures.small());
    entries.addAll(List.of(ONLY_CLINICAL, ONLY_LAY, EYELID, RHINO, FILLER, DUP_A, DUP_B));
    Fixtures.index(dir, entries);
    searcher = new ArchiveSearcher(dir);
  }

  @AfterEach
  void close() throws Exception {
    searcher.close();
  }

  private List<String> ids(SearchResult r) {
    return r.hits().stream().map(SearchHit::id).toList();
  }

  @Test
  void multiWordLayTermFindsTheClinicalWord() throws Exception {
    assertTrue(ids(searcher.search(SearchRequest.of("tummy tuck"))).contains(ONLY_CLINICAL.id()));
    assertTrue(ids(searcher.search(SearchRequest.of("nose job"))).contains(RHINO.id()));
    assertTrue(ids(searcher.search(SearchRequest.of("eyelid lift"))).contains(EYELID.id()));
  }

  @Test
  void singleWordSynonymsWorkBothWays() throws Exception {
    assertTrue(ids(searcher.search(SearchRequest.of("juvederm lumps"))).contains(FILLER.id()));
    assertTrue(ids(searcher.search(SearchRequest.of("xeomin"))).contains(Fixtures.seed().id()));
  }

  @Test
  void theTypedWordRanksAboveItsSynonym() throws Exception {
    assertEquals(ONLY_LAY.id(), ids(searcher.search(SearchRequest.of("tummy tuck price"))).get(0));
    List<String> clinical = ids(searcher.search(SearchRequest.of("abdominoplasty")));
    assertTrue(
        clinical.indexOf(ONLY_CLINICAL.id()) < clinical.indexOf(ONLY_LAY.id()),
        clinical.toString());
    List<String> lay = ids(searcher.search(SearchRequest.of("tummy tuck")));
    assertTrue(lay.indexOf(ONLY_LAY.id()) < lay.indexOf(ONLY_CLINICAL.id()), lay.toString());
  }

  @Test
  void synonymMatchesAreMarkedInSnippets() throws Exception {
    SearchHit hit =
        searcher.search(SearchRequest.of("tummy tuck")).hits().stream()
            .filter(h -> h.id().equals(ONLY_CLINICAL.id()))
            .findFirst()
            .orElseThrow();
    assertTrue(hit.answerSnippet().contains("<mark>abdominoplasty</mark>"), hit.answerSnippet());
  }

  @Test
  void stemsAreMatchedAndMarked() throws Exception {
    SearchHit hit = searcher.search(SearchRequest.of("lump")).hits().get(0);
    assertEquals(FILLER.id(), hit.id());
    assertTrue(hit.answerSnippet().contains("<mark>lumps</mark>"), hit.answerSnippet());
  }

  @Test
  void misspelledWordIsCorrectedAndTheTypedQueryCanStillBeSearched() throws Exception {
    SearchResult r = searcher.search(SearchRequest.of("blefaroplasty"));
    assertEquals("blepharoplasty", r.correctedQuery());
    assertEquals(EYELID.id(), r.hits().get(0).id());
    SearchResult asTyped = searcher.search(SearchRequest.of("blefaroplasty").asTyped());
    assertNull(asTyped.correctedQuery());
    assertEquals(0, asTyped.total());
  }

  @Test
  void theWholeEntryIsMarkedForTheCorrectedWordUnlessExact() throws Exception {
    var marked = searcher.getMarked(EYELID.id(), "blefaroplasty").orElseThrow();
    assertTrue(
        marked.answerHtml().contains("Upper <mark>blepharoplasty</mark>"), marked.answerHtml());
    var asTyped = searcher.getMarked(EYELID.id(), "blefaroplasty", true).orElseThrow();
    assertTrue(!asTyped.answerHtml().contains("<mark>"), asTyped.answerHtml());
  }

  @Test
  void brandMisspellingIsCorrectedToTheBrand() throws Exception {
    SearchResult r = searcher.search(SearchRequest.of("restalyne lips"));
    assertEquals("restylane lips", r.correctedQuery());
    assertEquals(FILLER.id(), r.hits().get(0).id());
  }

  @Test
  void twoTyposTwoEditsAwayAreBothCorrected() throws Exception {
    SearchResult r = searcher.search(SearchRequest.of("hialuronidaze frontalsi"));
    assertEquals("hyaluronidase frontalis", r.correctedQuery());
  }

  @Test
  void aParagraphGetsItsFirstEightUnknownWordsCorrectedNotAll() throws Exception {
    String names = "qwzx plokm vbnz xjqw zzqa kwpq jjxq wqxv ";
    assertEquals("dissolved", searcher.search(SearchRequest.of("dissovled")).correctedQuery());
    SearchResult r = searcher.search(SearchRequest.of(names + "dissovled"));
    assertNull(
        r.correctedQuery(),
        "eight unknown words used up the budget, so the ninth is left as typed");
    assertEquals(
        "dissolved " + names.strip(),
        searcher.search(SearchRequest.of("dissovled " + names.strip())).correctedQuery());
  }

  @Test
  void ordinaryEnglishWordsAreNeverTakenForTypos() throws Exception {
    SearchResult prose =
        searcher.search(
            SearchRequest.of("My wife noticed small lamps under her lips a week after the filler"));
    assertNull(
        prose.correctedQuery(), "'lamps' is a word the archive lacks, not a typo of 'lumps' here");
    SearchResult shortQuery = searcher.search(SearchRequest.of("lamps lips"));
    assertNull(shortQuery.correctedQuery(), "a real word is never searched as another");
    assertNull(shortQuery.suggestedQuery(), "no entry has 'lumps' next to 'lips'");
    assertEquals(
        "lumps lips",
        searcher.search(SearchRequest.of("lumsp lips")).correctedQuery(),
        "a word no one knows is corrected");
  }

  @Test
  void knownWordsAreNotCorrected() throws Exception {
    assertNull(searcher.search(SearchRequest.of("rhinoplasty swelling")).correctedQuery());
  }

  @Test
  void aQueryThatFindsNothingIsRelaxedToMostWordsThenAnyWord() throws Exception {
    Ranking allUpToFive = new Ranking(2, 1.5f, 1, 0.6f, 0.6f, 1, 8, 1.5f, 5, 0.5f, 0.5f);
    try (ArchiveSearcher strict =
        new ArchiveSearcher(
            org.apache.lucene.store.FSDirectory.open(dir),
            org.qarchive.index.Analysis.DEFAULT,
            Synonyms.load(null, org.qarchive.index.Analysis.DEFAULT),
            allUpToFive)) {
      SearchResult most = strict.search(SearchRequest.of("tummy tuck scar silicone zebra"));
      assertEquals(SearchResult.Relaxation.MOST_WORDS, most.relaxation());
      assertEquals("tummy-tuck-scar", most.hits().get(0).id().replaceAll("-[0-9a-f]{8}$", ""));
    }
    SearchResult any = searcher.search(SearchRequest.of("rhinoplasty zebra"));
    assertEquals(SearchResult.Relaxation.ANY_WORD, any.relaxation());
    assertTrue(any.total() > 0);
    SearchResult none = searcher.search(SearchRequest.of("revision rhinoplasty"));
    assertEquals(SearchResult.Relaxation.NONE, none.relaxation());
  }

  @Test
  void shortQueriesNeedEveryWord() throws Exception {
    SearchResult r = searcher.search(SearchRequest.of("rhinoplasty bump"));
    assertEquals(List.of(RHINO.id()), ids(r));
  }

  @Test
  void aPastedParagraphFindsItsTopicAndCommonWordsDoNotDominate() throws Exception {
    String paragraph =
        "Hello doctor, I am 45 years old and I had my third baby two years ago. Since then I have had a lot of"
            + " loose skin on my belly and I am thinking about getting a tummy tuck. My main worry is the scar."
            + " How long does it take for the scar to fade and is there anything I can do to help it heal? I have"
            + " heard about silicone sheets but I do not know if they really work. I would also like to know how"
            + " long I need to be off work, because I have a physical job and I lift boxes all day. Thank you"
            + " very much for your time, I have read many of your answers and they were very helpful to me and"
            + " to my sister who is also thinking about surgery next year after her own pregnancy.";
    SearchResult r = searcher.search(SearchRequest.of(paragraph));
    assertTrue(r.total() > 0);
    assertTrue(ids(r).indexOf(Fixtures.small().get(1).id()) < 2, ids(r).toString());
  }

  @Test
  void aVeryLongQueryNeverFails() throws Exception {
    StringBuilder words = new StringBuilder();
    for (int i = 0; words.length() < QueryPlanner.MAX_QUERY_CHARS - 20; i++) {
      words.append("word").append(i).append(" botox ");
    }
    assertTrue(searcher.search(SearchRequest.of(words.toString())).total() >= 0);
  }

  @Test
  void queriesPastLuceneClauseLimitAreTrimmedNotRefused() throws Exception {
    StringBuilder phrases = new StringBuilder();
    StringBuilder synonymHeavy = new StringBuilder();
    for (int i = 0; phrases.length() < QueryPlanner.MAX_QUERY_CHARS; i++) {
      phrases.append("\"a").append(i).append(" b\" ");
    }
    while (synonymHeavy.length() < QueryPlanner.MAX_QUERY_CHARS) {
      synonymHeavy.append(
          "botox filler nose job tummy tuck heart attack flu -lipo scar OR swelling ");
    }
    int max = QueryPlanner.MAX_QUERY_CHARS;
    assertTrue(searcher.search(SearchRequest.of(phrases.substring(0, max))).total() >= 0);
    assertTrue(searcher.search(SearchRequest.of(synonymHeavy.substring(0, max))).total() > 0);
  }

  @Test
  void aLongQueryPastTheWordCapKeepsItsRarestWords() throws Exception {
    StringBuilder q = new StringBuilder();
    // words no entry contains cannot match: they must not crowd out the one that does
    for (int i = 0; i < QueryPlanner.MAX_SCORED_WORDS + 10; i++) {
      q.append("zq").append(i).append("x ");
    }
    q.append("blepharoplasty");
    SearchResult r = searcher.search(SearchRequest.of(q.toString()).asTyped());
    assertEquals(EYELID.id(), r.hits().get(0).id(), ids(r).toString());
  }

  @Test
  void nearDuplicateQuestionsAreFoldedUnderTheBestOne() throws Exception {
    SearchResult r = searcher.search(SearchRequest.of("heavy forehead botox"));
    SearchHit hit = r.hits().get(0);
    assertTrue(List.of(DUP_A.id(), DUP_B.id()).contains(hit.id()), ids(r).toString());
    String other = hit.id().equals(DUP_A.id()) ? DUP_B.id() : DUP_A.id();
    assertEquals(List.of(other), hit.similarIds());
    assertTrue(!ids(r).contains(other), ids(r).toString());
    assertTrue(r.hits().stream().skip(1).allMatch(h -> h.similarIds().isEmpty()));
  }

  @Test
  void exclusionAndPhraseWorkWithSynonyms() throws Exception {
    List<String> r = ids(searcher.search(SearchRequest.of("tummy tuck -price")));
    assertTrue(r.contains(ONLY_CLINICAL.id()));
    assertTrue(!r.contains(ONLY_LAY.id()), r.toString());
    assertEquals(
        List.of(ONLY_LAY.id()), ids(searcher.search(SearchRequest.of("\"tummy tuck cost\""))));
  }

  @Test
  void autocompleteOffersTitlesAndPhrasesContainingTheTypedWords() throws Exception {
    List<String> s = searcher.suggest("tum", 5);
    assertTrue(
        s.stream().anyMatch(x -> x.toLowerCase(java.util.Locale.ROOT).startsWith("tummy tuck")),
        s.toString());
    List<String> infix = searcher.suggest("hooded bleph", 5);
    assertEquals(List.of(EYELID.title()), infix);
    assertEquals(List.of(), searcher.suggest("x", 5));
    assertEquals(List.of(), searcher.suggest("qqqqzz", 5));
  }

  @Test
  void relevanceTiesAreOrderedById() throws Exception {
    SearchResult a =
        searcher.search(new SearchRequest("injections", 1, 2, SearchRequest.Sort.RELEVANCE));
    SearchResult b =
        searcher.search(new SearchRequest("injections", 2, 2, SearchRequest.Sort.RELEVANCE));
    List<String> all = new ArrayList<>(ids(a));
    all.addAll(ids(b));
    assertEquals(all.size(), all.stream().distinct().count());
  }
}
