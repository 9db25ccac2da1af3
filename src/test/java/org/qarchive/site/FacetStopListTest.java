package org.qarchive.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class FacetStopListTest {

  @Test
  void theShippedListHidesTheBlogsBookkeepingTagsAndNoTopic() throws Exception {
    FacetStopList s = FacetStopList.parse(SiteConfig.File.FACET_STOPLIST.defaultText());
    for (String tag :
        List.of("q&a", "Q&A", "reader mailbag", "Reader  Mailbag", "Ask the Doctor")) {
      assertTrue(s.hides(tag), tag);
    }
    for (String topic :
        List.of("botox", "recovery", "Rhinoplasty", "side effects", "consultation")) {
      assertFalse(s.hides(topic), topic);
    }
    assertEquals(
        List.of("botox", "recovery"),
        s.visible(List.of("q&a", "botox", "reader mailbag", "recovery")));
  }

  @Test
  void refusesAControlCharacterNamingTheLine() {
    ConfigException e =
        assertThrows(ConfigException.class, () -> FacetStopList.parse("q&a\nbad\u0007tag"));
    assertTrue(e.getMessage().startsWith("line 2:"), e.getMessage());
  }
}
