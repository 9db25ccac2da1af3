package org.qarchive.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qarchive.archive.QaEntry;
import org.qarchive.index.IndexInfo;

class CorpusGeneratorTest {

  @TempDir Path tmp;

  /** A tiny MedQuAD-shaped file, so the test needs no shared data. */
  static Path tinyMedquad(Path dir) throws IOException {
    Path f = dir.resolve("medquad.jsonl");
    Files.writeString(
        f,
        """
        {"id": "1", "focus": "Botox", "qtype": "treatment", "question": "What is Botox used for?", "answer": "Botox relaxes the muscles that cause wrinkles. It lasts three to four months. Results show after a week."}
        {"id": "2", "focus": "Rhinoplasty", "qtype": "outlook", "question": "How long does swelling last after rhinoplasty?", "answer": "Most swelling settles in a few weeks.   The tip can stay swollen for a year.\\nTaping helps some patients."}
        {"id": "3", "focus": "Diabetes", "qtype": "symptoms", "question": "What are the symptoms of diabetes?", "answer": "Thirst, frequent urination and tiredness are common. Some people notice no symptoms at all for years."}
        {"id": "4", "focus": "Empty", "qtype": "information", "question": "What is nothing?", "answer": ""}
        """,
        StandardCharsets.UTF_8);
    return f;
  }

  @Test
  void theSameSeedGivesTheSameEntriesInAnyOrder() throws IOException {
    List<CorpusGenerator.Source> sources = CorpusGenerator.loadMedquad(tinyMedquad(tmp));
    CorpusGenerator a = new CorpusGenerator(sources, 7);
    CorpusGenerator b = new CorpusGenerator(sources, 7);
    List<QaEntry> forward = IntStream.range(0, 50).mapToObj(a::entry).toList();
    List<QaEntry> backward =
        IntStream.range(0, 50).map(i -> 49 - i).mapToObj(b::entry).toList().reversed();
    assertEquals(forward, backward);
  }

  @Test
  void anotherSeedGivesOtherEntries() throws IOException {
    List<CorpusGenerator.Source> sources = CorpusGenerator.loadMedquad(tinyMedquad(tmp));
    CorpusGenerator a = new CorpusGenerator(sources, 1);
    CorpusGenerator b = new CorpusGenerator(sources, 2);
    long same = IntStream.range(0, 50).filter(i -> a.entry(i).equals(b.entry(i))).count();
    assertTrue(same < 5, same + " of 50 entries equal across seeds");
  }

  @Test
  void entriesAreDistinctRealisticQuestionsAndAnswers() throws IOException {
    List<CorpusGenerator.Source> sources = CorpusGenerator.loadMedquad(tinyMedquad(tmp));
    assertEquals(3, sources.size(), "the pair without an answer is skipped");
    CorpusGenerator gen = new CorpusGenerator(sources, 42);
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 500; i++) {
      QaEntry e = gen.entry(i);
      assertTrue(ids.add(e.id()), "duplicate id " + e.id());
      assertFalse(e.question().isBlank());
      assertFalse(e.answer().isBlank());
      assertFalse(e.title().isBlank());
      assertFalse(e.categories().isEmpty());
      assertTrue(e.date().year() >= 2006 && e.date().year() <= 2024, e.date().toString());
      assertEquals(QaEntry.idFor(e.url(), 0), e.id());
    }
  }

  @Test
  void splitsAnswersIntoSentences() {
    assertEquals(
        List.of(
            "The first sentence is here.",
            "Is the second one a question?",
            "Yes, it surely is, all of it!"),
        CorpusGenerator.sentences(
            "The first sentence is here.  Is the second one a question?\nYes, it surely is, all of it! ok"));
  }

  @Test
  void aBenchIndexHasTheAskedSizeAndIsReusedFromTheCache() throws IOException {
    CorpusGenerator gen = new CorpusGenerator(CorpusGenerator.loadMedquad(tinyMedquad(tmp)), 3);
    java.io.StringWriter log = new java.io.StringWriter();
    Path dir = BenchIndex.obtain(tmp.resolve("work"), gen, 300, new java.io.PrintWriter(log, true));
    assertEquals(300, IndexInfo.read(dir).entries());
    assertTrue(log.toString().contains("building"));
    StringBuilder before = new StringBuilder(log.toString());
    assertEquals(
        dir, BenchIndex.obtain(tmp.resolve("work"), gen, 300, new java.io.PrintWriter(log, true)));
    assertEquals(before.toString(), log.toString(), "the second call builds nothing");
    assertNotEquals(dir, BenchIndex.dirFor(tmp.resolve("work"), 301, 3));
  }
}
