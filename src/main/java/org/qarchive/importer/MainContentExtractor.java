package org.qarchive.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.Elements;

/**
 * Finds the main text of an arbitrary article page (no theme knowledge), in the manner of
 * Readability: paragraphs vote for their ancestors, weighted by class/id hints and link density;
 * the best container and its high-scoring siblings are kept, then cleaned of link lists, share
 * bars, captions and other boilerplate. A page whose candidate comes out short is retried with
 * fewer pruning rules, and a long JSON-LD {@code articleBody} rescues pages whose markup defeats
 * the scoring.
 */
public final class MainContentExtractor {

  private static final Pattern UNLIKELY =
      Pattern.compile(
          "(?i)-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|"
              + "legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|"
              + "ad-break|agegate|pagination|pager|popup|yom-remote|newsletter|subscribe|cookie|consent|share|"
              + "sharing|promo|outbrain|taboola|recommend|trending|most-popular|author-bio|paywall|signup|toolbar|"
              + "tooltip|popover|hovercard|rollover");
  private static final Pattern COMMENTS =
      Pattern.compile(
          "(?i)(^|\\s)(comments|comments-area|comment-list|commentlist|comments-section|comment-section|"
              + "disqus_thread|respond|comment-respond)(\\s|$)");
  private static final Pattern MAYBE =
      Pattern.compile("(?i)and|article|body|column|content|main|shadow");
  private static final Pattern POSITIVE =
      Pattern.compile(
          "(?i)article|body|content|entry|hentry|h-entry|main|page|post|text|blog|story|prose");
  private static final Pattern NEGATIVE =
      Pattern.compile(
          "(?i)-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|footer|gdpr|masthead|media|"
              + "meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget|"
              + "byline|author|caption|credit|newsletter|subscribe|social|recommend|taboola|breadcrumb|"
              + "(^|[\\s_-])(ad|ads|advert|advertisement|nav|menu)([\\s_-]|$)");
  private static final Pattern SHARE = Pattern.compile("(?i)(\\b|_)(share|sharedaddy)(\\b|_)");
  private static final Pattern BOILERPLATE_LINE =
      Pattern.compile(
          "(?i)^\\s*(advertisement|advertisment|ad|sponsored|story continues below( advertisement)?|"
              + "continue reading( below)?|read more|related( articles| stories| posts)?:?|share( this( article| story)?)?|"
              + "(click|tap) (here )?to (share|tweet|email|print)|order reprints|print( this)?( article| story)?|\\d* ?comments?|this slideshow requires javascript\\.?|image( source)?:?.*|photo:.*|"
              + "(sign up|subscribe)( now| today)?( for| to)? .{0,60}(newsletter|updates)\\.?)\\s*$");
  private static final Pattern TIME = Pattern.compile("\\b\\d{1,2}[:h]\\d{2}\\b");
  private static final Pattern BREADCRUMB = Pattern.compile("\\s[»›>]\\s.+\\s[»›>]\\s");
  private static final Pattern YEAR = Pattern.compile("\\b(19|20)\\d{2}\\b");
  private static final Set<String> JUNK_TAGS =
      Set.of(
          "script",
          "style",
          "noscript",
          "template",
          "svg",
          "canvas",
          "iframe",
          "object",
          "embed",
          "button",
          "select",
          "input",
          "textarea",
          "option",
          "link",
          "meta",
          "dialog",
          "figcaption",
          "nav",
          "aside");
  private static final Set<String> SCORED =
      Set.of("p", "pre", "td", "blockquote", "h2", "h3", "h4", "h5", "h6");
  private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");
  private static final Set<String> INLINE_CONTAINERS =
      Set.of("div", "section", "article", "main", "span", "font");
  private static final int MIN_ARTICLE_CHARS = 500;
  private static final int MIN_LD_CHARS = 1000;
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * The main text of a page given as bytes; the charset is detected from the bytes and {@code
   * <meta>}.
   */
  public String extract(byte[] html) {
    try {
      return extract(Jsoup.parse(new ByteArrayInputStream(html), null, "", Parser.htmlParser()));
    } catch (IOException e) {
      throw new UncheckedIOException("reading from memory cannot fail", e);
    }
  }

