package org.qarchive.importer.fast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PostRegionTest {

  private static final String HEAD =
      "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Q&amp;A</title></head>"
          + "<body class=\"single single-post\"><header class=\"site-header\"><nav><a href=\"/\">Home</a></nav></header>";
  private static final String POST =
      "<article class=\"post hentry\"><h1 class=\"entry-title\">Botox</h1><div class=\"entry-content\">"
          + "<p>Question from England, AR: Can botox move?</p><p>Answer from Dr. Dean Kane: It can.</p></div>"
          + "<footer class=\"entry-footer\"><a href=\"/category/botox/\" rel=\"category\">Botox</a></footer></article>";
  private static final String COMMENTS =
      "<div id=\"comments\" class=\"comments-area\"><ol class=\"comment-list\"><li class=\"comment\">Thanks Dr. Dean Kane"
          + "</li></ol></div>";
  private static final String SIDEBAR =
      "<aside id=\"secondary\" class=\"widget-area\"><section class=\"widget\"><h2>About Dr. Dean Kane</h2></section>"
          + "</aside><footer id=\"colophon\" class=\"site-footer\">(c) clinic</footer></body></html>";

  private static int end(String page) {
    return PostRegion.end(
        page.getBytes(StandardCharsets.UTF_8), "blog/2014/03/botox/index.html", null);
  }

  @Test
  void stopsAtTheCommentsAfterThePost() {
    String page = HEAD + POST + COMMENTS + SIDEBAR;
    assertEquals(page.indexOf("<div id=\"comments\""), end(page));
  }

  @Test
  void stopsAtTheSidebarWhenThereAreNoComments() {
    String page =
        HEAD
            + POST
            + "<nav class=\"post-navigation\"><a href=\"/prev/\">Previous</a></nav>"
            + SIDEBAR;
    assertEquals(page.indexOf("<aside"), end(page));
  }

  @Test
  void stopsAtAClassicThemesCommentListInsideATableLayout() {
    String page =
        HEAD
            + "<table><tr><td><div class=\"post\" id=\"post-1\"><h2>Botox</h2><p>Q: Can botox move?</p>"
            + "<p>A: It can.</p></div><a name=\"comments\"></a><div class=\"commentlist\"><div id=\"comment-7\">Thanks"
            + "</div></div><form id=\"commentform\"></form></td><td><a href='/tag/botox/' class='tag-link-5' rel=\"tag\""
            + " style='font-size: 8pt'>botox</a></td></tr></table></body></html>";
    assertEquals(page.indexOf("<div class=\"commentlist\""), end(page));
  }

  @Test
  void anAsideOrCommentsWordInsideThePostIsNotItsEnd() {
    String post =
        POST.replace(
            "<p>Answer",
            "<aside class=\"pull-quote\">quoted</aside><div class=\"widget\">x</div>"
                + "<script>var s = '</article><div id=\"comments\">';</script><!-- </article> --><p>Answer");
    String page = HEAD + post + COMMENTS + SIDEBAR;
    assertEquals(page.lastIndexOf("<div id=\"comments\""), end(page));
  }

  @Test
  void passesOverPostsInsideASidebarBeforeThePost() {
    String before =
        "<aside id=\"sidebar\"><article class=\"hentry\"><a href=\"/other/\">Recent post</a></article>"
            + "<div class=\"widget-area\"></div></aside><div class=\"widget\"><article>teaser</article></div>";
    String page = HEAD + before + POST + COMMENTS + SIDEBAR;
    assertEquals(page.indexOf("<div id=\"comments\""), end(page));
  }

  @Test
  void readsUpperCaseTags() {
    String page =
        HEAD
            + "<DIV CLASS=\"hentry\"><P>Q: Can botox move?</P><DIV>A: It can.</DIV></DIV>"
            + "<DIV ID=\"comments\">...</DIV></BODY></HTML>";
    assertEquals(page.indexOf("<DIV ID=\"comments\""), end(page));
  }

  @Test
  void readsTheWholePageWhenThePostNeverCloses() {
    String page = HEAD + POST.replace("</article>", "") + COMMENTS + SIDEBAR;
    assertEquals(page.getBytes(StandardCharsets.UTF_8).length, end(page));
  }

  @Test
  void readsTheWholePageWhenTheRestHoldsWhatAPostPageIsReadFor() {
    for (String rest :
        List.of(
            "<script type=\"application/ld+json\">{\"datePublished\": \"2014-03-02\"}</script>",
            "<link rel=\"canonical\" href=\"http://blog.example.com/botox/\">",
            "<meta property=\"og:url\" content=\"http://blog.example.com/botox/\">",
            "<meta itemprop=\"datePublished\" content=\"2014-03-02\">",
            "<a href=\"/tag/botox/\" rel=\"tag\">botox</a>")) {
      String page = HEAD + POST + COMMENTS + rest + SIDEBAR;
      assertEquals(page.getBytes(StandardCharsets.UTF_8).length, end(page), rest);
    }
    String harmless =
        HEAD
            + POST
            + COMMENTS
            + "<meta itemprop=\"target\" content=\"/?s={s}\">"
            + "<a href='/tag/botox/' class='tag-link-5' rel=\"tag\" style='font-size: 8pt'>botox</a>"
            + SIDEBAR;
    assertTrue(end(harmless) < harmless.length());
  }

  @Test
  void readsShortlinkCopiesAndUtf16Whole() {
    String page = HEAD + POST + COMMENTS + SIDEBAR;
    byte[] bytes = page.getBytes(StandardCharsets.UTF_8);
    assertEquals(bytes.length, PostRegion.end(bytes, "blog/index.html?p=123", null));
    assertTrue(PostRegion.end(bytes, "blog/index.html", null) < bytes.length);
    byte[] utf16 = ("\ufeff" + page).getBytes(StandardCharsets.UTF_16LE);
    assertEquals(utf16.length, PostRegion.end(utf16, "blog/2014/03/botox/index.html", null));
  }

  /**
   * Pages built so that a scan looking at characters again and again would take minutes; each must
   * take moments.
   */
  @Test
  void staysLinearOnHostilePages() {
    List<String> pages =
        List.of(
            HEAD
                + POST.replace("<p>Answer", "<div class=\"".repeat(200_000) + "<p>Answer")
                + COMMENTS
                + SIDEBAR,
            HEAD + POST + COMMENTS + "<meta content=\"".repeat(200_000) + SIDEBAR,
            HEAD + POST + COMMENTS + "<a rel=x " + "tag".repeat(1_000_000) + SIDEBAR,
            HEAD + POST + COMMENTS + ("<p " + "tag".repeat(1_300) + ">").repeat(1_000) + SIDEBAR,
            HEAD + POST + COMMENTS + "stage ".repeat(500_000) + SIDEBAR);
    for (String page : pages) {
      int end =
          org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
              java.time.Duration.ofSeconds(20),
              () -> end(page),
              "a hang guard: linear scans of these pages take well under a second");
      assertTrue(
          end == page.length() || end == page.indexOf("<div id=\"comments\""),
          "a cut where it was: " + end);
    }
  }

  @Test
  void findsNothingToLeaveOutOfAPageWithoutAPost() {
    String page = HEAD + "<div class=\"content\"><p>About the clinic</p></div>" + SIDEBAR;
    assertEquals(page.getBytes(StandardCharsets.UTF_8).length, end(page));
  }

  @Test
  void readsTheWholePageWhenAnotherPostContainerFollowsOutsideTheChrome() {
    // a small box marked as an article, a banner, then the article: which one is the post is the
    // importer's to weigh, so nothing is left out
    String box = "<article class=\"subscribe-box\"><p>Get the news by e-mail</p></article>";
    String banner = "<aside class=\"banner\">ad</aside>";
    String page = HEAD + box + banner + POST + COMMENTS + SIDEBAR;
    assertEquals(page.getBytes(StandardCharsets.UTF_8).length, end(page));
    // a post container inside the chrome after the post is passed over: the cut stays
    String inSidebar =
        HEAD
            + POST
            + COMMENTS
            + SIDEBAR.replace("</section>", "<article class=\"hentry\">Recent</article></section>");
    assertEquals(inSidebar.indexOf("<div id=\"comments\""), end(inSidebar));
  }
}
