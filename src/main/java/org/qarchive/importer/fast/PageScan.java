package org.qarchive.importer.fast;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jsoup.nodes.Attributes;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * What one walk over a parsed page finds for {@link PageExtractor}: the elements that a dozen
 * whole-document CSS selections used to look for one scan each (Wayback toolbar, canonical and meta
 * links, post containers, JSON-LD, non-content and chrome elements, tag links), together with the
 * one thing each needed from its ancestors ({@code closest()}: inside page chrome, inside
 * comments). Matching is by tag name, id and class tokens looked up once per element, with the same
 * meaning as the selectors quoted beside each field ({@code PageScanTest} checks them against
 * jsoup's own selection).
 */
public final class PageScan implements NodeVisitor {

  private final List<Element> waybackChrome = new ArrayList<>();

  private boolean waybackLink;

  private final List<Element> canonicalLinks = new ArrayList<>();

  private Element firstCanonicalAnywhere;

  private Element ogUrl;

  private Element ogTitle;

  private Element metaAuthor;

  private final List<Element> metas = new ArrayList<>();

  private final List<Element> postCandidates = new ArrayList<>();

  private final List<Element> jsonLd = new ArrayList<>();

  private final List<Element> notContent = new ArrayList<>();

  private final List<Element> chrome = new ArrayList<>();

  private final List<Element> tagLinks = new ArrayList<>();

  private final List<Element> bookmarks = new ArrayList<>();

  private final List<List<Element>> titles =
      List.of(
          new ArrayList<>(),
          new ArrayList<>(),
          new ArrayList<>(),
          new ArrayList<>(),
          new ArrayList<>());

  private final List<Author> authors = new ArrayList<>();

  private final List<TextNode> doctorTexts = new ArrayList<>();

  /**
   * An author element; a descendant selector's match also names the nearest ancestor it needs,
   * which must lie in the selection's scope.
   *
   * @param simple whether a selector without a descendant part matches
   * @param authorClass the nearest ancestor {@code .author}, for {@code .author .fn}, or null
   * @param itempropAuthor the nearest ancestor {@code [itemprop=author]}, for {@code
   *     [itemprop=author] [itemprop=name]}, or null
   */
  public record Author(
      Element element, boolean simple, Element authorClass, Element itempropAuthor) {
    /** Whether {@code scope.select(AUTHORS)} would list the element. */
    public boolean in(Element scope) {
      if (!within(element, scope)) {
        return false;
      }
      return simple
          || element != scope
              && (authorClass != null && within(authorClass, scope)
                  || itempropAuthor != null && within(itempropAuthor, scope));
    }
  }

  /** Whether the element is the scope or inside it. */
  public static boolean within(Element e, Element scope) {
    for (Element x = e; x != null; x = x.parent()) {
      if (x == scope) {
        return true;
      }
    }
    return false;
  }

  /** The first of the elements inside the scope (the scope included), or null. */
  public static Element firstWithin(List<Element> es, Element scope) {
    for (Element e : es) {
      if (within(e, scope)) {
        return e;
      }
    }
    return null;
  }

  // bits for what an element is, by class token, id and tag
  private static final int WAYBACK = 1;

  /** {@code aside, nav, .widget-area, .sidebar, #sidebar, #secondary, footer.site-footer}. */
  private static final int INSIDE_CHROME = 1 << 1;

  /**
   * Inside a {@code .widget} with no post container in between: a sidebar's parts on most
   * platforms, but Blogger's Blog widget holds the posts, so it keeps tag links and bylines out
   * only outside a post, and post containers never.
   */
  private static final int WIDGET = 1 << 14;

  /** {@code .comment, .comments-area, #comments, .comment-list}. */
  private static final int COMMENTS = 1 << 2;

  /** {@code .comment, #comments, .tagcloud, .widget_tag_cloud}. */
  private static final int COMMENTS_OR_CLOUD = 1 << 3;

  private static final int CHROME = 1 << 4;
  private static final int HENTRY = 1 << 5;
  private static final int POST_CLASS = 1 << 6;
  private static final int SITE_FOOTER = 1 << 7;

  /** {@code .comment, #comments, .comments-area}. */
  private static final int COMMENTS_3 = 1 << 8;

  private static final int AUTHOR = 1 << 9;
  private static final int FN = 1 << 10;

  /** {@code .entry-author-name, .author-name, .byline}. */
  private static final int AUTHOR_NAME = 1 << 11;

  private static final int ENTRY_TITLE = 1 << 12;
  private static final int POST_TITLE = 1 << 13;

  /** The bits that hold for the element's descendants too (what {@code closest()} asked). */
  private static final int INHERITED =
      WAYBACK | INSIDE_CHROME | WIDGET | COMMENTS | COMMENTS_OR_CLOUD | COMMENTS_3;

  private static final Map<String, Integer> CLASS_BITS = new HashMap<>();
  private static final Map<String, Integer> ID_BITS = new HashMap<>();

  /** A link to the author ({@code rel=author}) or RDFa's {@code rel=schema:author}. */
  private static final Pattern AUTHOR_REL = Pattern.compile("(?i)(^|\\s)(\\w+:)?author(\\s|$)");

  /** The schema.org types of a post: BlogPosting, Article and its kinds, Question, ...Posting. */
  private static final Pattern POST_TYPE = Pattern.compile("(?i)article|posting|question");

  static {
    CLASS_BITS.put("wb-autocomplete-suggestions", WAYBACK);
    CLASS_BITS.put("widget", WIDGET | CHROME);
    CLASS_BITS.put("widget-area", INSIDE_CHROME | CHROME);
    CLASS_BITS.put("sidebar", INSIDE_CHROME | CHROME);
    CLASS_BITS.put("site-header", CHROME);
    CLASS_BITS.put("site-footer", CHROME | SITE_FOOTER);
    CLASS_BITS.put("footer-widgets", CHROME);
    CLASS_BITS.put("comment", COMMENTS | COMMENTS_OR_CLOUD | COMMENTS_3);
    CLASS_BITS.put("comments-area", COMMENTS | COMMENTS_3);
    CLASS_BITS.put("comment-list", COMMENTS);
    CLASS_BITS.put("tagcloud", COMMENTS_OR_CLOUD);
    CLASS_BITS.put("widget_tag_cloud", COMMENTS_OR_CLOUD);
    CLASS_BITS.put("hentry", HENTRY);
    CLASS_BITS.put("h-entry", HENTRY);
    CLASS_BITS.put("post", POST_CLASS);
    CLASS_BITS.put("author", AUTHOR);
    CLASS_BITS.put("fn", FN);
    CLASS_BITS.put("entry-author-name", AUTHOR_NAME);
    CLASS_BITS.put("author-name", AUTHOR_NAME);
    CLASS_BITS.put("byline", AUTHOR_NAME);
    CLASS_BITS.put("entry-title", ENTRY_TITLE);
    CLASS_BITS.put("post-title", POST_TITLE);
    for (String id :
        List.of("wm-ipp-base", "wm-ipp", "wm-ipp-print", "donato", "wm-capinfo", "playback")) {
      ID_BITS.put(id, WAYBACK);
    }
    ID_BITS.put("sidebar", INSIDE_CHROME | CHROME);
    ID_BITS.put("secondary", INSIDE_CHROME | CHROME);
    ID_BITS.put("masthead", CHROME);
    ID_BITS.put("colophon", CHROME);
    ID_BITS.put("comments", COMMENTS | COMMENTS_OR_CLOUD | COMMENTS_3);
  }

  /**
   * The class names above by their length: a class token is compared with those of its own length
   * only.
   */
  private static final String[][] CLASS_NAMES_BY_LENGTH = byLength(CLASS_BITS.keySet());

  private static String[][] byLength(java.util.Collection<String> names) {
    int longest = names.stream().mapToInt(String::length).max().orElse(0);
    String[][] out = new String[longest + 1][];
    for (int len = 0; len <= longest; len++) {
      int l = len;
      out[len] = names.stream().filter(n -> n.length() == l).toArray(String[]::new);
    }
    return out;
  }

  /** What the element's ancestors (and itself) are, by depth: the {@link #INHERITED} bits. */
  private int[] inherited = new int[64];

  /** The nearest {@code .author} and {@code [itemprop=author]} at or above each depth. */
  private Element[] authorClassAt = new Element[64];

  private Element[] itempropAuthorAt = new Element[64];

  private PageScan() {}

  /**
   * {@code #wm-ipp-base, #wm-ipp, #wm-ipp-print, #donato, #wm-capinfo,
   * .wb-autocomplete-suggestions, #playback}.
   */
  public List<Element> waybackChrome() {
    return waybackChrome;
  }

  /** Whether any {@code link[href*=/web/], a[href*=/web/]} exists (the toolbar's included). */
  public boolean waybackLink() {
    return waybackLink;
  }

  /** {@code link[rel=canonical][href]}, outside the Wayback toolbar, in page order. */
  public List<Element> canonicalLinks() {
    return canonicalLinks;
  }

  /**
   * The first {@code link[rel=canonical][href]} of the whole page, the toolbar's included, or null.
   */
  public Element firstCanonicalAnywhere() {
    return firstCanonicalAnywhere;
  }

  /** The first {@code meta[property=og:url][content]} outside the Wayback toolbar, or null. */
  public Element ogUrl() {
    return ogUrl;
  }

  /** The first {@code meta[property=og:title][content]} outside the Wayback toolbar, or null. */
  public Element ogTitle() {
    return ogTitle;
  }

  /** The first {@code meta[name=author][content]} outside the Wayback toolbar, or null. */
  public Element metaAuthor() {
    return metaAuthor;
  }

  /** Every {@code meta} outside the Wayback toolbar. */
  public List<Element> metas() {
    return metas;
  }

  /**
   * {@code article, .hentry, .h-entry, div.post, [itemtype~=(?i)article|posting|question]} outside
   * the toolbar, and neither inside page chrome ({@code aside, nav, .widget-area, .sidebar,
   * #sidebar, #secondary, footer.site-footer}: a {@code .widget} may hold the posts) nor inside
   * comments ({@code .comment, .comments-area, #comments, .comment-list}).
   */
  public List<Element> postCandidates() {
    return postCandidates;
  }

  /** {@code script[type=application/ld+json]} outside the toolbar. */
  public List<Element> jsonLd() {
    return jsonLd;
  }

  /** {@code script, style, noscript, iframe, template, object, embed} outside the toolbar. */
  public List<Element> notContent() {
    return notContent;
  }

  /**
   * {@code aside, nav, .widget, .widget-area, .sidebar, #sidebar, #secondary, .site-header,
   * #masthead, .site-footer, #colophon, .footer-widgets} outside the toolbar.
   */
  public List<Element> chrome() {
    return chrome;
  }

  /**
   * {@code a[rel~=tag]} outside the toolbar, neither inside page chrome and widgets nor inside
   * comments or a tag cloud ({@code .comment, #comments, .tagcloud, .widget_tag_cloud}), nor a tag
   * cloud's own link ({@code [class*=tag-link-], [class*=tag-cloud-link]}: WordPress marks them so
   * wherever a theme puts its cloud).
   */
  public List<Element> tagLinks() {
    return tagLinks;
  }

  /**
   * {@code a[href][rel~=(?i)bookmark]} (a post's permalink) outside the toolbar, in page order:
   * what tells a teaser whose title is not linked.
   */
  public List<Element> bookmarks() {
    return bookmarks;
  }

  /**
   * For each title selector in the order they are tried ({@code h1.entry-title}, {@code
   * .entry-title}, {@code [itemprop=headline]}, {@code .post-title}, {@code h1}), its elements
   * outside the toolbar.
   */
  public List<List<Element>> titles() {
    return titles;
  }

  /**
   * {@code [rel~=(?i)(^|\s)(\w+:)?author(\s|$)], .author .fn, .entry-author-name, .author-name,
   * [itemprop=author] [itemprop=name], .byline, .author} outside the toolbar, neither inside page
   * chrome and widgets nor inside comments ({@code .comment, #comments, .comments-area}); see
   * {@link Author#in}.
   */
  public List<Author> authors() {
    return authors;
  }

  /**
   * The text nodes outside the toolbar that hold "Dr", in page order: where a page can name a
   * doctor, so that the names need not be looked for in the text of the whole page.
   */
  public List<TextNode> doctorTexts() {
    return doctorTexts;
  }

  /** Walks the document once. */
  public static PageScan of(Document doc) {
    PageScan s = new PageScan();
    doc.traverse(s);
    return s;
  }

  @Override
  public void head(Node node, int depth) {
    if (!(node instanceof Element e)) {
      if (node instanceof TextNode t
          && (depth == 0 || (inherited[depth - 1] & WAYBACK) == 0)
          && t.getWholeText().contains("Dr")) {
        doctorTexts.add(t);
      }
      return;
    }
    if (depth + 1 >= inherited.length) {
      inherited = java.util.Arrays.copyOf(inherited, inherited.length * 2);
      authorClassAt = java.util.Arrays.copyOf(authorClassAt, inherited.length);
      itempropAuthorAt = java.util.Arrays.copyOf(itempropAuthorAt, inherited.length);
    }
    String tag = e.normalName();
    int bits = 0;
    boolean hasAttributes = e.attributesSize() > 0;
    // jsoup's HTML parser lower-cases attribute names, so they are looked up as they are: the
    // case-insensitive
    // lookups behind attr() and hasAttr() were a fifth of this walk
    Attributes attrs = hasAttributes ? e.attributes() : null;
    String itemprop = "";
    if (hasAttributes) {
      bits = classBits(attrs.get("class"));
      Integer idBits = ID_BITS.get(attrs.get("id"));
      if (idBits != null) {
        bits |= idBits;
      }
      itemprop = attrs.get("itemprop");
    }
    switch (tag) {
      case "aside", "nav" -> bits |= INSIDE_CHROME | CHROME;
      case "footer" -> {
        if ((bits & SITE_FOOTER) != 0) {
          bits |= INSIDE_CHROME;
        }
      }
      default -> {}
    }
    // .site-footer is chrome to remove wherever it is, but only footer.site-footer counts as
    // "inside chrome"
    int here = (depth > 0 ? inherited[depth - 1] : 0) | (bits & INHERITED);
    boolean post =
        (tag.equals("article")
                || (bits & HENTRY) != 0
                || (tag.equals("div") && (bits & POST_CLASS) != 0)
                || (hasAttributes
                    && attrs.hasKey("itemtype")
                    && POST_TYPE.matcher(attrs.get("itemtype")).find()))
            && (here & (INSIDE_CHROME | COMMENTS | WAYBACK)) == 0;
    if (post) {
      here &= ~WIDGET; // inside a post, the widget that holds it no longer counts as chrome
    }
    inherited[depth] = here;
    Element authorClassAbove = depth > 0 ? authorClassAt[depth - 1] : null;
    Element itempropAuthorAbove = depth > 0 ? itempropAuthorAt[depth - 1] : null;
    authorClassAt[depth] = (bits & AUTHOR) != 0 ? e : authorClassAbove;
    itempropAuthorAt[depth] = itemprop.equalsIgnoreCase("author") ? e : itempropAuthorAbove;
    if ((bits & WAYBACK) != 0) {
      waybackChrome.add(e);
    }
    if (hasAttributes
        && !waybackLink
        && (tag.equals("a") || tag.equals("link"))
        && containsIgnoreCase(attrs.get("href"), "/web/")) {
      waybackLink = true;
    }
    if ((here & WAYBACK) != 0) {
      if (tag.equals("link")
          && hasAttributes
          && isCanonical(attrs)
          && firstCanonicalAnywhere == null) {
        firstCanonicalAnywhere = e;
      }
      return; // removed with the toolbar before anything else looks
    }
    switch (tag) {
      case "link" -> {
        if (hasAttributes && isCanonical(attrs)) {
          canonicalLinks.add(e);
          if (firstCanonicalAnywhere == null) {
            firstCanonicalAnywhere = e;
          }
        }
      }
      case "meta" -> {
        metas.add(e);
        if (hasAttributes && attrs.hasKey("content")) {
          if (ogUrl == null && attrIs(attrs, "property", "og:url")) {
            ogUrl = e;
          }
          if (ogTitle == null && attrIs(attrs, "property", "og:title")) {
            ogTitle = e;
          }
          if (metaAuthor == null && attrIs(attrs, "name", "author")) {
            metaAuthor = e;
          }
        }
      }
      case "script" -> {
        notContent.add(e);
        if (hasAttributes && attrIs(attrs, "type", "application/ld+json")) {
          jsonLd.add(e);
        }
      }
      case "style", "noscript", "iframe", "template", "object", "embed" -> notContent.add(e);
      case "a" -> {
        if (hasAttributes
            && attrs.hasKey("href")
            && containsAsciiIgnoreCase(attrs.get("rel"), "bookmark")) {
          bookmarks.add(e);
        }
        if (hasAttributes
            && (here & (INSIDE_CHROME | WIDGET | COMMENTS_OR_CLOUD)) == 0
            && attrs.get("rel").contains("tag")
            && !isCloudLink(attrs.get("class"))) {
          tagLinks.add(e);
        }
      }
      default -> {}
    }
    if ((bits & CHROME) != 0) {
      chrome.add(e);
    }
    if ((bits & (ENTRY_TITLE | POST_TITLE)) != 0
        || tag.equals("h1")
        || itemprop.equalsIgnoreCase("headline")) {
      boolean h1 = tag.equals("h1");
      if (h1 && (bits & ENTRY_TITLE) != 0) {
        titles.get(0).add(e);
      }
      if ((bits & ENTRY_TITLE) != 0) {
        titles.get(1).add(e);
      }
      if (itemprop.equalsIgnoreCase("headline")) {
        titles.get(2).add(e);
      }
      if ((bits & POST_TITLE) != 0) {
        titles.get(3).add(e);
      }
      if (h1) {
        titles.get(4).add(e);
      }
    }
    if ((here & (COMMENTS_3 | INSIDE_CHROME | WIDGET)) == 0) {
      boolean simple =
          (bits & (AUTHOR | AUTHOR_NAME)) != 0
              || hasAttributes && AUTHOR_REL.matcher(attrs.get("rel")).find();
      Element viaClass = (bits & FN) != 0 ? authorClassAbove : null;
      Element viaItemprop = itemprop.equalsIgnoreCase("name") ? itempropAuthorAbove : null;
      if (simple || viaClass != null || viaItemprop != null) {
        authors.add(new Author(e, simple, viaClass, viaItemprop));
      }
    }
    if (post) {
      postCandidates.add(e);
    }
  }

  private static final java.util.Set<String> NOISE_CLASSES =
      java.util.Set.of(
          "comments-area",
          "comment-list",
          "comments",
          "commentlist",
          "comment-respond",
          "sharedaddy",
          "sd-sharing",
          "jp-relatedposts",
          "yarpp-related",
          "related-posts",
          "swp_social_panel",
          "share",
          "sharing",
          "social-share",
          "addtoany_share_save_container",
          "cta-box",
          "disclaimer",
          "author-box",
          "entry-author-box",
          "post-navigation",
          "nav-single",
          "navigation",
          "pagination",
          "breadcrumb",
          "breadcrumbs",
          "cookie-notice",
          "screen-reader-text",
          "assistive-text",
          "wp-caption-text",
          "entry-meta",
          "entry-footer",
          "post-meta",
          "postmetadata",
          "entry-header",
          "more-link");
  private static final String[][] NOISE_NAMES_BY_LENGTH = byLength(NOISE_CLASSES);
  private static final java.util.Set<String> NOISE_IDS =
      java.util.Set.of("comments", "respond", "breadcrumbs", "cookie-notice");
  private static final Pattern DISPLAY_NONE = Pattern.compile("display:\\s*none");

  /**
   * The elements under {@code root} (itself included), in page order, that are not part of a post's
   * text: {@code #comments, .comments-area, .comment-list, .comments, .commentlist, #respond,
   * .comment-respond, form, .sharedaddy, .sd-sharing, .jp-relatedposts, .yarpp-related,
   * .related-posts, .swp_social_panel, .share, .sharing, .social-share,
   * .addtoany_share_save_container, .cta-box, .disclaimer, .author-box, .entry-author-box,
   * .post-navigation, .nav-single, .navigation, .pagination, .breadcrumb, #breadcrumbs,
   * .breadcrumbs, .cookie-notice, #cookie-notice, .screen-reader-text, .assistive-text,
   * .wp-caption-text, .entry-meta, .entry-footer, .post-meta, .postmetadata, .entry-header,
   * .more-link, [hidden], [style~=display:\s*none]}.
   */
  public static List<Element> noise(Element root) {
    List<Element> out = new ArrayList<>();
    root.traverse(
        (node, depth) -> {
          if (node instanceof Element e
              && (e.nameIs("form") || e.attributesSize() > 0 && isNoise(e))) {
            out.add(e);
          }
        });
    return out;
  }

  private static boolean isNoise(Element e) {
    Attributes attrs = e.attributes();
    if (NOISE_IDS.contains(attrs.get("id")) || attrs.hasKey("hidden")) {
      return true;
    }
    if (attrs.hasKey("style") && DISPLAY_NONE.matcher(attrs.get("style")).find()) {
      return true;
    }
    String className = attrs.get("class");
    return !classTokens(
        className,
        (start, len) ->
            len >= NOISE_NAMES_BY_LENGTH.length
                || !anyNameAt(className, start, len, NOISE_NAMES_BY_LENGTH[len]));
  }

  private static int classBits(String className) {
    int[] bits = {0};
    classTokens(
        className,
        (start, len) -> {
          if (len < CLASS_NAMES_BY_LENGTH.length) {
            for (String name : CLASS_NAMES_BY_LENGTH[len]) {
              if (nameAt(className, start, len, name)) {
                bits[0] |= CLASS_BITS.get(name);
              }
            }
          }
          return true;
        });
    return bits[0];
  }

  /** Told each class token's place in the attribute; answers whether to go on to the next. */
  interface ClassToken {
    boolean next(int start, int length);
  }

  /**
   * Calls {@code token} for each whitespace-separated token of a class attribute, in place (as
   * jsoup's hasClass does: no substring, no lower-casing, no hashing per class); false when a call
   * stopped the walk.
   */
  private static boolean classTokens(String className, ClassToken token) {
    return classTokens(className, 0, className.length(), token);
  }

  /**
   * As {@link #classTokens(String, ClassToken)}, for the class list from {@code from} to {@code n}
   * in {@code s}.
   */
  static boolean classTokens(String s, int from, int n, ClassToken token) {
    int i = from;
    while (i < n) {
      while (i < n && Character.isWhitespace(s.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < n && !Character.isWhitespace(s.charAt(i))) {
        i++;
      }
      if (i > start && !token.next(start, i - start)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether the class token at {@code start} of length {@code len} is {@code name}, ignoring case.
   */
  private static boolean nameAt(String className, int start, int len, String name) {
    return name.length() == len && className.regionMatches(true, start, name, 0, len);
  }

  /** Whether the class token at {@code start} is one of {@code names}. */
  private static boolean anyNameAt(String className, int start, int len, String[] names) {
    for (String name : names) {
      if (nameAt(className, start, len, name)) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasUpperCase(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isUpperCase(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a link's class marks it as an entry of a tag cloud ({@code tag-link-5}, {@code
   * tag-cloud-link}).
   */
  public static boolean isCloudLink(String className) {
    String c = className.toLowerCase(java.util.Locale.ROOT);
    return c.contains("tag-link-") || c.contains("tag-cloud-link");
  }

  private static boolean isCanonical(Attributes attrs) {
    return attrs.hasKey("href") && attrIs(attrs, "rel", "canonical");
  }

  /** {@code [key=value]}: the attribute equals the value ignoring case. */
  private static boolean attrIs(Attributes attrs, String key, String value) {
    return attrs.hasKey(key) && attrs.get(key).equalsIgnoreCase(value);
  }

  /**
   * Whether {@code s} holds the lower-case ASCII {@code needle}, ignoring the case of ASCII letters
   * only (as a {@code (?i)} regular expression does).
   */
  private static boolean containsAsciiIgnoreCase(String s, String needle) {
    for (int i = 0; i + needle.length() <= s.length(); i++) {
      int k = 0;
      while (k < needle.length()) {
        char c = s.charAt(i + k);
        if ((c >= 'A' && c <= 'Z' ? (char) (c + 32) : c) != needle.charAt(k)) {
          break;
        }
        k++;
      }
      if (k == needle.length()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code s} holds the lower-case {@code needle}, ignoring case; the needle starts with a
   * character without case.
   */
  private static boolean containsIgnoreCase(String s, String needle) {
    if (s.contains(needle)) {
      return true; // as written, found by the string search intrinsic
    }
    if (!hasUpperCase(s)) {
      return false; // the needle is lower case
    }
    for (int i = s.indexOf(needle.charAt(0)); i >= 0; i = s.indexOf(needle.charAt(0), i + 1)) {
      if (s.regionMatches(true, i, needle, 0, needle.length())) {
        return true;
      }
    }
    return false;
  }
}
