package org.qarchive.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.qarchive.Fixtures;
import org.qarchive.archive.PostDate;
import org.qarchive.archive.QaEntry;
import org.qarchive.index.ArchiveWriter;

class ArchiveSearcherTest {

  @TempDir Path dir;
  ArchiveSearcher searcher;

  @BeforeEach
  void open() throws Exception {
    Fixtures.index(dir, Fixtures.small());
    searcher = new ArchiveSearcher(dir);
  }

  @AfterEach
  void close() throws Exception {
    searcher.close();
  }

  @Test
  void botoxEyebrowsFindsTheSeedAnswerFirstWithMarkedMatches() throws Exception {
    SearchResult r = searcher.search(SearchRequest.of("botox eyebrows"));
    assertEquals(Fixtures.seed().id(), r.hits().get(0).id());
    assertTrue(
        r.hits().get(0).questionSnippet().contains("<mark>eyebrows</mark>"),
        r.hits().get(0).questionSnippet());
    assertTrue(
        r.hits().get(0).answerSnippet().contains("<mark>Botox</mark>"),
        r.hits().get(0).answerSnippet());
  }

  @Test
  void snippetsEscapeMarkupFromTheArchivedPage() throws Exception {
    SearchHit hit = searcher.search(SearchRequest.of("safe fillers")).hits().get(0);
    assertTrue(
        hit.questionSnippet().contains("&lt;img src=x onerror=alert(1)&gt;"),
        hit.questionSnippet());
    assertFalse(hit.questionSnippet().contains("<img"), hit.questionSnippet());
    assertTrue(
        hit.answerSnippet()
            .contains("&lt;b&gt;<mark>fillers</mark>&lt;/b&gt; &amp; &quot;quotes&quot;"),
        hit.answerSnippet());
  }

  @Test
  void exactPhraseRequiresTheWordsTogether() throws Exception {
    assertEquals(1, searcher.search(SearchRequest.of("\"facial toners\"")).total());
    assertEquals(0, searcher.search(SearchRequest.of("\"toners facial\"")).total());
  }

  @Test
  void minusExcludesEntriesWithTheWord() throws Exception {
    SearchResult r = searcher.search(SearchRequest.of("swelling -rhinoplasty"));
    assertTrue(r.hits().stream().noneMatch(h -> h.title().contains("rhinoplasty")));
  }

  @Test
  void orMatchesEitherWord() throws Exception {
    assertEquals(2, searcher.search(SearchRequest.of("abdominoplasty OR rhinoplasty")).total());
  }

  @Test
  void barAndOrMeanTheSame() throws Exception {
    assertEquals(2, searcher.search(SearchRequest.of("abdominoplasty | rhinoplasty")).total());
  }

  @Test
  void swappedSynonymsTakeEffectForTheNextSearch() throws Exception {
    assertEquals(0, searcher.search(SearchRequest.of("zzpuffy").asTyped()).total());
    searcher.useSynonyms(
        Synonyms.parse(
            "zzpuffy, abdominoplasty", org.qarchive.index.Analysis.DEFAULT, "staff edit"));
    assertEquals("staff edit", searcher.synonyms().source());
    assertEquals(1, searcher.search(SearchRequest.of("zzpuffy").asTyped()).total());
    searcher.useSynonyms(Synonyms.none());
    assertEquals(0, searcher.search(SearchRequest.of("zzpuffy").asTyped()).total());
  }

  @Test
  void dateSortPutsTheNewestFirst() throws Exception {
    SearchResult r = searcher.search(new SearchRequest("", 1, 10, SearchRequest.Sort.DATE));
    assertEquals(5, r.total());
    assertEquals("2017-01-01", r.hits().get(0).date());
  }

