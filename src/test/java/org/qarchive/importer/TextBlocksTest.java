package org.qarchive.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class TextBlocksTest {

  /** The two replacements separateLeads does by hand, as the regexes they were. */
  private static final Pattern BEFORE_LEAD = Pattern.compile("\n\\s*(?=\u0002)");

  private static final Pattern AFTER_LEAD = Pattern.compile("\u0003[ \\t]*\n");

  @Test
  void separatingBoldLeadsGivesWhatTheTwoRegexReplacementsGave() {
    Random random = new Random(7);
    char[] alphabet = {'\n', '\n', ' ', '\t', '\r', '\u000b', '\u0002', '\u0003', 'a', 'b'};
    for (int round = 0; round < 20_000; round++) {
      StringBuilder sb = new StringBuilder();
      int length = random.nextInt(24);
      for (int i = 0; i < length; i++) {
        sb.append(alphabet[random.nextInt(alphabet.length)]);
      }
      String s = sb.toString();
      String expected =
          AFTER_LEAD.matcher(BEFORE_LEAD.matcher(s).replaceAll("\n\n")).replaceAll("\u0003\n\n");
      assertEquals(
          expected,
          TextBlocks.separateLeads(s),
          () -> "for " + s.replace("\n", "\\n").replace("\u0002", "<S>").replace("\u0003", "<E>"));
    }
  }

  @Test
  void aBoldLabelOnItsOwnLineBecomesABlockOfItsOwn() {
    assertEquals(
        "Intro\n\n\u0002Q:\u0003\n\nwhy?",
        TextBlocks.separateLeads("Intro\n \u0002Q:\u0003 \nwhy?"));
  }

  @Test
  void blocksCountTheirLinkTextAndKnowWhenTheyAreChrome() {
    List<TextBlocks.Block> blocks =
        TextBlocks.of(
            Jsoup.parse(
                    "<div><p>See <a href='/a'>fillers</a> too.</p><p><a href='/b'>Botox and you</a>"
                        + "</p><div class='share-bar'><p>Share it</p></div><nav><p>Home</p></nav>"
                        + "<p>Last line.</p><br>After a break.<br><br><a href='/c'>Linked line</a></div>")
                .body());
    assertEquals("See fillers too.", blocks.get(0).text());
    assertEquals(7, blocks.get(0).linkChars());
    assertFalse(blocks.get(0).mostlyLinks());
    assertTrue(blocks.get(1).mostlyLinks());
    assertTrue(blocks.get(2).chrome(), "a share bar");
    assertTrue(blocks.get(3).chrome(), "navigation");
    assertFalse(blocks.get(4).chrome());
    assertEquals("After a break.", blocks.get(5).text());
    assertEquals(0, blocks.get(5).linkChars(), "links count per paragraph of a <br> block");
    assertTrue(blocks.get(6).mostlyLinks());
  }

  @Test
  void aWrapperNamedAfterTheSidebarBesideItHoldingThePageTitleIsNotChrome() {
    String html =
        "<div class='panel-two-col-sidebar-right'><h1>Fillers</h1><p>Q: Why?</p></div>"
            + "<div class='sidebar'><p>Recent posts: botox, peels, fillers, lasers and more</p>"
            + "</div><p>The clinic's address, its opening hours and how to find a parking space</p>";
    List<TextBlocks.Block> blocks = TextBlocks.of(Jsoup.parse(html).body());
    assertEquals(
        List.of(
            "Fillers",
            "Q: Why?",
            "Recent posts: botox, peels, fillers, lasers and more",
            "The clinic's address, its opening hours and how to find a parking space"),
        blocks.stream().map(b -> b.text()).toList());
    assertFalse(blocks.get(0).chrome());
    assertFalse(blocks.get(1).chrome());
    assertTrue(blocks.get(2).chrome(), "a sidebar without the title stays chrome");
    // (the wrapper holds less than half the text: only the title keeps it from being chrome)
  }
}
