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

  private static String with(String page, String date) {
    return page.replace("%s", date);
  }

  @Test
  void aDateInDigitsCountsInAnElementNamedForADateAndReadsByTheNumbersThenTheLanguage() {
    String post =
        "<div class='post'><h2>T</h2><p class='blog-date'><span>%s</span></p><p>text</p></div>";
    assertEquals(PostDate.of(LocalDate.of(2009, 9, 26)), read(with(post, "9/26/2009")).date());
    assertEquals(PostDate.of(LocalDate.of(2009, 9, 26)), read(with(post, "26/9/2009")).date());
    assertEquals(PostDate.of(LocalDate.of(2009, 3, 4)), read(with(post, "3/4/2009")).date());
    assertEquals(
        PostDate.of(LocalDate.of(2009, 4, 3)),
        read("<html lang='en-GB'><body>" + with(post, "3/4/2009")).date());
    assertEquals(PostDate.of(LocalDate.of(2009, 4, 3)), read(with(post, "03.04.2009")).date());
    // digits elsewhere are a dose or a fraction, and a comment's date is not the post's
    PostMetadata none =
        read(
            "<div class='post'><h2>T</h2><p>Take 1/2 tablet, 5/10/2009 was my last dose.</p>"
                + "<div class='comment'><span class='comment-date'>5/10/2009</span></div></div>");
    assertEquals(PostDate.month(2014, 3), none.date(), "from the address only");
  }

  @Test
  void aTitleDropsTheSitesOwnNameBeforeAColonButNotAWordOfItsOwn() {
    String lj = "https://drbrandt.livejournal.com/13546.html";
    assertEquals("Can botox move?", PostMetadata.withoutSiteName("drbrandt: Can botox move?", lj));
    assertEquals(
        "Botox: how long does it last?",
        PostMetadata.withoutSiteName("Botox: how long does it last?", lj));
    assertEquals(
        "Can botox move?",
        PostMetadata.withoutSiteName("Dr-Brandt: Can botox move?", "http://www.drbrandt.com/x"));
  }

  @Test
  void aHeadTimestampInUtcGivesWayToTheDayThePostShowsOneDayApart() {
    String head =
        "<head><meta property='article:published_time' content='2014-03-15T00:30:00+00:00'>"
            + "</head>";
    // 7:30 pm in New York is the next day in UTC: readers saw the 14th
    PostMetadata evening =
        read(
            head
                + "<article><h1>T</h1><time datetime='2014-03-14T19:30:00-05:00'>March 14, 2014"
                + "</time><p>text</p></article>");
    assertEquals(PostDate.of(LocalDate.of(2014, 3, 14)), evening.date());
    // the same instant in JSON-LD, written with a Z
    PostMetadata jsonLd =
        read(
            "<head><script type='application/ld+json'>{\"@type\":\"Article\",\"datePublished\":"
                + "\"2014-03-15T00:30:00Z\"}</script></head><article><h1>T</h1>"
                + "<p class='meta'>Posted on <span class='post-date'>3/14/2014</span></p>"
                + "<p>text</p></article>");
    assertEquals(PostDate.of(LocalDate.of(2014, 3, 14)), jsonLd.date());
    // nothing shown, or a shown date that is another day altogether (an update): the head's day
    assertEquals(
        PostDate.of(LocalDate.of(2014, 3, 15)),
        read(head + "<article><h1>T</h1><p>text</p></article>").date());
    assertEquals(
        PostDate.of(LocalDate.of(2014, 3, 15)),
        read(head + "<article><h1>T</h1><time datetime='2014-04-02'>April 2, 2014</time></article>")
            .date());
    // a date element whose timestamp is in UTC or names no zone (HubSpot) shows the reader's day
    assertEquals(
        PostDate.of(LocalDate.of(2011, 7, 17)),
        read("<article><h1>T</h1><time datetime='2011-07-18 00:15:00'>Jul 17, 2011 8:15:00 PM"
                + "</time><p>text</p></article>")
            .date());
    assertEquals(
        PostDate.of(LocalDate.of(2011, 7, 18)),
        read("<article><h1>T</h1><time datetime='2011-07-18T00:15:00-05:00'>Jul 17, 2011</time>"
                + "<p>text</p></article>")
            .date());
    // a head timestamp with the blog's own offset is its calendar day already
    assertEquals(
        PostDate.of(LocalDate.of(2014, 3, 15)),
        read("<head><meta property='article:published_time' content='2014-03-15T00:30:00-05:00'>"
                + "</head><article><h1>T</h1><time datetime='2014-03-14'>March 14, 2014</time>"
                + "</article>")
            .date());
  }
}
