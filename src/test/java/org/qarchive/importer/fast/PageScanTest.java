package org.qarchive.importer.fast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import org.junit.jupiter.api.Test;
import org.qarchive.SharedData;

class PageScanTest {

  // the selections PageScan stands for, as the extractor wrote them before it walked the page once
  private static final Evaluator WAYBACK_CHROME =
      css(
          "#wm-ipp-base, #wm-ipp, #wm-ipp-print, #donato, #wm-capinfo, .wb-autocomplete-suggestions, #playback");
  private static final Evaluator WAYBACK_LINK = css("link[href*=/web/], a[href*=/web/]");
  private static final Evaluator CANONICAL_LINK = css("link[rel=canonical][href]");
  private static final Evaluator OG_URL = css("meta[property=og:url][content]");
  private static final Evaluator OG_TITLE = css("meta[property=og:title][content]");
  private static final Evaluator META_AUTHOR = css("meta[name=author][content]");
  private static final Evaluator POST_CONTAINERS =
      css(
          "article.post, article.type-post, .hentry, .h-entry, div.post,"
              + " [itemtype~=(?i)article|posting|question], article");

  /** Page chrome that cannot hold the posts (a widget can: Blogger's Blog widget does). */
  private static final Evaluator CHROME_AROUND_POSTS =
      css("aside, nav, .widget-area, .sidebar, #sidebar, #secondary, footer.site-footer");

  private static final Evaluator COMMENTS =
      css(".comment, .comments-area, #comments, .comment-list");
  private static final Evaluator JSON_LD = css("script[type=application/ld+json]");
  private static final Evaluator NOT_CONTENT =
      css("script, style, noscript, iframe, template, object, embed");
  private static final Evaluator CHROME =
      css(
          "aside, nav, .widget, .widget-area, .sidebar, #sidebar, #secondary, .site-header, #masthead, .site-footer,"
              + " #colophon, .footer-widgets");
  private static final Evaluator BOOKMARKS = css("a[href][rel~=(?i)bookmark]");
  private static final Evaluator TAG_LINKS =
      css("a[rel~=tag]:not([class*=tag-link-]):not([class*=tag-cloud-link])");
  private static final List<Evaluator> TITLES =
      List.of(
          css("h1.entry-title"),
          css(".entry-title"),
          css("[itemprop=headline]"),
          css(".post-title"),
          css("h1"));
  private static final Evaluator AUTHORS =
      css(
          "[rel~=(?i)(^|\\s)(\\w+:)?author(\\s|$)], .author .fn, .entry-author-name, .author-name,"
              + " [itemprop=author] [itemprop=name], .byline,"
              + " .author");
  private static final Evaluator COMMENTS_3 = css(".comment, #comments, .comments-area");
  private static final Evaluator NOISE =
      css(
          "#comments, .comments-area, .comment-list, .comments, .commentlist, #respond, .comment-respond, form,"
              + " .sharedaddy, .sd-sharing, .jp-relatedposts, .yarpp-related, .related-posts, .swp_social_panel,"
              + " .share, .sharing, .social-share, .addtoany_share_save_container, .cta-box, .disclaimer, .author-box,"
              + " .entry-author-box, .post-navigation, .nav-single, .navigation, .pagination, .breadcrumb, #breadcrumbs,"
              + " .breadcrumbs, .cookie-notice, #cookie-notice, .screen-reader-text, .assistive-text, .wp-caption-text,"
              + " .entry-meta, .entry-footer, .post-meta, .postmetadata, .entry-header, .more-link, [hidden],"
              + " [style~=display:\\s*none]");
  private static final Evaluator COMMENTS_OR_CLOUD =
      css(".comment, #comments, .tagcloud, .widget_tag_cloud");

  @Test
  void findsWhatTheSelectorsFindOnTrickyMarkup() {
    Document doc =
        Jsoup.parse(
            """
            <html><head><link rel=" Canonical " href="/a"><meta property="OG:URL" content="http://x/">
            <meta name=author content="Dr. A"><script type="application/ld+json">{}</script></head>
            <body class="single">
            <div id="wm-ipp-base"><a href="/web/2012/x">w</a><link rel=canonical href="/t"><article>t</article></div>
            <div class="Site-Footer">f</div><footer class="site-footer"><a rel="tag" href="/tag/x">x</a></footer>
            <div class="widget_tag_cloud"><a rel="tag">c</a></div><div class="POST hentry" itemtype="blogposting">
            <div class="comment"><article>c</article></div><a rel="category tag" href="/category/y">y</a>
            <a rel="Tag">no</a><a rel="tag" class="Tag-Link-5">cloud</a><a rel="tag" class="tag-cloud-link">c</a><noscript><p>n</p></noscript><aside><article>s</article></aside></div>
            <section class="x  comments-area  y"><div class="post">p</div></section><nav><div class="widget"></div></nav>
            <form></form><p hidden>h</p><p style="color:red; display:  none">d</p><p style="DISPLAY:none">D</p>
            <div id="Respond" class="Share-this SHARE">s</div>
            <div class="author"><article class="x"><span class="fn">Dr. F</span><h1 class="Entry-Title">t</h1></article>
            <div itemprop="Author"><b itemprop="name">Dr. N</b></div><a rel="AUTHOR">Dr. R</a></div>
            <div class="fn author"></div><h2 itemprop="headline">h</h2><p class="post-title">p</p>
            </body></html>
            """);
    assertNull(mismatch(doc));
    PageScan scan = PageScan.of(doc);
    assertEquals(2, scan.postCandidates().size());
    assertEquals(1, scan.tagLinks().size());
    assertEquals(true, scan.waybackLink());
  }