  /**
   * The main text of a parsed page, paragraphs separated by newlines. The document is not modified.
   */
  public String extract(Document doc) {
    Element best = bestNode(doc);
    String text = best == null ? "" : dropLeadingTitle(render(best), doc);
    String ld = jsonLdArticleBody(doc);
    if (ld != null && ld.length() >= MIN_LD_CHARS && text.length() < ld.length() / 2) {
      return ld;
    }
    return text;
  }

  /**
   * A pruned copy of the element that holds the page's main text, or null for a page without text.
   */
  Element bestNode(Document original) {
    if (original.body() == null) {
      return null;
    }
    Element longest = null;
    int longestLength = -1;
    // a short page cannot give a longer article on a retry; this also keeps huge junk pages to one
    // pass
    int enough = (int) Math.min(MIN_ARTICLE_CHARS, 0.8 * original.body().text().length());
    for (Pass pass : Pass.values()) {
      Document doc = original.clone();
      Element body = doc.body();
      removeJunk(body, pass);
      Element article = grab(doc, body, pass);
      if (article == null) {
        continue;
      }
      int length = article.text().length();
      if (length >= enough) {
        return article;
      }
      if (length > longestLength) {
        longest = article;
        longestLength = length;
      }
    }
    return longestLength > 0 ? longest : null;
  }

  /** Each pass drops one more of the rules that can throw away real text on an unusual page. */
  private enum Pass {
    ALL(true, true, true),
    KEEP_UNLIKELY(false, true, true),
    NO_CLASS_WEIGHTS(false, false, true),
    NO_CLEANING(false, false, false);

    final boolean stripUnlikely;
    final boolean weightClasses;
    final boolean cleanConditionally;

    Pass(boolean stripUnlikely, boolean weightClasses, boolean cleanConditionally) {
      this.stripUnlikely = stripUnlikely;
      this.weightClasses = weightClasses;
      this.cleanConditionally = cleanConditionally;
    }
  }

  private static void removeJunk(Element body, Pass pass) {
    List<Node> drop = new ArrayList<>();
    for (Element e : body.getAllElements()) {
      if (e == body) {
        continue;
      }
      String tag = e.normalName();
      if (JUNK_TAGS.contains(tag)
          || e.hasAttr("hidden")
          || "true".equals(e.attr("aria-hidden"))
          || isHiddenByStyle(e)
          || "dialog".equals(e.attr("role"))
          || "navigation".equals(e.attr("role"))
          || "complementary".equals(e.attr("role"))) {
        drop.add(e);
        continue;
      }
      if (!tag.equals("body")
          && !tag.equals("html")
          && !tag.equals("article")
          && !tag.equals("main")
          && COMMENTS.matcher(e.className() + " " + e.id()).find()) {
        drop.add(e); // readers' comments are never the article, on any pass
        continue;
      }
      if (pass.stripUnlikely
          && !tag.equals("a")
          && !tag.equals("article")
          && !tag.equals("main")
          && !tag.equals("html")
          && !tag.equals("body")) {
        String match = e.className() + " " + e.id();
        if (UNLIKELY.matcher(match).find()
            && !MAYBE.matcher(match).find()
            && !hasAncestor(e, "table", 3)
            && !hasAncestor(e, "code", 3)) {
          drop.add(e);
        }
      }
    }
    for (Node n : drop) {
      if (n.parent() != null) {
        n.remove();
      }
    }
    removeComments(body);
  }

  private static void removeComments(Element root) {
    List<Node> comments = new ArrayList<>();
    root.forEachNode(
        n -> {
          if (n instanceof Comment) {
            comments.add(n);
          }
        });
    comments.forEach(Node::remove);
  }

  private static boolean isHiddenByStyle(Element e) {
    String style = e.attr("style");
    if (style.isEmpty()) {
      return false;
    }
    String s = style.toLowerCase(Locale.ROOT).replace(" ", "");
    return s.contains("display:none") || s.contains("visibility:hidden");
  }

