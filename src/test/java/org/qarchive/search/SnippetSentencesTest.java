package org.qarchive.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SnippetSentencesTest {

  static List<String> sentences(String text) {
    SnippetSentences it = new SnippetSentences();
    it.setText(text);
    List<String> out = new ArrayList<>();
    int start = it.first();
    for (int end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
      out.add(text.substring(start, end).strip());
    }
    return out;
  }

  @Test
  void abbreviationsDoNotEndSentences() {
    assertEquals(
        List.of(
            "I saw Dr. Kane and Mr. Smith about fillers, e.g. Juvederm, approx. two weeks ago.",
            "Is that too soon?"),
        sentences(
            "I saw Dr. Kane and Mr. Smith about fillers, e.g. Juvederm, approx. two weeks ago."
                + " Is that too soon?"));
    assertEquals(
        List.of("The dose is 500 mg.", "Take it with food."),
        sentences("The dose is 500 mg. Take it with food."),
        "a unit is not an abbreviation");
  }

  @Test
  void anOpeningGreetingIsASentenceOfItsOwn() {
    assertEquals(
        List.of("Hi Dr. Ashford,", "what research is being done for Tremor?"),
        sentences("Hi Dr. Ashford, what research is being done for Tremor?"));
    assertEquals(
        List.of("Hello Dr. Ashford,", "I have been taking lidocaine for ten days.", "Is it ok?"),
        sentences("Hello Dr. Ashford,\n\nI have been taking lidocaine for ten days. Is it ok?"));
    assertEquals(
        List.of("Hiking after a tummy tuck?"),
        sentences("Hiking after a tummy tuck?"),
        "a word that only starts like a greeting");
  }

  @Test
  void greetingsAndSignOffsAreSmallTalk() {
    for (String s :
        List.of(
            "Hi Dr. Kane,",
            "Hello Dr. Ashford,",
            "Dear doctor,",
            "Thank you!",
            "Thanks in advance.",
            "Thank you so much for your help!",
            "Kind regards, Mary",
            "Sincerely,",
            "Please help.",
            "Good morning Dr. Kane!")) {
      assertTrue(SnippetSentences.isSmallTalk(s), s);
    }
    for (String s :
        List.of(
            "Thank you for answering: is swelling normal?",
            "Hi, is it normal to have lumps after filler?",
            "Help, my lips are swollen after filler.",
            "My doctor said to wait.")) {
      assertFalse(SnippetSentences.isSmallTalk(s), s);
    }
  }

  @Test
  void followsTheBreakIteratorContract() {
    SnippetSentences it = new SnippetSentences();
    String text = "Hi Dr. Kane, one. Two. Three.";
    it.setText(text);
    assertEquals(0, it.first());
    assertEquals(text.length(), it.last());
    int second = it.following(0);
    assertEquals("Hi Dr. Kane, ".length(), second);
    assertEquals(0, it.preceding(second));
    assertTrue(it.isBoundary(second));
    assertFalse(it.isBoundary(second + 1));
    assertEquals(BreakIterator.DONE, it.following(text.length()));
    assertEquals(BreakIterator.DONE, it.preceding(0));
  }
}