  @Test
  void findsWhatTheSelectorsFindOnTheSampleArchiveAndTheBenchmarkPages() throws IOException {
    Path shared = SharedData.require("data/sample-archive").getParent().getParent();
    List<Path> pages = new ArrayList<>();
    for (Path dir :
        List.of(
            shared.resolve("data/sample-archive"),
            shared.resolve("data/extraction/article-extraction-benchmark/html"))) {
      if (Files.isDirectory(dir)) {
        try (Stream<Path> s = Files.walk(dir)) {
          s.filter(Files::isRegularFile)
              .filter(p -> !p.toString().endsWith(".gz"))
              .forEach(pages::add);
        }
      }
    }
    assumeTrue(pages.size() > 100, "too few pages");
    for (Path p : pages) {
      Document doc =
          Jsoup.parse(
              new ByteArrayInputStream(Files.readAllBytes(p)), null, "", Parser.htmlParser());
      assertNull(mismatch(doc), p.toString());
    }
  }

  /**
   * Whether no {@code .widget} holds the element, or a post container inside that widget does (a
   * Blogger page's Blog widget holds its posts).
   */
  private static boolean outsideWidgets(Element e) {
    Element widget = e.closest(".widget");
    if (widget == null) {
      return true;
    }
    for (Element p = e; p != null && p != widget; p = p.parent()) {
      if (POST_CONTAINERS.matches(p.root(), p)
          && p.closest(CHROME_AROUND_POSTS) == null
          && p.closest(COMMENTS) == null
          && p.closest(WAYBACK_CHROME) == null) {
        return true;
      }
    }
    return false;
  }

  /** What PageScan found differently from the selections, or null when nothing. */
  static String mismatch(Document doc) {
    PageScan scan = PageScan.of(doc);
    List<String> diffs = new ArrayList<>();
    check(diffs, "waybackChrome", doc.select(WAYBACK_CHROME), scan.waybackChrome());
    check(diffs, "waybackLink", doc.selectFirst(WAYBACK_LINK) != null, scan.waybackLink());
    check(
        diffs,
        "firstCanonicalAnywhere",
        doc.selectFirst(CANONICAL_LINK),
        scan.firstCanonicalAnywhere());
    check(diffs, "canonicalLinks", outside(doc, CANONICAL_LINK), scan.canonicalLinks());
    check(diffs, "ogUrl", first(outside(doc, OG_URL)), scan.ogUrl());
    check(diffs, "ogTitle", first(outside(doc, OG_TITLE)), scan.ogTitle());
    check(diffs, "metaAuthor", first(outside(doc, META_AUTHOR)), scan.metaAuthor());
    check(diffs, "metas", outside(doc, css("meta")), scan.metas());
    check(diffs, "jsonLd", outside(doc, JSON_LD), scan.jsonLd());
    check(diffs, "notContent", outside(doc, NOT_CONTENT), scan.notContent());
    check(diffs, "chrome", outside(doc, CHROME), scan.chrome());
    check(
        diffs,
        "postCandidates",
        outside(doc, POST_CONTAINERS).stream()
            .filter(e -> e.closest(CHROME_AROUND_POSTS) == null && e.closest(COMMENTS) == null)
            .toList(),
        scan.postCandidates());
    check(
        diffs,
        "tagLinks",
        outside(doc, TAG_LINKS).stream()
            .filter(
                e ->
                    e.closest(CHROME_AROUND_POSTS) == null
                        && outsideWidgets(e)
                        && e.closest(COMMENTS_OR_CLOUD) == null)
            .toList(),
        scan.tagLinks());
    check(diffs, "bookmarks", outside(doc, BOOKMARKS), scan.bookmarks());
    check(diffs, "noise", doc.select(NOISE), PageScan.noise(doc));
    List<Element> scopes = new ArrayList<>(List.of(doc));
    scopes.addAll(scan.postCandidates());
    scopes.addAll(doc.select(".author, [itemprop=author], .fn, [itemprop=name]"));
    for (Element scope : scopes) {
      if (scope.closest(WAYBACK_CHROME) != null) {
        continue;
      }
      for (int i = 0; i < TITLES.size(); i++) {
        Element expected =
            scope.select(TITLES.get(i)).stream()
                .filter(e -> e.closest(WAYBACK_CHROME) == null)
                .findFirst()
                .orElse(null);
        check(diffs, "title " + i, expected, PageScan.firstWithin(scan.titles().get(i), scope));
      }
      check(
          diffs,
          "authors",
          scope.select(AUTHORS).stream()
              .filter(
                  e ->
                      e.closest(WAYBACK_CHROME) == null
                          && e.closest(COMMENTS_3) == null
                          && e.closest(CHROME_AROUND_POSTS) == null
                          && outsideWidgets(e))
              .toList(),
          scan.authors().stream().filter(a -> a.in(scope)).map(PageScan.Author::element).toList());
    }
    return diffs.isEmpty() ? null : String.join("; ", diffs);
  }

  private static void check(List<String> diffs, String what, Object expected, Object actual) {
    if (expected instanceof List<?> l) {
      expected = new ArrayList<>(l);
    }
    if (!java.util.Objects.equals(
        expected,
        actual == null ? null : actual instanceof List<?> a ? new ArrayList<>(a) : actual)) {
      diffs.add(what + ": expected " + expected + " but was " + actual);
    }
  }

  private static List<Element> outside(Document doc, Evaluator sel) {
    return doc.select(sel).stream().filter(e -> e.closest(WAYBACK_CHROME) == null).toList();
  }

  private static Element first(List<Element> es) {
    return es.isEmpty() ? null : es.get(0);
  }

  private static Evaluator css(String q) {
    return QueryParser.parse(q);
  }
}
