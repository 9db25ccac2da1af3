package org.qarchive.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.qarchive.archive.PostDate;
import org.qarchive.importer.fast.PageScan;

class PostMetadataTest {

  private static PostMetadata read(String html) {
    Document doc = Jsoup.parse(html);
    PageScan scan = PageScan.of(doc);
    return PostMetadata.read(
        doc, scan, doc.selectFirst("article, .post"), "https://h.com/2014/03/x/", Theme.NONE);
  }

  @Test
  void termsAreTheLinksToTagAndCategoryPagesShownWithThePost() {
    PostMetadata m =
        read(
            "<nav><a href='/category/news/'>News</a></nav><div class='breadcrumbs'>"
                + "<a href='/blog?category=Home'>Home</a></div><article><h1>T</h1><p>text</p>"
                + "<a href='/blog?category=Botox'>Botox</a><a href='/tagged/skin-care'>#Skin Care</a>"
                + "<nav aria-label='tags'><a href='/blog/tags/eyes'>Eyes</a></nav></article>"
                + "<aside><a href='/tag/cloud/'>cloud</a></aside>");
    assertEquals(List.of("Botox"), m.categories());
    assertEquals(List.of("Skin Care", "Eyes"), m.tags());
  }

  @Test
  void termsShownAfterThePostsContainerCountButNotOtherPostsTerms() {
    PostMetadata m =
        read(
            "<article><h1>T</h1><p>text</p></article><div class='post-tags'>"
                + "<a href='https://medium.com/tag/sleep'>Sleep</a></div>"
                + "<article class='teaser'><a href='/tag/other'>Other</a></article>");
    assertEquals(List.of("Sleep"), m.tags());
  }

  @Test
  void aBylineInRdfaOrInABloggerWidgetNamesTheDoctor() {
    assertEquals(
        "Dr. Paul Calloway",
        read("<article><span rel='schema:author'><span property='schema:name'>Dr. Paul Calloway"
                + "</span></span><p>text</p></article>")
            .byline());
    PostMetadata blogger =
        read(
            "<div class='widget Blog'><div class='post hentry'><h3 class='post-title entry-title'>"
                + "Why?</h3><div class='post-body'>x</div><span class='post-author vcard'>Posted by"
                + " <span class='fn' itemprop='author'><a rel='author' href='/p'><span"
                + " itemprop='name'>Dr. Samuel Brandt</span></a></span></span><abbr class='published'"
                + " title='2012-12-04T09:15:00-08:00'>9:15 AM</abbr><a rel='tag'"
                + " href='/search/label/Botox'>Botox</a></div></div>");
    assertEquals("Why?", blogger.title());
    assertEquals("Dr. Samuel Brandt", blogger.byline());
    assertEquals(PostDate.of(LocalDate.of(2012, 12, 4)), blogger.date());
    assertEquals(List.of("Botox"), blogger.tags());
  }

  @Test
  void aPostWithoutContainerMarkupGivesItsHeadingDateHeaderBylineAndLabelledCategory() {
    Document doc =
        Jsoup.parse(
            "<html><head><title>Ask Dr. Haddad: Why?</title></head><body><h2 class='date-header'>"
                + "March 05, 2014</h2><div class='entry'><h3 class='entry-header'>Why?</h3>"
                + "<div class='entry-content'><div class='entry-body'><p>Q: why?</p></div></div>"
                + "<p class='footer'><span>Posted by Dr. Paul Haddad at 9:45 AM in <a"
                + " href='/ask/botox/'>Botox</a>, <a href='/ask/eyes/'>Eyes</a></span> | <a"
                + " href='/ask/x.html'>Permalink</a></p></div><div id='beta'><a"
                + " href='/ask/sleep/'>Sleep</a></div></body></html>");
    PostMetadata m =
        PostMetadata.read(
            doc,
            PageScan.of(doc),
            PostBody.unmarkedPost(doc.body()),
            "https://h.com/ask/x.html",
            Theme.NONE);
    assertEquals("Why?", m.title());
    assertEquals(PostDate.of(LocalDate.of(2014, 3, 5)), m.date());
    assertEquals("Dr. Paul Haddad", m.byline());
    assertEquals(List.of("Botox", "Eyes"), m.categories());
    assertEquals(List.of(), m.tags());
  }

  @Test
  void aCategoryIsNamedByItsLabelOrItsParentsClassButAPlainLinkIsNoTerm() {
    PostMetadata m =
        read(
            "<article><h1>T</h1><dl><dd class='category-name'>Category: <a"
                + " href='/index.php/blog/fillers'>Fillers</a></dd></dl><p>text, see <a"
                + " href='/index.php/blog/about'>about</a></p></article>");
    assertEquals(List.of("Fillers"), m.categories());
    PostMetadata filed =
        read(
            "<article><h1>T</h1><p>text</p><p>Filed under <a href='/x/surgery'>Surgery</a></p>"
                + "<p>Comments <a href='/x/more'>more</a></p></article>");
    assertEquals(List.of("Surgery"), filed.categories());
  }

  @Test
  void aDateInDigitsCountsInAnElementNamedForADateAndReadsByTheNumbersThenTheLanguage() {
    String post =
        "<div class='post'><h2>T</h2><p class='blog-date'><span>%s</span></p><p>text</p></div>";
    assertEquals(PostDate.of(LocalDate.of(2009, 9, 26)), read(post.formatted("9/26/2009")).date());
    assertEquals(PostDate.of(LocalDate.of(2009, 9, 26)), read(post.formatted("26/9/2009")).date());
    assertEquals(PostDate.of(LocalDate.of(2009, 3, 4)), read(post.formatted("3/4/2009")).date());
    assertEquals(
        PostDate.of(LocalDate.of(2009, 4, 3)),
        read("<html lang='en-GB'><body>" + post.formatted("3/4/2009")).date());
    assertEquals(PostDate.of(LocalDate.of(2009, 4, 3)), read(post.formatted("03.04.2009")).date());
    // digits elsewhere are a dose or a fraction, and a comment's date is not the post's
    PostMetadata none =
        read(
            "<div class='post'><h2>T</h2><p>Take 1/2 tablet, 5/10/2009 was my last dose.</p>"
                + "<div class='comment'><span class='comment-date'>5/10/2009</span></div></div>");
    assertEquals(PostDate.month(2014, 3), none.date(), "from the address only");
  }
}
