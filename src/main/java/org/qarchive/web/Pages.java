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
import org.qarchive.search.MatchQuality;
import org.qarchive.search.SearchHit;
import org.qarchive.search.SearchRequest;
import org.qarchive.search.SearchResult;
import org.qarchive.site.ClinicVoice;
import org.qarchive.site.EmergencyTriggers;
import org.qarchive.site.FacetStopList;

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
  private final ClinicVoice clinic;
  private final FacetStopList hiddenTerms;

  /** Pages with the shipped clinic settings. */
  Pages(String siteName) {
    this(siteName, ClinicVoice.defaults(), FacetStopList.none());
  }

  /**
   * Pages in the clinic's voice, not offering {@code hiddenTerms} as facets or terms; made for each
   * request, as staff may change the settings at any time.
   */
  Pages(String siteName, ClinicVoice clinic, FacetStopList hiddenTerms) {
    this.siteName = siteName;
    this.clinic = clinic;
    this.hiddenTerms = hiddenTerms;
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
   * @param emergency the emergency the query describes, or null
   */
  String search(
      String base,
      SearchParams p,
      SearchResult result,
      Map<String, List<FacetCount>> browse,
      Map<String, String> similar,
      EmergencyTriggers.Match emergency) {
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
    // as-you-type updates replace this and the results, so a notice comes and goes with the query
    b.append("<div id=\"notices\">");
    if (emergency != null) {
      emergencyNotice(b, emergency);
    }
    b.append("</div>\n");
    b.append("<div id=\"results\">\n");
    b.append(
        "<p id=\"count\" class=\"count\" role=\"status\" aria-live=\"polite\" aria-atomic=\"true\">");
    if (result != null) {
      status(b, p, result);
    }
    b.append("</p>\n");
    if (result == null) {
      b.append(
          "<section class=\"browse\" aria-labelledby=\"browse-h\"><h2 id=\"browse-h\">Browse</h2>\n");
      browseLinks(b, browse);
      b.append("</section>\n");
    } else if (result.total() == 0) {
      emptyState(b, p, browse);
    } else if (result.hits().isEmpty()) {
      b.append("\n"); // past the last page: the status line says so and links back
    } else {
      b.append("<div class=\"layout\">\n<div class=\"main-col\">\n");
      looseNote(b, result);
      sortLinks(b, p);
      hitLists(b, p, result, similar);
      pagination(b, p, result);
      askTheDoctor(b, "Not the answer you need?");
      b.append("</div>\n");
      facets(b, p, result.facets());
      b.append("</div>\n");
    }
    b.append("</div>\n");
    foot(b);
    return b.toString();
  }

  /**
   * The one status line of a result page: how many answers for what, whether the words were
   * corrected or loosened, which page. Written in one place from the result, so its parts cannot
   * contradict each other (or the rest of the page).
   */
  private static void status(StringBuilder b, SearchParams p, SearchResult result) {
    String corrected = p.exact() ? null : result.correctedQuery();
    String typed = p.q();
    if (result.total() == 0) {
      b.append("No answers for ");
      if (typed.isBlank()) {
        b.append("these filters");
      } else {
        b.append("<strong>").append(escape(typed)).append("</strong>");
        if (corrected != null) {
          b.append(", nor for <strong>").append(escape(corrected)).append("</strong>");
        }
      }
      if (p.hasFilters() && !typed.isBlank()) {
        b.append(" with these filters");
      }
      b.append(".");
      if (result.suggestedQuery() != null && !p.exact()) {
        b.append(" <span class=\"suggestion\">Did you mean <a href=\"")
            .append(escape(p.withQuery(result.suggestedQuery()).href(PAGE_SIZE)))
            .append("\"><strong>")
            .append(escape(result.suggestedQuery()))
            .append("</strong></a>?</span>");
      }
      return;
    }
    long pages = pageCount(result);
    b.append(result.total())
        .append(result.totalExact() ? "" : "+")
        .append(result.total() == 1 && result.totalExact() ? " answer" : " answers");
    if (!typed.isBlank()) {
      b.append(" for <strong>")
          .append(escape(corrected != null ? corrected : typed))
          .append("</strong>");
    }
    if (p.hasFilters()) {
      b.append(", filtered");
    }
    if (corrected != null) {
      b.append(" <span class=\"correction\">(corrected from <em>")
          .append(escape(typed))
          .append("</em>; <a href=\"")
          .append(escape(p.withExactQuery(typed).href(PAGE_SIZE)))
          .append("\">search for <em>")
          .append(escape(typed))
          .append("</em> instead</a>)</span>");
    }
    switch (result.relaxation()) {
      case MOST_WORDS -> b.append(". No answer has all of your words; these have most of them");
      case ANY_WORD -> b.append(". No answer has all of your words; these have some of them");
      case NONE -> {}
    }
    if (result.suggestedQuery() != null && !p.exact()) {
      b.append(". <span class=\"suggestion\">Did you mean <a href=\"")
          .append(escape(p.withQuery(result.suggestedQuery()).href(PAGE_SIZE)))
          .append("\"><strong>")
          .append(escape(result.suggestedQuery()))
          .append("</strong></a>?</span>");
    }
    if (result.hits().isEmpty()) {
      b.append(". Page ")
          .append(p.page())
          .append(" is past the end: <a href=\"")
          .append(escape(p.withPage((int) pages).href(PAGE_SIZE)))
          .append("\">")
          .append(pages == 1 ? "see the answers" : "go to the last page, " + pages)
          .append("</a>.");
    } else if (pages > 1) {
      b.append(" · page ").append(p.page()).append(" of ").append(pages);
    }
  }

  /** When no answer of the whole result matches closely, the page says so above the answers. */
  private void looseNote(StringBuilder b, SearchResult result) {
    if (result.quality() != MatchQuality.LOOSE) {
      return;
    }
    b.append(
        "<div class=\"loose-note\" id=\"loose-note\"><p><strong>No answer closely matches your"
            + " question.</strong> These answers share some of its words and may still help.</p>");
    askTheDoctor(b, "For an answer about your own case:");
    b.append("</div>\n");
  }

  /**
   * The page's hits, close matches first: when this page holds both, the loose ones follow under
   * their own heading. Within each group the ranking's order is kept.
   */
  private void hitLists(
      StringBuilder b, SearchParams p, SearchResult result, Map<String, String> similar) {
    List<SearchHit> close = new ArrayList<>();
    List<SearchHit> loose = new ArrayList<>();
    for (SearchHit h : result.hits()) {
      (h.quality() == MatchQuality.CLOSE ? close : loose).add(h);
    }
    int first = (p.page() - 1) * p.size() + 1;
    if (!close.isEmpty()) {
      hitList(b, close, first, p.q(), similar, "hits");
    }
    if (!loose.isEmpty()) {
      if (!close.isEmpty()) {
        b.append("<h2 class=\"loose-h\" id=\"loose-h\">Less close matches</h2>\n");
      }
      hitList(b, loose, first + close.size(), p.q(), similar, "hits loose");
    }
  }

  private void hitList(
      StringBuilder b,
      List<SearchHit> hits,
      int start,
      String q,
      Map<String, String> similar,
      String cssClass) {
    b.append("<ol class=\"").append(cssClass).append("\" start=\"").append(start).append("\">\n");
    for (SearchHit h : hits) {
      hit(b, h, q, similar);
    }
    b.append("</ol>\n");
  }

  /** The notice above the results when a search describes an emergency. */
  private void emergencyNotice(StringBuilder b, EmergencyTriggers.Match emergency) {
    b.append(
            "<section class=\"emergency\" role=\"alert\" aria-labelledby=\"emergency-h\">"
                + "<h2 id=\"emergency-h\">If this is an emergency, call <a href=\"")
        .append(escape(clinic.emergencyHref()))
        .append("\">")
        .append(escape(clinic.emergencyNumber()))
        .append("</a> now</h2>\n<p>")
        .append(escape(clinic.emergencyMessage()))
        .append("</p>\n");
    if (clinic.hasPhone()) {
      b.append("<p>If you had a procedure with us, you can also call ")
          .append(escape(clinic.nameOr("the clinic")))
          .append(" at ");
      phoneLink(b);
      b.append(".</p>\n");
    }
    if (emergency.kind() == EmergencyTriggers.Kind.CRISIS && !clinic.crisisMessage().isEmpty()) {
      b.append("<p class=\"crisis\">").append(escape(clinic.crisisMessage())).append("</p>\n");
    }
    b.append("</section>\n");
  }

  private void phoneLink(StringBuilder b) {
    b.append("<a href=\"")
        .append(escape(clinic.phoneHref()))
        .append("\">")
        .append(escape(clinic.phone()))
        .append("</a>");
  }

  /**
   * "Ask the doctor": the clinic's consultation link, phone and contact page, when it has any; a
   * patient the archive could not help has somewhere to go.
   */
  private void askTheDoctor(StringBuilder b, String lead) {
    if (clinic.consultationUrl().isEmpty() && !clinic.hasPhone() && clinic.contactUrl().isEmpty()) {
      return;
    }
    b.append("<p class=\"ask\">").append(escape(lead)).append(" ");
    List<String> ways = new ArrayList<>();
    if (!clinic.consultationUrl().isEmpty()) {
      ways.add(
          "<a href=\""
              + escape(clinic.consultationUrl())
              + "\">Ask the doctor: book a consultation</a>");
    }
    if (clinic.hasPhone()) {
      StringBuilder call = new StringBuilder("call ");
      call.append(escape(clinic.nameOr("the clinic"))).append(" at ");
      int at = b.length();
      b.append(call);
      phoneLink(b);
      ways.add(b.substring(at));
      b.setLength(at);
    }
    if (!clinic.contactUrl().isEmpty()) {
      ways.add("<a href=\"" + escape(clinic.contactUrl()) + "\">write to us</a>");
    }
    String joined = String.join(" · ", ways);
    b.append(Character.toUpperCase(joined.charAt(0))).append(joined.substring(1)).append("</p>\n");
  }

  private void emptyState(StringBuilder b, SearchParams p, Map<String, List<FacetCount>> browse) {
    b.append("<div class=\"empty\">\n<p>Try:</p>\n<ul>\n");
    if (p.hasFilters()) {
      b.append("<li><a href=\"")
          .append(escape(p.withoutFilters().href(PAGE_SIZE)))
          .append("\">the same words without filters</a></li>\n");
    }
    b.append(
        "<li>fewer or more general words (\"scar\" rather than \"tummy tuck scar cream\")</li>\n");
    b.append("<li>another spelling, or the medical name (\"rhinoplasty\" for \"nose job\")</li>\n");
    b.append("</ul>\n");
    askTheDoctor(b, "Or ask your own question.");
    b.append("</div>\n");
    b.append(
        "<section class=\"browse\" aria-labelledby=\"browse-h\"><h2 id=\"browse-h\">Or browse</h2>\n");
    browseLinks(b, browse);
    b.append("</section>\n");
  }

  private void browseLinks(StringBuilder b, Map<String, List<FacetCount>> browse) {
    for (String f : List.of("category", "year")) {
      List<FacetCount> counts = visible(f, browse.getOrDefault(f, List.of()));
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

  /** {@code counts} of {@code field} without the values the clinic's stop-list hides. */
  private List<FacetCount> visible(String field, List<FacetCount> counts) {
    return visibleFacets(field, counts, hiddenTerms);
  }

  /**
   * {@code counts} of facet {@code field} without the tags and categories {@code hidden} names
   * (other facets are never hidden).
   */
  static List<FacetCount> visibleFacets(
      String field, List<FacetCount> counts, FacetStopList hidden) {
    if (!field.equals("category") && !field.equals("tag") || hidden.size() == 0) {
      return counts;
    }
    return counts.stream().filter(c -> !hidden.hides(c.value())).toList();
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

  private void facets(StringBuilder b, SearchParams p, Map<String, List<FacetCount>> facets) {
    b.append(
        "<aside class=\"facets\" aria-labelledby=\"facets-h\">\n<h2 id=\"facets-h\">Narrow down</h2>\n");
    int n = 0;
    for (String f : SearchParams.FACETS) {
      List<FacetCount> counts = new ArrayList<>(visible(f, facets.getOrDefault(f, List.of())));
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
    } else {
      b.append("date unknown");
    }
    if (h.answeredBy() != null) {
      b.append(" · answered by ").append(escape(h.answeredBy()));
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
   * @param original where the archived original post is, or null when we have none
   */
  String entry(
      String base,
      MarkedEntry marked,
      String q,
      List<SearchHit> related,
      LocalDate today,
      ArchivedCopy.Link original) {
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
    } else {
      b.append("Date unknown");
    }
    if (e.answeredBy() != null) {
      b.append(" · answered by ").append(escape(e.answeredBy()));
      if (e.credentials() != null) {
        b.append(", ").append(escape(e.credentials()));
      }
    }
    b.append("</p>\n");
    ageNotice(b, e.date(), today);
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
    List<String> categories = hiddenTerms.visible(e.categories());
    List<String> tags = hiddenTerms.visible(e.tags());
    if (!categories.isEmpty() || !tags.isEmpty()) {
      b.append("<ul class=\"terms\" aria-label=\"Categories and tags\">");
      for (String c : categories) {
        termLink(b, "category", c, c);
      }
      for (String t : tags) {
        termLink(b, "tag", t, "#" + t);
      }
      b.append("</ul>\n");
    }
    originalPost(b, e, original);
    b.append("</article>\n");
    askTheDoctor(b, "Have a question about your own case?");
    if (!related.isEmpty()) {
      b.append(
          "<section class=\"related\" aria-labelledby=\"related-h\"><h2 id=\"related-h\">Related questions</h2><ul>");
      for (SearchHit h : related) {
        b.append("<li><a href=\"")
            .append(escape(entryHref(h.id(), null)))
            .append("\">")
            .append(escape(h.title().isBlank() ? "(untitled)" : h.title()))
            .append("</a>");
        b.append(" <span class=\"n\">")
            .append(h.date() != null ? escape(h.date()) : "date unknown")
            .append("</span>");
        b.append("</li>");
      }
      b.append("</ul></section>\n");
    }
    foot(b);
    return b.toString();
  }

  /**
   * The notice that an answer may be dated, in the clinic's voice: for answers a year old or more,
   * and for those whose date we do not know.
   */
  private void ageNotice(StringBuilder b, LocalDate date, LocalDate today) {
    if (date != null) {
      int years = Period.between(date, today).getYears();
      if (years < 1) {
        return;
      }
      b.append("<p class=\"notice\">This answer was published ")
          .append(years)
          .append(years == 1 ? " year" : " years")
          .append(" ago and may not reflect current practice. ");
    } else {
      b.append(
          "<p class=\"notice\">We do not know when this answer was published, so it may not reflect"
              + " current practice. ");
    }
    b.append("Ask ").append(escape(clinic.nameOr("your doctor"))).append(" about your own case");
    boolean consult = !clinic.consultationUrl().isEmpty();
    if (clinic.hasPhone()) {
      b.append(": call ");
      phoneLink(b);
      if (consult) {
        b.append(" or <a href=\"")
            .append(escape(clinic.consultationUrl()))
            .append("\">book a consultation</a>");
      }
    } else if (consult) {
      b.append(": <a href=\"")
          .append(escape(clinic.consultationUrl()))
          .append("\">book a consultation</a>");
    }
    b.append(".</p>\n");
  }

  /**
   * "Read the original": the archived capture when we have one, and where the post was first
   * published, which may be gone.
   */
  private static void originalPost(StringBuilder b, QaEntry e, ArchivedCopy.Link original) {
    boolean web = e.url().startsWith("http://") || e.url().startsWith("https://");
    if (original != null) {
      b.append("<p class=\"original\"><a rel=\"nofollow noopener\" href=\"")
          .append(escape(original.href()))
          .append("\">Read the original post</a> ");
      if (original.wayback()) {
        b.append("(the Internet Archive's copy");
        if (original.captured() != null) {
          b.append(" of ").append(escape(original.captured()));
        }
        b.append(")");
      } else {
        b.append("(our archived copy)");
      }
      if (web) {
        b.append(". First published at <span class=\"url\">")
            .append(escape(e.url()))
            .append("</span>, which may no longer be online");
      }
      b.append(".</p>\n");
    } else if (web) {
      b.append("<p class=\"original\">First published at <a rel=\"nofollow noopener\" href=\"")
          .append(escape(e.url()))
          .append("\">")
          .append(escape(e.url()))
          .append("</a> (the blog may no longer be online).</p>\n");
    }
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
    b.append(
        "<h2>For developers</h2>\n<p>The box's words can be translated with <code>data-</code>"
            + " attributes, and the archive answers a JSON API: see the <a href=\"/openapi.yaml\">API"
            + " description</a>.</p>\n");
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

  /**
   * An error page that keeps what the reader typed in the search box.
   *
   * @param q the query of the request that failed, or null
   */
  String error(int status, String message, String q) {
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
    SearchParams again =
        new SearchParams(q, 1, PAGE_SIZE, SearchRequest.Sort.RELEVANCE, Map.of(), false);
    if (again.q().isBlank()) {
      b.append("<p>Search the answers instead, or go to the <a href=\"/\">start page</a>.</p>\n");
    } else {
      b.append("<p><a href=\"")
          .append(escape(again.href(PAGE_SIZE)))
          .append("\">Search for <strong>")
          .append(escape(abbreviate(again.q(), 100)))
          .append(
              "</strong> without the rest</a>, change your words below, or go to the <a href=\"/\">start page</a>.</p>\n");
    }
    searchForm(b, again);
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
    b.append("<header><a class=\"home\" href=\"/\">").append(escape(siteName)).append("</a>");
    if (!clinic.name().isEmpty() || clinic.hasPhone()) {
      b.append("<p class=\"clinic\">").append(escape(clinic.name()));
      if (clinic.hasPhone()) {
        b.append(clinic.name().isEmpty() ? "" : " · ").append("Call ");
        phoneLink(b);
      }
      b.append("</p>");
    }
    b.append("</header>\n");
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

  /** The clinic's disclaimer and how to reach it, under every page. */
  private void foot(StringBuilder b) {
    b.append("</main>\n<footer><p class=\"disclaimer\">")
        .append(escape(clinic.disclaimer()))
        .append("</p>");
    List<String> parts = new ArrayList<>();
    if (!clinic.name().isEmpty()) {
      parts.add("<strong>" + escape(clinic.name()) + "</strong>");
    }
    if (clinic.hasPhone()) {
      int at = b.length();
      phoneLink(b);
      parts.add(b.substring(at));
      b.setLength(at);
    }
    if (!clinic.contactUrl().isEmpty()) {
      parts.add("<a href=\"" + escape(clinic.contactUrl()) + "\">Contact</a>");
    }
    if (!clinic.consultationUrl().isEmpty()) {
      parts.add(
          "<a href=\""
              + escape(clinic.consultationUrl())
              + "\">Ask the doctor: book a consultation</a>");
    }
    if (!parts.isEmpty()) {
      b.append("<p class=\"contact\">").append(String.join(" · ", parts)).append("</p>");
    }
    b.append("<p class=\"emergency-line\">In an emergency, call <a href=\"")
        .append(escape(clinic.emergencyHref()))
        .append("\">")
        .append(escape(clinic.emergencyNumber()))
        .append("</a>.</p></footer>\n");
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
