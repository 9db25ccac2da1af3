package org.qarchive.web;

import static org.qarchive.search.Html.escape;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.qarchive.archive.QaEntry;
import org.qarchive.search.ArchiveSearcher.MarkedEntry;
import org.qarchive.search.FacetCount;
import org.qarchive.search.SearchHit;
import org.qarchive.search.SearchRequest;
import org.qarchive.search.SearchResult;

/**
 * Server-rendered HTML for the search page, the entry page, the embed demo and error pages. Every
 * piece of text we did not write goes through {@code escape}; snippets arrive already escaped from
 * the highlighter, with only {@code <mark>} added. Pages work without JavaScript; {@code
 * /static/app.js} only enhances them.
 */
final class Pages {

  /** Hits per page on the search page. */
  static final int PAGE_SIZE = 10;

  private static final Map<String, String> FACET_LABELS =
      Map.of("category", "Category", "tag", "Tag", "year", "Year", "answered_by", "Answered by");
  private static final String FORM_ID = "search-form";

  private final String siteName;

  Pages(String siteName) {
    this.siteName = siteName;
  }

  /** A hit's near-duplicates, resolved to titles for display. */
  record Similar(String id, String title) {}

  /**
   * The search page: the form alone when nothing was asked, else results with facets, sorting and
   * paging.
   *
   * @param base the public base URL, for the canonical link
   * @param result the result, or null when nothing was asked
   * @param browse facet counts over the whole archive, offered when nothing was asked or nothing
   *     was found
   * @param similar titles of the near-duplicates of the hits on this page, by id
   */
  String search(
      String base,
      SearchParams p,
      SearchResult result,
      Map<String, List<FacetCount>> browse,
      Map<String, String> similar) {
    StringBuilder b = new StringBuilder(16384);
    String title = p.q().isBlank() ? siteName : p.q() + " — search — " + siteName;
    String description =
        p.q().isBlank()
            ? "Search years of a plastic surgeon's answers to patients' questions."
            : "Answers to patients' questions about " + abbreviate(p.q(), 100) + ".";
    head(
        b,
        title,
        description,
        base + (result == null ? "/" : p.withPage(1).href(PAGE_SIZE)),
        result != null);
    b.append("<h1 class=\"visually-hidden\">Search the answers</h1>\n");
    searchForm(b, p);
    b.append("<div id=\"results\">\n");
    b.append(
        "<p id=\"count\" class=\"count\" role=\"status\" aria-live=\"polite\" aria-atomic=\"true\">");
    if (result != null) {
      countText(b, p, result);
    }
    b.append("</p>\n");
    if (result == null) {
      b.append(
          "<section class=\"browse\" aria-labelledby=\"browse-h\"><h2 id=\"browse-h\">Browse</h2>\n");
      browseLinks(b, browse, p);
      b.append("</section>\n");
    } else {
      corrections(b, p, result);
      if (result.hits().isEmpty()) {
        emptyState(b, p, browse);
      } else {
        b.append("<div class=\"layout\">\n<div class=\"main-col\">\n");
        sortLinks(b, p);
        b.append("<ol class=\"hits\" start=\"")
            .append((p.page() - 1) * p.size() + 1)
            .append("\">\n");
        for (SearchHit h : result.hits()) {
          hit(b, h, p.q(), similar);
        }
        b.append("</ol>\n");
        pagination(b, p, result);
        b.append("</div>\n");
        facets(b, p, result.facets());
        b.append("</div>\n");
      }
    }
    b.append("</div>\n");
    foot(b);
    return b.toString();
  }

  private static void countText(StringBuilder b, SearchParams p, SearchResult result) {
    b.append(result.total())
        .append(result.totalExact() ? "" : "+")
        .append(result.total() == 1 && result.totalExact() ? " answer" : " answers");
    if (!p.q().isBlank()) {
      b.append(" for <strong>")
          .append(
              escape(
                  result.correctedQuery() != null && !p.exact() ? result.correctedQuery() : p.q()))
          .append("</strong>");
    }
    if (p.hasFilters()) {
      b.append(", filtered");
    }
    if (result.total() > 0) {
      long pages = pageCount(result);
      if (pages > 1) {
        b.append(" · page ").append(p.page()).append(" of ").append(pages);
      }
    }
  }

