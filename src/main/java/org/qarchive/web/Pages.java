package org.qarchive.web;

import static org.qarchive.search.Html.escape;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.Period;
import org.qarchive.archive.QaEntry;
import org.qarchive.search.ArchiveSearcher.MarkedEntry;
import org.qarchive.search.SearchHit;
import org.qarchive.search.SearchResult;

/**
 * Server-rendered HTML for the search page, the entry page and error pages. Every piece of text we did not write
 * goes through {@code escape}; snippets arrive already escaped from the highlighter, with only {@code <mark>} added.
 */
final class Pages {

  private final String siteName;

  Pages(String siteName) {
    this.siteName = siteName;
  }

  String search(String q, SearchResult result) {
    StringBuilder b = new StringBuilder(8192);
    String title = q.isBlank() ? siteName : q + " — " + siteName;
    head(b, title, "Search years of a plastic surgeon's answers to patients' questions.", "/");
    searchForm(b, q);
    if (result != null) {
      b.append("<p class=\"count\" role=\"status\" aria-live=\"polite\">");
      b.append(result.total()).append(result.total() == 1 ? " answer" : " answers");
      if (!q.isBlank()) {
        b.append(" for <strong>").append(escape(q)).append("</strong>");
      }
      b.append("</p>\n");
      if (result.hits().isEmpty() && !q.isBlank()) {
        b.append("<p class=\"empty\">No answers for <strong>")
            .append(escape(q))
            .append("</strong>. Try fewer or more general words, or check the spelling.</p>\n");
      }
      b.append("<ol class=\"hits\">\n");
      for (SearchHit h : result.hits()) {
        hit(b, h, q);
      }
      b.append("</ol>\n");
      pagination(b, q, result);
    }
    foot(b);
    return b.toString();
  }

  private void hit(StringBuilder b, SearchHit h, String q) {
    String href = "/qa/" + urlPart(h.id()) + (q.isBlank() ? "" : "?q=" + urlPart(q));
    b.append("<li class=\"hit\"><h2><a href=\"").append(escape(href)).append("\">");
    b.append(escape(h.title().isBlank() ? "(untitled)" : h.title())).append("</a></h2>\n");
    b.append("<p class=\"meta\">");
    if (h.date() != null) {
      b.append("<time datetime=\"").append(escape(h.date())).append("\">").append(escape(h.date())).append("</time>");
    }
    if (h.answeredBy() != null) {
      b.append(" · answered by ").append(escape(h.answeredBy()));
    }
    b.append("</p>\n");
    if (!h.questionSnippet().isBlank()) {
      b.append("<p class=\"q\"><span class=\"label\">Question:</span> ").append(h.questionSnippet()).append("</p>\n");
    }
    if (!h.answerSnippet().isBlank()) {
      b.append("<p class=\"a\"><span class=\"label\">Answer:</span> ").append(h.answerSnippet()).append("</p>\n");
    }
    b.append("</li>\n");
  }

  private static void pagination(StringBuilder b, String q, SearchResult result) {
    int page = result.request().page();
    int size = result.request().size();
    long pages = Math.min(org.qarchive.search.SearchRequest.MAX_PAGE, (result.total() + size - 1) / size);
    if (pages <= 1) {
      return;
    }
    b.append("<nav class=\"pages\" aria-label=\"Result pages\">");
    if (page > 1) {
      b.append("<a rel=\"prev\" href=\"").append(escape(pageHref(q, page - 1))).append("\">« Previous</a> ");
    }
    b.append("<span>Page ").append(page).append(" of ").append(pages).append("</span>");
    if (page < pages) {
      b.append(" <a rel=\"next\" href=\"").append(escape(pageHref(q, page + 1))).append("\">Next »</a>");
    }
    b.append("</nav>\n");
  }

  private static String pageHref(String q, int page) {
    return "/?q=" + urlPart(q) + "&page=" + page;
  }

