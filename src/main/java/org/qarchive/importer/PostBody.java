package org.qarchive.importer;

import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.QueryParser;
import org.qarchive.importer.fast.PageScan;

/** Finds the element that holds a post's text, the question and answer among it. */
final class PostBody {

  /**
   * What marks a post's body on any platform, most trusted first: schema.org microdata and RDFa
   * ({@code articleBody}, {@code schema:text}), microformats ({@code e-content}, hAtom's {@code
   * entry-content}), then the names blogging platforms have long given it.
   */
  static final List<String> BODY_MARKER_SELECTORS =
      List.of(
          "[itemprop~=(?i)(^|\\s)articleBody(\\s|$)]",
          "[property~=(?i)(^|\\s)(schema:)?(articleBody|text)(\\s|$)]",
          ".e-content",
          ".entry-content",
          ".post-content",
          ".post-body",
          ".article-content",
          ".entry-body",
          ".entrytext",
          ".storycontent",
          ".entry");

  private static final List<Evaluator> BODY_MARKERS =
      BODY_MARKER_SELECTORS.stream().map(QueryParser::parse).toList();

  private static final Evaluator MAIN = QueryParser.parse("#content, main, [role=main], .content");

  private static final Evaluator HEADINGS = QueryParser.parse("h1, h2, h3");

  /** How many levels above its body an unmarked post's heading is looked for. */
  private static final int HEADING_LEVELS = 3;

  private final MainContentExtractor mainContent;

  PostBody(MainContentExtractor mainContent) {
    this.mainContent = mainContent;
  }

  /**
   * The elements that hold the post's body, in page order, cleaned of what is never part of it
   * (share bars, related posts, author boxes, navigation, forms...); empty for a page without text.
   * A theme's content selector comes first, then the body's markup ({@link #BODY_MARKERS}) inside
   * the post's container, then the container itself (chrome inside it ends an answer, see {@link
   * TextBlocks}), and without a container where the main-content extractor finds the page's text.
   */
  List<Element> find(Document doc, Element post, Theme theme) {
    List<Element> roots = roots(doc, post, theme);
    for (Element root : roots) {
      for (Element e : PageScan.noise(root)) {
        e.remove();
      }
    }
    return roots;
  }

  private List<Element> roots(Document doc, Element post, Theme theme) {
    if (theme.content != null) {
      Element e = doc.selectFirst(theme.content);
      if (e != null) {
        return List.of(e);
      }
    }
    boolean inPost = post != null && post.ownerDocument() != null && post.parent() != null;
    Element scope = inPost ? post : doc.body();
    if (scope == null) {
      return List.of();
    }
    Element marked = firstMarked(scope);
    if (marked != null) {
      return List.of(marked);
    }
    if (inPost) {
      return List.of(post);
    }
    List<Element> located = mainContent.locate(scope);
    if (!located.isEmpty()) {
      return located;
    }
    Element content = doc.selectFirst(MAIN);
    return content == null ? List.of() : List.of(content);
  }

  /**
   * What {@code scope.selectFirst} of each of {@link #BODY_MARKERS} in turn finds first (the scope
   * included), in one walk: the first element in page order that matches the most trusted marker
   * any element matches.
   */
  static Element firstMarked(Element scope) {
    Element[] found = {null};
    int[] best = {BODY_MARKERS.size()};
    NodeTraversor.filter(
        new NodeFilter() {
          @Override
          public FilterResult head(Node node, int depth) {
            if (node instanceof Element e) {
              // only markers more trusted than the best one found can still change the answer
              for (int k = 0; k < best[0]; k++) {
                if (BODY_MARKERS.get(k).matches(scope, e)) {
                  found[0] = e;
                  best[0] = k;
                  break;
                }
              }
            }
            return best[0] == 0 ? FilterResult.STOP : FilterResult.CONTINUE;
          }

          @Override
          public FilterResult tail(Node node, int depth) {
            return FilterResult.CONTINUE;
          }
        },
        scope);
    return found[0];
  }

