package org.qarchive.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qarchive.Fixtures;
import org.qarchive.archive.QaEntry;
import org.qarchive.index.Analysis;
import org.qarchive.search.SearchResult.Relaxation;

/** What a plan records: the typed words, the synonyms' words, corrections and loosening. */
class QueryPlannerTest {

  @TempDir Path dir;
  DirectoryReader reader;
  QueryPlanner planner =
      new QueryPlanner(Analysis.DEFAULT, Synonyms.load(null, Analysis.DEFAULT), Ranking.DEFAULT);

  @BeforeEach
  void open() throws Exception {
    List<QaEntry> entries = new ArrayList<>(Fixtures.small());
    entries.addAll(
        List.of(
            PatientSearchTest.ONLY_CLINICAL,
            PatientSearchTest.ONLY_LAY,
            PatientSearchTest.EYELID,
            PatientSearchTest.FILLER));
    Fixtures.index(dir, entries);
    reader = DirectoryReader.open(FSDirectory.open(dir));
  }

  @AfterEach
  void close() throws Exception {
    reader.close();
  }

  @Test
  void unitsTellTypedTermsFromThoseASynonymBroughtIn() throws Exception {
    QueryPlan plan = planner.plan("tummy tuck", false, reader);
    // the words a multi-word synonym covers are a unit each, and its other side one more, one
    // concept together
    assertEquals(3, plan.units().size(), plan.units().toString());
    assertEquals(Set.of("tummi"), plan.units().get(0).typedTerms());
    assertEquals(Set.of("tuck"), plan.units().get(1).typedTerms());
    QueryPlan.Unit other = plan.units().get(2);
    assertTrue(other.alternative());
    assertTrue(other.synonymTerms().contains("abdominoplasti"), other.synonymTerms().toString());
    for (QueryPlan.Unit unit : plan.units()) {
      assertEquals(plan.units().get(0).concept(), unit.concept());
      assertFalse(unit.weak());
    }
    assertTrue(plan.corrections().isEmpty());
  }

  @Test
  void stopLikeWordsAreMarkedAndDoNotCountAsWordsThatMustMatch() throws Exception {
    QueryPlan plan = planner.plan("how long does swelling last", false, reader);
    List<String> weak =
        plan.units().stream()
            .filter(QueryPlan.Unit::weak)
            .flatMap(u -> u.typedTerms().stream())
            .sorted()
            .toList();
    assertEquals(List.of("last", "long"), weak);
    assertEquals(1, plan.contentWordCount(), "swelling is the topic");
    assertTrue(plan.requiresAllWords(Relaxation.NONE), "one word: it must match");
    // only stop-like words typed: they are the topic then
    QueryPlan only = planner.plan("how long does it last", false, reader);
    assertTrue(only.units().stream().noneMatch(QueryPlan.Unit::weak));
  }

  @Test
  void correctionsAreRecordedWordByWordAndTheQueryIsRewrittenInPlace() throws Exception {
    QueryPlan plan = planner.plan("blefaroplasty \"tummy tuck\" -lumps", false, reader);
    assertEquals(
        List.of(new QueryPlan.Correction("blefaroplasty", "blepharoplasty")), plan.corrections());
    assertEquals("blepharoplasty \"tummy tuck\" -lumps", plan.correctedQuery());
    assertEquals("blefaroplasty \"tummy tuck\" -lumps", plan.text());
    QueryPlan exact = planner.plan("blefaroplasty", true, reader);
    assertNull(exact.correctedQuery());
    assertTrue(exact.corrections().isEmpty());
  }

  @Test
  void aWordInCapitalsAmongLowerCaseWordsIsAnAbbreviationAndLeftAsTyped() throws Exception {
    assertEquals("botox", planner.plan("botx", false, reader).correctedQuery());
    QueryPlan abbreviation = planner.plan("swelling after BOTX", false, reader);
    assertNull(abbreviation.correctedQuery());
    assertTrue(abbreviation.corrections().isEmpty());
    // a capital first letter is how a sentence starts, not an abbreviation
    assertEquals(
        List.of(new QueryPlan.Correction("botx", "botox")),
        planner.plan("Botx swelling", false, reader).corrections());
    // typed all in capitals (caps lock), a word is corrected as in lower case
    assertEquals(
        List.of(new QueryPlan.Correction("botx", "botox")),
        planner.plan("SWELLING AFTER BOTX", false, reader).corrections());
  }

  @Test
  void capitalsAreTwoLettersOrMoreWithNoneInLowerCase() {
    assertTrue(Speller.inCapitals("TSD"));
    assertTrue(Speller.inCapitals("ÉPI"));
    assertTrue(Speller.inCapitals("ASAP?"));
    assertFalse(Speller.inCapitals("I"));
    assertFalse(Speller.inCapitals("Tsd"));
    assertFalse(Speller.inCapitals("tSD"));
    assertFalse(Speller.inCapitals("42"));
  }

  @Test
  void loosenedStepsFollowTheWordCount() throws Exception {
    assertEquals(List.of(Relaxation.NONE), planner.plan("botox", false, reader).relaxations());
    assertEquals(
        List.of(Relaxation.NONE, Relaxation.ANY_WORD),
        planner.plan("botox lumps", false, reader).relaxations());
    // three words or more already match any uncommon word: nothing to loosen
    assertEquals(
        List.of(Relaxation.NONE),
        planner.plan("botox lumps forehead", false, reader).relaxations());
    Ranking strict = new Ranking(2.0f, 1.5f, 1.0f, 0.6f, 0.6f, 2.0f, 8, 1.5f, 4, 0.5f, 0.5f);
    QueryPlanner allUpToFour = new QueryPlanner(Analysis.DEFAULT, Synonyms.none(), strict);
    QueryPlan plan = allUpToFour.plan("botox lumps forehead", false, reader);
    assertEquals(
        List.of(Relaxation.NONE, Relaxation.MOST_WORDS, Relaxation.ANY_WORD), plan.relaxations());
    BooleanQuery most = assertInstanceOf(BooleanQuery.class, plan.ranking(Relaxation.MOST_WORDS));
    BooleanQuery some = assertInstanceOf(BooleanQuery.class, most.clauses().get(0).query());
    assertEquals(2, some.getMinimumNumberShouldMatch());
  }

  @Test
  void theRankingQueryFindsWhatTheWordsSay() throws Exception {
    IndexSearcher searcher = new IndexSearcher(reader);
    QueryPlan plan = planner.plan("hooded -crease", false, reader);
    assertEquals(0, searcher.count(plan.ranking(Relaxation.NONE)));
    assertEquals(1, searcher.count(planner.plan("hooded", false, reader).ranking(Relaxation.NONE)));
    BooleanQuery q = assertInstanceOf(BooleanQuery.class, plan.ranking(Relaxation.NONE));
    assertTrue(q.clauses().stream().anyMatch(c -> c.occur() == BooleanClause.Occur.MUST_NOT));
  }

  @Test
  void onlyExclusionsMatchEverythingElseAndNothingSearchableMatchesNothing() throws Exception {
    IndexSearcher searcher = new IndexSearcher(reader);
    assertEquals(
        reader.numDocs() - 1,
        searcher.count(planner.plan("-hooded", true, reader).ranking(Relaxation.NONE)));
    assertInstanceOf(
        MatchNoDocsQuery.class, planner.plan("the of", true, reader).ranking(Relaxation.NONE));
    assertFalse(planner.plan("the of", true, reader).isBlank());
    assertTrue(planner.plan("  ", true, reader).isBlank());
  }
}
