package org.qarchive.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Turns an element into the visible blocks a reader sees: paragraphs (also those made of {@code
 * <br><br>}), headings and list items, each with the hints the Q&A segmentation needs.
 */
final class TextBlocks {

  /** What kind of block. */
  enum Type {
    PARAGRAPH,
    HEADING,
    LIST_ITEM
  }

  /**
   * One block of text.
   *
   * @param list identity of the list a list item belongs to, -1 otherwise
   * @param container identity of the nearest question/answer-classed container, -1 if none
   * @param containerRole 'Q', 'A' or 0
   * @param quote identity of the enclosing blockquote, -1 if none
   * @param bold whether the whole block is bold/strong (a heading written as a bold paragraph)
   * @param lead the text of a bold run the block starts with (often a label), or null
   * @param linkChars how many of its characters are the text of links
   * @param chrome whether it lies in something that is never part of a post's text, whatever the
   *     page: navigation, share bars, related posts, comments, author boxes, newsletter forms...
   * @param holder the innermost block element that holds it (a paragraph, a list item, a cell, or
   *     the root for text directly in it), or null for a block made up outside a page
   */
  record Block(
      Type type,
      String text,
      int list,
      int container,
      char containerRole,
      int quote,
      boolean bold,
      String lead,
      int linkChars,
      boolean chrome,
      Element holder) {

    /** A block that does not come from a page's elements. */
    Block(
        Type type,
        String text,
        int list,
        int container,
        char containerRole,
        int quote,
        boolean bold,
        String lead,
        int linkChars,
        boolean chrome) {
      this(type, text, list, container, containerRole, quote, bold, lead, linkChars, chrome, null);
    }

    /** A block of the same kind with another text. */
    Block withText(String text) {
      return new Block(
          type, text, list, container, containerRole, quote, bold, null, linkChars, chrome, holder);
    }

    /** Whether most of it is link text: a teaser, a link list, "read more". */
    boolean mostlyLinks() {
      return linkChars * 2 >= text.length() && linkChars > 0;
    }
  }

  static final Set<String> BLOCK_TAGS =
      Set.of(
          "p",
          "div",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "li",
          "ul",
          "ol",
          "blockquote",
          "table",
          "tr",
          "td",
          "th",
          "tbody",
          "thead",
          "section",
          "article",
          "header",
          "footer",
          "pre",
          "hr",
          "dl",
          "dt",
          "dd",
          "figure",
          "figcaption",
          "main",
          "aside",
          "nav",
          "form",
          "center",
          "address",
          "caption",
          "details",
          "summary");
  private static final Pattern Q_CLASS =
      Pattern.compile("(?i)(^|[\\s_-])(question|ask-q|qa-q)([\\s_-]|$)");
  private static final Pattern A_CLASS =
      Pattern.compile("(?i)(^|[\\s_-])(answer|ask-a|qa-a)([\\s_-]|$)");
  private static final Pattern BREAKS = Pattern.compile("\\n[ \\t\\u00a0]*\\n\\s*");

  /**
   * Class and id words of what is never part of a post's text on any site: share bars, related and
   * recommended posts, comments, newsletter and sign-up boxes, navigation, menus, pagination,
   * sidebars, widgets, footers, promotions and advertisements, author boxes and bylines, tag and
   * category lists, post metadata, cookie and consent banners.
   */
  private static final Pattern CHROME_WORDS =
      Pattern.compile(
          "(?i)(?:^|[\\s_-])(?:share|sharing|sharedaddy|social|related|recommend\\w*|comments?|commentlist"
              + "|respond|newsletter|subscri\\w*|signup|nav|navigation|navbar|menu|breadcrumbs?|pagination"
              + "|pager|sidebar|widgets?|footer|promo\\w*|sponsor\\w*|advert\\w*|ads?|outbrain|taboola"
              + "|byline|author|bio|tags|tagcloud|categories|meta|metadata|read-more|readmore"
              + "|more-stories|more-from|disclaimer|cookie\\w*|consent|popup|modal|toolbar)(?=$|[\\s_-])");

  private static final Set<String> CHROME_TAGS = Set.of("nav", "aside", "footer", "form", "menu");
  private static final Set<String> CHROME_ROLES =
      Set.of("navigation", "complementary", "contentinfo", "banner", "search", "dialog");

  private final List<Block> out = new ArrayList<>();
  private final StringBuilder buf = new StringBuilder();
  private int ids;
  private int list = -1;
  private int container = -1;
  private char role = 0;
  private int quote = -1;
  private Type pendingType = Type.PARAGRAPH;
  private int boldDepth;
  private int boldChars;
  private int allChars;
  private int linkDepth;
  private int chromeDepth;
  private Element root;

