package org.qarchive.importer;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import org.qarchive.importer.fast.PageScan;

/**
 * A page's post containers and what their structure says: one post, or a listing of teasers that
 * link to other posts. The containers are those every blogging platform marks: {@code <article>},
 * microformats' {@code h-entry}/{@code hentry}, schema.org's BlogPosting, Article or Question
 * microdata, and the {@code div.post} of older themes. A listing shows several containers, none of
 * which dominates, and repeats teasers whose titles link away; a post with a strip of related posts
 * has one container that holds most of the text and whose title links nowhere else.
 *
 * @param containers the outermost containers outside chrome and comments, in page order
 * @param main the post's container, or null when the page has none or is a listing
 * @param teasers how many containers are teasers of other pages
 * @param listing whether the structure shows a listing: several containers, none dominating, at
 *     least two of them teasers, and no more text outside them than a listing's frame holds
 * @param textOutside whether the page's text lies outside the containers (boxes and teasers beside
 *     an article that is not marked as a post): then none of them is the post
 */
record Posts(
    List<Element> containers, Element main, int teasers, boolean listing, boolean textOutside) {

  /** How many times longer than any other container the post's must be to dominate them. */
  private static final int DOMINANT = 3;

  private static final Evaluator TITLE = QueryParser.parse("h1, h2, h3, h4, .entry-title, .p-name");
  private static final Evaluator LINK = QueryParser.parse("a[href]");
  private static final Evaluator PARAGRAPHS = QueryParser.parse("p");

  Posts {
    containers = List.copyOf(containers);
  }

  /**
   * Reads the containers of a scanned page whose address is {@code canonical} (or null). A page's
   * {@code <body>} or {@code <html>} marked as an Article marks the page; when the containers
   * inside it make one post (one container, or one that dominates), that container is the post.
   */
  static Posts of(Element body, PageScan scan, String canonical) {
    List<Element> all = outermost(scan, false);
    if (all.size() == 1 && isPageRoot(all.get(0))) {
      Posts inner = of(body, scan, canonical, outermost(scan, true));
      if (inner.main() != null) {
        return inner;
      }
    }
    return of(body, scan, canonical, all);
  }

  private static Posts of(Element body, PageScan scan, String canonical, List<Element> out) {
    if (out.isEmpty()) {
      return new Posts(out, null, 0, false, false);
    }
    if (out.size() == 1) {
      return new Posts(
          out, out.get(0), isTeaser(out.get(0), canonical, scan) ? 1 : 0, false, false);
    }
    int teasers = 0;
    Element biggest = null;
    int biggestLength = -1;
    int second = 0;
    boolean biggestTeaser = false;
    Element notTeaser = null;
    for (Element e : out) {
      boolean teaser = isTeaser(e, canonical, scan);
      if (teaser) {
        teasers++;
      } else {
        notTeaser = e;
      }
      int length = e.text().length();
      if (length > biggestLength) {
        second = Math.max(second, biggestLength);
        biggest = e;
        biggestLength = length;
        biggestTeaser = teaser;
      } else {
        second = Math.max(second, length);
      }
    }
    boolean dominates = !biggestTeaser && biggestLength >= DOMINANT * Math.max(1, second);
    if (!dominates && teasers > 0 && teasers == out.size() - 1 && holdsHeading(body, notTeaser)) {
      // a short post beside a strip of related posts' teasers as long as it: the one container that
      // links nowhere else and holds the page's heading is the post
      return new Posts(out, notTeaser, teasers, false, false);
    }
    if (!dominates) {
      // teasers beside an article that is not marked as a post: the page's text is outside them
      int inside = 0;
      for (Element e : out) {
        inside += e.text().length();
      }
      int outside = textOutside(body, out, scan);
      if (outside > 500 && outside > 2 * inside) {
        return new Posts(out, null, 0, false, true);
      }
    }
    // a listing repeats teasers of other posts; containers that link nowhere else (readers'
    // replies marked up as articles, a post split into several) do not make one
    return new Posts(out, dominates ? biggest : null, teasers, !dominates && teasers >= 2, false);
  }

  /**
   * Whether {@code post} holds the page's first {@code <h1>}: a post page's title (a listing's is
   * the blog's name, outside its teasers).
   */
  private static boolean holdsHeading(Element body, Element post) {
    Element h1 = body == null ? null : body.selectFirst("h1");
    return h1 != null && post != null && PageScan.within(h1, post);
  }

  /**
   * Whether, once the teasers of other posts are taken out of the page, a labelled Q&A is left in
   * it: a page that shows its own Q&A beside a wall of teasers is that Q&A's post, not a listing.
   * Takes the containers out of the page, which is then only worth reading as that post.
   */
  boolean leaveAQaOutside(Element body) {
    if (body == null) {
      return false;
    }
    for (Element e : containers) {
      e.remove();
    }
    return !QaSegmenter.segment(TextBlocks.of(body)).isEmpty();
  }

  /** A page without post containers. */
  static Posts none() {
    return new Posts(List.of(), null, 0, false, false);
  }

  /**
   * The page's post containers that are not inside another one, in page order; with {@code
   * belowRoot}, those below a {@code <body>} or {@code <html>} marked as one.
   */
  private static List<Element> outermost(PageScan scan, boolean belowRoot) {
    List<Element> out = new ArrayList<>();
    for (Element e : scan.postCandidates()) { // not inside chrome or comments
      if (belowRoot && isPageRoot(e)) {
        continue;
      }
      boolean nested = false;
      for (Element o : out) {
        if (o == e || PageScan.within(e, o) || PageScan.within(o, e)) {
          nested = true;
          break;
        }
      }
      if (!nested) {
        out.add(e);
      }
    }
    return out;
  }

  private static boolean isPageRoot(Element e) {
    return e.normalName().equals("body") || e.normalName().equals("html");
  }

  /**
   * Whether a container is a teaser of another page: its title links to an address other than the
   * page's own.
   */
  private static boolean isTeaser(Element container, String canonical, PageScan scan) {
    // the title: the first heading, linked inside or around it; or a permalink
    Element title = container.selectFirst(TITLE);
    Element link = null;
    if (title != null) {
      link = title.selectFirst(LINK);
      if (link == null) {
        Element around = title.closest(LINK);
        link = around != null && PageScan.within(around, container) ? around : null;
      }
    }
    if (link == null) {
      link = PageScan.firstWithin(scan.bookmarks(), container);
    }
    if (link == null) {
      return false;
    }
    String href = CanonicalUrl.unwrapWayback(link.attr("href"));
    if (href.isEmpty() || href.startsWith("#") || !href.contains("/") && href.contains(":")) {
      return false; // an anchor, mailto:, tel:, javascript:
    }
    if (canonical == null) {
      return true;
    }
    String target;
    try {
      target = URI.create(canonical).resolve(href.replace(" ", "%20")).toString();
    } catch (IllegalArgumentException e) {
      return true; // not an address this page could have
    }
    return !CanonicalUrl.key(target).equals(CanonicalUrl.key(canonical));
  }

  /**
   * The length of the paragraphs outside the containers and outside chrome: an article page's text
   * beside a strip of teasers.
   */
  private static int textOutside(Element body, List<Element> containers, PageScan scan) {
    if (body == null) {
      return 0;
    }
    Set<Element> stop = Collections.newSetFromMap(new IdentityHashMap<>());
    stop.addAll(containers);
    stop.addAll(scan.chrome());
    int length = 0;
    for (Element p : body.select(PARAGRAPHS)) {
      boolean outside = true;
      for (Element e = p; e != null && e != body; e = e.parent()) {
        if (stop.contains(e)) {
          outside = false;
          break;
        }
      }
      if (outside) {
        length += p.text().length();
      }
    }
    return length;
  }
}
