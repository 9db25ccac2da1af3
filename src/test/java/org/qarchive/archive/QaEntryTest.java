package org.qarchive.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.qarchive.Fixtures;

class QaEntryTest {

  @Test
  void idIsAReadableSlugPlusAHashOfTheWholeUrl() {
    String id = QaEntry.idFor("https://blog.example.com/2013/05/botox-and-toners/", 0);
    assertTrue(id.matches("botox-and-toners-[0-9a-f]{8}"), id);
  }

  @Test
  void samePostSlugInAnotherYearGetsAnotherId() {
    assertNotEquals(
        QaEntry.idFor("https://b.example/2013/05/botox/", 0),
        QaEntry.idFor("https://b.example/2014/05/botox/", 0));
  }

  @Test
  void eachQaOnARoundupPageGetsItsOwnId() {
    String url = "https://b.example/2013/05/roundup/";
    assertNotEquals(QaEntry.idFor(url, 0), QaEntry.idFor(url, 1));
  }

  @Test
  void contentHashChangesWithVisibleTextButNotWithSourceFile() {
    QaEntry a = Fixtures.seed();
    QaEntry moved =
        new QaEntry(
            a.id(),
            a.url(),
            a.title(),
            a.question(),
            a.askerLocation(),
            a.answer(),
            a.answeredBy(),
            a.credentials(),
            a.date(),
            a.categories(),
            a.tags(),
            "elsewhere.html");
    QaEntry edited =
        new QaEntry(
            a.id(),
            a.url(),
            a.title(),
            a.question(),
            a.askerLocation(),
            a.answer() + "!",
            a.answeredBy(),
            a.credentials(),
            a.date(),
            a.categories(),
            a.tags(),
            a.sourceFile());
    assertEquals(a.contentHash(), moved.contentHash());
    assertNotEquals(a.contentHash(), edited.contentHash());
  }

  @Test
  void rejectsAnEntryWithNeitherQuestionNorAnswer() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new QaEntry("x", "u", "t", " ", null, "", null, null, null, List.of(), List.of(), "f"));
  }
}