  /** The page's first {@code <h1>}, once looked for. */
  private Optional<Element> pageTitle;

  /** The innermost block element being walked: what holds the text in the buffer. */
  private Element holder;

  private int rootLength = -1;
  private static final char LEAD_START = '\u0002';
  private static final char LEAD_END = '\u0003';

  /** Marks around the text of a link in the buffer, for counting how much of a block links. */
  private static final char LINK_START = '\u0004';

  private static final char LINK_END = '\u0005';

  private TextBlocks() {}

  static List<Block> of(Element root) {
    return of(List.of(root));
  }

  /** The blocks of several elements, in the order given. */
  static List<Block> of(List<Element> roots) {
    TextBlocks t = new TextBlocks();
    for (Element root : roots) {
      t.rootLength = -1;
      t.root = root;
      t.holder = root;
      t.walk(root);
      t.flush();
    }
    return t.out;
  }

  /**
   * Whether a descendant of the root that looks like chrome holds most of the root's text: then it
   * is a wrapper whose name only mentions chrome ({@code page-block-container and-w-sidebar}, a
   * form around a whole page), not chrome.
   */
  private boolean wrapsMostOfRoot(Element e) {
    if (rootLength < 0) {
      rootLength = root.text().length();
    }
    return e.text().length() * 2 >= rootLength;
  }

  /**
   * Whether an element that looks like chrome holds the page's title, its first {@code <h1>}: then
   * it is a layout wrapper whose name mentions chrome ({@code panel-two-col-sidebar-right}), not a
   * sidebar or a footer, which never hold the title of the page they are beside.
   */
  private boolean holdsPageTitle(Element e) {
    if (pageTitle == null) {
      Element top = root;
      while (top.parent() != null) {
        top = top.parent();
      }
      Element h1 = top.selectFirst("h1");
      pageTitle = h1 == null ? Optional.empty() : Optional.of(h1);
    }
    if (pageTitle.isEmpty()) {
      return false;
    }
    for (Element x = pageTitle.get().parent(); x != null; x = x.parent()) {
      if (x == e) {
        return true;
      }
    }
    return false;
  }

  /** Whether an element inside a post's body is chrome by its tag, role, class or id. */
  static boolean isChrome(Element e) {
    if (CHROME_TAGS.contains(e.normalName())) {
      return true;
    }
    if (e.attributesSize() == 0) {
      return false;
    }
    String role = e.attr("role");
    if (!role.isEmpty() && CHROME_ROLES.contains(role.toLowerCase(Locale.ROOT))) {
      return true;
    }
    String cls = e.className();
    String id = e.id();
    return !cls.isEmpty() && CHROME_WORDS.matcher(cls).find()
        || !id.isEmpty() && CHROME_WORDS.matcher(id).find();
  }

  private void walk(Node node) {
    for (Node child : node.childNodes()) {
      if (child instanceof TextNode tn) {
        String s = tn.getWholeText();
        appendCollapsed(buf, s);
        int n = s.strip().length();
        allChars += n;
        if (boldDepth > 0) {
          boldChars += n;
        }

      } else if (child instanceof Element e) {
        element(e);
      }
    }
  }

