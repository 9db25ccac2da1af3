package org.qarchive.importer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;

/**
 * Finds the main text of an arbitrary article page (no theme knowledge): boilerplate is pruned by tag, class and link
 * density, paragraphs vote for their ancestors, and the best-scoring ancestor's blocks are returned.
 */
public final class MainContentExtractor {

  private static final Pattern NEGATIVE =
      Pattern.compile(
          "(?i)(^|[\\s_-])(comment|comments|disqus|sidebar|widget|share|sharing|social|related|recommend|footer|"
              + "menu|nav|navbar|breadcrumbs?|masthead|banner|advert|ads?|ad-slot|promo|sponsor|subscribe|newsletter|"
              + "cookie|consent|popup|modal|outbrain|taboola|byline|author-bio|bio|tags?|tag-list|meta|pagination|"
              + "pager|skip|login|signup|toolbar|print|rss|hidden|caption-credit|most-popular|trending|read-more|"
              + "more-stories|newsletter-signup|paywall)([\\s_-]|$)");
  private static final Pattern POSITIVE =
      Pattern.compile("(?i)(article|entry|post|story|content|main|body|text|blog|prose|rich-text)");
  private static final String DROP =
      "script, style, noscript, iframe, template, svg, canvas, form, button, select, input, textarea, nav, aside,"
          + " footer, header nav, [role=navigation], [role=complementary], [aria-hidden=true], [hidden], figure figcaption";

  /** The main text of a page given as bytes; the charset is detected from the bytes and {@code <meta>}. */
  public String extract(byte[] html) {
    try {
      return extract(Jsoup.parse(new ByteArrayInputStream(html), null, "", Parser.htmlParser()));
    } catch (IOException e) {
      throw new UncheckedIOException("reading from memory cannot fail", e);
    }
  }

  /** The main text of a parsed page, paragraphs separated by newlines. The document is not modified. */
  public String extract(Document doc) {
    Element best = bestNode(doc);
    if (best == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder();
    for (TextBlocks.Block b : TextBlocks.of(best)) {
      if (sb.length() > 0) {
        sb.append('\n');
      }
      sb.append(b.text());
    }
    return sb.toString();
  }

  /** A pruned copy of the element that holds the page's main text, or null for a page without text. */
  Element bestNode(Document original) {
    Document doc = original.clone();
    Element body = doc.body();
    if (body == null) {
      return null;
    }
    doc.select(DROP).remove();
    pruneByClass(body);
    Element semantic = semanticRoot(body);
    Element root = semantic != null ? semantic : vote(body);
    if (root == null) {
      return null;
    }
    pruneLinkLists(root);
    Element wrapper = doc.createElement("div");
    wrapper.appendChild(root.clone());
    return wrapper;
  }

  private static void pruneByClass(Element body) {
    List<Element> drop = new ArrayList<>();
    for (Element e : body.getAllElements()) {
      if (e == body || e.tagName().equals("html")) {
        continue;
      }
      String ci = e.className() + " " + e.id();
      if (ci.isBlank()) {
        continue;
      }
      if (NEGATIVE.matcher(ci).find() && !POSITIVE.matcher(ci).find()) {
        drop.add(e);
      } else if (NEGATIVE.matcher(ci).find() && textLength(e) < 200) {
        drop.add(e);
      }
    }
    for (Element e : drop) {
      if (e.parent() != null && !e.tagName().equals("body") && !e.tagName().equals("article")) {
        e.remove();
      }
    }
  }

  private static Element semanticRoot(Element body) {
    for (String sel : List.of("[itemprop=articleBody]", "article .entry-content", ".entry-content", ".post-content",
        ".article-body", ".article-content", ".story-body", "article", "[role=main]", "main")) {
      var found = body.select(sel);
      if (found.size() == 1 && textLength(found.first()) > 400) {
        return found.first();
      }
    }
    return null;
  }

  private static Element vote(Element body) {
    Map<Element, Double> scores = new IdentityHashMap<>();
    for (Element p : body.select("p, pre, td, blockquote, div, section, li")) {
      String own = ownBlockText(p);
      int len = own.length();
      if (len < 25) {
        continue;
      }
      double score = 1 + Math.min(3, len / 100.0) + own.split("[,，、]").length - 1;
      Element parent = p.parent();
      if (parent == null) {
        continue;
      }
      scores.merge(parent, score, Double::sum);
      Element grand = parent.parent();
      if (grand != null) {
        scores.merge(grand, score / 2, Double::sum);
      }
    }
    Element best = null;
    double bestScore = 0;
    for (Map.Entry<Element, Double> e : scores.entrySet()) {
      double s = e.getValue() * (1 - linkDensity(e.getKey()));
      String ci = e.getKey().className() + " " + e.getKey().id();
      if (POSITIVE.matcher(ci).find()) {
        s *= 1.25;
      }
      if (s > bestScore) {
        bestScore = s;
        best = e.getKey();
      }
    }
    if (best == null) {
      return body;
    }
    // a parent holding most of the text is a better root (articles split across sibling containers)
    Element cur = best;
    while (cur.parent() != null && cur.parent() != body) {
      Element parent = cur.parent();
      if (textLength(cur) >= textLength(parent) * 0.8) {
        cur = parent;
      } else {
        break;
      }
    }
    return cur;
  }

  private static void pruneLinkLists(Element root) {
    List<Element> drop = new ArrayList<>();
    for (Element e : root.select("ul, ol, div, table, section, p")) {
      int len = textLength(e);
      if (len == 0) {
        continue;
      }
      double ld = linkDensity(e);
      if ((ld > 0.5 && len < 1000) || (ld > 0.33 && e.select("p").isEmpty() && len < 300 && !e.tagName().equals("p"))) {
        drop.add(e);
      }
    }
    for (Element e : drop) {
      if (e.parent() != null && e != root) {
        e.remove();
      }
    }
  }

  private static String ownBlockText(Element e) {
    StringBuilder sb = new StringBuilder();
    for (Node n : e.childNodes()) {
      if (n instanceof TextNode t) {
        sb.append(t.text());
      } else if (n instanceof Element c && !TextBlocks.BLOCK_TAGS.contains(c.normalName())) {
        sb.append(c.text());
      }
    }
    return sb.toString().strip();
  }

  private static int textLength(Element e) {
    return e.text().length();
  }

  private static double linkDensity(Element e) {
    int total = textLength(e);
    if (total == 0) {
      return 0;
    }
    int links = 0;
    for (Element a : e.select("a")) {
      links += a.text().length();
    }
    return Math.min(1.0, links / (double) total);
  }
}
