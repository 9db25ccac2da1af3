package org.qarchive.importer;

import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * The element an answer lies in. An answer's paragraphs sit together in the element that holds its
 * label: the post's body, a section, a definition list, a table. Text after that element has closed
 * (the site's closing lines, a "most popular" strip, a disclaimer in the page's frame) is the page
 * around the post, never the answer, whatever it says or however it is marked.
 */
final class AnswerScope {

  /**
   * The parts of lists, tables and definition lists: a label in one item or cell has its text in
   * the next, so the scope is the whole list or table and what holds it.
   */
  private static final Set<String> STRUCTURE =
      Set.of(
          "li", "ul", "ol", "dl", "dt", "dd", "table", "thead", "tbody", "tfoot", "tr", "td", "th",
          "caption");

  private AnswerScope() {}

  /**
   * The element around a block's holder, above the lists and tables the block is part of; null (no
   * bound) for a block without a holder or one directly in the page's body.
   */
  static Element of(Element holder) {
    if (holder == null) {
      return null;
    }
    Element up = holder.parent();
    while (up != null && STRUCTURE.contains(up.normalName())) {
      up = up.parent();
    }
    while (up != null && continued(up)) {
      up = up.parent();
    }
    if (up == null || up.normalName().equals("body") || up.normalName().equals("html")) {
      return null;
    }
    return up;
  }

  /**
   * The name blogs give the rest of a post split at its "more" mark, the extended entry: Movable
   * Type's {@code div#more.asset-more} after {@code asset-body}, Typepad's {@code entry-more} after
   * {@code entry-body}, an {@code entry-extended}. Not "more-stories" or "more-from": there "more"
   * begins a name of something else.
   */
  private static final Pattern EXTENDED =
      Pattern.compile("(?i)(?:^|\\s)(?:[\\w-]*[-_])?(?:more|extended)(?:$|\\s)");

  /**
   * Whether the post goes on right after {@code body}, in a sibling named as its extended entry
   * that holds paragraphs (not a "Read more" link): the answer's element is then the one holding
   * both.
   */
  private static boolean continued(Element body) {
    Element next = body.nextElementSibling();
    return next != null
        && (EXTENDED.matcher(next.id()).find() || EXTENDED.matcher(next.className()).find())
        && next.selectFirst("p") != null;
  }

  /** The nearest element that holds both, or null (no bound) when either is unbounded. */
  static Element common(Element a, Element b) {
    if (a == null || b == null) {
      return null;
    }
    for (Element x = a; x != null; x = x.parent()) {
      if (holds(x, b)) {
        return x.normalName().equals("body") || x.normalName().equals("html") ? null : x;
      }
    }
    return null;
  }

  /** Whether {@code e} is {@code scope} or inside it. */
  static boolean holds(Element scope, Element e) {
    for (Element x = e; x != null; x = x.parent()) {
      if (x == scope) {
        return true;
      }
    }
    return false;
  }
}