  /**
   * The container of a post whose platform marks its body ({@link #BODY_MARKERS}) but not the post
   * (no {@code <article>}, h-entry or BlogPosting: Typepad's and Movable Type's {@code div.entry}):
   * the nearest element a few levels above the body that also holds a heading outside the body, the
   * post's title, where its byline, date and terms sit too. Null when the page's body has no such
   * markup or no heading sits near it.
   */
  static Element unmarkedPost(Element pageBody) {
    if (pageBody == null) {
      return null;
    }
    for (Evaluator sel : BODY_MARKERS) {
      Element body = pageBody.selectFirst(sel);
      if (body == null) {
        continue;
      }
      Element up = body.parent();
      for (int level = 0; level < HEADING_LEVELS && up != null && up != pageBody; level++) {
        for (Element h : up.select(HEADINGS)) {
          if (!PageScan.within(h, body)) {
            return up;
          }
        }
        up = up.parent();
      }
      return null;
    }
    return null;
  }

  /**
   * Links that may be a post's permalink: its title in a heading, or its date (LiveJournal's "[Feb.
   * 1st, 2010|5:15 pm]", many themes' "Posted on <date>").
   */
  private static final Evaluator SELF_LINK_CANDIDATES = QueryParser.parse("a[href]");

  /** The headings a post's title link stands in. */
  private static final Evaluator LINK_HEADINGS = QueryParser.parse("h1, h2");

  /** Most characters of a permalink's text that shows a date ("Feb. 1st, 2010|5:15 pm"). */
  private static final int DATE_LINK_TEXT = 60;

  /** Least text a post holds beyond its title, in characters. */
  private static final int POST_TEXT = 200;

  /**
   * A post marked by nothing but its permalink: its title in a heading, or its date, linking to the
   * page's own address (as most platforms link them on the post's own page too): the nearest
   * element around that link that also holds the post's text, when exactly one such link on the
   * page points there; null otherwise. Teasers and related posts link to other addresses, so they
   * never make one.
   */
  static Element selfLinkedPost(Element pageBody, String canonical) {
    if (pageBody == null || canonical == null) {
      return null;
    }
    String self = selfKey(canonical);
    // the address's last segment, which any link to the page holds: most links are ruled out by it
    // before the costlier checks
    String last = self.substring(self.lastIndexOf('/') + 1);
    java.net.URI base;
    try {
      base = java.net.URI.create(canonical);
    } catch (IllegalArgumentException e) {
      return null;
    }
    Element title = null;
    for (Element a : pageBody.select(SELF_LINK_CANDIDATES)) {
      String href = a.attr("href").strip();
      if (!href.contains(last)) {
        continue;
      }
      if (a.closest(LINK_HEADINGS) == null
          && (href.contains("#")
              || a.text().length() > DATE_LINK_TEXT
              || PostMetadata.parseDate(a.text()) == null)) {
        continue; // outside a heading only a permalink that shows the post's date counts
      }
      String key;
      try {
        key = selfKey(base.resolve(href).toString());
      } catch (IllegalArgumentException e) {
        continue;
      }
      if (key.equals(self)) {
        if (title != null) {
          return null; // more than one: not one post's title
        }
        title = a;
      }
    }
    if (title == null) {
      return null;
    }
    Element heading = title.closest(LINK_HEADINGS);
    Element mark = heading != null ? heading : title;
    int own = mark.text().length();
    Element up = mark.parent();
    for (int level = 0; level < HEADING_LEVELS && up != null && up != pageBody; level++) {
      if (up.text().length() >= own + POST_TEXT) {
        return up;
      }
      up = up.parent();
    }
    return null;
  }

  /** An address compared as the post's: without scheme, www., index page or trailing slash. */
  private static String selfKey(String url) {
    String k = CanonicalUrl.key(url);
    int hash = k.indexOf('#');
    k = hash >= 0 ? k.substring(0, hash) : k;
    k = k.replaceFirst("/index\\.html?$", "/");
    return k.endsWith("/") ? k.substring(0, k.length() - 1) : k;
  }

  /**
   * What holds the body found and what is around it: the post's container, or the page's body
   * without one; empty when that is the body found already.
   */
  List<Element> around(Document doc, Element post, List<Element> body) {
    boolean inPost = post != null && post.ownerDocument() != null && post.parent() != null;
    Element wider = inPost ? post : doc.body();
    if (wider == null || body.size() == 1 && body.get(0) == wider) {
      return List.of();
    }
    for (Element e : PageScan.noise(wider)) {
      e.remove();
    }
    return List.of(wider);
  }
}
