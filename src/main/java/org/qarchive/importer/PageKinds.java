package org.qarchive.importer;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.qarchive.importer.fast.AsciiBytes;
import org.qarchive.importer.fast.BodyTag;

/**
 * Tells listing and search pages from the rest: a listing (home, category, tag, date archive,
 * {@code /page/N/}) lists posts that are imported from their own pages, search results likewise.
 */
final class PageKinds {

  private static final Pattern LISTING_PATH =
      Pattern.compile(
          "^/(?:|page/\\d+/|(?:category|tag|author|topics?)/.*|\\d{4}/(?:\\d{2}/(?:\\d{2}/)?)?(?:page/\\d+/)?)$");
  private static final Set<String> LISTING_BODY =
      Set.of("home", "blog", "archive", "category", "tag", "date", "paged", "author");

  /** Body classes of a single post's page, and of search results. */
  private static final Set<String> SINGULAR_BODY = Set.of("single", "single-post");

  private static final Set<String> SEARCH_BODY = Set.of("search", "search-results");
  private static final Pattern SEARCH_QUERY = Pattern.compile("(?i).*[?&]s=.*");

  private PageKinds() {}

  /**
   * A listing page told without parsing the page, from its body tag and its address: a listing
   * contributes nothing, and listings are a tenth of an archive's files, each costing a whole
   * parse. Null, leaving the page to the full rules, unless one of two signs decides as those rules
   * would:
   *
   * <ul>
   *   <li>WordPress-like themes put "home", "archive", "category"... in the body's class of every
   *       listing. The tag is found in the bytes ({@link BodyTag}) and its classes read by jsoup
   *       parsing the page up to the end of that tag, so they are exactly those the whole parse
   *       gives.
   *   <li>A page without a canonical link or {@code og:url} anywhere takes its address from the
   *       file's path or the WARC record, and a path such as {@code /page/3/} or {@code /2015/03/}
   *       is a listing's, unless the body's only tag says the page is a single post.
   * </ul>
   *
   * <p>Never where a search query may be in the page's URL; the caller does not ask with a theme
   * that removes elements.
   */
  static PageResult beforeParsing(PageBytes.Html page, String sourceName, String urlHint) {
    byte[] bytes = page.bytes();
    BodyTag body = BodyTag.first(bytes);
    if (body == null) {
      return null;
    }
    Set<String> words = body.words();
    if (!Collections.disjoint(words, SINGULAR_BODY)
        || mayHoldSearchQuery(sourceName)
        || urlHint != null && mayHoldSearchQuery(urlHint)) {
      return null;
    }
    if (!Collections.disjoint(words, LISTING_BODY)) {
      return mayHoldSearchQuery(bytes) ? null : byBodyClass(page.parse(body.end() + 1).body());
    }
    if (!Collections.disjoint(words, SEARCH_BODY)) {
      return null;
    }
    String guessed = CanonicalUrl.fromName(sourceName, urlHint);
    if (guessed == null
        || guessed.contains("?")
        || !LISTING_PATH.matcher(CanonicalUrl.pathOf(guessed)).matches()) {
      return null;
    }
    // the path decides only if nothing in the page can name another address, and no later body tag
    // can add a class
    if (AsciiBytes.contains(bytes, 0, bytes.length, "canonical")
        || AsciiBytes.contains(bytes, 0, bytes.length, "og:url")
        || body.anotherIn(bytes)) {
      return null;
    }
    return PageResult.of(
        PageKind.LISTING,
        null,
        null,
        "a listing page (address " + CanonicalUrl.pathOf(guessed) + ")");
  }

  private static PageResult byBodyClass(Element body) {
    Set<String> classes = body == null ? Set.of() : body.classNames();
    if (!Collections.disjoint(classes, SINGULAR_BODY)
        || !Collections.disjoint(classes, SEARCH_BODY)) {
      return null;
    }
    for (String c : classes) {
      if (LISTING_BODY.contains(c)) {
        return PageResult.of(
            PageKind.LISTING, null, null, "a listing page (body class \"" + c + "\")");
      }
    }
    return null;
  }

  /**
   * A parsed page's kind when it is search results or a listing, else null. A listing is told by
   * its structure ({@link Posts}): several post containers none of which dominates; a body class or
   * an address of a listing ("category", {@code /page/3/}) counts only together with a teaser that
   * links to another post. A single post's body class ("single") makes the page a post.
   *
   * @param bodyClasses the body's classes as the page came (before a theme removed anything)
   */
  static PageResult ofParsed(
      String canonical, Instant capture, Set<String> bodyClasses, Posts posts) {
    String path = canonical == null ? "" : CanonicalUrl.pathOf(canonical);
    String query =
        canonical != null && canonical.contains("?")
            ? canonical.substring(canonical.indexOf('?'))
            : "";
    if (SEARCH_QUERY.matcher(query).matches() || !Collections.disjoint(bodyClasses, SEARCH_BODY)) {
      return PageResult.of(PageKind.SEARCH, canonical, capture, "search results");
    }
    if (!Collections.disjoint(bodyClasses, SINGULAR_BODY)) {
      return null;
    }
    boolean listingClass = bodyClasses.stream().anyMatch(LISTING_BODY::contains);
    boolean listingPath = query.isEmpty() && LISTING_PATH.matcher(path).matches();
    if (posts.listing() || (listingClass || listingPath) && posts.teasers() > 0) {
      return PageResult.of(
          PageKind.LISTING, canonical, capture, "lists " + posts.containers().size() + " posts");
    }
    return null;
  }

  /**
   * Whether the text holds {@code s=} after {@code ?}, {@code &} or their escapes: a search results
   * URL. A search box's URL template ({@code ?s={s}}, which SEO plugins put on home pages) is not
   * one.
   */
  private static boolean mayHoldSearchQuery(String s) {
    return mayHoldSearchQuery(s.getBytes(StandardCharsets.ISO_8859_1));
  }

  private static boolean mayHoldSearchQuery(byte[] b) {
    for (int i = 1; i + 1 < b.length; i++) {
      if ((b[i] | 32) != 's'
          || !(b[i + 1] == '='
              || b[i + 1] == '%'
                  && i + 3 < b.length
                  && b[i + 2] == '3'
                  && (b[i + 3] | 32) == 'd')) {
        continue;
      }
      int value = b[i + 1] == '=' ? i + 2 : i + 4;
      if (value < b.length
          && (b[value] == '{'
              || b[value] == '%'
                  && value + 2 < b.length
                  && b[value + 1] == '7'
                  && (b[value + 2] | 32) == 'b')) {
        continue;
      }
      byte p = b[i - 1];
      if (p == '?'
          || p == '&'
          || p == ';'
          || i >= 3
              && b[i - 3] == '%'
              && (b[i - 2] == '3' && (p | 32) == 'f' || b[i - 2] == '2' && p == '6')) {
        return true;
      }
    }
    return false;
  }
}