  private static void corrections(StringBuilder b, SearchParams p, SearchResult result) {
    if (result.correctedQuery() != null && !p.exact()) {
      b.append("<p class=\"did-you-mean\">Showing results for <a href=\"")
          .append(escape(p.withQuery(result.correctedQuery()).href(PAGE_SIZE)))
          .append("\"><strong>")
          .append(escape(result.correctedQuery()))
          .append("</strong></a> — search instead for <a href=\"")
          .append(escape(p.withExactQuery(p.q()).href(PAGE_SIZE)))
          .append("\">")
          .append(escape(p.q()))
          .append("</a></p>\n");
    }
    switch (result.relaxation()) {
      case MOST_WORDS ->
          b.append(
                  "<p class=\"note\">No answer contains all of your words; showing answers that contain most of")
              .append(" them.</p>\n");
      case ANY_WORD ->
          b.append(
                  "<p class=\"note\">No answer contains all of your words; showing answers that contain any of")
              .append(" them.</p>\n");
      case NONE -> {}
    }
  }

  private void emptyState(StringBuilder b, SearchParams p, Map<String, List<FacetCount>> browse) {
    b.append("<div class=\"empty\">\n<p>No answers for <strong>")
        .append(escape(p.q().isBlank() ? "these filters" : p.q()))
        .append("</strong>.</p>\n<p>Try:</p>\n<ul>\n");
    if (p.hasFilters()) {
      b.append("<li><a href=\"")
          .append(escape(p.withoutFilters().href(PAGE_SIZE)))
          .append("\">the same words without filters</a></li>\n");
    }
    b.append(
        "<li>fewer or more general words (\"scar\" rather than \"tummy tuck scar cream\")</li>\n");
    b.append("<li>another spelling, or the medical name (\"rhinoplasty\" for \"nose job\")</li>\n");
    b.append("</ul>\n</div>\n");
    b.append(
        "<section class=\"browse\" aria-labelledby=\"browse-h\"><h2 id=\"browse-h\">Or browse</h2>\n");
    browseLinks(b, browse, p);
    b.append("</section>\n");
  }

  private static void browseLinks(
      StringBuilder b, Map<String, List<FacetCount>> browse, SearchParams p) {
    for (String f : List.of("category", "year")) {
      List<FacetCount> counts = browse.getOrDefault(f, List.of());
      if (counts.isEmpty()) {
        continue;
      }
      b.append("<h3>").append(FACET_LABELS.get(f)).append("</h3>\n<ul class=\"browse-list\">");
      for (FacetCount c : counts.subList(0, Math.min(12, counts.size()))) {
        SearchParams target =
            new SearchParams("", 1, PAGE_SIZE, SearchRequest.Sort.RELEVANCE, Map.of(), false)
                .toggle(f, c.value());
        b.append("<li><a href=\"")
            .append(escape(target.href(PAGE_SIZE)))
            .append("\">")
            .append(escape(c.value()))
            .append("</a> <span class=\"n\">(")
            .append(c.count())
            .append(")</span></li>");
      }
      b.append("</ul>\n");
    }
  }

  private static void sortLinks(StringBuilder b, SearchParams p) {
    b.append("<nav class=\"sort\" aria-label=\"Sort results\">Sort by: ");
    sortLink(b, p, SearchRequest.Sort.RELEVANCE, "relevance");
    b.append(" · ");
    sortLink(b, p, SearchRequest.Sort.DATE, "newest first");
    b.append("</nav>\n");
  }

  private static void sortLink(
      StringBuilder b, SearchParams p, SearchRequest.Sort sort, String label) {
    b.append("<a href=\"").append(escape(p.withSort(sort).href(PAGE_SIZE))).append("\"");
    if (p.sort() == sort) {
      b.append(" aria-current=\"true\" class=\"current\"");
    }
    b.append(">").append(label).append("</a>");
  }