  @Test
  void pagesDoNotOverlap() throws Exception {
    var first = searcher.search(new SearchRequest("", 1, 2, SearchRequest.Sort.RELEVANCE)).hits();
    var second = searcher.search(new SearchRequest("", 2, 2, SearchRequest.Sort.RELEVANCE)).hits();
    assertEquals(2, second.size());
    assertTrue(first.stream().noneMatch(h -> second.stream().anyMatch(s -> s.id().equals(h.id()))));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\"",
        "(",
        ")",
        "[* TO *]",
        "*:*",
        "~",
        "a^99999999999",
        "/[/",
        "title:botox AND (",
        "\"a b\"~99999999",
        "- -- ---",
        "OR OR",
        "-\"",
        "\u0000botox",
        "can botox move?!",
        "a~2 a~2 a~2"
      })
  void patientInputNeverFails(String q) throws Exception {
    SearchResult r = searcher.search(SearchRequest.of(q));
    assertTrue(r.total() >= 0);
  }

  @Test
  void wholeEntryMarksEveryMatch() throws Exception {
    var marked = searcher.getMarked(Fixtures.seed().id(), "botox").orElseThrow();
    // twice Botox, and Dysport as its synonym
    assertEquals(3, marked.answerHtml().split("<mark>", -1).length - 1, marked.answerHtml());
    assertTrue(marked.answerHtml().contains("<mark>Dysport</mark>"), marked.answerHtml());
  }

  @Test
  void tooLongQueryIsRefusedWithAMessage() {
    var e =
        org.junit.jupiter.api.Assertions.assertThrows(
            InvalidQueryException.class,
            () -> searcher.search(SearchRequest.of("a ".repeat(QueryPlanner.MAX_QUERY_CHARS))));
    assertTrue(e.getMessage().contains("too long"));
  }

  @Test
  void unknownIdIsEmpty() throws Exception {
    assertTrue(searcher.get("nope").isEmpty());
    assertEquals(List.of("Botox"), searcher.get(Fixtures.seed().id()).orElseThrow().categories());
  }

  @Test
  void browsingFacetsAreCountedOncePerIndexVersionAndFollowNewCommits() throws Exception {
    Map<String, List<FacetCount>> before = searcher.facets();
    assertEquals(
        List.of(new FacetCount("Ask the Doctor", 4), new FacetCount("Botox", 1)),
        before.get("category"));
    assertEquals(ArchiveSearcher.FACET_FIELDS, List.copyOf(before.keySet()), "in display order");
    assertSame(before, searcher.facets(), "the same index version is not counted again");
    try (ArchiveWriter w = new ArchiveWriter(dir)) {
      w.upsert(
          new QaEntry(
              "lipo-1",
              "http://blog.example-clinic.com/2018/01/lipo/",
              "Liposuction",
              "How long?",
              null,
              "Weeks.",
              "Dr. Dean Kane",
              null,
              PostDate.of(LocalDate.of(2018, 1, 1)),
              List.of("Body"),
              List.of("lipo"),
              "lipo.html"));
      w.commit(null);
    }
    searcher.refresh();
    Map<String, List<FacetCount>> after = searcher.facets();
    assertTrue(after.get("category").contains(new FacetCount("Body", 1)), after.toString());
    assertTrue(after.get("year").contains(new FacetCount("2018", 1)), after.toString());
  }

  @Test
  void facetsCountMatchesPerValueAndFiltersNarrowTheResult() throws Exception {
    SearchResult all = searcher.search(SearchRequest.of(""));
    assertEquals(
        List.of(new FacetCount("Ask the Doctor", 4), new FacetCount("Botox", 1)),
        all.facets().get("category"));
    var onlyBotox = new Filters(List.of("Botox"), List.of(), List.of(), List.of());
    SearchResult filtered =
        searcher.search(new SearchRequest("", 1, 10, SearchRequest.Sort.RELEVANCE, onlyBotox));
    assertEquals(1, filtered.total());
    var years = new Filters(List.of(), List.of(), List.of("2014", "2015"), List.of());
    assertEquals(
        2, searcher.search(new SearchRequest("", 1, 10, SearchRequest.Sort.DATE, years)).total());
  }

  @Test
  void withoutFacetsTheSameHitsComeBackAndNoFacetsAreCounted() throws Exception {
    for (String q : List.of("botox eyebrows", "fillers", "")) {
      SearchResult with = searcher.search(SearchRequest.of(q));
      SearchResult without = searcher.search(SearchRequest.of(q).withoutFacets());
      assertEquals(with.hits(), without.hits(), q);
      assertEquals(with.total(), without.total(), q);
      assertTrue(without.totalExact(), "a few matches are counted exactly: " + q);
      assertFalse(with.facets().isEmpty(), q);
      assertTrue(without.facets().isEmpty(), q);
    }
  }

  @Test
  void pastTheCountLimitASearchWithoutFacetsReportsALowerBound(@TempDir Path big) throws Exception {
    int n = ArchiveSearcher.COUNT_UP_TO + 200;
    List<QaEntry> entries = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      entries.add(
          Fixtures.entry(
              "botox-" + i,
              "Botox question " + i,
              "Is Botox safe for wrinkle number " + i + "?",
              "Botox is safe in trained hands" + " and so on".repeat(i % 7) + ".",
              LocalDate.of(2015, 1, 1)));
    }
    Fixtures.index(big, entries);
    try (ArchiveSearcher s = new ArchiveSearcher(big)) {
      SearchResult counted = s.search(SearchRequest.of("botox safe"));
      assertEquals(n, counted.total());
      assertTrue(counted.totalExact());
      SearchResult bounded = s.search(SearchRequest.of("botox safe").withoutFacets());
      assertFalse(bounded.totalExact());
      assertTrue(
          bounded.total() >= ArchiveSearcher.COUNT_UP_TO && bounded.total() <= n,
          "" + bounded.total());
      assertEquals(counted.hits(), bounded.hits());
    }
  }

  @Test
  void relatedEntriesExcludeTheEntryItself() throws Exception {
    var related = searcher.related(Fixtures.small().get(3).id(), 3);
    assertTrue(related.stream().noneMatch(h -> h.id().equals(Fixtures.small().get(3).id())));
    assertFalse(related.isEmpty());
  }

  @Test
  void suggestionsCompleteTheLastWordOfTitles() throws Exception {
    assertEquals(List.of("Tummy tuck scar healing"), searcher.suggest("tummy tu", 5));
    assertTrue(searcher.suggest("x", 5).isEmpty());
  }

  @Test
  void aTypedTextLongerThanAnySuggestionGetsNoneInsteadOfFailing() throws Exception {
    assertTrue(searcher.suggest("a ".repeat(1500), 5).isEmpty());
    assertTrue(searcher.suggest("tummy " + "x".repeat(Suggester.MAX_CHARS), 5).isEmpty());
  }

  @Test
  void aWordTheEntriesHoldInAnotherFormIsNotCorrected() throws Exception {
    // the seed asks about "the botox moving": "move" is not in the index as typed, but its stem is
    SearchResult r = searcher.search(SearchRequest.of("can botox move"));
    assertEquals(null, r.correctedQuery());
    assertEquals(Fixtures.seed().id(), r.hits().get(0).id());
    assertTrue(
        r.hits().get(0).questionSnippet().contains("<mark>moving</mark>"),
        r.hits().get(0).questionSnippet());
  }
}
