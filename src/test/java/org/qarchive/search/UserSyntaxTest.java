package org.qarchive.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class UserSyntaxTest {

  /** The parts as the planner reads them: "-" for excluded, "|" for or-with-previous. */
  private static List<String> parts(String query) {
    UserSyntax.Parsed parsed = UserSyntax.read(query);
    return parsed.parts().stream()
        .map(
            p ->
                (p.orWithPrevious() ? "|" : "")
                    + (p.negated() ? "-" : "")
                    + (p.phrase()
                        ? "\"" + p.text() + "\"" + (p.slop() > 0 ? "~" + p.slop() : "")
                        : p.text()))
        .toList();
  }

  @Test
  void wordsPhrasesAndExclusionsAreReadInTextOrder() {
    assertEquals(
        List.of("swelling", "\"tummy tuck\"", "-bruising", "-\"nose job\""),
        parts("swelling \"tummy tuck\" -bruising -\"nose job\""));
  }

  @Test
  void orBindsTheNeighbouringWordsOnlyWhicheverWayItIsWritten() {
    assertEquals(List.of("swelling", "botox", "|dysport"), parts("swelling botox OR dysport"));
    assertEquals(List.of("swelling", "botox", "|dysport"), parts("swelling botox | dysport"));
    assertEquals(List.of("botox", "|dysport", "swelling"), parts("botox | dysport swelling"));
    assertEquals(List.of("a", "|b", "|c"), parts("a OR b OR c"));
  }

  @Test
  void anExcludedWordIsNeverAnAlternative() {
    assertEquals(List.of("a", "-b", "c"), parts("a -b | c"));
    assertEquals(List.of("a", "-b"), parts("a OR -b"));
  }

  @Test
  void lowerCaseOrAndOrInsideQuotesAreText() {
    assertEquals(List.of("botox", "or", "dysport"), parts("botox or dysport"));
    assertEquals(List.of("\"botox OR dysport\""), parts("\"botox OR dysport\""));
  }

  @Test
  void nearPhrasesKeepTheirDistanceUpToTheCap() {
    assertEquals(List.of("\"droopy eyelid\"~3"), parts("\"droopy eyelid\"~3"));
    assertEquals(
        List.of("\"droopy eyelid\"~" + UserSyntax.MAX_SLOP), parts("\"droopy eyelid\"~99999"));
  }

  @Test
  void operatorsWithoutOperandsAndOtherSyntaxAreText() {
    assertEquals(List.of(), parts("-"));
    assertEquals(List.of(), parts("OR"));
    assertEquals(List.of("*"), parts("*"));
    assertEquals(List.of("botox*", "lips~2", "title:x", "(a"), parts("botox* lips~2 title:x (a"));
    assertEquals(List.of("x"), parts("--x"));
    assertEquals(List.of("unclosed", "quote"), parts("\"unclosed quote"));
    assertEquals(List.of("anti-aging"), parts("anti-aging"));
  }

  @Test
  void eachPartKnowsWhereItStandsInTheText() {
    String q = "botx \"tummy tuck\" -bruising OR lipo";
    for (UserSyntax.Part p : UserSyntax.read(q).parts()) {
      assertEquals(p.text(), q.substring(p.start(), p.end()));
    }
  }

  @Test
  void aLongQueryReadsTheSameInPiecesAsWhole() {
    StringBuilder q = new StringBuilder();
    for (int i = 0; i < 120; i++) {
      q.append(
          i % 17 == 5 ? "\"tummy tuck scar\" " : i % 13 == 7 ? "-bruising " : "word" + i + " ");
      if (i % 29 == 28) {
        q.append("| other" + i + " ");
      }
    }
    List<String> read = parts(q.toString());
    assertTrue(UserSyntax.segments(q.toString()).size() > 2, "read in pieces");
    assertEquals(120 + 4, read.size(), read.toString());
    assertTrue(read.contains("|other28"), read.toString());
    assertTrue(read.contains("\"tummy tuck scar\""), read.toString());
    assertTrue(read.contains("-bruising"), read.toString());
    for (UserSyntax.Part p : UserSyntax.read(q.toString()).parts()) {
      assertEquals(p.text(), q.substring(p.start(), p.end()));
    }
  }

  @Test
  void partsAreCappedBelowLuceneClauseLimit() {
    String many = "a ".repeat(1900);
    assertEquals(UserSyntax.MAX_PARTS, UserSyntax.read(many).parts().size());
    assertTrue(UserSyntax.MAX_PARTS < org.apache.lucene.search.IndexSearcher.getMaxClauseCount());
  }

  @Test
  void tooLongIsRefusedWithAMessageForTheUser() {
    InvalidQueryException e =
        assertThrows(
            InvalidQueryException.class,
            () -> UserSyntax.read("x".repeat(UserSyntax.MAX_QUERY_CHARS + 1)));
    assertTrue(e.getMessage().contains("too long"));
  }

  @Test
  void controlCharactersAreSpaces() {
    assertEquals(List.of("a", "b"), parts("a\u0000b"));
  }
}
