package org.qarchive.importer;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads WordPress's own export file (WXR: "WordPress eXtended RSS", the {@code .xml} that Tools →
 * Export writes) as a stream, and hands each published post and page to the importer as the page
 * WordPress would have shown: title, permalink, date, author, categories, tags and the post's body,
 * in the markup of a standard theme, so that the same extraction finds its questions and answers as
 * in an archived copy of the site. Comments are never part of it: on a Q&A blog the doctor's
 * answers are in the posts, and a comment is not one. Drafts, private posts, revisions, attachments
 * and menus are left out and counted in one row for the export.
 *
 * <p>The XML is read with DTDs and external entities off (no XXE, no entity expansion bombs), one
 * item at a time, each post's body bounded like a page.
 */
final class WxrReader {

  private static final String WP_NS = "http://wordpress.org/export/";
  private static final String CONTENT_NS = "http://purl.org/rss/1.0/modules/content/";
  private static final String DC_NS = "http://purl.org/dc/elements/1.1/";
  private static final Pattern BLOCK_TAG =
      Pattern.compile(
          "(?i)<(p|div|h[1-6]|ul|ol|li|blockquote|table|pre|figure|section|article)[\\s>]");
  private static final Pattern BLANK_LINES = Pattern.compile("\\n\\s*\\n");
  private static final DateTimeFormatter WP_DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

  private WxrReader() {}

  /** Whether the start of a file is a WordPress export: RSS with WordPress's export namespace. */
  static boolean isWxr(byte[] head) {
    String s =
        new String(head, 0, Math.min(head.length, 8192), StandardCharsets.ISO_8859_1)
            .toLowerCase(Locale.ROOT);
    return s.contains("<rss") && s.contains("wordpress.org/export/");
  }

  /** One item of the export as read, before it becomes a page. */
  private static final class Item {
    String title = "";
    String link;
    String postId;
    String type = "post";
    String status = "publish";
    String creator;
    String postDateGmt;
    String postDate;
    String modifiedGmt;
    String pubDate;
    String content = "";
    final List<String[]> categories = new ArrayList<>(); // {domain, nicename, name}
    int comments;
  }

  /** What the export held besides the pages handed out, for its report row. */
  private static final class Counts {
    int pages;
    int comments;
    final Map<String, Integer> left = new HashMap<>();
  }

  /**
   * Reads the export and hands out one page per published post or page, then one row for the export
   * that says what was left out. A broken export ends with a failure row; the pages before the
   * break are handed out.
   */
  static void read(
      InputStream in, String name, int maxPageBytes, Consumer<ArchiveInputs.Item> out) {
    Counts counts = new Counts();
    Map<String, String> authors = new HashMap<>();
    String site = null;
    XMLStreamReader x = null;
    try {
      x = factory().createXMLStreamReader(in);
      while (x.hasNext()) {
        if (x.next() != XMLStreamConstants.START_ELEMENT) {
          continue;
        }
        String local = x.getLocalName();
        if (isWp(x) && local.equals("author")) {
          readAuthor(x, authors);
        } else if (isWp(x) && local.equals("base_blog_url") && site == null) {
          site = x.getElementText().strip();
        } else if (local.equals("link")
            && site == null
            && (x.getNamespaceURI() == null || x.getNamespaceURI().isEmpty())) {
          site = x.getElementText().strip(); // the channel's link, before any item
        } else if (local.equals("item")) {
          Item item = readItem(x);
          counts.comments += item.comments;
          emit(item, name, site, authors, maxPageBytes, counts, out);
        }
      }
      out.accept(new ArchiveInputs.Skipped(name, summary(counts)));
    } catch (XMLStreamException | RuntimeException e) {
      if (e instanceof ArchiveInputs.ConsumerFailed cf) {
        throw cf;
      }
      out.accept(
          new ArchiveInputs.Failure(
              name,
              "broken WordPress export after "
                  + counts.pages
                  + " posts and pages: "
                  + firstLine(e.getMessage())));
    } finally {
      if (x != null) {
        try {
          x.close();
        } catch (XMLStreamException e) {
          // closing a reader over a stream the caller closes
        }
      }
    }
  }

  private static XMLInputFactory factory() {
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    f.setProperty(XMLInputFactory.IS_COALESCING, true);
    return f;
  }

  private static boolean isWp(XMLStreamReader x) {
    String ns = x.getNamespaceURI();
    return ns != null && ns.startsWith(WP_NS);
  }

