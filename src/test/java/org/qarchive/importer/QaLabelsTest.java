package org.qarchive.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.qarchive.importer.QaLabels.Label;
import org.qarchive.importer.QaLabels.Role;
import org.qarchive.importer.TextBlocks.Block;
import org.qarchive.importer.TextBlocks.Type;

class QaLabelsTest {

  private static Label label(String text) {
    return QaLabels.of(
        new Block(Type.PARAGRAPH, text, -1, -1, (char) 0, -1, false, null, 0, false));
  }

  private static Label bold(String lead, String text) {
    return QaLabels.of(
        new Block(Type.PARAGRAPH, text, -1, -1, (char) 0, -1, false, lead, 0, false));
  }

  @Test
  void questionLabelsGiveTheAskerWhereTheyNameOne() {
    assertEquals(
        new Label(Role.QUESTION, "Is it safe?", "Coeur d'Alene, ID", null, null),
        label("Question from Coeur d'Alene, ID: Is it safe?"));
    assertEquals(
        new Label(Role.QUESTION, "Is it safe?", "Jenna R.", null, null),
        label("Asked by Jenna R.: Is it safe?"));
    assertEquals(
        new Label(Role.QUESTION, "Is it safe?", null, null, null), label("Q. Is it safe?"));
    assertEquals(Role.QUESTION, label("Reader question").role(), "a heading alone");
    assertEquals(Role.QUESTION, label("Reader’s Question: why?").role());
    assertEquals(
        new Label(Role.QUESTION, "Ist das sicher?", "Wien", null, null),
        label("Frage von Wien: Ist das sicher?"));
    assertEquals(
        new Label(Role.QUESTION, "¿Es seguro?", "Madrid", null, null),
        label("Pregunta de Madrid: ¿Es seguro?"));
    assertEquals(
        new Label(Role.QUESTION, "Est-ce sûr ?", "Lyon", null, null),
        label("Question de Lyon : Est-ce sûr ?"));
  }

  @Test
  void aLetterStartsWithItsSalutationAndEndsWithItsSignature() {
    assertEquals(
        new Label(Role.QUESTION, "I am 52 and worried.", null, null, null),
        label("Dear Dr. Calloway, I am 52 and worried."));
    assertEquals(Role.QUESTION, label("Dear Doctor,").role());
    assertEquals(
        new Label(Role.SIGNATURE, "", "Worried in Ohio", null, null), label("— Worried in Ohio"));
    assertEquals(
        new Label(Role.SALUTATION, "Many people ask.", null, null, null),
        label("Dear Worried, Many people ask."));
  }

  @Test
  void answerLabelsGiveTheDoctorAndCredentialsTheyState() {
    assertEquals(
        new Label(
            Role.ANSWER,
            "It can.",
            null,
            "Dr. Paul Calloway",
            "Board Certified Plastic Surgeon from Austin"),
        label(
            "Answer from Dr. Paul Calloway, Board Certified Plastic Surgeon from Austin: It can."));
    assertEquals(
        new Label(Role.ANSWER, "It can.", null, "Dr. Maria Estevez", null),
        label("Dr. Maria Estevez replies: It can."));
    assertEquals("Dr Paul Calloway", label("Réponse du Dr Paul Calloway : Oui.").answerer());
    assertEquals("Dr. Anna Lindqvist", label("Antwort von Dr. Anna Lindqvist: Ja.").answerer());
    assertEquals("Dr. Ashford", label("Dr. Ashford’s answer").answerer());
    assertEquals(new Label(Role.ANSWER, "Yes.", null, null, null), bold("A:", "A: Yes."));
  }

  @Test
  void sentencesThatMerelyStartLikeALabelAreNotLabels() {
    assertNull(label("Questions about Botox come up every week, and here is why."));
    assertNull(label("Answering this takes a few paragraphs, so bear with me."));
    assertNull(label("Dr. Calloway answers every question himself, he says, because"));
    assertNull(label("Asked by many patients, this question deserves a long answer because it"));
  }
}