  private void element(Element e) {
    String tag = e.normalName();
    if (tag.equals("br")) {
      buf.append('\n');
      return;
    }
    if (tag.equals("img")
        || tag.equals("script")
        || tag.equals("style")
        || tag.equals("input")
        || tag.equals("select")
        || tag.equals("textarea")
        || tag.equals("button")
        || tag.equals("svg")) {
      return;
    }
    boolean block = BLOCK_TAGS.contains(tag);
    boolean bold =
        tag.equals("b") || tag.equals("strong") || (tag.equals("span") && e.hasClass("qa-label"));
    boolean link = tag.equals("a") && e.hasAttr("href");
    boolean chrome = isChrome(e) && !wrapsMostOfRoot(e) && !holdsPageTitle(e);
    int savedList = list;
    int savedContainer = container;
    char savedRole = role;
    int savedQuote = quote;
    Element savedHolder = holder;
    if (block) {
      flush();
      holder = e;
      if (tag.equals("ul") || tag.equals("ol")) {
        list = ++ids;
      } else if (tag.equals("blockquote")) {
        quote = ++ids;
      }
      String cls = e.className() + " " + e.id();
      if (!cls.isBlank()
          && (tag.equals("div") || tag.equals("section") || tag.equals("blockquote"))) {
        if (Q_CLASS.matcher(cls).find()) {
          container = ++ids;
          role = 'Q';
        } else if (A_CLASS.matcher(cls).find()) {
          container = ++ids;
          role = 'A';
        }
      }
      if (tag.length() == 2
          && tag.charAt(0) == 'h'
          && tag.charAt(1) >= '1'
          && tag.charAt(1) <= '6') {
        pendingType = Type.HEADING;
      } else if (tag.equals("li")) {
        pendingType = Type.LIST_ITEM;
      } else {
        pendingType = Type.PARAGRAPH;
      }
    }
    boolean lead = bold && boldDepth == 0 && atLineStart();
    if (lead) {
      buf.append(LEAD_START);
    }
    if (bold) {
      boldDepth++;
    }
    boolean outerLink = link && linkDepth++ == 0;
    if (outerLink) {
      buf.append(LINK_START);
    }
    if (chrome) {
      flush();
      chromeDepth++;
    }
    walk(e);
    if (chrome) {
      flush();
      chromeDepth--;
    }
    if (outerLink) {
      buf.append(LINK_END);
    }
    if (link) {
      linkDepth--;
    }
    if (bold) {
      boldDepth--;
    }
    if (lead) {
      buf.append(LEAD_END);
    }
    if (block) {
      if (tag.equals("li")) {
        pendingType = Type.LIST_ITEM;
      }
      flush();
      holder = savedHolder;
      list = savedList;
      container = savedContainer;
      role = savedRole;
      quote = savedQuote;
      pendingType = Type.PARAGRAPH;
    }
  }

  private boolean atLineStart() {
    for (int i = buf.length() - 1; i >= 0; i--) {
      char c = buf.charAt(i);
      if (c == '\n') {
        return true;
      }
      if (!Character.isWhitespace(c)
          && c != '\u00a0'
          && c != LEAD_START
          && c != LEAD_END
          && c != LINK_START
          && c != LINK_END) {
        return false;
      }
    }
    return true;
  }

  private void flush() {
    if (buf.isEmpty()) {
      return;
    }
    String raw = buf.toString();
    buf.setLength(0);
    boolean bold = allChars > 0 && boldChars * 10 >= allChars * 9;
    boldChars = 0;
    allChars = 0;
    // most blocks hold no line break at all (only <br> makes one), and then none of the patterns
    // below can match
    boolean lines = raw.indexOf('\n') >= 0;
    // a bold run alone on its line (a label or a sub-heading) is a block of its own
    String split = raw;
    if (lines && raw.indexOf(LEAD_START) >= 0) {
      split = separateLeads(split);
    }
    // a paragraph break needs two line breaks; with one, the split would give the text back whole
    int firstBreak = split.indexOf('\n');
    boolean breaks = firstBreak >= 0 && split.indexOf('\n', firstBreak + 1) >= 0;
    String[] parts = breaks ? BREAKS.split(split) : new String[] {split};
    for (String withLinks : parts) {
      int links = 0;
      String part = withLinks;
      if (withLinks.indexOf(LINK_START) >= 0) {
        StringBuilder plain = new StringBuilder(withLinks.length());
        boolean in = false;
        for (int i = 0; i < withLinks.length(); i++) {
          char c = withLinks.charAt(i);
          if (c == LINK_START) {
            in = true;
          } else if (c == LINK_END) {
            in = false;
          } else {
            plain.append(c);
            if (in) {
              links++;
            }
          }
        }
        part = plain.toString();
      } else if (withLinks.indexOf(LINK_END) >= 0) {
        part = withLinks.replace(String.valueOf(LINK_END), "");
      }
      String marked = part.strip();
      String partLead = null;
      int end = marked.indexOf(LEAD_END);
      if (marked.indexOf(LEAD_START) == 0 && end > 0) {
        partLead = collapse(marked.substring(1, end));
      }
      String text = collapse(marked, true);
      if (text.isEmpty()) {
        continue;
      }
      if (partLead != null && (partLead.isEmpty() || !text.startsWith(partLead))) {
        partLead = null;
      }
      Type type = parts.length > 1 && pendingType == Type.LIST_ITEM ? Type.PARAGRAPH : pendingType;
      // a bold run split off onto its own line is bold itself, whatever the rest of the paragraph
      // was
      boolean partBold = bold || (partLead != null && partLead.equals(text));
      out.add(
          new Block(
              type,
              text,
              type == Type.LIST_ITEM ? list : -1,
              container,
              role,
              quote,
              partBold,
              partLead,
              Math.min(links, text.length()),
              chromeDepth > 0,
              holder));
    }
  }

