package org.qarchive.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
  void withoutMarkupTheMainTextIsFoundInsideThePostsContainer() {
    Document doc =
        Jsoup.parse(
            "<article><header><h1>T</h1><span>Mar 3, 2014</span></header><div class='x1'>"
                + TEXT.repeat(3)
                + "</div><div class='x2'><a href='/a'>Next</a></div></article>"
                + "<div class='comments'>"
                + TEXT.repeat(6)
                + "</div>");
    List<Element> found = bodies.find(doc, doc.selectFirst("article"), Theme.NONE);
    assertEquals(List.of(doc.selectFirst(".x1")), found);
  }

  @Test
  void aThemesContentSelectorComesFirst() {
    Document doc =
        Jsoup.parse(
            "<div class='entry-content'>" + TEXT + "</div><div class='qa'>" + TEXT + "</div>");
    Theme theme = new Theme(new ThemeSelectors("div.qa", null, null, null, null, null));
    assertEquals(List.of(doc.selectFirst("div.qa")), bodies.find(doc, null, theme));
  }
}
