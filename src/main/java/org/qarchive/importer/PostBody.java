package org.qarchive.importer;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import org.qarchive.importer.fast.PageScan;

/** Finds the element that holds a post's text, the question and answer among it. */
final class PostBody {

  private static final List<Evaluator> CONTENT_ROOTS =
      java.util.stream.Stream.of(
              "[itemprop=articleBody]",
              ".entry-content",
              ".post-content",
              ".post-body",
              ".article-content",
              ".entry-body",
              ".entrytext",
              ".storycontent",
              ".entry")
          .map(QueryParser::parse)
          .toList();
  private static final Evaluator MAIN = QueryParser.parse("#content, main, [role=main], .content");

  private final MainContentExtractor mainContent;

  PostBody(MainContentExtractor mainContent) {
    this.mainContent = mainContent;
  }

  /** The page's post containers that are not inside another one, in page order. */
  static List<Element> containers(PageScan scan) {
    List<Element> out = new ArrayList<>();
    for (Element e : scan.postCandidates()) { // not inside chrome or comments
      boolean nested = false;
      for (Element o : out) {
        if (o == e || e.parents().contains(o) || o.parents().contains(e)) {
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

  /**
   * The post's body, cleaned of what is never part of it (share bars, related posts, author boxes,
   * navigation, forms...), or null for a page without text; a theme's content selector comes first.
   */
  Element find(Document doc, Element post, Theme theme) {
    Element root = root(doc, post, theme);
    if (root != null) {
      for (Element e : PageScan.noise(root)) {
        e.remove();
      }
    }
    return root;
  }

  private Element root(Document doc, Element post, Theme theme) {
    if (theme.content != null) {
      Element e = doc.selectFirst(theme.content);
      if (e != null) {
        return e;
      }
    }
    Element scope =
        post != null && post.ownerDocument() != null && post.parent() != null ? post : doc.body();
    if (scope == null) {
      return null;
    }
    for (Evaluator sel : CONTENT_ROOTS) {
      Element e = scope.selectFirst(sel);
      if (e != null) {
        return e;
      }
    }
    if (post != null && post.parent() != null) {
      return post;
    }
    Element content = doc.selectFirst(MAIN);
    if (content != null) {
      return content;
    }
    return mainContent.bestNode(doc);
  }
}
