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

  /**
   * Boundaries are walked once and remembered: asked in any order, at every offset, the iterator
   * must give the boundaries its own walk from the start gives, also on a slice of a longer text.
   */
  @Test
  void answersEveryOffsetInAnyOrderAsItsWalkFromTheStart() {
    String text =
        "Hi Dr. Kane,\n\nI had fillers e.g. Juvederm approx. two weeks ago. Is swelling normal?"
            + " \"Yes,\" said Mr. Smith. It lasts 3.5 days! Or more... Then it settles (mostly).\n"
            + "Thanks in advance. Kind regards, Mary";
    java.util.Random random = new java.util.Random(42);
    for (int from : new int[] {0, 14}) {
      SnippetSentences walk = new SnippetSentences();
      walk.setText(new java.text.StringCharacterIterator(text, from, text.length(), from));
      java.util.TreeSet<Integer> bounds = new java.util.TreeSet<>();
      for (int b = walk.first(); b != BreakIterator.DONE; b = walk.next()) {
        bounds.add(b);
      }
      assertTrue(bounds.size() > 6, "the text has sentences: " + bounds);
      SnippetSentences it = new SnippetSentences();
      it.setText(new java.text.StringCharacterIterator(text, from, text.length(), from));
      List<Integer> offsets = new ArrayList<>();
      for (int o = from; o <= text.length(); o++) {
        offsets.add(o);
      }
      java.util.Collections.shuffle(offsets, random);
      for (int o : offsets) {
        Integer after = bounds.higher(o);
        Integer before = bounds.lower(o);
        assertEquals(after == null ? BreakIterator.DONE : after, it.following(o), "after " + o);
        assertEquals(before == null ? BreakIterator.DONE : before, it.preceding(o), "before " + o);
        assertEquals(bounds.contains(o), it.isBoundary(o), "at " + o);
      }
    }
  }
}
