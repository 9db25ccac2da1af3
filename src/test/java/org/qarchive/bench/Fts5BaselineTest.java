package org.qarchive.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.qarchive.Fixtures;

/** The SQLite FTS5 baseline of the hybrid benchmark: its queries and its ranking. */
class Fts5BaselineTest {

  private static final LocalDate DAY = LocalDate.of(2020, 1, 1);

  @Test
  void everyWordIsQuotedAndOrEdAndStopwordsAreLeftOutOfTheTopicForm() {
    String q = "How long does BOTOX last?";
    assertEquals(
        "\"how\" OR \"long\" OR \"does\" OR \"botox\" OR \"last\"",
        Fts5Baseline.query(q, Fts5Baseline.Form.EVERY_WORD));
    assertEquals(
        "\"long\" OR \"botox\" OR \"last\"", Fts5Baseline.query(q, Fts5Baseline.Form.TOPIC_WORDS));
    // FTS5's own syntax never reaches it: only words do
    assertEquals(
        "\"botox\" OR \"near\" OR \"lips\"",
        Fts5Baseline.query("botox\" NEAR( -lips*", Fts5Baseline.Form.EVERY_WORD));
    assertNull(Fts5Baseline.query("how do I?", Fts5Baseline.Form.TOPIC_WORDS));
    assertNull(Fts5Baseline.query("?!", Fts5Baseline.Form.EVERY_WORD));
  }

  @Test
  void ranksByBm25WithTheTitleWeighedMostAndAnswersEveryQuestion() throws Exception {
    try (Fts5Baseline fts5 =
        Fts5Baseline.of(
            List.of(
                Fixtures.entry(
                    "lids",
                    "Eyelid surgery",
                    "Is an eyelid lift painful?",
                    "A droopy lid (ptosis) after the shots wears off.",
                    DAY),
                Fixtures.entry(
                    "ptosis", "Ptosis", "Why does my lid droop?", "It wears off in weeks.", DAY),
                Fixtures.entry(
                    "filler", "Lip filler", "How long do fillers last?", "Six months.", DAY)))) {
      // the word in the second entry's title outranks it in the first one's answer
      assertEquals(
          List.of(2L, 1L), fts5.top(Fts5Baseline.query("ptosis", Fts5Baseline.Form.EVERY_WORD)));
      assertEquals(
          List.of(3L),
          fts5.top(Fts5Baseline.query("how long do fillers last", Fts5Baseline.Form.TOPIC_WORDS)));
      assertTrue(fts5.top(null).isEmpty());
      double rate =
          fts5.rate(
              List.of(
                  Fts5Baseline.query("droopy lid", Fts5Baseline.Form.EVERY_WORD),
                  Fts5Baseline.query("filler", Fts5Baseline.Form.EVERY_WORD)),
              0.05);
      assertTrue(rate > 0, "searches were made: " + rate);
    }
  }
}
