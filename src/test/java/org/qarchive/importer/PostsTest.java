package org.qarchive.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.qarchive.importer.fast.PageScan;

class PostsTest {

  private static final String ANSWER =
      "<p>Fillers last six to eighteen months, depending on the product, the area treated, your"
          + " metabolism and how much was injected. Hyaluronic acid fillers last the shortest.</p>";

  private static Posts of(String body, String canonical) {
    Document doc = Jsoup.parse("<html><body>" + body + "</body></html>");
    return Posts.of(doc.body(), PageScan.of(doc), canonical);
  }

  private static String teaser(String href, String title) {
    return "<article class='post-card'><a href='"
        + href
        + "'><h2>"
        + title
        + "</h2></a>"
        + "<p>A short excerpt.</p></article>";
  }

  @Test
  void aPostWithAStripOfRelatedPostsIsOnePost() {
    String page =
        "<article class='post'><h1>How long do fillers last?</h1>"
            + ANSWER.repeat(3)
            + "</article><section>"
            + teaser("/botox/", "Botox")
            + teaser("/peels/", "Peels")
            + "</section>";
    Posts p = of(page, "https://h.com/fillers/");
    assertEquals(3, p.containers().size());
    assertEquals("post", p.main().className());
    assertFalse(p.listing());
  }

  @Test
  void aShortPostHoldingThePagesHeadingBesideLongerTeasersIsThePost() {
    String related =
        teaser("/botox/", "Botox and what it does to the forehead muscles over the years")
            + teaser("/peels/", "Chemical peels: which depth for which skin, and how often")
            + teaser("/lips/", "Lip fillers: swelling, bruising and how long both last");
    Posts p =
        of(
            "<article class='post'><h1>Fillers?</h1><p>Q: How long?</p><p>A: A year.</p></article>"
                + related,
            "https://h.com/fillers/");
    assertEquals("post", p.main().className());
    assertFalse(p.listing());
    // a listing's heading is the blog's, outside its teasers: still a listing
    Posts listing = of("<h1>Ask Dr. Lee</h1>" + related, "https://h.com/");
    assertTrue(listing.listing());
    assertNull(listing.main());
  }

  @Test
  void teasersThatLinkToOtherPostsMakeAListing() {
    Posts p = of(teaser("/a/", "A") + teaser("/b/", "B") + teaser("/c/", "C"), "https://h.com/");
    assertTrue(p.listing());
    assertNull(p.main());
    assertEquals(3, p.teasers());
  }

  @Test
  void aTitleLinkingToThePageItselfIsNoTeaser() {
    Posts p =
        of(
            "<article><h2><a href='https://www.h.com/fillers/?utm_source=x'>Fillers</a></h2>"
                + ANSWER
                + "</article>",
            "http://h.com/fillers/");
    assertEquals(0, p.teasers());
    Posts mail =
        of("<article><h2><a href='mailto:x@h.com'>Write us</a></h2>" + ANSWER + "</article>", null);
    assertEquals(0, mail.teasers(), "a mailto link is no title link");
  }

  @Test
  void teasersBesideAnArticleOutsideAnyContainerAreNoListing() {
    String page =
        "<div class='story'><h1>Fillers</h1>"
            + ANSWER.repeat(4)
            + "</div>"
            + teaser("/a/", "A")
            + teaser("/b/", "B");
    Posts p = of(page, "https://h.com/fillers/");
    assertFalse(p.listing());
    assertNull(p.main());
    assertTrue(p.textOutside(), "none of the teasers is the post");
    assertFalse(of(teaser("/a/", "A") + teaser("/b/", "B"), "https://h.com/").textOutside());
  }

  @Test
  void containersThatLinkNowhereElseAreNoListing() {
    String reply = "<article class='reply'><p>A reader's reply, a line or two of it.</p></article>";
    Posts p = of(reply.repeat(6), "https://h.com/fillers/");
    assertEquals(6, p.containers().size());
    assertEquals(0, p.teasers());
    assertFalse(p.listing());
    Posts one = of(teaser("/a/", "A") + reply.repeat(3), "https://h.com/fillers/");
    assertFalse(one.listing(), "one teaser is a link, not a listing's repetition");
  }

  @Test
  void aBodyMarkedAsAnArticleMarksThePageAndThePostInsideItIsThePost() {
    Document doc =
        Jsoup.parse(
            "<html><body itemscope itemtype='http://schema.org/Article'><div class='widget Blog'>"
                + "<div class='post hentry'><h3>Fillers</h3>"
                + ANSWER
                + "</div></div></body></html>");
    Posts p = Posts.of(doc.body(), PageScan.of(doc), "https://h.com/fillers/");
    assertEquals("post hentry", p.main().className());
    // inner containers that do not make one post leave the page's mark as the post
    Document several =
        Jsoup.parse(
            "<html><body itemscope itemtype='http://schema.org/Article'>"
                + teaser("/a/", "A")
                + teaser("/b/", "B")
                + "</body></html>");
    Posts q = Posts.of(several.body(), PageScan.of(several), "https://h.com/fillers/");
    assertEquals("body", q.main().normalName());
  }
}