  private static void readAuthor(XMLStreamReader x, Map<String, String> authors)
      throws XMLStreamException {
    String login = null;
    String display = null;
    int depth = 1;
    while (depth > 0 && x.hasNext()) {
      int ev = x.next();
      if (ev == XMLStreamConstants.START_ELEMENT) {
        String local = x.getLocalName();
        if (local.equals("author_login")) {
          login = x.getElementText().strip();
        } else if (local.equals("author_display_name")) {
          display = x.getElementText().strip();
        } else {
          depth++;
        }
      } else if (ev == XMLStreamConstants.END_ELEMENT) {
        depth--;
      }
    }
    if (login != null && display != null && !display.isEmpty()) {
      authors.put(login, display);
    }
  }

  private static Item readItem(XMLStreamReader x) throws XMLStreamException {
    Item item = new Item();
    int depth = 1;
    while (depth > 0 && x.hasNext()) {
      int ev = x.next();
      if (ev == XMLStreamConstants.END_ELEMENT) {
        depth--;
        continue;
      }
      if (ev != XMLStreamConstants.START_ELEMENT) {
        continue;
      }
      String local = x.getLocalName();
      String ns = x.getNamespaceURI() == null ? "" : x.getNamespaceURI();
      if (ns.startsWith(WP_NS) && local.equals("comment")) {
        item.comments++;
        skip(x); // comments are never answers, and never read
      } else if (ns.isEmpty() && local.equals("title")) {
        item.title = x.getElementText().strip();
      } else if (ns.isEmpty() && local.equals("link")) {
        item.link = x.getElementText().strip();
      } else if (ns.isEmpty() && local.equals("pubDate")) {
        item.pubDate = x.getElementText().strip();
      } else if (ns.isEmpty() && local.equals("category")) {
        String domain = x.getAttributeValue(null, "domain");
        String nicename = x.getAttributeValue(null, "nicename");
        item.categories.add(new String[] {domain, nicename, x.getElementText().strip()});
      } else if (ns.equals(CONTENT_NS) && local.equals("encoded")) {
        item.content = x.getElementText();
      } else if (ns.equals(DC_NS) && local.equals("creator")) {
        item.creator = x.getElementText().strip();
      } else if (ns.startsWith(WP_NS)) {
        switch (local) {
          case "post_id" -> item.postId = x.getElementText().strip();
          case "post_type" -> item.type = x.getElementText().strip();
          case "status" -> item.status = x.getElementText().strip();
          case "post_date_gmt" -> item.postDateGmt = x.getElementText().strip();
          case "post_date" -> item.postDate = x.getElementText().strip();
          case "post_modified_gmt" -> item.modifiedGmt = x.getElementText().strip();
          default -> skip(x);
        }
      } else {
        skip(x);
      }
    }
    return item;
  }

  /** Skips the element just started, with everything in it. */
  private static void skip(XMLStreamReader x) throws XMLStreamException {
    int depth = 1;
    while (depth > 0 && x.hasNext()) {
      int ev = x.next();
      if (ev == XMLStreamConstants.START_ELEMENT) {
        depth++;
      } else if (ev == XMLStreamConstants.END_ELEMENT) {
        depth--;
      }
    }
  }

  private static void emit(
      Item item,
      String name,
      String site,
      Map<String, String> authors,
      int maxPageBytes,
      Counts counts,
      Consumer<ArchiveInputs.Item> out) {
    boolean page = item.type.equals("post") || item.type.equals("page");
    if (!page || !item.status.equals("publish")) {
      String what =
          !page
              ? plural(item.type.replace('_', ' '))
              : item.status.equals("draft") || item.status.equals("auto-draft")
                  ? "drafts"
                  : item.status + " " + plural(item.type);
      counts.left.merge(what, 1, Integer::sum);
      return;
    }
    counts.pages++;
    String member =
        name
            + "!"
            + (item.link != null && !item.link.isEmpty()
                ? item.link
                : "post-" + (item.postId == null ? counts.pages : item.postId));
    byte[] html = html(item, site, authors).getBytes(StandardCharsets.UTF_8);
    if (html.length > maxPageBytes) {
      out.accept(
          new ArchiveInputs.Failure(
              member, "larger than " + maxPageBytes / (1024 * 1024) + " MB, skipped"));
      return;
    }
    out.accept(new ArchiveInputs.Page(member, html, modified(item), item.link));
  }

  private static String plural(String s) {
    return s.endsWith("s") ? s : s + "s";
  }

