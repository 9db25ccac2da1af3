package org.qarchive.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DoctorNamesTest {

  @Test
  void titlesNameTheDoctorWhoAnswers() {
    assertEquals("Dr. Helen Ashford", DoctorNames.inTitle("Dr. Helen Ashford Q&A – Is it safe?"));
    assertEquals("Dr. Ashford", DoctorNames.inTitle("Ask Dr. Ashford: Is it safe?"));
    assertNull(DoctorNames.inTitle("Is Dr. Ashford right?"));
  }

  @Test
  void bylinesNameTheDoctorInFullWithoutTheSentenceAroundIt() {
    assertEquals(Optional.of("Dr. Helen Ashford"), DoctorNames.leading("Dr. Helen Ashford, MD"));
    assertEquals(Optional.of("Dr. J. R. Smith"), DoctorNames.leading("Dr. J. R. Smith"));
    assertEquals(
        Optional.of("Dr. Helen Ashford"),
        DoctorNames.afterBy("Tuesday, May 22nd, 2012 By Dr. Helen Ashford."));
    assertEquals(Optional.empty(), DoctorNames.leading("Dr. Ashford"), "a byline names in full");
  }

  @Test
  void aShortNameIsCompletedFromThePageOrTheBlog() {
    assertEquals(
        "Dr. Sofia Pemberton",
        DoctorNames.fullName("Dr. Pemberton", "About Dr. Sofia Pemberton | Dr. Pemberton"));
    DoctorNames book = new DoctorNames();
    book.addAll("h.com", List.of("Dr. Sofia Pemberton", "Dr. Sofia Pemberton"));
    book.addAll("h.com", DoctorNames.fullNamesIn("Thanks to Dr. Sofia Pemberton and Dr. Lee Wu."));
    assertEquals("Dr. Sofia Pemberton", book.complete("h.com", "Dr. Pemberton"));
    assertEquals("Dr. Wu", book.complete("other.com", "Dr. Wu"));
  }
}