  private static void facets(
      StringBuilder b, SearchParams p, Map<String, List<FacetCount>> facets) {
    b.append(
        "<aside class=\"facets\" aria-labelledby=\"facets-h\">\n<h2 id=\"facets-h\">Narrow down</h2>\n");
    int n = 0;
    for (String f : SearchParams.FACETS) {
      List<FacetCount> counts = new ArrayList<>(facets.getOrDefault(f, List.of()));
      for (String selected : p.filters().get(f)) {
        if (counts.stream().noneMatch(c -> c.value().equals(selected))) {
          counts.add(new FacetCount(selected, 0));
        }
      }
      if (counts.isEmpty()) {
        continue;
      }
      b.append("<fieldset><legend>").append(FACET_LABELS.get(f)).append("</legend>\n");
      for (FacetCount c : counts) {
        String id = "f-" + f + "-" + n++;
        b.append("<div class=\"facet\"><input type=\"checkbox\" form=\"")
            .append(FORM_ID)
            .append("\" id=\"")
            .append(id)
            .append("\" name=\"")
            .append(f)
            .append("\" value=\"")
            .append(escape(c.value()))
            .append("\"");
        if (p.isSelected(f, c.value())) {
          b.append(" checked");
        }
        b.append("><label for=\"")
            .append(id)
            .append("\">")
            .append(escape(c.value()))
            .append(" <span class=\"n\">(")
            .append(c.count())
            .append(")</span></label></div>\n");
      }
      b.append("</fieldset>\n");
    }
    b.append("<button type=\"submit\" form=\"")
        .append(FORM_ID)
        .append("\" class=\"apply\">Apply filters</button>\n");
    if (p.hasFilters()) {
      b.append(" <a href=\"")
          .append(escape(p.withoutFilters().href(PAGE_SIZE)))
          .append("\">Clear filters</a>\n");
    }
    b.append("</aside>\n");
  }

  private void hit(StringBuilder b, SearchHit h, String q, Map<String, String> similar) {
    String href = entryHref(h.id(), q);
    b.append("<li class=\"hit\"><h2><a href=\"").append(escape(href)).append("\">");
    b.append(escape(h.title().isBlank() ? "(untitled)" : h.title())).append("</a></h2>\n");
    b.append("<p class=\"meta\">");
    if (h.date() != null) {
      b.append("<time datetime=\"")
          .append(escape(h.date()))
          .append("\">")
          .append(escape(h.date()))
          .append("</time>");
    }
    if (h.answeredBy() != null) {
      b.append(h.date() != null ? " · " : "").append("answered by ").append(escape(h.answeredBy()));
    }
    b.append("</p>\n");
    if (!h.questionSnippet().isBlank()) {
      b.append("<p class=\"q\"><span class=\"label\">Question:</span> ")
          .append(h.questionSnippet())
          .append("</p>\n");
    }
    if (!h.answerSnippet().isBlank()) {
      b.append("<p class=\"a\"><span class=\"label\">Answer:</span> ")
          .append(h.answerSnippet())
          .append("</p>\n");
    }
    if (!h.similarIds().isEmpty()) {
      int n = h.similarIds().size();
      b.append("<details class=\"similar\"><summary>")
          .append(n)
          .append(n == 1 ? " similar answer" : " similar answers")
          .append("</summary><ul>");
      for (String id : h.similarIds()) {
        b.append("<li><a href=\"")
            .append(escape(entryHref(id, q)))
            .append("\">")
            .append(escape(similar.getOrDefault(id, id)))
            .append("</a></li>");
      }
      b.append("</ul></details>\n");
    }
    b.append("</li>\n");
  }

  private static String entryHref(String id, String q) {
    return "/qa/" + pathPart(id) + (q == null || q.isBlank() ? "" : "?q=" + urlPart(q));
  }

  private static long pageCount(SearchResult result) {
    int size = result.request().size();
    return Math.min(SearchRequest.MAX_PAGE, (result.total() + size - 1) / size);
  }

  private static void pagination(StringBuilder b, SearchParams p, SearchResult result) {
    int page = p.page();
    long pages = pageCount(result);
    if (pages <= 1) {
      return;
    }
    b.append("<nav class=\"pages\" aria-label=\"Result pages\"><ul>");
    if (page > 1) {
      b.append("<li><a rel=\"prev\" href=\"")
          .append(escape(p.withPage(page - 1).href(PAGE_SIZE)))
          .append("\">‹ Previous<span class=\"visually-hidden\"> page</span></a></li>");
    }
    long last = 0;
    for (long i = 1; i <= pages; i++) {
      if (i != 1 && i != pages && Math.abs(i - page) > 2) {
        continue;
      }
      if (i - last > 1) {
        b.append("<li aria-hidden=\"true\">…</li>");
      }
      last = i;
      if (i == page) {
        b.append("<li><a aria-current=\"page\" class=\"current\" href=\"")
            .append(escape(p.withPage((int) i).href(PAGE_SIZE)))
            .append("\"><span class=\"visually-hidden\">Page </span>")
            .append(i)
            .append("</a></li>");
      } else {
        b.append("<li><a href=\"")
            .append(escape(p.withPage((int) i).href(PAGE_SIZE)))
            .append("\"><span class=\"visually-hidden\">Page </span>")
            .append(i)
            .append("</a></li>");
      }
    }
    if (page < pages) {
      b.append("<li><a rel=\"next\" href=\"")
          .append(escape(p.withPage(page + 1).href(PAGE_SIZE)))
          .append("\">Next<span class=\"visually-hidden\"> page</span> ›</a></li>");
    }
    b.append("</ul></nav>\n");
  }

