package org.qarchive.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PostDateTest {

  @Test
  void aMonthOnlyDateStaysAMonthInTextAndOnThePage() {
    PostDate december = PostDate.month(2012, 12);
    assertEquals("2012-12", december.toString());
    assertEquals("December 2012", december.display());
    assertEquals(december, PostDate.parse("2012-12"));
    assertEquals(LocalDate.of(2012, 12, 1), december.start(), "sorts and ages from its first day");
  }

  @Test
  void aDayIsWrittenAsADay() {
    PostDate day = PostDate.of(LocalDate.of(2012, 12, 5));
    assertEquals("2012-12-05", day.toString());
    assertEquals("December 5, 2012", day.display());
    assertEquals(day, PostDate.parse("2012-12-05"));
    assertTrue(PostDate.month(2012, 12).compareTo(day) < 0);
  }

  @Test
  void textThatIsNoDateIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> PostDate.parse("2012-13"));
    assertThrows(IllegalArgumentException.class, () -> PostDate.parse("December"));
    assertThrows(
        IllegalArgumentException.class, () -> new PostDate(LocalDate.of(2012, 12, 5), true));
  }
}
