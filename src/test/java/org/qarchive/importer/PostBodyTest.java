package org.qarchive.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class PostBodyTest {

  private final PostBody bodies = new PostBody(new MainContentExtractor());

  private static final String TEXT =
      "<p>Fillers last six to eighteen months, depending on the product, the area treated, your"
          + " metabolism, and how much was injected; hyaluronic acid fillers last the shortest.</p>";

  @Test
  void structuredDataMarksTheBodyFirst() {
    Document doc =
        Jsoup.parse(
            "<div class='post hentry' itemscope itemtype='http://schema.org/BlogPosting'>"
                + "<h3 class='entry-title'>T</h3><div class='post-body' itemprop='description"
                + " articleBody'>"
                + TEXT
                + "</div><div class='post-footer'>Posted by Dr. X</div></div>");
    Element post = doc.selectFirst(".post");
    List<Element> found = bodies.find(doc, post, Theme.NONE);
    assertEquals(List.of(doc.selectFirst(".post-body")), found);
  }

  @Test
  void theMostTrustedMarkerWinsWhereverItIsAndTheFirstOfItsKindInPageOrder() {
    // each marker's first match by a selection of its own, the most trusted marker found winning
    List<String> markers =
        List.of(
            "<div itemprop='articleBody'>",
            "<div property='schema:text'>",
            "<div class='e-content'>",
            "<div class='entry-content'>",
            "<div class='post-body'>",
            "<div class='entry'>");
    java.util.Random random = new java.util.Random(7);
    for (int round = 0; round < 200; round++) {
      StringBuilder html = new StringBuilder("<div id=scope>");
      int open = 0;
      for (int i = 0; i < 6; i++) {
        html.append(markers.get(random.nextInt(markers.size()))).append("<p>").append(i);
        open++;
        while (open > 0 && random.nextBoolean()) {
          html.append("</div>");
          open--;
        }
      }
      Document doc = Jsoup.parse(html.toString());
      Element scope = doc.getElementById("scope");
      Element expected = null;
      for (String sel : PostBody.BODY_MARKER_SELECTORS) {
        expected = scope.selectFirst(sel);
        if (expected != null) {
          break;
        }
      }
      assertEquals(expected, PostBody.firstMarked(scope), html.toString());
    }
    Document self = Jsoup.parse("<div class='entry'><div class='post-body'>x</div></div>");
    assertEquals(self.selectFirst(".post-body"), PostBody.firstMarked(self.selectFirst(".entry")));
  }

  @Test
  void withoutMarkupThePostsContainerIsTheBodyAndWithoutOneTheMainText() {
    String page =
        "<div class='menu'><a href='/'>Home</a></div><div class='x1'>"
            + TEXT.repeat(3)
            + "</div><div class='comments'>"
            + TEXT
            + "</div>";
    Document doc = Jsoup.parse("<article>" + page + "</article>");
    assertEquals(
        List.of(doc.selectFirst("article")),
        bodies.find(doc, doc.selectFirst("article"), Theme.NONE),
        "chrome inside the container ends an answer there (TextBlocks)");
    Document bare = Jsoup.parse(page);
    assertEquals(List.of(bare.selectFirst(".x1")), bodies.find(bare, null, Theme.NONE));
  }

  @Test
  void aThemesContentSelectorComesFirst() {
    Document doc =
        Jsoup.parse(
            "<div class='entry-content'>" + TEXT + "</div><div class='qa'>" + TEXT + "</div>");
    Theme theme = new Theme(new ThemeSelectors("div.qa", null, null, null, null, null));
    assertEquals(List.of(doc.selectFirst("div.qa")), bodies.find(doc, null, theme));
  }

  @Test
  void aPostWhoseBodyAloneIsMarkedIsTheElementThatAlsoHoldsItsHeading() {
    org.jsoup.nodes.Document doc =
        org.jsoup.Jsoup.parse(
            "<div id='alpha'><div class='entry' id='e'><h3>Why?</h3><div class='entry-content'>"
                + "<div class='entry-body'><h2>inside</h2><p>text</p></div></div></div></div>");
    assertEquals("e", PostBody.unmarkedPost(doc.body()).id());
    org.jsoup.nodes.Document headless =
        org.jsoup.Jsoup.parse(
            "<div><div><div><div class='entry-body'><h2>inside</h2><p>text</p></div></div></div>"
                + "</div>");
    assertEquals(null, PostBody.unmarkedPost(headless.body()));
    assertEquals(null, PostBody.unmarkedPost(org.jsoup.Jsoup.parse("<h1>x</h1><p>y</p>").body()));
  }

  @Test
  void aTitleLinkingToThePagesOwnAddressMarksAnOtherwiseUnmarkedPost() {
    String page =
        "<div class='wrap'><div class='b'><div class='h'><h2><a href='https://www.h.com/blog/lips'>"
            + "Are lip fillers safe?</a></h2><p>9/26/2009</p></div><div class='c'>"
            + TEXT
            + TEXT
            + "</div></div><div class='side'><h2><a href='/blog/other'>Other</a></h2></div></div>";
    Element post = PostBody.selfLinkedPost(Jsoup.parse(page).body(), "http://h.com/blog/lips/");
    assertEquals("b", post == null ? null : post.className());
    // a listing's titles link to other posts; two titles linking to this page make no one post
    assertNull(PostBody.selfLinkedPost(Jsoup.parse(page).body(), "http://h.com/blog/"));
    String twice = page.replace("/blog/other", "https://h.com/blog/lips/");
    assertNull(PostBody.selfLinkedPost(Jsoup.parse(twice).body(), "http://h.com/blog/lips/"));
  }

  @Test
  void aPermalinkShowingThePostsDateMarksItToo() {
    String entry =
        "<table class='entrybox'><tr><td><span class='subject'>Are lip fillers safe?</span></td>"
            + "<td>[<a href='https://drx.livejournal.com/13546.html'>Feb. 1st, 2010|5:15 pm</a>]</td>"
            + "</tr><tr><td>"
            + TEXT
            + TEXT
            + "</td></tr><tr><td><a href='https://drx.livejournal.com/13546.html#comments'>3"
            + " comments</a></td></tr></table><div><a href='/13000.html'>Jan. 3rd, 2010</a></div>";
    Element post =
        PostBody.selfLinkedPost(
            Jsoup.parse(entry).body(), "https://drx.livejournal.com/13546.html");
    assertEquals("tbody", post == null ? null : post.normalName());
    // a link to the page that shows no date (its comments) is no permalink
    String noDate = entry.replace("Feb. 1st, 2010|5:15 pm", "link");
    assertNull(
        PostBody.selfLinkedPost(
            Jsoup.parse(noDate).body(), "https://drx.livejournal.com/13546.html"));
  }
}