  /**
   * The entry page.
   *
   * @param base the public base URL, for the canonical link
   * @param q the search the reader arrived from, or null
   * @param related entries like this one
   */
  String entry(
      String base, MarkedEntry marked, String q, List<SearchHit> related, LocalDate today) {
    QaEntry e = marked.entry();
    StringBuilder b = new StringBuilder(8192);
    String description = e.question().isBlank() ? e.answer() : e.question();
    String title = e.title().isBlank() ? "(untitled)" : e.title();
    head(
        b,
        title + " — " + siteName,
        abbreviate(description, 155),
        base + "/qa/" + pathPart(e.id()),
        false);
    searchForm(b, new SearchParams(q, 1, PAGE_SIZE, SearchRequest.Sort.RELEVANCE, Map.of(), false));
    if (q != null && !q.isBlank()) {
      b.append("<p class=\"back\"><a href=\"/?q=")
          .append(escape(urlPart(q)))
          .append("\">‹ Back to results for ")
          .append(escape(q))
          .append("</a></p>\n");
    }
    b.append("<article class=\"entry\">\n<h1>")
        .append(escape(title))
        .append("</h1>\n<p class=\"meta\">");
    if (e.date() != null) {
      b.append("Published <time datetime=\"")
          .append(e.date())
          .append("\">")
          .append(e.date())
          .append("</time>");
    }
    if (e.answeredBy() != null) {
      b.append(e.date() != null ? " · " : "").append("answered by ").append(escape(e.answeredBy()));
      if (e.credentials() != null) {
        b.append(", ").append(escape(e.credentials()));
      }
    }
    b.append("</p>\n");
    if (e.date() != null) {
      int years = Period.between(e.date(), today).getYears();
      if (years >= 1) {
        b.append("<p class=\"notice\">This answer was published ")
            .append(years)
            .append(years == 1 ? " year" : " years")
            .append(
                " ago and may not reflect current practice. Ask your doctor about your own case.</p>\n");
      }
    }
    if (!e.question().isBlank()) {
      b.append(
          "<section class=\"question\" aria-labelledby=\"question-h\"><h2 id=\"question-h\">Question");
      if (e.askerLocation() != null) {
        b.append(" from ").append(escape(e.askerLocation()));
      }
      b.append("</h2>\n").append(paragraphs(marked.questionHtml())).append("</section>\n");
    }
    b.append("<section class=\"answer\" aria-labelledby=\"answer-h\"><h2 id=\"answer-h\">Answer");
    if (e.answeredBy() != null) {
      b.append(" from ").append(escape(e.answeredBy()));
    }
    b.append("</h2>\n").append(paragraphs(marked.answerHtml())).append("</section>\n");
    if (!e.categories().isEmpty() || !e.tags().isEmpty()) {
      b.append("<ul class=\"terms\" aria-label=\"Categories and tags\">");
      for (String c : e.categories()) {
        termLink(b, "category", c, c);
      }
      for (String t : e.tags()) {
        termLink(b, "tag", t, "#" + t);
      }
      b.append("</ul>\n");
    }
    if (e.url().startsWith("http://") || e.url().startsWith("https://")) {
      b.append("<p><a rel=\"nofollow noopener\" href=\"")
          .append(escape(e.url()))
          .append("\">Read the original post</a></p>\n");
    }
    b.append("</article>\n");
    if (!related.isEmpty()) {
      b.append(
          "<section class=\"related\" aria-labelledby=\"related-h\"><h2 id=\"related-h\">Related questions</h2><ul>");
      for (SearchHit h : related) {
        b.append("<li><a href=\"")
            .append(escape(entryHref(h.id(), null)))
            .append("\">")
            .append(escape(h.title().isBlank() ? "(untitled)" : h.title()))
            .append("</a>");
        if (h.date() != null) {
          b.append(" <span class=\"n\">").append(escape(h.date())).append("</span>");
        }
        b.append("</li>");
      }
      b.append("</ul></section>\n");
    }
    foot(b);
    return b.toString();
  }

