package org.qarchive.importer.fast;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Where the part of a post page that the importer reads ends, in its bytes: at the first sidebar,
 * comments area or site footer that follows the end of the page's first post container. Everything
 * the importer takes from a post page (the post's title, byline, date, terms, question and answer;
 * the head's links and metas) lies before it, while what follows (comments, widgets, footer) is
 * about a third of a typical blog page's bytes and of its parse.
 *
 * <p>Found by a light scan of the tags (comments and the text of scripts and styles skipped;
 * sidebars, navigation and comments before the post passed over, as the importer's search for posts
 * passes over them), and only where it is plain: the whole page is read when the post container (or
 * something passed over before it) never closes, for shortlink copies (whose address comes from the
 * comment links), for UTF-16 and UTF-32 pages, and when the rest holds JSON-LD, a canonical link,
 * an {@code og:} property, a meta naming an author or a date, a tag link, or another post container
 * outside the chrome (which the importer weighs against the first). What is then left out changes
 * one thing: a doctor's name that only a widget or a comment spelled out in full no longer
 * completes the short one on that page (the import still completes it from the archive's other
 * pages).
 */
public final class PostRegion {

  private PostRegion() {}

  /**
   * The number of leading bytes to parse: {@code bytes.length} unless the page's chrome after its
   * post can be left out.
   */
  public static int end(byte[] bytes, String sourceName, String urlHint) {
    int n = bytes.length;
    if (n < 2
        || (bytes[0] & 0xff) == 0xfe
        || (bytes[0] & 0xff) == 0xff
        || bytes[0] == 0
        || bytes[1] == 0) {
      return n; // UTF-16 or UTF-32: the tags are not ASCII bytes
    }
    if (sourceName.contains("p=") || urlHint != null && urlHint.contains("p=")) {
      return n; // a shortlink copy takes its address from the comment links
    }
    // one byte per char: the searches below are the JDK's vectorized ones. Wayback captures are cut
    // too: the links
    // left (the head's, the navigation's, the post's) carry the same capture time as those after
    // the post
    String s = new String(bytes, StandardCharsets.ISO_8859_1);
    int cut = cut(s);
    if (cut == n || needed(s, cut)) {
      return n;
    }
    return cut;
  }

  /**
   * What marks JSON-LD, a canonical link and {@code og:} properties, as written in lower and in
   * upper case.
   */
  private static final String[] MARKERS = {
    "ld+json", "LD+JSON", "canonical", "CANONICAL", "og:", "OG:"
  };

  private static final String[] METAS = {"<meta", "<META"};

  /** A meta whose tag holds one of these may name the post's author or date. */
  private static final String[] META_WORDS = {"author", "date", "publish", "time"};

  /**
   * Whether the rest from {@code from} holds something a post page is read for wherever it is. The
   * markers are looked for as written in lower case and in upper case (the JDK's vectorized
   * search), not in mixed case.
   */
  private static boolean needed(String s, int from) {
    for (String marker : MARKERS) {
      if (s.indexOf(marker, from) >= 0) {
        return true;
      }
    }
    for (String meta : METAS) {
      for (int i = s.indexOf(meta, from); i >= 0; ) {
        int gt = tagEnd(s, i + 5);
        if (gt < 0) {
          return true; // a meta that does not end: read the page whole
        }
        for (String w : META_WORDS) {
          if (regionContains(s, i, gt, w)) {
            return true;
          }
        }
        i = s.indexOf(meta, gt);
      }
    }
    // tag links: "tag" inside a tag that has a rel attribute (the importer reads rel values as
    // written), unless it is
    // a tag cloud's
    // (each character is looked at a bounded number of times, however hostile the page: the tag a
    // "tag" is in is
    // found from where the last one's search stopped, and a tag's "rel=" is looked for once)
    int prev = from;
    int prevLt = -1;
    int relTag = -1;
    int relScanned = -1;
    boolean rel = false;
    for (int i = s.indexOf("tag", from); i >= 0; ) {
      int lt = prevLt; // the '<' of the tag that "tag" is in, or -1 in text
      for (int j = i - 1; j >= prev; j--) {
        char c = s.charAt(j);
        if (c == '>' || c == '<') {
          lt = c == '<' ? j : -1;
          break;
        }
      }
      prev = i;
      prevLt = lt;
      int next = i + 3;
      if (lt >= 0 && i - lt > MAX_TAG) {
        return true; // a tag too long to read: read the page whole
      }
      if (lt >= 0) {
        if (relTag != lt) {
          relTag = lt;
          relScanned = lt;
          rel = false;
        }
        if (!rel) {
          rel = regionContains(s, Math.max(lt, relScanned - 3), i, "rel=");
          relScanned = i;
        }
        if (rel) {
          int gt = tagEnd(s, i);
          if (gt < 0 || !isCloudLink(s, lt, gt)) {
            return true;
          }
          next = gt;
        }
      }
      i = s.indexOf("tag", next);
    }
    return false;
  }

  /**
   * Whether the tag from {@code lt} to {@code gt} is a tag cloud's link, by the importer's own
   * rule.
   */
  private static boolean isCloudLink(String s, int lt, int gt) {
    int name = lt + 1;
    while (name < gt && isNameChar(s.charAt(name))) {
      name++;
    }
    int[] attrs = new int[6];
    attributes(s, name, gt, attrs);
    return attrs[CLASS] >= 0 && PageScan.isCloudLink(s.substring(attrs[CLASS], attrs[CLASS + 1]));
  }

  /**
   * Whether {@code s} between {@code from} and {@code to} holds the lower-case needle, ignoring
   * ASCII case.
   */
  private static boolean regionContains(String s, int from, int to, String needle) {
    for (int i = from; i + needle.length() <= to; i++) {
      if (startsWithLower(s, i, needle)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Where the first sidebar, comments area or footer after the first post container's end starts;
   * the length of the page when there is none, or when another post container follows outside such
   * chrome (the importer weighs all the page's containers: the first may be a small box beside the
   * article). Post containers inside a sidebar, navigation or comments area are passed over, as the
   * importer passes them over.
   */
  static int cut(String s) {
    int n = s.length();
    String postTag = null; // the post container's tag name, once found
    int depth = 0; // how many elements of that name are open from the post container on
    boolean postEnded = false;
    int[] attrs = new int[6];
    String skipTag =
        null; // before the post: the chrome element being passed over, and its open depth
    int skipDepth = 0;
    int cutAt = -1; // where the first chrome after the post starts, once found
    int i = s.indexOf('<');
    while (i >= 0 && i + 1 < n) {
      char c = s.charAt(i + 1);
      if (c == '!' || c == '?') {
        if (s.startsWith("<!--", i)) {
          int e = s.indexOf("-->", i + 4);
          if (e < 0) {
            return n;
          }
          i = s.indexOf('<', e + 3);
        } else {
          i = s.indexOf('<', i + 2); // doctype, CDATA, processing instruction
        }
        continue;
      }
      boolean endTag = c == '/';
      int from = endTag ? i + 2 : i + 1;
      int to = from;
      while (to < n && isNameChar(s.charAt(to))) {
        to++;
      }
      if (to == from || !isAsciiLetter(s.charAt(from))) {
        i = s.indexOf('<', i + 1); // a "<" in text
        continue;
      }
      if (endTag) {
        if (skipTag != null) {
          if (nameIs(s, from, to, skipTag) && --skipDepth == 0) {
            skipTag = null;
          }
        } else if (postTag != null && !postEnded && nameIs(s, from, to, postTag) && --depth == 0) {
          postEnded = true;
        }
        i = s.indexOf('<', to);
        continue;
      }
      String raw = rawText(s, from, to);
      if (raw != null) {
        if (raw.equals("plaintext")) {
          return n;
        }
        int close = endTagOf(s, raw, to);
        if (close < 0) {
          return n;
        }
        i = close;
        continue;
      }
      int next =
          to; // where the next tag is looked for: after a read tag's '>', so that each character is
      // read once
      if (skipTag != null) {
        if (nameIs(s, from, to, skipTag)) {
          skipDepth++;
        }
      } else if (postTag == null || postEnded) {
        boolean aside = nameIs(s, from, to, "aside");
        int gt = -1;
        if (aside || hasMarkedAttributes(s, from, to)) {
          gt = tagEnd(s, to);
          if (gt < 0) {
            return n; // a tag that does not end: what follows cannot be told
          }
          attributes(s, to, gt, attrs);
          next = gt + 1;
        }
        if (aside
            || gt >= 0 && isChrome(s, attrs, postTag == null)
            || postTag == null && nameIs(s, from, to, "nav")) {
          if (postEnded && cutAt < 0) {
            cutAt = i;
          }
          skipTag = s.substring(from, to).toLowerCase(Locale.ROOT);
          skipDepth = 1;
        } else if (cutAt >= 0 && gt >= 0 && isPost(s, from, to, attrs)) {
          // another post container outside the chrome after the first post: the importer weighs
          // them all (the first may be a box beside the article, or they may make a listing)
          return n;
        } else if (postTag == null && gt >= 0 && isPost(s, from, to, attrs)) {
          postTag = s.substring(from, to).toLowerCase(Locale.ROOT);
          depth = 1;
        }
      } else if (nameIs(s, from, to, postTag)) {
        depth++;
      }
      i = s.indexOf('<', next);
    }
    return cutAt >= 0 ? cutAt : n;
  }

  /**
   * The tags whose class or id may make them a post container or chrome: their attributes are read.
   */
  private static boolean hasMarkedAttributes(String s, int from, int to) {
    return switch (to - from) {
      case 2 -> nameIs(s, from, to, "ol") || nameIs(s, from, to, "ul") || nameIs(s, from, to, "li");
      case 3 -> nameIs(s, from, to, "div");
      case 4 -> nameIs(s, from, to, "main");
      case 6 -> nameIs(s, from, to, "footer") || nameIs(s, from, to, "header");
      case 7 -> nameIs(s, from, to, "section") || nameIs(s, from, to, "article");
      default -> false;
    };
  }

  /**
   * {@code article, .hentry, .h-entry, div.post, [itemtype~=(?i)article|posting|question]}, as the
   * importer finds posts.
   */
  private static boolean isPost(String s, int from, int to, int[] attrs) {
    if (nameIs(s, from, to, "article")) {
      return true;
    }
    if (attrs[CLASS] >= 0
        && (anyToken(s, attrs[CLASS], attrs[CLASS + 1], "hentry", "h-entry")
            || nameIs(s, from, to, "div") && anyToken(s, attrs[CLASS], attrs[CLASS + 1], "post"))) {
      return true;
    }
    return attrs[ITEMTYPE] >= 0
        && (regionContains(s, attrs[ITEMTYPE], attrs[ITEMTYPE + 1], "article")
            || regionContains(s, attrs[ITEMTYPE], attrs[ITEMTYPE + 1], "posting")
            || regionContains(s, attrs[ITEMTYPE], attrs[ITEMTYPE + 1], "question"));
  }

  private static final String[] CHROME_IDS = {
    "secondary", "sidebar", "colophon", "comments", "respond", "commentform"
  };

  /**
   * Classes of the page's sidebars, comments area and footer: where reading may stop after the
   * post.
   */
  private static final String[] CHROME_CLASSES = {
    "sidebar",
    "widget-area",
    "comments-area",
    "comment-list",
    "commentlist",
    "comments",
    "comment-respond",
    "site-footer",
    "footer-widgets"
  };

  /**
   * Classes that put elements out of the importer's search for posts, passed over before the post.
   */
  private static final String[] AROUND_CLASSES = {"comment"};

  /**
   * A sidebar, comments area or site footer, by the names the importer removes them by; before the
   * post also a comment (which the importer's search for posts passes over). A widget is passed
   * over neither before the post (Blogger's Blog widget holds the posts) nor after it (a lone
   * widget between posts could be an advertisement in a listing).
   */
  private static boolean isChrome(String s, int[] attrs, boolean beforePost) {
    if (attrs[ID] >= 0) {
      String id = s.substring(attrs[ID], attrs[ID + 1]).strip();
      for (String chrome : CHROME_IDS) {
        if (id.equals(chrome)) {
          return true;
        }
      }
    }
    return attrs[CLASS] >= 0
        && (anyToken(s, attrs[CLASS], attrs[CLASS + 1], CHROME_CLASSES)
            || beforePost && anyToken(s, attrs[CLASS], attrs[CLASS + 1], AROUND_CLASSES));
  }

  /**
   * Whether the class list from {@code from} to {@code to} holds one of the names (case-sensitive,
   * as HTML's).
   */
  private static boolean anyToken(String s, int from, int to, String... names) {
    return !PageScan.classTokens(
        s, from, to, (start, length) -> !isOneOf(s, start, start + length, names));
  }

  private static boolean isOneOf(String s, int from, int to, String[] names) {
    for (String name : names) {
      if (to - from == name.length() && s.startsWith(name, from)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Where the class, id and itemtype values are in {@link #attributes}' answer: start, then end; -1
   * if absent.
   */
  private static final int CLASS = 0;

  private static final int ID = 2;
  private static final int ITEMTYPE = 4;

  /**
   * Finds the class, id and itemtype values in the tag's text from {@code from} to {@code gt} (the
   * first of each, as HTML keeps), writing their ranges into {@code out}.
   */
  static void attributes(String s, int from, int gt, int[] out) {
    java.util.Arrays.fill(out, -1);
    int i = from;
    while (i < gt) {
      while (i < gt && (Character.isWhitespace(s.charAt(i)) || s.charAt(i) == '/')) {
        i++;
      }
      int nameStart = i;
      while (i < gt
          && !Character.isWhitespace(s.charAt(i))
          && s.charAt(i) != '='
          && s.charAt(i) != '/') {
        i++;
      }
      int nameEnd = i;
      while (i < gt && Character.isWhitespace(s.charAt(i))) {
        i++;
      }
      int valueStart = -1;
      int valueEnd = -1;
      if (i < gt && s.charAt(i) == '=') {
        i++;
        while (i < gt && Character.isWhitespace(s.charAt(i))) {
          i++;
        }
        if (i < gt && (s.charAt(i) == '"' || s.charAt(i) == '\'')) {
          int close = s.indexOf(s.charAt(i), i + 1);
          if (close < 0 || close > gt) {
            close = gt;
          }
          valueStart = i + 1;
          valueEnd = close;
          i = close + 1;
        } else {
          valueStart = i;
          while (i < gt && !Character.isWhitespace(s.charAt(i))) {
            i++;
          }
          valueEnd = i;
        }
      } else if (nameEnd == nameStart) {
        i++;
        continue;
      }
      int slot =
          nameIs(s, nameStart, nameEnd, "class")
              ? CLASS
              : nameIs(s, nameStart, nameEnd, "id")
                  ? ID
                  : nameIs(s, nameStart, nameEnd, "itemtype") ? ITEMTYPE : -1;
      if (slot >= 0 && out[slot] < 0) {
        out[slot] = valueStart < 0 ? nameEnd : valueStart;
        out[slot + 1] = valueStart < 0 ? nameEnd : valueEnd;
      }
    }
  }

  /**
   * How far a tag's end is looked for: real tags are far shorter, and the scan must stay linear on
   * hostile pages.
   */
  private static final int MAX_TAG = 4096;

  /**
   * The '>' that ends the tag whose attributes start at {@code from}, quoted values skipped; -1 if
   * none within {@value #MAX_TAG} characters.
   */
  private static int tagEnd(String s, int from) {
    int n = Math.min(s.length(), from + MAX_TAG);
    for (int i = from; i < n; i++) {
      char c = s.charAt(i);
      if (c == '>') {
        return i;
      }
      if ((c == '"' || c == '\'') && i > 0 && s.charAt(i - 1) == '=') {
        int close = s.indexOf(c, i + 1);
        if (close < 0 || close >= n) {
          return -1;
        }
        i = close;
      }
    }
    return -1;
  }

  private static final String[] RAW_TEXT = {
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "plaintext"
  };

  /**
   * The elements whose text is not markup, by the name of the tag at {@code from}; null for the
   * others.
   */
  private static String rawText(String s, int from, int to) {
    char first = (char) (s.charAt(from) | 0x20);
    if (first != 's'
        && first != 't'
        && first != 'x'
        && first != 'i'
        && first != 'n'
        && first != 'p') {
      return null;
    }
    for (String name : RAW_TEXT) {
      if (nameIs(s, from, to, name)) {
        return name;
      }
    }
    return null;
  }

  /** Where the end tag of the raw text element starts, or -1. */
  private static int endTagOf(String s, String name, int from) {
    for (int i = s.indexOf("</", from); i >= 0; i = s.indexOf("</", i + 2)) {
      int end = i + 2 + name.length();
      if (startsWithLower(s, i + 2, name) && (end >= s.length() || !isNameChar(s.charAt(end)))) {
        return i;
      }
    }
    return -1;
  }

  private static boolean nameIs(String s, int from, int to, String name) {
    return to - from == name.length() && startsWithLower(s, from, name);
  }

  /**
   * Whether the lower-case ASCII {@code word} is at {@code at}, ignoring the case of ASCII letters.
   */
  private static boolean startsWithLower(String s, int at, String word) {
    if (at + word.length() > s.length()) {
      return false;
    }
    for (int k = 0; k < word.length(); k++) {
      char c = s.charAt(at + k);
      if ((c >= 'A' && c <= 'Z' ? (char) (c + 32) : c) != word.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isAsciiLetter(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
  }

  private static boolean isNameChar(char c) {
    return isAsciiLetter(c) || c >= '0' && c <= '9' || c == '-' || c == ':';
  }
}