  private static boolean hasAncestor(Element e, String tag, int maxDepth) {
    Element p = e.parent();
    for (int i = 0; p != null && i < maxDepth; i++, p = p.parent()) {
      if (p.normalName().equals(tag)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The elements of the page itself (not copies) that hold its main text: the best candidate and
   * the siblings kept with it, in page order, before any cleaning; empty for a page without text.
   * The document is not modified.
   */
  List<Element> locate(Document original) {
    return original.body() == null ? List.of() : locate((Element) original.body());
  }

  /**
   * As {@link #locate(Document)}, within one element of the page (a post's container): only its
   * part of the page is copied and scored.
   */
  List<Element> locate(Element scope) {
    for (Pass pass : List.of(Pass.ALL, Pass.KEEP_UNLIKELY)) {
      Element copy = scope.clone();
      // a clone has the same elements in the same order: pair them before anything is removed
      Elements copies = copy.getAllElements();
      Elements originals = scope.getAllElements();
      Map<Element, Element> origin = new IdentityHashMap<>(copies.size() * 2);
      for (int i = 0; i < copies.size(); i++) {
        origin.put(copies.get(i), originals.get(i));
      }
      removeJunk(copy, pass);
      List<Element> kept = candidates(copy, pass);
      if (!kept.isEmpty()) {
        return kept.stream().map(origin::get).toList();
      }
    }
    return List.of();
  }

  private static Element grab(Document doc, Element body, Pass pass) {
    List<Element> kept = candidates(body, pass);
    return kept.isEmpty() ? null : wrap(doc, kept, pass);
  }

  /** The best candidate and its kept siblings, in page order, or none. */
  private static List<Element> candidates(Element body, Pass pass) {
    Map<Element, Double> scores = new IdentityHashMap<>();
    for (Element e : body.getAllElements()) {
      String tag = e.normalName();
      String text;
      Element scoredParent;
      if (SCORED.contains(tag)) {
        text = e.text();
        scoredParent = e.parent();
      } else if (INLINE_CONTAINERS.contains(tag) && !hasBlockChild(e)) {
        text = e.text();
        scoredParent = e.parent();
        if (scoredParent != null && HEADINGS.contains(scoredParent.normalName())) {
          continue; // a heading's span is a title, not a paragraph
        }
      } else if (INLINE_CONTAINERS.contains(tag)) {
        // loose text beside block children reads as a paragraph of this container (Readability
        // wraps it in <p>)
        text = ownInlineText(e);
        scoredParent = e;
        if (text.length() >= 25) {
          addScore(scores, e, paragraphScore(text), 0, pass);
          addAncestors(scores, e.parent(), paragraphScore(text), 1, pass);
        }
        continue;
      } else {
        continue;
      }
      if (text.length() < 25 || scoredParent == null) {
        continue;
      }
      addAncestors(scores, scoredParent, paragraphScore(text), 0, pass);
    }
    if (scores.isEmpty()) {
      return List.of();
    }
    List<Map.Entry<Element, Double>> ranked = new ArrayList<>();
    for (Map.Entry<Element, Double> en : scores.entrySet()) {
      double s = en.getValue() * (1 - linkDensity(en.getKey()));
      en.setValue(s);
      ranked.add(en);
    }
    ranked.sort((a, b) -> Double.compare(b.getValue(), a.getValue()));
    Element top = ranked.get(0).getKey();
    double topScore = ranked.get(0).getValue();
    if (top == body || top.normalName().equals("html")) {
      return List.of(top);
    }
    top = promoteToCommonAncestor(top, topScore, ranked, body);
    top = climbWhileScoreHolds(top, scores, body);
    while (top.parent() != null && top.parent() != body && top.parent().childrenSize() == 1) {
      top = top.parent();
    }
    topScore = scores.getOrDefault(top, topScore);
    List<Element> kept = new ArrayList<>();
    Element parent = top.parent();
    if (parent == null) {
      kept.add(top);
    } else {
      double threshold = Math.max(10, topScore * 0.2);
      for (Element sibling : parent.children()) {
        if (sibling == top) {
          kept.add(sibling);
          continue;
        }
        double bonus =
            !top.className().isEmpty() && top.className().equals(sibling.className())
                ? topScore * 0.2
                : 0;
        Double s = scores.get(sibling);
        if (s != null && s + bonus >= threshold) {
          kept.add(sibling);
        } else if (sibling.normalName().equals("p")) {
          String text = sibling.text();
          double ld = linkDensity(sibling);
          if ((text.length() > 80 && ld < 0.25)
              || (text.length() > 0
                  && text.length() <= 80
                  && ld == 0
                  && text.matches("(?s).*\\.( |$).*"))) {
            kept.add(sibling);
          }
        }
      }
    }
    return kept;
  }

  private static Element wrap(Document doc, List<Element> kept, Pass pass) {
    Element wrapper = doc.createElement("div");
    for (Element e : kept) {
      wrapper.appendChild(e.clone());
    }
    clean(wrapper, pass);
    return wrapper;
  }

  private static Element promoteToCommonAncestor(
      Element top, double topScore, List<Map.Entry<Element, Double>> ranked, Element body) {
    List<Element> alternatives = new ArrayList<>();
    for (int i = 1; i < Math.min(5, ranked.size()); i++) {
      if (ranked.get(i).getValue() / topScore >= 0.75) {
        alternatives.add(ranked.get(i).getKey());
      }
    }
    if (alternatives.size() < 3) {
      return top;
    }
    Element parent = top.parent();
    while (parent != null && parent != body) {
      int containing = 0;
      for (Element alt : alternatives) {
        if (isAncestor(parent, alt)) {
          containing++;
        }
      }
      if (containing >= 3) {
        return parent;
      }
      parent = parent.parent();
    }
    return top;
  }

  private static boolean isAncestor(Element ancestor, Element e) {
    for (Element p = e.parent(); p != null; p = p.parent()) {
      if (p == ancestor) {
        return true;
      }
    }
    return false;
  }

  private static Element climbWhileScoreHolds(
      Element top, Map<Element, Double> scores, Element body) {
    double last = scores.getOrDefault(top, 0.0);
    double floor = last / 3;
    Element parent = top.parent();
    while (parent != null && parent != body) {
      Double s = scores.get(parent);
      if (s == null) {
        parent = parent.parent();
        continue;
      }
      if (s < floor) {
        break;
      }
      if (s > last) {
        top = parent;
        break;
      }
      last = s;
      parent = parent.parent();
    }
    return top;
  }

  private static void addAncestors(
      Map<Element, Double> scores, Element from, double score, int level, Pass pass) {
    Element e = from;
    for (int l = level; e != null && l < 5; l++, e = e.parent()) {
      if (e.normalName().equals("html") || e.normalName().equals("#root")) {
        break;
      }
      double divider = l == 0 ? 1 : l == 1 ? 2 : l * 3;
      addScore(scores, e, score / divider, l, pass);
    }
  }

  private static void addScore(
      Map<Element, Double> scores, Element e, double score, int level, Pass pass) {
    Double current = scores.get(e);
    if (current == null) {
      current = initialScore(e, pass);
    }
    scores.put(e, current + score);
  }

  private static double initialScore(Element e, Pass pass) {
    double s =
        switch (e.normalName()) {
          case "div", "article", "main" -> 5;
          case "pre", "td", "blockquote" -> 3;
          case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
          case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
          default -> 0;
        };
    return s + (pass.weightClasses ? classWeight(e) : 0);
  }

  private static double paragraphScore(String text) {
    int commas = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ',' || c == '，' || c == '、' || c == '،') {
        commas++;
      }
    }
    return 1 + commas + Math.min(3, text.length() / 100.0);
  }

  private static int classWeight(Element e) {
    int w = 0;
    String cls = e.className();
    if (!cls.isEmpty()) {
      if (NEGATIVE.matcher(cls).find()) {
        w -= 25;
      }
      if (POSITIVE.matcher(cls).find()) {
        w += 25;
      }
    }
    String id = e.id();
    if (!id.isEmpty()) {
      if (NEGATIVE.matcher(id).find()) {
        w -= 25;
      }
      if (POSITIVE.matcher(id).find()) {
        w += 25;
      }
    }
    if ("articleBody".equals(e.attr("itemprop"))) {
      w += 50;
    }
    return w;
  }

  private static boolean hasBlockChild(Element e) {
    for (Element c : e.children()) {
      if (TextBlocks.BLOCK_TAGS.contains(c.normalName()) || hasBlockChildDeep(c, 3)) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasBlockChildDeep(Element e, int depth) {
    if (depth == 0) {
      return false;
    }
    for (Element c : e.children()) {
      if (TextBlocks.BLOCK_TAGS.contains(c.normalName()) || hasBlockChildDeep(c, depth - 1)) {
        return true;
      }
    }
    return false;
  }

  private static String ownInlineText(Element e) {
    StringBuilder sb = new StringBuilder();
    for (Node n : e.childNodes()) {
      if (n instanceof TextNode t) {
        sb.append(t.text());
      } else if (n instanceof Element c
          && !TextBlocks.BLOCK_TAGS.contains(c.normalName())
          && !hasBlockChild(c)) {
        sb.append(c.text());
      }
    }
    return sb.toString().strip();
  }

  /**
   * Readability's cleaning of the chosen article: headline, share bars, and containers that look
   * like boilerplate.
   */
  private static void clean(Element article, Pass pass) {
    article.select("h1, footer, form, fieldset").remove();
    for (Element e : article.select("*")) {
      if (e.parent() == null) {
        continue;
      }
      String match = e.className() + " " + e.id();
      if (SHARE.matcher(match).find() && e.text().length() < 500) {
        e.remove();
      }
    }
    for (Element h : article.select("h2, h3, h4, h5, h6")) {
      if (pass.weightClasses && classWeight(h) < 0) {
        h.remove();
      }
    }
    if (!pass.cleanConditionally) {
      return;
    }
    // a paragraph or heading that is nothing but a link is a teaser for another page
    for (Element e : article.select("p, li, h2, h3, h4, h5, h6")) {
      if (e.parent() != null && e.text().length() > 0 && linkDensity(e) >= 0.9) {
        e.remove();
      }
    }
    Elements candidates = article.select("table, ul, ol, div, section, header, aside, dl");
    // innermost first, so a container is judged after its boilerplate children are gone
    for (int i = candidates.size() - 1; i >= 0; i--) {
      Element e = candidates.get(i);
      if (e.parent() == null || e == article) {
        continue;
      }
      if (shouldRemove(e, pass)) {
        e.remove();
      }
    }
  }

  private static boolean shouldRemove(Element e, Pass pass) {
    String tag = e.normalName();
    boolean isList = tag.equals("ul") || tag.equals("ol") || tag.equals("dl");
    int weight = pass.weightClasses ? classWeight(e) : 0;
    if (weight < 0) {
      return true;
    }
    String text = e.text();
    if (count(text, ',') >= 10) {
      return false;
    }
    int p = e.select("p").size();
    int img = e.select("img").size();
    int li = e.select("li").size() - 100;
    int input = e.select("input").size();
    double ld = linkDensity(e);
    int len = text.length();
    double headingDensity =
        len == 0 ? 0 : e.select("h1, h2, h3, h4, h5, h6").text().length() / (double) len;
    if (tag.equals("table") && e.select("table").size() == 1 && !isLayoutTable(e)) {
      return ld > 0.5;
    }
    if (isList) {
      // real lists in the article body have substantial items; link lists and tag clouds do not
      return ld > 0.5 || (ld > 0.2 && len < 200);
    }
    return (img > 1 && p / (double) img < 0.5 && !hasAncestor(e, "figure", 5))
        || (li > p && !tag.equals("table"))
        || input > Math.floor(p / 3.0)
        || (headingDensity < 0.9
            && len < 25
            && (img == 0 || img > 2)
            && !hasAncestor(e, "figure", 5))
        || (weight < 25 && ld > 0.2)
        || (weight >= 25 && ld > 0.5);
  }

  private static boolean isLayoutTable(Element table) {
    return table.select("p, div").size() > 0 && table.text().length() > 200;
  }

  private static int count(String s, char c) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == c) {
        n++;
      }
    }
    return n;
  }