  private static void termLink(StringBuilder b, String facet, String value, String label) {
    SearchParams target =
        new SearchParams("", 1, PAGE_SIZE, SearchRequest.Sort.RELEVANCE, Map.of(), false)
            .toggle(facet, value);
    b.append("<li><a class=\"")
        .append(facet)
        .append("\" href=\"")
        .append(escape(target.href(PAGE_SIZE)))
        .append("\">")
        .append(escape(label))
        .append("</a></li>");
  }

  /** The demo host page for the embeddable box: what a clinic page with the snippet looks like. */
  /**
   * The six theme properties as the demo's themed box sets them (in app.css, since our own
   * Content-Security-Policy allows no inline style), shown on the page for clinics to copy.
   */
  static final String DEMO_THEME =
      ".my-box {\n"
          + "  --qarchive-accent: #6b2a7b;      /* button, links, focus ring */\n"
          + "  --qarchive-font: Georgia, serif;  /* all text */\n"
          + "  --qarchive-radius: 0;             /* corners */\n"
          + "  --qarchive-text: #2b1a30;        /* text colour */\n"
          + "  --qarchive-bg: #fbf7fc;          /* input and answer list */\n"
          + "  --qarchive-border: #6b2a7b;      /* input and list borders */\n"
          + "}";

  String embedDemo(String base, List<String> corsOrigins) {
    StringBuilder b = new StringBuilder(6144);
    head(
        b,
        "Embed demo — " + siteName,
        "How the archive's search box looks on a clinic's own page.",
        base + "/embed/demo",
        false);
    b.append("<h1>Embeddable search box</h1>\n");
    b.append(
        "<p>Paste this into any page of your site; the box searches this archive and links to its answers.</p>\n");
    b.append("<pre><code>").append(escape(embedSnippet(base))).append("</code></pre>\n");
    b.append("<h2>Default look</h2>\n<div data-qarchive></div>\n");
    b.append("<h2>Themed with CSS custom properties</h2>\n");
    b.append("<p>Set any of these six on the placeholder or on any element around it:</p>\n");
    b.append("<pre><code>").append(escape(DEMO_THEME)).append("</code></pre>\n");
    b.append(
        "<div class=\"demo-themed\" data-qarchive data-placeholder=\"Search our doctor's answers\"></div>\n");
    b.append("<h2 id=\"sites\">Which sites may use it</h2>\n");
    if (corsOrigins.contains("*")) {
      b.append(
          "<p class=\"cors\">This archive answers the box on <strong>any site</strong>"
              + " (<code>--cors-origin *</code>, the default).</p>\n");
    } else if (corsOrigins.isEmpty()) {
      b.append(
          "<p class=\"cors\">This archive answers the box on <strong>no other site</strong>.</p>\n");
    } else {
      b.append(
          "<p class=\"cors\">This archive answers the box only on these sites:</p>\n<ul class=\"cors\">");
      for (String o : corsOrigins) {
        b.append("<li><code>").append(escape(o)).append("</code></li>");
      }
      b.append("</ul>\n");
    }
    b.append(
        "<p>The archive's operator sets this with <code>qarchive serve --cors-origin"
            + " https://www.your-clinic.example</code> (several separated by commas).</p>\n");
    b.append("<h2>If your site sends a Content-Security-Policy</h2>\n");
    b.append("<p>Add this archive to these directives of your site's policy:</p>\n");
    b.append("<pre><code>").append(escape(cspLines(base))).append("</code></pre>\n");
    b.append("<script src=\"/embed.js\" data-qarchive async></script>\n");
    foot(b);
    return b.toString();
  }

