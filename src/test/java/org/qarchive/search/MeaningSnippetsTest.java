package org.qarchive.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qarchive.Fixtures;
import org.qarchive.embedding.Embedder;
import org.qarchive.index.Analysis;

/** Which sentence of an answer found by meaning only becomes its snippet. */
class MeaningSnippetsTest {

  @TempDir static Path dir;
  static DirectoryReader reader;
  static Embedder embedder;
  static final QueryPlanner PLANNER =
      new QueryPlanner(Analysis.DEFAULT, Synonyms.load(null, Analysis.DEFAULT), Ranking.DEFAULT);

  static final String OPENING = "Many patients write to us about recovery times from a procedure.";
  static final String TOPIC =
      "Ptosis following botulinum toxin happens when it spreads to the levator muscle.";
  static final String CLOSING = "Please see a board certified surgeon in person for advice.";

  @BeforeAll
  static void open() throws Exception {
    Fixtures.index(dir, new ArrayList<>(Fixtures.small()));
    reader = DirectoryReader.open(FSDirectory.open(dir));
    embedder = Embedder.load();
  }

  @AfterAll
  static void close() throws Exception {
    reader.close();
    embedder.close();
  }

  private static List<String> snippets(Embedder model, String query, String... answers)
      throws Exception {
    QueryPlan plan = PLANNER.plan(query, true, reader);
    MeaningSnippets snippets = new MeaningSnippets(model, Analysis.DEFAULT.textAnalyzer());
    return snippets.closest(
        Arrays.asList(answers), plan, model == null ? null : model.embedQuery(query));
  }

  @Test
  void theSentenceHoldingMostOfTheQuerysWordsIsChosenWithoutTheModel() throws Exception {
    String answer = OPENING + " " + CLOSING + " " + TOPIC;
    // "surgeon" is in the closing sentence, "levator" and "muscle" in the last one
    assertEquals(List.of(TOPIC), snippets(null, "levator muscle surgeon", answer));
  }

  @Test
  void withoutASharedWordTheSentenceNearestInMeaningIsChosen() throws Exception {
    String answer = OPENING + " " + TOPIC + " " + CLOSING;
    assertEquals(List.of(TOPIC), snippets(embedder, "my eyelid droops after the shots", answer));
  }

  @Test
  void withoutTheModelOrPastThePagesBudgetAnAnswerShowsItsFirstSentence() throws Exception {
    String answer = OPENING + " " + TOPIC + " " + CLOSING;
    assertEquals(List.of(OPENING), snippets(null, "my eyelid droops after the shots", answer));
    // the page's budget is spent on the first answer's three sentences
    assertTrue(MeaningSnippets.EMBEDDED_PER_PAGE < 6);
    List<String> two = snippets(embedder, "my eyelid droops after the shots", answer, answer);
    assertEquals(List.of(TOPIC, OPENING), two);
  }

  @Test
  void noAnswerStaysNoSnippetAndTextIsEscaped() throws Exception {
    List<String> out =
        snippets(
            null, "levator", null, "The <b>levator</b> muscle raises the lid & holds it there.");
    assertNull(out.get(0));
    assertEquals(
        "The &lt;b&gt;levator&lt;/b&gt; muscle raises the lid &amp; holds it there.", out.get(1));
  }
}