  private static String render(Element root) {
    List<String> lines = new ArrayList<>();
    for (TextBlocks.Block b : TextBlocks.of(root)) {
      String line = b.text();
      if (!line.isBlank() && !BOILERPLATE_LINE.matcher(line).matches()) {
        lines.add(line);
      }
    }
    // datelines ("Updated Nov 19, 6:55 AM", "PUBLISHED: 10:48, Tue, Nov 19, 2019") sit at the edges
    // of an article
    for (int i = 0; i < lines.size(); i++) {
      boolean edge = i < 3 || i >= lines.size() - 2;
      if (edge && lines.size() >= 2 && (isDateline(lines.get(i)) || isBreadcrumb(lines.get(i)))) {
        lines.set(i, null);
      }
    }
    StringBuilder sb = new StringBuilder();
    for (String line : lines) {
      if (line == null) {
        continue;
      }
      if (sb.length() > 0) {
        sb.append('\n');
      }
      sb.append(line);
    }
    return sb.toString();
  }

  /**
   * The headline repeated as the first line (the {@code <h1>} is already gone, but themes repeat it
   * in h2/p).
   */
  private static String dropLeadingTitle(String text, Document doc) {
    int nl = text.indexOf('\n');
    if (nl < 0) {
      return text;
    }
    String first = normalize(text.substring(0, nl));
    if (first.length() < 10 || first.length() > 200) {
      return text;
    }
    Element og = doc.selectFirst("meta[property=og:title]");
    for (String title : List.of(doc.title(), og == null ? "" : og.attr("content"))) {
      if (normalize(title).contains(first)) {
        return text.substring(nl + 1);
      }
    }
    return text;
  }

