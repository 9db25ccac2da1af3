package org.qarchive.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.qarchive.importer.QaSegmenter.RawQa;
import org.qarchive.importer.fast.PageScan;

class StructuredQaTest {

  private static final String THREAD =
      "<div itemscope itemtype='https://schema.org/QAPage'><div itemprop='mainEntity' itemscope"
          + " itemtype='https://schema.org/Question'><h1 itemprop='name'>Fillers and flights</h1>"
          + "<div itemprop='author' itemscope itemtype='https://schema.org/Person'><span itemprop='name'>"
          + "sarah_k</span></div><div itemprop='text'><p>Hi all, can I fly after fillers?</p></div>"
          + "%s</div></div>";

  private static final String REPLY =
      "<div itemprop='suggestedAnswer' itemscope itemtype='https://schema.org/Answer'>"
          + "<span itemprop='author' itemscope itemtype='https://schema.org/Person'><span itemprop='name'>"
          + "%s</span></span><div itemprop='text'><p>%s</p></div></div>";

  private static RawQa of(String html) {
    Document doc = Jsoup.parse(html);
    PageScan scan = PageScan.of(doc);
    return StructuredQa.of(scan, doc.selectFirst("[itemtype$=Question]"));
  }

  @Test
  void theAcceptedAnswerIsTheAnswerAndOthersRepliesAreNot() {
    String accepted =
        "<div itemprop='acceptedAnswer' itemscope itemtype='https://schema.org/Answer'>"
            + "<span itemprop='author' itemscope itemtype='https://schema.org/Person'><span"
            + " itemprop='name'>Dr. Paul Calloway</span></span><div itemprop='text'><p>Yes, after a"
            + " day.</p><p>Drink water.</p></div></div>";
    RawQa qa = of(fmt(THREAD, fmt(REPLY, "mike", "Same question here!") + accepted));
    assertEquals(
        new RawQa(
            "Fillers and flights",
            "Hi all, can I fly after fillers?",
            null,
            "Yes, after a day.\n\nDrink water.",
            "Dr. Paul Calloway",
            null),
        qa);
  }

  @Test
  void withoutAnAcceptedAnswerADoctorsReplyIsTheAnswer() {
    RawQa qa =
        of(
            fmt(
                THREAD,
                fmt(REPLY, "mike", "Same here") + fmt(REPLY, "Dr. Maria Estevez", "Wait a day.")));
    assertEquals("Wait a day.", qa.answer());
    assertEquals("Dr. Maria Estevez", qa.answererLabel());
    assertNull(of(fmt(THREAD, fmt(REPLY, "mike", "Same here"))), "no doctor answered");
  }

  @Test
  void jsonLdStatesItToo() {
    String ld =
        "<script type='application/ld+json'>{\"@context\":\"https://schema.org\",\"@type\":\"QAPage\","
            + "\"mainEntity\":{\"@type\":\"Question\",\"name\":\"Flying\",\"text\":\"Can I fly?\","
            + "\"acceptedAnswer\":{\"@type\":\"Answer\",\"text\":\"<p>Yes.</p><p>Tomorrow.</p>\","
            + "\"author\":{\"@type\":\"Person\",\"name\":\"Dr. Anna Lindqvist\"}}}}</script>";
    Document doc = Jsoup.parse("<html><head>" + ld + "</head><body><p>x</p></body></html>");
    RawQa qa = StructuredQa.of(PageScan.of(doc), null);
    assertEquals(
        new RawQa("Flying", "Can I fly?", null, "Yes.\n\nTomorrow.", "Dr. Anna Lindqvist", null),
        qa);
  }

  private static String fmt(String format, Object... args) {
    return String.format(java.util.Locale.ROOT, format, args);
  }
}
