package org.qarchive.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qarchive.search.FacetCount;
import org.qarchive.search.SearchHit;
import org.qarchive.search.SearchRequest;
import org.qarchive.search.SearchResult;

/**
 * What the search side will report (corrections, relaxation, near-duplicates) is shown, linked and
 * escaped.
 */
class PagesTest {

  private final Pages pages = new Pages("Archive");

  private static SearchParams params(String q) {
    return new SearchParams(q, 1, Pages.PAGE_SIZE, SearchRequest.Sort.RELEVANCE, Map.of(), false);
  }

  private static SearchResult result(
      SearchParams p, String corrected, SearchResult.Relaxation relaxation) {
    SearchHit hit =
        new SearchHit(
            "a-1",
            "http://x/a",
            "Title <i>",
            "2015-01-01",
            "Dr. <b>X</b>",
            "q <mark>botox</mark> &amp;",
            "a",
            1f,
            List.of("b-2", "c-3"));
    return new SearchResult(
        p.toRequest(),
        25,
        3,
        List.of(hit),
        Map.of("category", List.of(new FacetCount("<Botox>", 3))),
        corrected,
        relaxation);
  }

  @Test
  void offersTheCorrectionAndAWayBackToWhatWasTyped() {
    SearchParams p = params("botx <x>");
    String html =
        pages.search(
            "http://a",
            p,
            result(p, "botox", SearchResult.Relaxation.NONE),
            Map.of(),
            Map.of(),
            null);
    assertTrue(html.contains("25 answers for <strong>botox</strong>"), html);
    assertTrue(
        html.contains(
            "(corrected from <em>botx &lt;x&gt;</em>; <a href=\"/?q=botx+%3Cx%3E&amp;exact=1\">"
                + "search for <em>botx &lt;x&gt;</em> instead</a>)"),
        html);
  }

  @Test
  void noCorrectionBannerWhenTheUserAskedForExactly() {
    SearchParams p = params("botx").withExactQuery("botx");
    String html =
        pages.search(
            "http://a",
            p,
            result(p, "botox", SearchResult.Relaxation.NONE),
            Map.of(),
            Map.of(),
            null);
    assertFalse(html.contains("corrected from"));
    assertTrue(html.contains("25 answers for <strong>botx</strong>"), html);
  }

  @Test
  void explainsARelaxedQuery() {
    SearchParams p = params("botox cure forever");
    String html =
        pages.search(
            "http://a",
            p,
            result(p, null, SearchResult.Relaxation.MOST_WORDS),
            Map.of(),
            Map.of(),
            null);
    assertTrue(html.contains("No answer has all of your words; these have most of them"), html);
    html =
        pages.search(
            "http://a",
            p,
            result(p, null, SearchResult.Relaxation.ANY_WORD),
            Map.of(),
            Map.of(),
            null);
    assertTrue(html.contains("No answer has all of your words; these have some of them"), html);
  }

  @Test
  void foldsNearDuplicatesUnderTheHitWithEscapedTitles() {
    SearchParams p = params("botox");
    String html =
        pages.search(
            "http://a", p, result(p, null, null), Map.of(), Map.of("b-2", "Other <script>"), null);
    assertTrue(html.contains("<summary>2 similar answers</summary>"));
    assertTrue(html.contains("<a href=\"/qa/b-2?q=botox\">Other &lt;script&gt;</a>"));
    assertTrue(html.contains("<a href=\"/qa/c-3?q=botox\">c-3</a>"));
    assertTrue(html.contains("Title &lt;i&gt;") && html.contains("Dr. &lt;b&gt;X&lt;/b&gt;"));
    assertTrue(html.contains("value=\"&lt;Botox&gt;\""));
    assertTrue(html.contains("q <mark>botox</mark> &amp;"), "snippets arrive escaped and are kept");
  }

  @Test
  void theEmbedDocsGiveTheSamePolicyLinesAsTheDemoPage() throws Exception {
    String docs =
        Files.readString(Path.of("docs", "embed.md"), StandardCharsets.UTF_8)
            .replaceAll("[ \\t]+", " ");
    for (String line : Pages.cspLines("https://archive.example").split("\n")) {
      String directive = line.substring(0, line.indexOf(';') + 1).replaceAll("\\s+", " ");
      assertTrue(docs.contains(directive), directive + " is not in docs/embed.md");
    }
  }

  @Test
  void theEmbedDemoSaysWhichSitesMayUseTheBox() {
    Pages pages = new Pages("Archive");
    assertTrue(
        pages.embedDemo("https://a.example", List.of("*")).contains("<strong>any site</strong>"));
    String some =
        pages.embedDemo("https://a.example", List.of("https://clinic.example", "https://x<y>"));
    assertTrue(some.contains("<li><code>https://clinic.example</code></li>"), some);
    assertTrue(some.contains("<li><code>https://x&lt;y&gt;</code></li>"), "escaped: " + some);
    assertTrue(
        pages.embedDemo("https://a.example", List.of()).contains("<strong>no other site</strong>"));
    assertTrue(some.contains("connect-src &#39;self&#39; https://a.example;"), some);
  }
}