  private static String normalize(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("[\\s\u00a0]+", " ").strip();
  }

  /** "Home » Health » Article title": two or more trail separators on a short line. */
  private static boolean isBreadcrumb(String line) {
    return line.length() <= 200 && BREADCRUMB.matcher(line).find();
  }

  private static boolean isDateline(String line) {
    if (line.length() > 100 || line.strip().endsWith(".")) {
      return false;
    }
    return (TIME.matcher(line).find() || YEAR.matcher(line).find())
        && line.split("\\s+").length <= 16;
  }

  private static double linkDensity(Element e) {
    int total = e.text().length();
    if (total == 0) {
      return 0;
    }
    int links = 0;
    for (Element a : e.select("a")) {
      String href = a.attr("href");
      // in-page anchors (footnotes, tables of contents) weigh less than links that lead away
      double weight = href.startsWith("#") ? 0.3 : 1;
      links += (int) (a.text().length() * weight);
    }
    return Math.min(1.0, links / (double) total);
  }

  /** The longest {@code articleBody} in the page's JSON-LD, tags stripped, or null. */
  static String jsonLdArticleBody(Document doc) {
    String best = null;
    for (Element script : doc.select("script[type=application/ld+json]")) {
      String json = script.data();
      if (!json.contains("articleBody")) {
        continue;
      }
      try {
        String body = findArticleBody(JSON.readTree(json));
        if (body != null && (best == null || body.length() > best.length())) {
          best = body;
        }
      } catch (IOException e) {
        // a page's broken JSON-LD is the page's problem; the markup still gets extracted
      }
    }
    if (best == null) {
      return null;
    }
    return best.contains("<") ? Jsoup.parse(best).text() : best.strip();
  }

  private static String findArticleBody(JsonNode node) {
    if (node == null) {
      return null;
    }
    if (node.isObject()) {
      JsonNode b = node.get("articleBody");
      if (b != null && b.isTextual()) {
        return b.asText();
      }
    }
    String best = null;
    for (JsonNode child : node) {
      String found = findArticleBody(child);
      if (found != null && (best == null || found.length() > best.length())) {
        best = found;
      }
    }
    return best;
  }
}
