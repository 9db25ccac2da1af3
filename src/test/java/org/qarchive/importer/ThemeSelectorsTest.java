package org.qarchive.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qarchive.archive.QaEntry;

class ThemeSelectorsTest {

  @TempDir Path tmp;

  private static final String PAGE =
      "<html><head><title>Site name</title></head><body class='single'>"
          + "<div class='hdr'>Can I fly after a facelift?</div>"
          + "<div class='qa-body'><p>Q: Can I fly after a facelift?</p>"
          + "<p class='sponsor-note'>Sponsored: try our serum today.</p>"
          + "<p>A: Wait a week before flying.</p></div>"
          + "<div class='misc'><p>Q: Is this a decoy?</p><p>A: It is outside the content selector.</p></div>"
          + "</body></html>";

  @Test
  void aSelectorsFileSteersExtractionOnAnUnusualTheme() throws Exception {
    Path file = tmp.resolve("theme.properties");
    Files.writeString(
        file,
        "# selectors for the 'qa-body' theme\ncontent = div.qa-body\ntitle = .hdr\nremove = .sponsor-note\ntags =\n",
        StandardCharsets.UTF_8);
    ThemeSelectors s = ThemeSelectors.load(file);
    assertEquals("div.qa-body", s.content());
    assertNull(s.tags(), "a blank selector falls back to the general rules");
    PageResult r =
        new PageExtractor(false, s)
            .extract(PAGE.getBytes(StandardCharsets.UTF_8), "h.com/2013/05/fly/index.html", null);
    assertEquals(1, r.entries().size(), r.toString());
    QaEntry e = r.entries().get(0);
    assertEquals("Can I fly after a facelift?", e.title());
    assertEquals("Can I fly after a facelift?", e.question());
    assertEquals("Wait a week before flying.", e.answer());
  }

  @Test
  void unknownKeysAndBadSelectorsAreRefusedWithTheKeyNamed() throws Exception {
    Path typo = tmp.resolve("typo.properties");
    Files.writeString(typo, "contents = div.x\n", StandardCharsets.UTF_8);
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> ThemeSelectors.load(typo))
            .getMessage()
            .contains("contents"));
    Path bad = tmp.resolve("bad.properties");
    Files.writeString(bad, "remove = div[[\n", StandardCharsets.UTF_8);
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> ThemeSelectors.load(bad))
            .getMessage()
            .contains("remove"));
  }
}