  String entry(MarkedEntry marked, String q) {
    QaEntry e = marked.entry();
    StringBuilder b = new StringBuilder(8192);
    String description = e.question().isBlank() ? e.answer() : e.question();
    head(b, e.title() + " — " + siteName, abbreviate(description, 155), "/qa/" + urlPart(e.id()));
    searchForm(b, q == null ? "" : q);
    b.append("<article class=\"entry\">\n<h1>").append(escape(e.title())).append("</h1>\n<p class=\"meta\">");
    if (e.date() != null) {
      b.append("Published <time datetime=\"").append(e.date()).append("\">").append(e.date()).append("</time>");
    }
    b.append("</p>\n");
    if (e.date() != null) {
      int years = Period.between(e.date(), LocalDate.now()).getYears();
      if (years >= 1) {
        b.append("<p class=\"notice\">This answer was published ")
            .append(years)
            .append(years == 1 ? " year" : " years")
            .append(" ago and may not reflect current practice. Ask your doctor about your own case.</p>\n");
      }
    }
    if (!e.question().isBlank()) {
      b.append("<section class=\"question\"><h2>Question");
      if (e.askerLocation() != null) {
        b.append(" from ").append(escape(e.askerLocation()));
      }
      b.append("</h2>\n").append(paragraphs(marked.questionHtml())).append("</section>\n");
    }
    b.append("<section class=\"answer\"><h2>Answer");
    if (e.answeredBy() != null) {
      b.append(" from ").append(escape(e.answeredBy()));
      if (e.credentials() != null) {
        b.append(", ").append(escape(e.credentials()));
      }
    }
    b.append("</h2>\n").append(paragraphs(marked.answerHtml())).append("</section>\n");
    if (!e.categories().isEmpty() || !e.tags().isEmpty()) {
      b.append("<p class=\"terms\">");
      for (String c : e.categories()) {
        b.append("<span class=\"category\">").append(escape(c)).append("</span> ");
      }
      for (String t : e.tags()) {
        b.append("<span class=\"tag\">#").append(escape(t)).append("</span> ");
      }
      b.append("</p>\n");
    }
    if (e.url().startsWith("http://") || e.url().startsWith("https://")) {
      b.append("<p><a rel=\"nofollow noopener\" href=\"")
          .append(escape(e.url()))
          .append("\">Original post</a></p>\n");
    }
    b.append("</article>\n");
    foot(b);
    return b.toString();
  }

  String error(int status, String message) {
    StringBuilder b = new StringBuilder(2048);
    head(b, "Error " + status + " — " + siteName, message, null);
    searchForm(b, "");
    b.append("<p class=\"error\" role=\"alert\">").append(escape(message)).append("</p>\n");
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

  private void head(StringBuilder b, String title, String description, String canonicalPath) {
    b.append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n");
    b.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    b.append("<title>").append(escape(title)).append("</title>\n");
    b.append("<meta name=\"description\" content=\"").append(escape(description)).append("\">\n");
    if (canonicalPath != null) {
      b.append("<link rel=\"canonical\" href=\"").append(escape(canonicalPath)).append("\">\n");
    }
    b.append("<link rel=\"stylesheet\" href=\"/static/app.css\">\n");
    b.append("</head><body>\n<header><a class=\"home\" href=\"/\">").append(escape(siteName)).append("</a></header>\n");
    b.append("<main>\n");
  }

  private static void searchForm(StringBuilder b, String q) {
    b.append("<form class=\"search\" role=\"search\" action=\"/\" method=\"get\">");
    b.append("<label for=\"q\">Search the answers</label>");
    b.append("<input id=\"q\" name=\"q\" type=\"search\" value=\"").append(escape(q)).append("\" ");
    b.append("placeholder=\"e.g. saggy skin after botox\" autocomplete=\"off\">");
    b.append("<button type=\"submit\">Search</button></form>\n");
  }

  private static void foot(StringBuilder b) {
    b.append("</main>\n<footer><p>Answers are general information, not medical advice.</p></footer>\n");
    b.append("</body></html>\n");
  }

  private static String abbreviate(String s, int max) {
    String flat = s.replaceAll("\\s+", " ").strip();
    return flat.length() <= max ? flat : flat.substring(0, max - 1) + "…";
  }

  static String urlPart(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
