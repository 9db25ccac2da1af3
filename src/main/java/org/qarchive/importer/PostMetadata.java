package org.qarchive.importer;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.QueryParser;
import org.qarchive.archive.PostDate;
import org.qarchive.importer.fast.PageScan;

/**
 * What a post page says about its post besides the Q&As: title, publication date, categories, tags,
 * and the doctor its byline names.
 *
 * @param date the post's date, or null when the page does not tell
 * @param byline the doctor the post's byline names ("Dr. Helen Ashford"), or null
 */
record PostMetadata(
    String title, PostDate date, List<String> categories, List<String> tags, String byline) {

  private static final List<Evaluator> DATE_METAS =
      cssList(
          "meta[property=article:published_time]",
          "meta[itemprop=datePublished]",
          "meta[name=date]",
          "meta[name=DC.date.issued]",
          "meta[name=publish-date]");
  private static final Evaluator DATES =
      css(
          "[itemprop=datePublished], time.published, time.entry-date, abbr.published, time[datetime]");
  private static final Evaluator COMMENTS_OR_UPDATED =
      css(".comment, #comments, .comments-area, .updated:not(.published)");
  private static final Evaluator NOT_BYLINE =
      css(
          "#comments, .comments-area, .comment-list, .comment, #respond, aside, .widget, script, style");
  private static final Evaluator BODY_TEXT =
      css("[itemprop=articleBody], .entry-content, .post-content, .post-body");

  /** A post's headings and what starts its text: a paragraph or the body's markup. */
  private static final Evaluator HEADINGS_OR_TEXT =
      css(
          "h1, h2, h3, p, [itemprop=articleBody], [property~=(?i)(^|\\s)(schema:)?(articleBody|text)(\\s|$)],"
              + " .e-content, .entry-content, .post-content, .post-body, .entry-body");

  private static final Evaluator COMMENT_SHORT = css(".comment, #comments");
  private static final Evaluator LINKS = css("a[href]");

  /** Where links to categories and tags sit on most platforms: the addresses of their pages. */
  private static final Pattern CATEGORY_HREF =
      Pattern.compile("(?i)/categor(?:y|ies)/|[?&]category=");

  private static final Pattern TAG_HREF =
      Pattern.compile(
          "(?i)/tags?/|/tagged/|[?&]tags?=|/search/label/|/labels?/|/taxonomy/term/|/hashtags?/");

  private static final Pattern CATEGORY_CLASS = Pattern.compile("(?i)categor");
  private static final Pattern TAG_CLASS =
      Pattern.compile("(?i)(^|[\\s_-])(?:hash)?tags?($|[\\s_-])");

  /**
   * Around links that are not a post's terms: menus, breadcrumbs, sidebars, widgets, related posts,
   * comments and tag clouds.
   */
  private static final Pattern NOT_TERMS =
      Pattern.compile(
          "(?i)(^|[\\s_-])(?:nav|navigation|navbar|menu|breadcrumbs?|sidebar|widgets?|related|recommend\\w*"
              + "|comments?|tagcloud|cloud)($|[\\s_-])");

  private static final Evaluator TEXT_BYLINES = css("font, span, p, div.meta, .postmeta");
  private static final Evaluator INSIDE_CHROME =
      css("aside, nav, .widget, .widget-area, .sidebar, #sidebar, #secondary, footer.site-footer");

  /** Whether the element is in page chrome, other than chrome that holds the post (Blogger's). */
  private static boolean inChrome(Element e, Element post) {
    Element chrome = e.closest(INSIDE_CHROME);
    return chrome != null && (post == null || !PageScan.within(post, chrome));
  }

  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Pattern MONTH_DATE =
      Pattern.compile(
          // the lookahead rejects most positions with one test instead of trying twelve month names
          // there
          "(?i)\\b(?=[adfjmnos])(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|"
              + "oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+((?:19|20)\\d{2})\\b");
  private static final Pattern DAY_MONTH_DATE =
      Pattern.compile(
          "(?i)\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|"
              + "aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?,?\\s+((?:19|20)\\d{2})\\b");
  private static final Pattern ISO_DATE = Pattern.compile("((?:19|20)\\d{2})-(\\d{2})-(\\d{2})");
  private static final Pattern URL_DATE =
      Pattern.compile("/((?:19|20)\\d{2})/(\\d{2})/(?:(\\d{2})/)?[^/]+");
  private static final Pattern JSONLD_DATE =
      Pattern.compile("\"datePublished\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern JSONLD_AUTHOR =
      Pattern.compile("\"author\"\\s*:\\s*\\[?\\s*\\{[^}]*?\"name\"\\s*:\\s*\"(Dr\\.?\\s[^\"]+)\"");
  private static final List<String> MONTHS =
      List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");

  /** How much of a post's text outside its body is searched for a byline date, in characters. */
  private static final int BYLINE_REACH = 400;

  PostMetadata {
    categories = List.copyOf(categories);
    tags = List.copyOf(tags);
  }

  /**
   * Reads the metadata of the post in {@code post} (or of the page, without a post container); a
   * theme's selectors come first.
   */
  static PostMetadata read(
      Document doc, PageScan scan, Element post, String canonical, Theme theme) {
    StringBuilder jsonLdText = new StringBuilder();
    for (Element e : scan.jsonLd()) {
      jsonLdText.append(e.data()).append('\n');
    }
    String jsonLd = jsonLdText.toString();
    String title = title(doc, scan, post, theme, canonical);
    PostDate date = date(doc, scan, post, jsonLd, canonical, theme);
    List<String> categories = new ArrayList<>();
    List<String> tags = new ArrayList<>();
    terms(doc, scan, post, categories, tags, theme);
    String byline = byline(doc, scan, post, jsonLd);
    return new PostMetadata(title, date, categories, tags, byline);
  }

  private static String title(
      Document doc, PageScan scan, Element post, Theme theme, String canonical) {
    if (theme.title != null) {
      Element e = doc.selectFirst(theme.title);
      if (e != null && !e.text().isBlank()) {
        return e.text().strip();
      }
    }
    Element scope = post != null ? post : doc;
    for (List<Element> candidates : scan.titles()) { // in the order of the title selectors
      Element e = PageScan.firstWithin(candidates, scope);
      if (e != null && !e.text().isBlank() && !inChrome(e, post)) {
        return TextBlocks.collapse(e.text());
      }
    }
    if (post != null) {
      // a post container's own heading before its text is its title (Typepad's h3.entry-header)
      for (Element h : post.select(HEADINGS_OR_TEXT)) { // in page order
        if (!h.nameIs("h1") && !h.nameIs("h2") && !h.nameIs("h3")) {
          break;
        }
        if (!h.text().isBlank() && h.closest(NOT_BYLINE) == null) {
          return TextBlocks.collapse(h.text());
        }
      }
    }
    Element og = scan.ogTitle();
    if (og != null && !og.attr("content").isBlank()) {
      return TextBlocks.collapse(og.attr("content"));
    }
    String t = TextBlocks.collapse(doc.title());
    if (t.contains(" » ")) {
      return t.substring(t.lastIndexOf(" » ") + 3).strip();
    }
    for (String sep : List.of(" | ", " - ", " – ", " — ", " :: ")) {
      int i = t.lastIndexOf(sep);
      if (i > 0) {
        return t.substring(0, i).strip();
      }
    }
    return withoutSiteName(t, canonical);
  }

  /**
   * The title without the site's own name before a colon ("drbrandt: Can botox move?" on
   * drbrandt.livejournal.com, "drbrandt.example: ..."): only that name, the host's first label, so
   * a title such as "Botox: how long does it last?" keeps its first word.
   */
  static String withoutSiteName(String title, String canonical) {
    int colon = title.indexOf(": ");
    if (colon <= 0 || canonical == null) {
      return title;
    }
    String host;
    try {
      host = java.net.URI.create(canonical).getHost();
    } catch (IllegalArgumentException e) {
      return title;
    }
    if (host == null) {
      return title;
    }
    String first = host.toLowerCase(Locale.ROOT).replaceFirst("^www\\.", "");
    first = first.contains(".") ? first.substring(0, first.indexOf('.')) : first;
    String prefix = title.substring(0, colon).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    String site = first.replaceAll("[^a-z0-9]", "");
    return !site.isEmpty() && prefix.equals(site) ? title.substring(colon + 2).strip() : title;
  }

  private static PostDate date(
      Document doc, PageScan scan, Element post, String jsonLd, String canonical, Theme theme) {
    LocalDate day = day(doc, scan, post, jsonLd, theme);
    if (day != null) {
      return PostDate.of(day);
    }
    Matcher u = URL_DATE.matcher(canonical);
    if (u.find()) {
      int y = Integer.parseInt(u.group(1));
      int mo = Integer.parseInt(u.group(2));
      if (mo >= 1 && mo <= 12) {
        if (u.group(3) == null) {
          return PostDate.month(y, mo); // the address tells the month only: it stays a month
        }
        int d = Integer.parseInt(u.group(3));
        if (d >= 1 && d <= LocalDate.of(y, mo, 1).lengthOfMonth()) {
          return PostDate.of(LocalDate.of(y, mo, d));
        }
      }
    }
    return null;
  }

  /**
   * The day the page states the post was published, or null: the theme's own date, else the head's
   * (meta tags, then JSON-LD), else the one the post shows. A head timestamp in UTC ({@code
   * 2014-03-15T00:30:00+00:00}, as Yoast and others write it) names an instant, not the blog's
   * calendar day: where the post shows a day next to it (a post of 7:30 pm in New York is the next
   * day in UTC), the shown day is the one its readers saw.
   */
  private static LocalDate day(
      Document doc, PageScan scan, Element post, String jsonLd, Theme theme) {
    if (theme.date != null) {
      Element e = doc.selectFirst(theme.date);
      if (e != null) {
        LocalDate d =
            parseDate(
                e.hasAttr("datetime")
                    ? e.attr("datetime")
                    : e.hasAttr("content") ? e.attr("content") : e.text());
        if (d != null) {
          return d;
        }
      }
    }
    String stamp = headDate(doc, scan, jsonLd);
    LocalDate head = parseDate(stamp);
    if (head != null && !UTC_TIME.matcher(stamp).find()) {
      return head;
    }
    if (head == null) {
      return shownDay(doc, post, false);
    }
    // against a UTC timestamp, only a date the post marks as one (not a byline's words): cheap
    // enough for every page of a theme that writes its head in UTC
    LocalDate shown = shownDay(doc, post, true);
    return shown != null && Math.abs(shown.toEpochDay() - head.toEpochDay()) == 1 ? shown : head;
  }

  /**
   * A timestamp with a time of day in UTC or in no stated zone: {@code 2014-03-15T00:30:00Z},
   * {@code T00:30+00:00}, {@code 2014-03-15 00:30:00} (as HubSpot writes it).
   */
  private static final Pattern UTC_TIME =
      Pattern.compile(
          "\\d[T ]\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:\\s?(?:Z|[+-]00:?00|UTC|GMT))?\\s*$");

  /** The first date the page's head states (meta tags, then JSON-LD), as written, or null. */
  private static String headDate(Document doc, PageScan scan, String jsonLd) {
    List<Element> metas = scan.metas();
    for (Evaluator sel : DATE_METAS) {
      Element e = firstMatch(metas, sel, doc);
      if (e != null && parseDate(e.attr("content")) != null) {
        return e.attr("content").strip();
      }
    }
    Matcher m = JSONLD_DATE.matcher(jsonLd);
    if (m.find() && parseDate(m.group(1)) != null) {
      return m.group(1).strip();
    }
    return null;
  }

  /**
   * The day the post shows: a date element, a date in digits, then (unless {@code marked}) a byline
   * date or a date header.
   */
  private static LocalDate shownDay(Document doc, Element post, boolean marked) {
    Element scope = post != null ? post : doc.body();
    if (scope != null) {
      for (Element e : scope.select(DATES)) {
        if (e.closest(COMMENTS_OR_UPDATED) != null
            || e.hasClass("updated") && !e.hasClass("published") && !e.hasClass("entry-date")) {
          continue;
        }
        String v =
            e.hasAttr("datetime")
                ? e.attr("datetime")
                : e.hasAttr("content")
                    ? e.attr("content")
                    : e.hasAttr("title") ? e.attr("title") : e.text();
        LocalDate d = parseDate(v);
        LocalDate written = parseDate(e.text());
        if (d == null
            || written != null
                && UTC_TIME.matcher(v).find()
                && Math.abs(written.toEpochDay() - d.toEpochDay()) == 1) {
          // a timestamp in UTC (or with no zone) behind the day the reader is shown: the shown day
          d = written;
        }
        if (d != null) {
          return d;
        }
      }
      LocalDate numeric = numericDate(scope, doc);
      if (numeric != null || marked) {
        return numeric;
      }
      String text = copyWithout(scope, NOT_BYLINE, BODY_TEXT, BYLINE_REACH).text();
      // a byline date sits near the top; dates further down are usually inside the question or
      // answer
      LocalDate d = parseDate(text.substring(0, Math.min(text.length(), BYLINE_REACH)));
      if (d != null) {
        return d;
      }
    }
    return post == null || marked ? null : dateHeader(post);
  }

  /** Elements whose class says they hold a date ({@code p.blog-date}, {@code span.post-date}). */
  private static final Evaluator DATE_CLASSES = css("[class*=date], [class*=Date]");

  /** A date in digits: 9/26/2009, 26.09.2009, 2009/09/26. */
  private static final Pattern NUMERIC_DATE =
      Pattern.compile(
          "^(\\d{1,2})([/.-])(\\d{1,2})\\2((?:19|20)\\d{2})$|^((?:19|20)\\d{2})/(\\d{1,2})/(\\d{1,2})$");

  /** Most characters of an element that holds only a date, perhaps with a word or two. */
  private static final int NUMERIC_DATE_LENGTH = 40;

  /**
   * A date written in digits in an element whose class names a date, outside comments: only there,
   * since digits and slashes elsewhere are as often a dose or a fraction. Day and month are told
   * apart by a number over 12, else by convention: dots put the day first, and slashes do for any
   * page language but American English (a page without a language is read as American, as the
   * hosted builders that write such dates default to).
   */
  private static LocalDate numericDate(Element scope, Document doc) {
    for (Element e : scope.select(DATE_CLASSES)) {
      String t = e.text().strip();
      if (t.isEmpty()
          || t.length() > NUMERIC_DATE_LENGTH
          || e.closest(COMMENTS_OR_UPDATED) != null) {
        continue;
      }
      for (String word : SPACES.split(t)) {
        Matcher m = NUMERIC_DATE.matcher(word.replaceAll("[,;]$", ""));
        if (!m.matches()) {
          continue;
        }
        if (m.group(5) != null) {
          LocalDate d = date(m.group(5), m.group(6), m.group(7));
          if (d != null) {
            return d;
          }
          continue;
        }
        int a = Integer.parseInt(m.group(1));
        int b = Integer.parseInt(m.group(3));
        boolean dayFirst;
        if (a > 12) {
          dayFirst = true;
        } else if (b > 12) {
          dayFirst = false;
        } else {
          String lang = doc.selectFirst("html") == null ? "" : doc.selectFirst("html").attr("lang");
          lang = lang.toLowerCase(Locale.ROOT);
          dayFirst =
              m.group(2).equals(".")
                  || !(lang.isEmpty() || lang.equals("en") || lang.equals("en-us"));
        }
        LocalDate d =
            dayFirst
                ? date(m.group(4), m.group(3), m.group(1))
                : date(m.group(4), m.group(1), m.group(3));
        if (d != null) {
          return d;
        }
      }
    }
    return null;
  }

  /** How long a date header's text may be, in characters. */
  private static final int DATE_HEADER_LENGTH = 80;

  /**
   * A date shown as a header just before the post's container (Typepad's and Blogger's {@code
   * h2.date-header}): the element before it, or before its parent, when that is short and a date.
   */
  private static LocalDate dateHeader(Element post) {
    Element up = post;
    for (int level = 0; level < 2 && up != null; level++) {
      Element before = up.previousElementSibling();
      if (before != null) {
        String t = before.text();
        if (!t.isBlank()) {
          return t.length() <= DATE_HEADER_LENGTH ? parseDate(t) : null;
        }
      }
      up = up.parent();
    }
    return null;
  }

  /**
   * A copy of the element without the descendants that match either selector (and theirs): what
   * cloning it and removing those would leave, without copying the post's body only to throw it
   * away. The copy stops after {@code enough} characters other than white space: its text then
   * begins as the whole copy's would, which is all the caller reads.
   */
  private static Element copyWithout(Element root, Evaluator skip, Evaluator skipToo, int enough) {
    Element copy = root.shallowClone();
    ArrayDeque<Element> parents = new ArrayDeque<>();
    parents.push(copy);
    int[] visible = {0};
    // in page order, without recursion (pages nest deeply)
    NodeTraversor.filter(
        new NodeFilter() {
          @Override
          public FilterResult head(Node node, int depth) {
            if (node == root) {
              return FilterResult.CONTINUE;
            }
            if (node instanceof Element e) {
              if (skip.matches(root, e) || skipToo.matches(root, e)) {
                return FilterResult.SKIP_ENTIRELY;
              }
              Element c = e.shallowClone();
              parents.peek().appendChild(c);
              parents.push(c);
              return FilterResult.CONTINUE;
            }
            parents.peek().appendChild(node.clone());
            if (node instanceof TextNode t) {
              visible[0] += nonBlank(t.getWholeText());
            }
            return visible[0] >= enough ? FilterResult.STOP : FilterResult.CONTINUE;
          }

          @Override
          public FilterResult tail(Node node, int depth) {
            if (node instanceof Element && node != root) {
              parents.pop();
            }
            return FilterResult.CONTINUE;
          }
        },
        root);
    return copy;
  }

  /**
   * Characters that jsoup's text() keeps for sure: not white space, no-break space, zero-width
   * space or soft hyphen.
   */
  private static int nonBlank(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!Character.isWhitespace(c) && c != '\u00a0' && c != '\u200b' && c != '\u00ad') {
        n++;
      }
    }
    return n;
  }

  private static Element firstMatch(List<Element> candidates, Evaluator sel, Element root) {
    for (Element e : candidates) {
      if (sel.matches(root, e)) {
        return e;
      }
    }
    return null;
  }

  /** The first date written in the text, as ISO, "May 22nd, 2012" or "22 May 2012". */
  static LocalDate parseDate(String s) {
    if (s == null || s.isBlank()) {
      return null;
    }
    Matcher m = ISO_DATE.matcher(s);
    int best = Integer.MAX_VALUE;
    LocalDate found = null;
    if (m.find()) {
      found = date(m.group(1), m.group(2), m.group(3));
      best = found == null ? best : m.start();
    }
    m = MONTH_DATE.matcher(s);
    if (m.find() && m.start() < best) {
      LocalDate d = date(m.group(3), month(m.group(1)), m.group(2));
      if (d != null) {
        found = d;
        best = m.start();
      }
    }
    m = DAY_MONTH_DATE.matcher(s);
    if (m.find() && m.start() < best) {
      LocalDate d = date(m.group(3), month(m.group(2)), m.group(1));
      if (d != null) {
        found = d;
      }
    }
    return found;
  }

  private static String month(String name) {
    return String.valueOf(MONTHS.indexOf(name.substring(0, 3).toLowerCase(Locale.ROOT)) + 1);
  }

  private static LocalDate date(String y, String m, String d) {
    try {
      return LocalDate.of(Integer.parseInt(y), Integer.parseInt(m), Integer.parseInt(d));
    } catch (RuntimeException e) {
      return null; // not a calendar date: "2013-02-30" is text, not a date
    }
  }

  private static void terms(
      Document doc,
      PageScan scan,
      Element post,
      List<String> categories,
      List<String> tags,
      Theme theme) {
    if (theme.categories != null || theme.tags != null) {
      addTexts(
          theme.categories == null ? new Elements() : doc.select(theme.categories), categories);
      addTexts(theme.tags == null ? new Elements() : doc.select(theme.tags), tags);
      return;
    }
    Set<String> cats = new LinkedHashSet<>();
    Set<String> tgs = new LinkedHashSet<>();
    Map<Element, Boolean> labelled = new IdentityHashMap<>();
    for (Element a : scan.tagLinks()) { // not inside chrome, comments or a tag cloud
      String text = termText(a);
      if (text.isEmpty()) {
        continue;
      }
      Set<String> rel = Set.of(SPACES.split(a.attr("rel").toLowerCase(Locale.ROOT)));
      // rel=tag marks categories too on some platforms (Movable Type): the link's address, class,
      // list or label tells which
      if (rel.contains("category")
          || a.attr("href").contains("/category/")
          || isCategory(a, labelled)) {
        cats.add(text);
      } else {
        tgs.add(text);
      }
    }
    if (cats.isEmpty() && tgs.isEmpty() && post != null) {
      // links to category and tag pages shown with the post, by their addresses
      taxonomyLinks(post, post, cats, tgs, labelled);
      // some platforms show them right after the post's container (Medium): the few elements
      // after it and after its ancestors, a few levels up
      Element up = post;
      for (int level = 0; level < 3 && up != null && cats.isEmpty() && tgs.isEmpty(); level++) {
        Element e = up.nextElementSibling();
        for (int n = 0; n < 4 && e != null && cats.isEmpty() && tgs.isEmpty(); n++) {
          taxonomyLinks(e, post, cats, tgs, labelled);
          e = e.nextElementSibling();
        }
        up = up.parent();
      }
    }
    categories.addAll(cats);
    tags.addAll(tgs);
  }

  /**
   * Adds the links under {@code scope} to category and tag pages, outside other posts' containers
   * and outside menus, breadcrumbs, sidebars, related posts, comments and tag clouds.
   */
  private static void taxonomyLinks(
      Element scope,
      Element post,
      Set<String> cats,
      Set<String> tgs,
      Map<Element, Boolean> labelled) {
    for (Element a : scope.select(LINKS)) {
      boolean category = isCategory(a, labelled);
      if (!category && !isTag(a) || PageScan.isCloudLink(a.className()) || notTerm(a, post)) {
        continue;
      }
      String text = termText(a);
      if (!text.isEmpty() && text.length() <= 60) {
        (category ? cats : tgs).add(text);
      }
    }
  }

  /** {@code labelled}: what {@link #labelledCategory} found for the page's links so far. */
  private static boolean isCategory(Element a, Map<Element, Boolean> labelled) {
    return CATEGORY_HREF.matcher(a.attr("href")).find()
        || CATEGORY_CLASS.matcher(a.className()).find()
        || a.attr("rel").toLowerCase(Locale.ROOT).contains("category")
        || labelledCategory(a, labelled);
  }

  /**
   * What a line of a post's metadata says before a link to a category page whose address does not
   * say so: "Category:", "Categories:", "Filed under", "Posted in", "Posted by X at 9:45 AM in".
   */
  private static final Pattern CATEGORY_LABEL =
      Pattern.compile(
          "(?i)(?:\\bcategor(?:y|ies)|\\bfiled\\s+under|\\bposted\\b.{0,80}?\\sin)\\s*:?\\s*$");

  /** How much of the text before a link its label is looked for in, in characters. */
  private static final int LABEL_REACH = 120;

  /**
   * Whether a link is labelled as a category: by its parent's class ({@code dd.category-name}) or
   * by the text just before it in its parent ({@link #CATEGORY_LABEL}), the first link of such a
   * list or one after a comma.
   */
  private static boolean labelledCategory(Element a, Map<Element, Boolean> labelled) {
    Boolean known = labelled.get(a);
    if (known == null) {
      // the links of a list are met in page order: each asks about the one before it once
      known = labelledCategoryOnce(a, labelled);
      labelled.put(a, known);
    }
    return known;
  }

  private static boolean labelledCategoryOnce(Element a, Map<Element, Boolean> labelled) {
    Element parent = a.parent();
    if (parent == null) {
      return false;
    }
    if (CATEGORY_CLASS.matcher(parent.className()).find()) {
      return true;
    }
    StringBuilder before = new StringBuilder();
    for (Node n = a.previousSibling();
        n != null && before.length() < LABEL_REACH;
        n = n.previousSibling()) {
      String t = n instanceof TextNode tn ? tn.text() : n instanceof Element e ? e.text() : "";
      before.insert(0, t);
    }
    String text = before.toString().strip();
    // a list of them: "Posted in <a>Botox</a>, <a>Fillers</a>"
    if (text.endsWith(",")) {
      Element previous = a.previousElementSibling();
      return previous != null
          && previous.normalName().equals("a")
          && labelledCategory(previous, labelled);
    }
    return CATEGORY_LABEL.matcher(text).find();
  }

  private static boolean isTag(Element a) {
    return TAG_HREF.matcher(a.attr("href")).find()
        || TAG_CLASS.matcher(a.className()).find()
        || Set.of(SPACES.split(a.attr("rel").toLowerCase(Locale.ROOT))).contains("tag");
  }

  /**
   * Whether a link sits where a post's terms are not (see {@link #NOT_TERMS}), or in another post.
   */
  private static boolean notTerm(Element a, Element post) {
    for (Element e = a.parent(); e != null && e != post; e = e.parent()) {
      String tag = e.normalName();
      if ((tag.equals("nav") || tag.equals("aside")) && !namesTerms(e)
          || tag.equals("header") && !PageScan.within(e, post)
          || tag.equals("article") && !PageScan.within(post, e)
          || NOT_TERMS.matcher(e.className()).find()
          || NOT_TERMS.matcher(e.id()).find()) {
        return true;
      }
    }
    return false;
  }

  /** Whether a navigation element is the post's list of tags or categories, by its label. */
  private static boolean namesTerms(Element nav) {
    String label = nav.attr("aria-label") + " " + nav.className() + " " + nav.id();
    return TAG_CLASS.matcher(label).find() || CATEGORY_CLASS.matcher(label).find();
  }

  /** A term link's text, without the "#" of a hashtag. */
  private static String termText(Element a) {
    String t = TextBlocks.collapse(a.text());
    return t.startsWith("#") ? t.substring(1).strip() : t;
  }

  private static void addTexts(Elements es, List<String> out) {
    for (Element e : es) {
      String t = TextBlocks.collapse(e.text());
      if (!t.isEmpty() && !out.contains(t)) {
        out.add(t);
      }
    }
  }

  private static String byline(Document doc, PageScan scan, Element post, String jsonLd) {
    Element scope = post != null ? post : doc;
    for (PageScan.Author a : scan.authors()) { // not inside comments or chrome
      if (!a.in(scope)) {
        continue;
      }
      Optional<String> dr =
          DoctorNames.leading(DoctorNames.withoutBy(TextBlocks.collapse(a.element().text())));
      if (dr.isPresent()) {
        return dr.get();
      }
    }
    Element meta = scan.metaAuthor();
    if (meta != null) {
      Optional<String> dr = DoctorNames.leading(meta.attr("content").strip());
      if (dr.isPresent()) {
        return dr.get();
      }
    }
    Matcher m = JSONLD_AUTHOR.matcher(jsonLd);
    if (m.find()) {
      return DoctorNames.leading(m.group(1)).orElse(null);
    }
    // bylines written as text: "Tuesday, May 22nd, 2012 by Dr. Helen Ashford"
    if (post != null) {
      // only an element with a "Dr" text of its own can hold such a byline: the others' own text is
      // not built
      Set<Node> drParents = Collections.newSetFromMap(new IdentityHashMap<>());
      for (TextNode t : scan.doctorTexts()) {
        drParents.add(t.parentNode());
      }
      for (Element e : post.select(TEXT_BYLINES)) {
        if (!drParents.contains(e)) {
          continue;
        }
        String t = e.ownText();
        if (t.length() < 200) {
          Optional<String> dr = DoctorNames.afterBy(t);
          if (dr.isPresent()) {
            return dr.get();
          }
        }
      }
    }
    return null;
  }

  private static Evaluator css(String query) {
    return QueryParser.parse(query);
  }

  private static List<Evaluator> cssList(String... queries) {
    return java.util.Arrays.stream(queries).map(QueryParser::parse).toList();
  }
}