  /** What a clinic's own Content-Security-Policy needs for the box. */
  static String cspLines(String base) {
    return "script-src 'self' "
        + base
        + ";   /* loads embed.js */\n"
        + "connect-src 'self' "
        + base
        + ";  /* the box's searches */\n"
        + "form-action 'self' "
        + base
        + ";  /* Enter opens the results here (only if your policy sets form-action) */";
  }

  static String embedSnippet(String base) {
    return "<script src=\"" + base + "/embed.js\" data-qarchive async></script>";
  }

  String error(int status, String message) {
    StringBuilder b = new StringBuilder(2048);
    head(
        b,
        (status == 404 ? "Not found" : "Error " + status) + " — " + siteName,
        message,
        null,
        true);
    b.append("<h1>")
        .append(status == 404 ? "Page not found" : "Sorry, that did not work")
        .append("</h1>\n");
    b.append("<p class=\"error\" role=\"alert\">").append(escape(message)).append("</p>\n");
    b.append("<p>Search the answers instead, or go to the <a href=\"/\">start page</a>.</p>\n");
    searchForm(
        b, new SearchParams("", 1, PAGE_SIZE, SearchRequest.Sort.RELEVANCE, Map.of(), false));
    foot(b);
    return b.toString();
  }

  /** Splits escaped text on blank lines into paragraphs; the text is already safe HTML. */
  private static String paragraphs(String escapedHtml) {
    StringBuilder b = new StringBuilder(escapedHtml.length() + 64);
    for (String p : escapedHtml.split("\\n\\s*\\n")) {
      if (!p.isBlank()) {
        b.append("<p>").append(p.strip().replace("\n", "<br>")).append("</p>\n");
      }
    }
    return b.toString();
  }

  private void head(
      StringBuilder b, String title, String description, String canonical, boolean noindex) {
    b.append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n");
    b.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    b.append("<title>").append(escape(title)).append("</title>\n");
    b.append("<meta name=\"description\" content=\"").append(escape(description)).append("\">\n");
    if (noindex) {
      b.append("<meta name=\"robots\" content=\"noindex\">\n");
    }
    if (canonical != null) {
      b.append("<link rel=\"canonical\" href=\"").append(escape(canonical)).append("\">\n");
    }
    b.append(
            "<link rel=\"search\" type=\"application/opensearchdescription+xml\" href=\"/opensearch.xml\" title=\"")
        .append(escape(siteName))
        .append("\">\n");
    b.append("<link rel=\"icon\" href=\"/favicon.ico\" sizes=\"16x16 32x32 48x48\">\n");
    b.append("<link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\">\n");
    b.append("<link rel=\"stylesheet\" href=\"/static/app.css\">\n");
    b.append("<script src=\"/static/app.js\" defer></script>\n");
    b.append("</head><body>\n<a class=\"skip\" href=\"#main\">Skip to content</a>\n");
    b.append("<header><a class=\"home\" href=\"/\">")
        .append(escape(siteName))
        .append("</a></header>\n");
    b.append("<main id=\"main\">\n");
  }

  private static void searchForm(StringBuilder b, SearchParams p) {
    b.append("<form id=\"")
        .append(FORM_ID)
        .append("\" class=\"search\" role=\"search\" action=\"/\" method=\"get\">");
    b.append("<label for=\"q\">Search the answers</label>");
    b.append("<input id=\"q\" name=\"q\" type=\"search\" value=\"")
        .append(escape(p.q()))
        .append("\" ");
    b.append(
        "placeholder=\"e.g. swelling after rhinoplasty\" autocomplete=\"off\" enterkeyhint=\"search\">");
    if (p.sort() == SearchRequest.Sort.DATE) {
      b.append("<input type=\"hidden\" name=\"sort\" value=\"date\">");
    }
    b.append("<button type=\"submit\">Search</button></form>\n");
  }

  private static void foot(StringBuilder b) {
    b.append("</main>\n<footer><p>Answers are general information, not medical advice.")
        .append(
            " <a href=\"/embed/demo\">Add this search to your site</a> · <a href=\"/openapi.yaml\">API</a></p></footer>\n");
    b.append("</body></html>\n");
  }

  private static String abbreviate(String s, int max) {
    String flat = s.replaceAll("\\s+", " ").strip();
    return flat.length() <= max ? flat : flat.substring(0, max - 1) + "…";
  }

  /** Encodes a query-string value. */
  static String urlPart(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** Encodes a path segment (spaces as %20, not +). */
  static String pathPart(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