  private static String summary(Counts c) {
    StringBuilder b = new StringBuilder("WordPress export: ");
    b.append(c.pages).append(c.pages == 1 ? " post or page read" : " posts and pages read");
    if (c.comments > 0) {
      b.append("; ")
          .append(c.comments)
          .append(c.comments == 1 ? " comment" : " comments")
          .append(" left out (comments are not answers)");
    }
    c.left.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> b.append("; ").append(e.getValue()).append(' ').append(e.getKey()));
    if (!c.left.isEmpty()) {
      b.append(" left out");
    }
    return b.toString();
  }

  /** When the post last changed, so that the newest copy of a post wins, or null. */
  private static Instant modified(Item item) {
    for (String s : new String[] {item.modifiedGmt, item.postDateGmt}) {
      Instant t = gmt(s);
      if (t != null) {
        return t;
      }
    }
    return published(item);
  }

  private static Instant published(Item item) {
    Instant t = gmt(item.postDateGmt);
    if (t != null) {
      return t;
    }
    if (item.postDate != null) {
      try {
        return LocalDateTime.parse(item.postDate, WP_DATE).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e) {
        // fall through to the RSS date
      }
    }
    if (item.pubDate != null) {
      try {
        return ZonedDateTime.parse(item.pubDate, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      } catch (DateTimeParseException e) {
        return null;
      }
    }
    return null;
  }

  private static Instant gmt(String s) {
    if (s == null || s.isEmpty() || s.startsWith("0000")) {
      return null; // WordPress writes zeros for a date never set
    }
    try {
      return LocalDateTime.parse(s, WP_DATE).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /**
   * The post as a standard WordPress theme shows it: body class "single", canonical link, published
   * time, author, title, content, and category and tag links.
   */
  static String html(Item item, String site, Map<String, String> authors) {
    String base = site == null ? "" : site.replaceAll("/+$", "");
    Instant published = published(item);
    String date =
        published == null ? null : published.atOffset(ZoneOffset.UTC).toLocalDate().toString();
    String author = item.creator == null ? null : authors.getOrDefault(item.creator, item.creator);
    StringBuilder b = new StringBuilder(item.content.length() + 2048);
    b.append("<!doctype html><html><head><meta charset=\"utf-8\"><title>")
        .append(escape(item.title))
        .append("</title>");
    if (item.link != null && !item.link.isEmpty()) {
      b.append("<link rel=\"canonical\" href=\"").append(escape(item.link)).append("\">");
    }
    if (date != null) {
      b.append("<meta property=\"article:published_time\" content=\"")
          .append(published)
          .append("\">");
    }
    if (author != null) {
      b.append("<meta name=\"author\" content=\"").append(escape(author)).append("\">");
    }
    b.append("</head><body class=\"single single-post\"><div id=\"content\">")
        .append("<article class=\"post hentry\"><header class=\"entry-header\">")
        .append("<h1 class=\"entry-title\">")
        .append(escape(item.title))
        .append("</h1>");
    if (date != null) {
      b.append("<time class=\"entry-date published\" datetime=\"")
          .append(date)
          .append("\">")
          .append(date)
          .append("</time>");
    }
    if (author != null) {
      b.append(" <span class=\"byline\">by <span class=\"author vcard\">")
          .append(escape(author))
          .append("</span></span>");
    }
    b.append("</header><div class=\"entry-content\">")
        .append(autop(item.content))
        .append("</div><footer class=\"entry-footer\">");
    for (String[] c : item.categories) {
      boolean category = "category".equals(c[0]);
      if (!category && !"post_tag".equals(c[0])) {
        continue;
      }
      String slug = c[1] == null || c[1].isEmpty() ? c[2] : c[1];
      b.append("<a href=\"")
          .append(escape(base + (category ? "/category/" : "/tag/") + slug + "/"))
          .append("\" rel=\"")
          .append(category ? "category tag" : "tag")
          .append("\">")
          .append(escape(c[2]))
          .append("</a> ");
    }
    b.append("</footer></article></div></body></html>");
    return b.toString();
  }

  /**
   * The body as WordPress shows it: the export holds the text as written in the classic editor,
   * paragraphs separated by blank lines, which WordPress turns into paragraphs only when it shows
   * the post ({@code wpautop}). Bodies that already have block markup (the block editor's) are left
   * as they are.
   */
  static String autop(String content) {
    String text = content.replace("\r\n", "\n").replace('\r', '\n').strip();
    if (BLOCK_TAG.matcher(text).find()) {
      return text;
    }
    StringBuilder b = new StringBuilder(text.length() + 64);
    for (String p : BLANK_LINES.split(text)) {
      if (!p.isBlank()) {
        b.append("<p>").append(p.strip().replace("\n", "<br>\n")).append("</p>\n");
      }
    }
    return b.toString();
  }

  private static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "unreadable";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