  /**
   * Puts a bold run alone on its line on a block of its own: the line break before it and the one
   * after its end become paragraph breaks. By hand, what replacing {@code \n\s*(?=\u0002)} by two
   * line breaks and then {@code \u0003[ \t]*\n} by the mark and two line breaks gives, without the
   * regex engine trying every position ({@code TextBlocksTest} compares them).
   */
  static String separateLeads(String s) {
    StringBuilder before = new StringBuilder(s.length() + 16);
    int n = s.length();
    for (int i = 0; i < n; ) {
      char c = s.charAt(i);
      if (c == '\n') {
        int j = i + 1;
        while (j < n && isRegexSpace(s.charAt(j))) {
          j++;
        }
        if (j < n && s.charAt(j) == LEAD_START) {
          before.append("\n\n");
          i = j;
          continue;
        }
      }
      before.append(c);
      i++;
    }
    StringBuilder after = new StringBuilder(before.length() + 16);
    n = before.length();
    for (int i = 0; i < n; ) {
      char c = before.charAt(i);
      if (c == LEAD_END) {
        int j = i + 1;
        while (j < n && (before.charAt(j) == ' ' || before.charAt(j) == '\t')) {
          j++;
        }
        if (j < n && before.charAt(j) == '\n') {
          after.append(LEAD_END).append("\n\n");
          i = j + 1;
          continue;
        }
      }
      after.append(c);
      i++;
    }
    return after.toString();
  }

  /**
   * {@code \\s} of java.util.regex: space, tab, line feed, vertical tab, form feed, carriage
   * return.
   */
  private static boolean isRegexSpace(char c) {
    return c == ' ' || c >= '\t' && c <= '\r';
  }

  /** Collapses whitespace (including no-break spaces) and trims. */
  static String collapse(String s) {
    return collapse(s, false);
  }

  /** Collapses whitespace and trims; with {@code leads}, the bold-run marks count as spaces too. */
  private static String collapse(String s, boolean leads) {
    if (isCollapsed(s) && (!leads || s.indexOf(LEAD_START) < 0 && s.indexOf(LEAD_END) < 0)) {
      return s; // most texts: nothing to do, and no copy made
    }
    // by hand rather than replaceAll("\\s+", " "): it runs on every text of every page
    StringBuilder sb = new StringBuilder(s.length());
    boolean space = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == ' '
          || c == '\u00a0'
          || (c >= '\t' && c <= '\r')
          || leads && (c == LEAD_START || c == LEAD_END)) {
        if (!space) {
          sb.append(' ');
        }
        space = true;
      } else {
        sb.append(c);
        space = false;
      }
    }
    return sb.toString().strip();
  }

  /**
   * Whether {@link #collapse} would return the text unchanged: single plain spaces only, none at
   * either end.
   */
  private static boolean isCollapsed(String s) {
    int n = s.length();
    if (n > 0 && (s.charAt(0) == ' ' || s.charAt(n - 1) == ' ')) {
      return false;
    }
    char prev = 'x';
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c == '\u00a0'
          || c >= '\t' && c <= '\r'
          || c == ' ' && prev == ' '
          || Character.isWhitespace(c) && c != ' ') {
        return false;
      }
      prev = c;
    }
    return true;
  }

  /**
   * Appends the text with each run of spaces, tabs and line breaks as one space (no-break spaces
   * stay).
   */
  private static void appendCollapsed(StringBuilder out, String s) {
    if (!needsCollapsing(s)) {
      out.append(s); // one copy instead of a call per character
      return;
    }
    boolean space = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
        if (!space) {
          out.append(' ');
        }
        space = true;
      } else {
        out.append(c);
        space = false;
      }
    }
  }

  /**
   * Whether the text holds a tab, line break or two spaces in a row, which {@link #appendCollapsed}
   * changes.
   */
  private static boolean needsCollapsing(String s) {
    char prev = 'x';
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\n' || c == '\r' || c == '\t' || c == ' ' && prev == ' ') {
        return true;
      }
      prev = c;
    }
    return false;
  }

  /**
   * Joins blocks the way the archive shows them: list items of one list by newline, everything else
   * by a blank line.
   */
  static String join(List<Block> blocks) {
    StringBuilder sb = new StringBuilder();
    Block prev = null;
    for (Block b : blocks) {
      if (prev != null) {
        boolean sameList =
            b.type() == Type.LIST_ITEM && prev.type() == Type.LIST_ITEM && b.list() == prev.list();
        sb.append(sameList ? "\n" : "\n\n");
      }
      sb.append(b.text());
      prev = b;
    }
    return sb.toString();
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
