package org.qarchive.importer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.Elements;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.QueryParser;
import org.qarchive.archive.QaEntry;
import org.qarchive.importer.QaSegmenter.RawQa;

/**
 * Reads one archived page (a post, listing, feed, search or other page) and extracts its Q&As with
 * their metadata, working from general WordPress and blog conventions so that unseen themes work
 * without configuration.
 */
public final class PageExtractor {

  /** Pages larger than this are skipped with a reason. */
  public static final int MAX_PAGE_BYTES = 20 * 1024 * 1024;

  private static final Pattern LISTING_PATH =
      Pattern.compile(
          "^/(?:|page/\\d+/|(?:category|tag|author|topics?)/.*|\\d{4}/(?:\\d{2}/(?:\\d{2}/)?)?(?:page/\\d+/)?)$");
  private static final Set<String> LISTING_BODY =
      Set.of("home", "blog", "archive", "category", "tag", "date", "paged", "author");

  /** Body classes of a single post's page, and of search results. */
  private static final Set<String> SINGULAR_BODY = Set.of("single", "single-post");

  private static final Set<String> SEARCH_BODY = Set.of("search", "search-results");
  // Selectors are parsed once here: parsing them on every page cost more than a fifth of the
  // extraction time.
  private static final Evaluator LINKS = css("a[href], link[href]");
  private static final Evaluator COMMENT_LINKS = css("a[href*=#comments], a[href*=#respond]");
  private static final Evaluator COMMENTS_OR_WIDGET =
      css(".comment, .comments-area, #comments, .comment-list, .widget, aside");
  private static final Evaluator INSIDE_CHROME =
      css("aside, nav, .widget, .widget-area, .sidebar, #sidebar, #secondary, footer.site-footer");
  private static final List<Evaluator> CONTENT_ROOTS =
      cssList(
          "[itemprop=articleBody]",
          ".entry-content",
          ".post-content",
          ".post-body",
          ".article-content",
          ".entry-body",
          ".entrytext",
          ".storycontent",
          ".entry");
  private static final Evaluator MAIN = css("#content, main, [role=main], .content");
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
  private static final Evaluator TERM_HREFS = css("a[href*=/category/], a[href*=/tag/]");
  private static final Evaluator COMMENT_SHORT = css(".comment, #comments");
  private static final Evaluator TEXT_BYLINES = css("font, span, p, div.meta, .postmeta");
  private static final Pattern TEXT_BY =
      Pattern.compile("\\bby\\s+(Dr\\.?\\s+[A-Z][\\p{L}'’-]+(?:\\s+[A-Z][\\p{L}'’-]+){1,2})");
  private static final Pattern SEARCH_QUERY = Pattern.compile("(?i).*[?&]s=.*");
  private static final Pattern HTTP_URL = Pattern.compile("(?i)^https?://[^/]+.*");
  private static final Pattern HTTP_ANY = Pattern.compile("(?i)^https?://.*");
  private static final Pattern HTTP_PATH = Pattern.compile("(?i)^https?://[^/]+/.+");
  private static final Pattern SCHEME_HOST = Pattern.compile("^[a-zA-Z]+://[^/]*");
  private static final Pattern LEADING_BY = Pattern.compile("^(?i)by\\s+");
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Pattern DR_SPACE = Pattern.compile("^Dr\\s");
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
      Pattern.compile("\"author\"\\s*:\\s*\\{[^}]*?\"name\"\\s*:\\s*\"(Dr\\.?\\s[^\"]+)\"");
  private static final Pattern SHORTLINK = Pattern.compile("\\?(?:p|page_id)=\\d+$");
  private static final Pattern WAYBACK_HREF =
      Pattern.compile("^(?:https?://web\\.archive\\.org)?/web/(\\d{14})");
  private static final Pattern TITLE_DR =
      Pattern.compile(
          "^(Dr\\.?\\s+[A-Z][\\p{L}'’-]+(?:\\s+[A-Z][\\p{L}'’-]+){0,2})\\s+Q\\s*&\\s*A\\b");
  private static final Pattern TITLE_ASK =
      Pattern.compile(
          "^Ask\\s+(Dr\\.?\\s+[A-Z][\\p{L}'’-]+(?:\\s+[A-Z][\\p{L}'’-]+){0,2})\\s*[:–-]");
  private static final Pattern BYLINE_DR =
      Pattern.compile("^(Dr\\.?\\s+[A-Z][\\p{L}'’-]+(?:\\s+[A-Z][\\p{L}'’-]+){1,2})");
  private static final List<String> MONTHS =
      List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");

  private final boolean importArticles;
  private final ThemeSelectors selectors;

  /**
   * Whether every page is parsed whole: asked for, or a theme's selectors, which may point anywhere
   * in it.
   */
  private final boolean wholePage;

  private final Evaluator themeContent;
  private final Evaluator themeTitle;
  private final Evaluator themeDate;
  private final Evaluator themeCategories;
  private final Evaluator themeTags;
  private final Evaluator themeRemove;
  private final MainContentExtractor mainContent = new MainContentExtractor();

  /** An extractor with the general rules and no article import. */
  public PageExtractor() {
    this(false, ThemeSelectors.NONE);
  }

  /**
   * @param importArticles also import pages without a Q&A as article entries (answer only)
   * @param selectors optional CSS selectors for a known theme
   */
  public PageExtractor(boolean importArticles, ThemeSelectors selectors) {
    this(importArticles, selectors, false);
  }

  /**
   * @param wholePage parse every page whole, the comments, sidebar and footer after a post too
   *     ({@link PostRegion}): for comparing what leaving them out changes
   */
  PageExtractor(boolean importArticles, ThemeSelectors selectors, boolean wholePage) {
    this.importArticles = importArticles;
    this.selectors = Objects.requireNonNull(selectors, "selectors");
    this.wholePage = wholePage || !selectors.equals(ThemeSelectors.NONE);
    this.themeContent = cssOrNull(selectors.content());
    this.themeTitle = cssOrNull(selectors.title());
    this.themeDate = cssOrNull(selectors.date());
    this.themeCategories = cssOrNull(selectors.categories());
    this.themeTags = cssOrNull(selectors.tags());
    this.themeRemove = cssOrNull(selectors.remove());
  }

  /**
   * Extracts one page. Never throws for bad input: empty, binary, truncated or oversized pages come
   * back as {@link PageKind#BROKEN} with a reason.
   *
   * @param bytes the file's bytes as archived
   * @param sourceName the file path or archive member name, used for the URL when the page does not
   *     state one
   * @param urlHint the page's URL when known (WARC target URI), or null
   */
  public PageResult extract(byte[] bytes, String sourceName, String urlHint) {
    Objects.requireNonNull(bytes, "bytes");
    Objects.requireNonNull(sourceName, "sourceName");
    if (bytes.length == 0) {
      return PageResult.broken("empty file");
    }
    if (bytes.length > MAX_PAGE_BYTES) {
      return PageResult.broken("larger than " + MAX_PAGE_BYTES / (1024 * 1024) + " MB");
    }
    if ((bytes[0] & 0xff) == 0x1f && (bytes[1 % bytes.length] & 0xff) == 0x8b) {
      try {
        return extract(gunzip(bytes), sourceName, urlHint);
      } catch (EOFException e) {
        return PageResult.broken("truncated gzip data");
      } catch (IOException e) {
        return PageResult.broken("unreadable gzip data: " + e.getMessage());
      }
    }
    String binary = binaryKind(bytes);
    if (binary != null) {
      return PageResult.broken("binary content (" + binary + "), not a page");
    }
    String head =
        new String(bytes, 0, Math.min(bytes.length, 1024), StandardCharsets.ISO_8859_1).strip();
    String headLower = head.toLowerCase(Locale.ROOT);
    if ((headLower.startsWith("<?xml")
            || headLower.startsWith("<rss")
            || headLower.startsWith("<feed"))
        && (headLower.contains("<rss")
            || headLower.contains("<feed")
            || headLower.contains("<rdf:rdf"))) {
      return PageResult.of(PageKind.FEED, null, null, "RSS/Atom feed");
    }
    if (looksTruncated(bytes)) {
      return PageResult.broken("truncated page (no closing </body> or </html>)");
    }
    // the charset jsoup would detect, when the bytes tell it beyond doubt: jsoup would parse the
    // head twice
    String charset = PageCharset.sniff(bytes);
    PageResult listing = listingWithoutParsing(bytes, charset, sourceName, urlHint);
    if (listing != null) {
      return listing;
    }
    // the comments, sidebar and footer after the post are not parsed
    int end = wholePage ? bytes.length : PostRegion.end(bytes, sourceName, urlHint);
    return extract(parse(bytes, end, charset), sourceName, urlHint);
  }

  private static Document parse(byte[] bytes, int length, String charset) {
    try {
      return Jsoup.parse(
          new ByteArrayInputStream(bytes, 0, length), charset, "", Parser.htmlParser());
    } catch (IOException e) {
      throw new UncheckedIOException("reading from memory cannot fail", e);
    }
  }

  /**
   * A listing page told without parsing the page, from its body tag and its address: a listing
   * contributes nothing, and listings are a tenth of an archive's files, each costing a whole
   * parse. Null, leaving the page to the full rules below, unless one of two signs decides as those
   * rules would:
   *
   * <ul>
   *   <li>WordPress-like themes put "home", "archive", "category"... in the body's class of every
   *       listing. The tag is found in the bytes and its classes read by jsoup parsing the page up
   *       to the end of that tag, so they are exactly those the whole parse gives (later body tags
   *       only add attributes the first lacks).
   *   <li>A page without a canonical link or {@code og:url} anywhere takes its address from the
   *       file's path or the WARC record, and a path such as {@code /page/3/} or {@code /2015/03/}
   *       is a listing's, unless the body's only tag says the page is a single post.
   * </ul>
   *
   * <p>Never with a theme that removes elements, nor where a search query may be in the page's URL.
   */
  private PageResult listingWithoutParsing(
      byte[] bytes, String charset, String sourceName, String urlHint) {
    if (selectors.remove() != null) {
      return null;
    }
    int lt = indexOfBodyTag(bytes, 0);
    int gt = lt < 0 ? -1 : indexOf(bytes, (byte) '>', lt);
    if (gt < 0) {
      return null;
    }
    Set<String> words = tagWords(bytes, lt + 5, gt);
    if (!Collections.disjoint(words, SINGULAR_BODY)
        || mayHoldSearchQuery(sourceName)
        || urlHint != null && mayHoldSearchQuery(urlHint)) {
      return null;
    }
    if (!Collections.disjoint(words, LISTING_BODY)) {
      return mayHoldSearchQuery(bytes)
          ? null
          : listingByBodyClass(parse(bytes, gt + 1, charset).body());
    }
    if (!Collections.disjoint(words, SEARCH_BODY)) {
      return null;
    }
    String guessed = addressFromName(sourceName, urlHint);
    if (guessed == null
        || guessed.contains("?")
        || !LISTING_PATH.matcher(pathOf(guessed)).matches()) {
      return null;
    }
    // the path decides only if nothing in the page can name another address, and no later body tag
    // can add a class
    if (containsAscii(bytes, 0, bytes.length, "canonical")
        || containsAscii(bytes, 0, bytes.length, "og:url")
        || indexOfBodyTag(bytes, gt) >= 0) {
      return null;
    }
    return PageResult.of(
        PageKind.LISTING, null, null, "a listing page (address " + pathOf(guessed) + ")");
  }

  private static PageResult listingByBodyClass(Element body) {
    Set<String> classes = body == null ? Set.of() : body.classNames();
    if (!Collections.disjoint(classes, SINGULAR_BODY)
        || !Collections.disjoint(classes, SEARCH_BODY)) {
      return null;
    }
    for (String c : classes) {
      if (LISTING_BODY.contains(c)) {
        return PageResult.of(
            PageKind.LISTING, null, null, "a listing page (body class \"" + c + "\")");
      }
    }
    return null;
  }

  /**
   * Where a {@code <body} tag starts at or after {@code from}, in the page's first 256 KB, or -1.
   */
  private static int indexOfBodyTag(byte[] b, int from) {
    int n = Math.min(b.length, 256 * 1024) - 5;
    for (int i = from; i < n; i++) {
      byte after = b[i + 5];
      if (b[i] == '<'
          && PageCharset.startsWithAscii(b, i + 1, "body")
          && (after == ' '
              || after == '\t'
              || after == '\n'
              || after == '\r'
              || after == '\f'
              || after == '>'
              || after == '/')) {
        return i;
      }
    }
    return -1;
  }

  private static int indexOf(byte[] b, byte x, int from) {
    for (int i = from; i < b.length; i++) {
      if (b[i] == x) {
        return i;
      }
    }
    return -1;
  }

  /** The words of a tag's bytes, lower-cased: what its attributes could say, for cheap gates. */
  private static Set<String> tagWords(byte[] b, int from, int to) {
    Set<String> words = new HashSet<>();
    int i = from;
    while (i < to) {
      while (i < to && !isWordByte(b[i])) {
        i++;
      }
      int start = i;
      while (i < to && isWordByte(b[i])) {
        i++;
      }
      if (i > start) {
        words.add(
            new String(b, start, i - start, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT));
      }
    }
    return words;
  }

  private static boolean isWordByte(byte c) {
    return c >= 'a' && c <= 'z'
        || c >= 'A' && c <= 'Z'
        || c >= '0' && c <= '9'
        || c == '-'
        || c == '_';
  }

  /**
   * Whether the text holds {@code s=} after {@code ?}, {@code &} or their escapes: a search results
   * URL. A search box's URL template ({@code ?s={s}}, which SEO plugins put on home pages) is not
   * one.
   */
  private static boolean mayHoldSearchQuery(String s) {
    return mayHoldSearchQuery(s.getBytes(StandardCharsets.ISO_8859_1));
  }

  private static boolean mayHoldSearchQuery(byte[] b) {
    for (int i = 1; i + 1 < b.length; i++) {
      if ((b[i] | 32) != 's'
          || !(b[i + 1] == '='
              || b[i + 1] == '%'
                  && i + 3 < b.length
                  && b[i + 2] == '3'
                  && (b[i + 3] | 32) == 'd')) {
        continue;
      }
      int value = b[i + 1] == '=' ? i + 2 : i + 4;
      if (value < b.length
          && (b[value] == '{'
              || b[value] == '%'
                  && value + 2 < b.length
                  && b[value + 1] == '7'
                  && (b[value + 2] | 32) == 'b')) {
        continue;
      }
      byte p = b[i - 1];
      if (p == '?'
          || p == '&'
          || p == ';'
          || i >= 3
              && b[i - 3] == '%'
              && (b[i - 2] == '3' && (p | 32) == 'f' || b[i - 2] == '2' && p == '6')) {
        return true;
      }
    }
    return false;
  }

  private PageResult extract(Document doc, String sourceName, String urlHint) {
    // one walk finds what a dozen whole-document selections found before, one scan each
    PageScan scan = PageScan.of(doc);
    Instant capture = captureTime(doc, sourceName, urlHint, scan);
    for (Element e : scan.waybackChrome) {
      e.remove();
    }
    String canonical = canonicalUrl(doc, scan, sourceName, urlHint);
    String path = canonical == null ? "" : pathOf(canonical);
    String query =
        canonical != null && canonical.contains("?")
            ? canonical.substring(canonical.indexOf('?'))
            : "";
    Set<String> bodyClasses = doc.body() == null ? Set.of() : doc.body().classNames();
    if (selectors.remove() != null) {
      doc.select(themeRemove).remove();
      scan = PageScan.of(doc); // what the theme removes is not there for the rules below
    }

    if (SEARCH_QUERY.matcher(query).matches() || !Collections.disjoint(bodyClasses, SEARCH_BODY)) {
      return PageResult.of(PageKind.SEARCH, canonical, capture, "search results");
    }
    List<Element> posts = postContainers(scan);
    boolean singular = !Collections.disjoint(bodyClasses, SINGULAR_BODY);
    boolean listingClass = !singular && bodyClasses.stream().anyMatch(LISTING_BODY::contains);
    boolean listingPath = !singular && query.isEmpty() && LISTING_PATH.matcher(path).matches();
    if (listingClass || listingPath || (!singular && posts.size() >= 2)) {
      return PageResult.of(
          PageKind.LISTING, canonical, capture, "lists " + posts.size() + " posts");
    }
    if (canonical == null) {
      canonical = "urn:qarchive:" + sourceName.replace('\\', '/');
    }
    Element post = posts.isEmpty() ? null : posts.get(0);
    StringBuilder jsonLdText = new StringBuilder();
    for (Element e : scan.jsonLd) {
      jsonLdText.append(e.data()).append('\n');
    }
    String jsonLd = jsonLdText.toString();
    String title = title(doc, scan, post);
    LocalDate date = date(doc, scan, post, jsonLd, canonical);
    List<String> categories = new ArrayList<>();
    List<String> tags = new ArrayList<>();
    terms(doc, scan, post, categories, tags);
    String byline = byline(doc, scan, post, jsonLd);

    // the non-content elements and the chrome are removed where they were selected before (nothing
    // in between
    // changes which elements match)
    for (Element e : scan.notContent) {
      e.remove();
    }
    String pageText = doctorText(doc, scan.doctorTexts);
    for (Element e : scan.chrome) {
      if (!e.normalName().equals("body") && !e.normalName().equals("html")) {
        e.remove();
      }
    }
    Element root = contentRoot(doc, post);
    if (root == null) {
      return notQa(
          canonical, capture, title, date, categories, tags, sourceName, doc, "no content");
    }
    for (Element e : PageScan.noise(root)) {
      e.remove();
    }
    List<TextBlocks.Block> blocks = TextBlocks.of(root);
    List<RawQa> qas = QaSegmenter.segment(blocks);
    qas = qas.stream().filter(q -> !q.question().isBlank() && !q.answer().isBlank()).toList();
    if (qas.isEmpty()) {
      return notQa(
          canonical,
          capture,
          title,
          date,
          categories,
          tags,
          sourceName,
          doc,
          "no question and answer found");
    }
    String titleDoctor =
        firstGroup(TITLE_DR, title).or(() -> firstGroup(TITLE_ASK, title)).orElse(null);
    List<QaEntry> entries = new ArrayList<>();
    int masked = 0;
    for (int i = 0; i < qas.size(); i++) {
      RawQa qa = qas.get(i);
      PiiMasker.Masked q = PiiMasker.mask(qa.question());
      masked += q.count();
      String answerer =
          qa.answererLabel() != null
              ? qa.answererLabel()
              : titleDoctor != null ? titleDoctor : byline;
      answerer = fullName(answerer, pageText);
      String entryTitle = qas.size() > 1 && qa.heading() != null ? qa.heading() : title;
      entries.add(
          new QaEntry(
              QaEntry.idFor(canonical, i),
              canonical,
              entryTitle,
              q.text(),
              qa.askerLocation(),
              qa.answer(),
              answerer,
              qa.credentials(),
              date,
              categories,
              tags,
              sourceName));
    }
    return new PageResult(
        PageKind.POST,
        entries,
        canonical,
        capture,
        null,
        masked,
        DoctorNames.fullNamesIn(pageText));
  }

  private PageResult notQa(
      String canonical,
      Instant capture,
      String title,
      LocalDate date,
      List<String> categories,
      List<String> tags,
      String sourceName,
      Document doc,
      String reason) {
    if (!importArticles) {
      return PageResult.of(PageKind.NOT_QA, canonical, capture, reason);
    }
    String body = mainContent.extract(doc);
    if (body.isBlank()) {
      return PageResult.of(PageKind.NOT_QA, canonical, capture, reason);
    }
    QaEntry article =
        new QaEntry(
            QaEntry.idFor(canonical, 0),
            canonical,
            title,
            "",
            null,
            body,
            null,
            null,
            date,
            categories,
            tags,
            sourceName);
    return new PageResult(
        PageKind.NOT_QA, List.of(article), canonical, capture, "imported as article", 0);
  }

  private static Evaluator css(String query) {
    return QueryParser.parse(query);
  }

  private static List<Evaluator> cssList(String... queries) {
    return java.util.Arrays.stream(queries).map(QueryParser::parse).toList();
  }

  private static Evaluator cssOrNull(String query) {
    return query == null ? null : QueryParser.parse(query);
  }

  // ---- bytes
  // ------------------------------------------------------------------------------------------------------

  private static byte[] gunzip(byte[] bytes) throws IOException {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length * 4);
      byte[] buf = new byte[16384];
      int n;
      while ((n = in.read(buf)) > 0) {
        out.write(buf, 0, n);
        if (out.size() > MAX_PAGE_BYTES) {
          throw new ZipException(
              "decompresses to more than " + MAX_PAGE_BYTES / (1024 * 1024) + " MB");
        }
      }
      return out.toByteArray();
    }
  }

  private static String binaryKind(byte[] b) {
    int n = Math.min(b.length, 2048);
    if (n >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
      return "JPEG";
    }
    if (n >= 4 && b[0] == (byte) 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
      return "PNG";
    }
    if (n >= 4 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F' && b[3] == '8') {
      return "GIF";
    }
    if (n >= 4 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F') {
      return "PDF";
    }
    if (n >= 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4) {
      return "ZIP";
    }
    boolean utf16 =
        n >= 2
            && ((b[0] & 0xff) == 0xfe && (b[1] & 0xff) == 0xff
                || (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xfe);
    if (utf16) {
      return null;
    }
    int control = 0;
    for (int i = 0; i < n; i++) {
      int c = b[i] & 0xff;
      if (c == 0) {
        return "NUL bytes";
      }
      if (c < 9 || (c > 13 && c < 32)) {
        control++;
      }
    }
    return control * 10 > n ? "control characters" : null;
  }

  private static boolean looksTruncated(byte[] bytes) {
    // on the bytes: this runs for every page, and decoding head and tail to strings cost more than
    // the test
    int from = Math.max(0, bytes.length - 4096);
    // from the end backwards: the closing tags are usually in the last few bytes
    for (int i = bytes.length - 6; i >= from; i--) {
      if (bytes[i] == '<'
          && bytes[i + 1] == '/'
          && (PageCharset.startsWithAscii(bytes, i + 2, "html")
              || PageCharset.startsWithAscii(bytes, i + 2, "body"))) {
        return false;
      }
    }
    // Real pages sometimes omit both closing tags; only call it truncated when it looked like a
    // full document.
    int to = Math.min(bytes.length, 4096);
    return containsAscii(bytes, 0, to, "<html") && containsAscii(bytes, 0, to, "<head");
  }

  /** Whether the bytes hold the lower-case ASCII needle, ignoring ASCII case. */
  private static boolean containsAscii(byte[] b, int from, int to, String needle) {
    int first = needle.charAt(0);
    for (int i = from; i <= to - needle.length(); i++) {
      int c = b[i];
      if ((c == first || c + ('a' - 'A') == first && c >= 'A' && c <= 'Z')
          && PageCharset.startsWithAscii(b, i, needle)) {
        return true;
      }
    }
    return false;
  }

  // ---- URL and capture
  // ----------------------------------------------------------------------------------------------

  private static Instant captureTime(
      Document doc, String sourceName, String urlHint, PageScan scan) {
    Optional<Instant> t = CanonicalUrl.waybackTimestamp(sourceName.replace('\\', '/'));
    if (t.isEmpty() && urlHint != null) {
      t = CanonicalUrl.waybackTimestamp(urlHint);
    }
    if (t.isPresent()) {
      return t.get();
    }
    // the toolbar (found by the caller's one scan) or any link into the Wayback Machine marks a
    // capture
    boolean toolbar = false;
    for (Element e : scan.waybackChrome) {
      if (e.id().equals("wm-ipp") || e.id().equals("wm-ipp-base")) {
        toolbar = true;
        break;
      }
    }
    if (!toolbar && !scan.waybackLink) {
      return null;
    }
    Element canonical = scan.firstCanonicalAnywhere;
    if (canonical != null) {
      Matcher m = WAYBACK_HREF.matcher(canonical.attr("href"));
      if (m.find()) {
        return CanonicalUrl.waybackTimestamp("/web/" + m.group(1) + "/").orElse(null);
      }
    }
    Map<String, Integer> counts = new LinkedHashMap<>();
    int seen = 0;
    for (Element a : doc.select(LINKS)) {
      Matcher m = WAYBACK_HREF.matcher(a.attr("href"));
      if (m.find()) {
        counts.merge(m.group(1), 1, Integer::sum);
        if (++seen > 200) {
          break;
        }
      }
    }
    return counts.entrySet().stream()
        .max(Map.Entry.comparingByValue())
        .flatMap(e -> CanonicalUrl.waybackTimestamp("/web/" + e.getKey() + "/"))
        .orElse(null);
  }

  private static String canonicalUrl(
      Document doc, PageScan scan, String sourceName, String urlHint) {
    Element link = scan.canonicalLinks.isEmpty() ? null : scan.canonicalLinks.get(0);
    for (Element e : java.util.Arrays.asList(link, scan.ogUrl)) {
      if (e != null) {
        String v = e.hasAttr("href") ? e.attr("href") : e.attr("content");
        String u = CanonicalUrl.unwrapWayback(v);
        if (HTTP_URL.matcher(u).matches()) {
          return CanonicalUrl.clean(u);
        }
      }
    }
    String guessed = addressFromName(sourceName, urlHint);
    if (guessed != null && SHORTLINK.matcher(guessed).find()) {
      String permalink = ownPermalink(doc);
      if (permalink != null) {
        return permalink;
      }
    }
    return guessed;
  }

  /**
   * The page's address as the WARC record or the file's path gives it, when the page names none, or
   * null.
   */
  private static String addressFromName(String sourceName, String urlHint) {
    return urlHint != null && HTTP_ANY.matcher(urlHint).matches()
        ? CanonicalUrl.clean(urlHint)
        : CanonicalUrl.fromMirrorPath(sourceName).orElse(null);
  }

  /**
   * The post's own address as its comment links give it ({@code .../slug/#comments}), when they all
   * agree: a copy saved under a shortlink ({@code ?p=123}) without a canonical link is then still
   * the same post.
   */
  private static String ownPermalink(Document doc) {
    Set<String> seen = new LinkedHashSet<>();
    for (Element a : doc.select(COMMENT_LINKS)) {
      if (a.closest(COMMENTS_OR_WIDGET) != null) {
        continue;
      }
      String u = CanonicalUrl.unwrapWayback(a.attr("href"));
      if (HTTP_PATH.matcher(u).matches()) {
        seen.add(CanonicalUrl.clean(u));
      }
    }
    return seen.size() == 1 ? seen.iterator().next() : null;
  }

  private static String pathOf(String url) {
    String p = SCHEME_HOST.matcher(url).replaceFirst("");
    int q = p.indexOf('?');
    return q >= 0 ? p.substring(0, q) : p;
  }

  // ---- structure
  // -----------------------------------------------------------------------------------------------------

  private static List<Element> postContainers(PageScan scan) {
    List<Element> out = new ArrayList<>();
    for (Element e : scan.postCandidates) { // not inside chrome or comments
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

  private static boolean insideChrome(Element e) {
    return e.closest(INSIDE_CHROME) != null;
  }

  private Element contentRoot(Document doc, Element post) {
    if (selectors.content() != null) {
      Element e = doc.selectFirst(themeContent);
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

  // ---- metadata
  // ------------------------------------------------------------------------------------------------------

  private String title(Document doc, PageScan scan, Element post) {
    if (selectors.title() != null) {
      Element e = doc.selectFirst(themeTitle);
      if (e != null && !e.text().isBlank()) {
        return e.text().strip();
      }
    }
    Element scope = post != null ? post : doc;
    for (List<Element> candidates : scan.titles) { // in the order of the title selectors
      Element e = PageScan.firstWithin(candidates, scope);
      if (e != null && !e.text().isBlank() && !insideChrome(e)) {
        return TextBlocks.collapse(e.text());
      }
    }
    Element og = scan.ogTitle;
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
    return t;
  }

  private LocalDate date(
      Document doc, PageScan scan, Element post, String jsonLd, String canonical) {
    if (selectors.date() != null) {
      Element e = doc.selectFirst(themeDate);
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
    List<Element> metas = scan.metas;
    for (Evaluator sel : DATE_METAS) {
      Element e = firstMatch(metas, sel, doc);
      if (e != null) {
        LocalDate d = parseDate(e.attr("content"));
        if (d != null) {
          return d;
        }
      }
    }
    Matcher m = JSONLD_DATE.matcher(jsonLd);
    if (m.find()) {
      LocalDate d = parseDate(m.group(1));
      if (d != null) {
        return d;
      }
    }
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
        if (d == null) {
          d = parseDate(e.text());
        }
        if (d != null) {
          return d;
        }
      }
      String text = copyWithout(scope, NOT_BYLINE, BODY_TEXT, BYLINE_REACH).text();
      // a byline date sits near the top; dates further down are usually inside the question or
      // answer
      LocalDate d = parseDate(text.substring(0, Math.min(text.length(), BYLINE_REACH)));
      if (d != null) {
        return d;
      }
    }
    Matcher u = URL_DATE.matcher(canonical);
    if (u.find()) {
      int y = Integer.parseInt(u.group(1));
      int mo = Integer.parseInt(u.group(2));
      int day = u.group(3) == null ? 1 : Integer.parseInt(u.group(3));
      if (mo >= 1 && mo <= 12 && day >= 1 && day <= 31) {
        return LocalDate.of(y, mo, Math.min(day, LocalDate.of(y, mo, 1).lengthOfMonth()));
      }
    }
    return null;
  }

  /** How much of a post's text outside its body is searched for a byline date, in characters. */
  private static final int BYLINE_REACH = 400;

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

  private void terms(
      Document doc, PageScan scan, Element post, List<String> categories, List<String> tags) {
    if (selectors.categories() != null || selectors.tags() != null) {
      addTexts(
          selectors.categories() == null ? new Elements() : doc.select(themeCategories),
          categories);
      addTexts(selectors.tags() == null ? new Elements() : doc.select(themeTags), tags);
      return;
    }
    Set<String> cats = new LinkedHashSet<>();
    Set<String> tgs = new LinkedHashSet<>();
    for (Element a : scan.tagLinks) { // not inside chrome, comments or a tag cloud
      String text = TextBlocks.collapse(a.text());
      if (text.isEmpty()) {
        continue;
      }
      Set<String> rel = Set.of(SPACES.split(a.attr("rel").toLowerCase(Locale.ROOT)));
      if (rel.contains("category") || a.attr("href").contains("/category/")) {
        cats.add(text);
      } else {
        tgs.add(text);
      }
    }
    if (cats.isEmpty() && tgs.isEmpty() && post != null) {
      for (Element a : post.select(TERM_HREFS)) {
        if (insideChrome(a) || a.closest(COMMENT_SHORT) != null) {
          continue;
        }
        String text = TextBlocks.collapse(a.text());
        if (!text.isEmpty()) {
          (a.attr("href").contains("/category/") ? cats : tgs).add(text);
        }
      }
    }
    categories.addAll(cats);
    tags.addAll(tgs);
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
    for (PageScan.Author a : scan.authors) { // not inside comments or chrome
      if (!a.in(scope)) {
        continue;
      }
      Element e = a.element();
      Optional<String> dr =
          firstGroup(BYLINE_DR, LEADING_BY.matcher(TextBlocks.collapse(e.text())).replaceFirst(""));
      if (dr.isPresent()) {
        return dr.get();
      }
    }
    Element meta = scan.metaAuthor;
    if (meta != null) {
      Optional<String> dr = firstGroup(BYLINE_DR, meta.attr("content").strip());
      if (dr.isPresent()) {
        return dr.get();
      }
    }
    Matcher m = JSONLD_AUTHOR.matcher(jsonLd);
    if (m.find()) {
      return firstGroup(BYLINE_DR, m.group(1)).orElse(null);
    }
    // bylines written as text: "Tuesday, May 22nd, 2012 by Dr. Helen Ashford"
    if (post != null) {
      // only an element with a "Dr" text of its own can hold such a byline: the others' own text is
      // not built
      Set<Node> drParents = Collections.newSetFromMap(new IdentityHashMap<>());
      for (TextNode t : scan.doctorTexts) {
        drParents.add(t.parentNode());
      }
      for (Element e : post.select(TEXT_BYLINES)) {
        if (!drParents.contains(e)) {
          continue;
        }
        String t = e.ownText();
        Matcher b = TEXT_BY.matcher(t);
        if (t.length() < 200 && b.find()) {
          return b.group(1);
        }
      }
    }
    return null;
  }

  private static Optional<String> firstGroup(Pattern p, String s) {
    if (s == null) {
      return Optional.empty();
    }
    Matcher m = p.matcher(s);
    return m.find() ? Optional.of(m.group(1).strip()) : Optional.empty();
  }

  /** How far past its "Dr" text node a name is looked for, in characters. */
  private static final int NAME_REACH = 100;

  /**
   * The text of the page where it names doctors: for each of the scan's "Dr" text nodes still in
   * the document, in page order, its text and the text that follows it in the same block
   * (paragraph, list item, heading...) for up to {@value #NAME_REACH} characters, up to the next
   * such node; joined by " | " so that no name runs from one place into another. It stands for the
   * whole page's text, which cost a tenth of the extraction to build and ran menu items together
   * into names.
   */
  static String doctorText(Document doc, List<TextNode> doctorTexts) {
    Set<Node> starts = Collections.newSetFromMap(new IdentityHashMap<>());
    starts.addAll(doctorTexts);
    StringBuilder text = new StringBuilder();
    for (TextNode t : doctorTexts) {
      if (t.ownerDocument() != doc) {
        continue; // removed with a script, style or the toolbar
      }
      if (!text.isEmpty()) {
        text.append(" | ");
      }
      text.append(t.getWholeText());
      int end = text.length() + NAME_REACH;
      Node n = t;
      while (text.length() < end && (n = nextInBlock(n)) != null && !starts.contains(n)) {
        if (n instanceof TextNode x) {
          text.append(x.getWholeText());
        } else if (n instanceof Element e && e.nameIs("br")) {
          text.append(' ');
        }
      }
    }
    return text.toString();
  }

  /** The node after {@code n} in page order, or null where a block element starts or ends. */
  private static Node nextInBlock(Node n) {
    Node next = n instanceof Element && n.childNodeSize() > 0 ? n.childNode(0) : null;
    for (Node at = n; next == null; at = at.parentNode()) {
      next = at.nextSibling();
      if (next == null
          && (at.parentNode() == null || at.parentNode() instanceof Element p && p.isBlock())) {
        return null;
      }
    }
    return next instanceof Element e && e.isBlock() ? null : next;
  }

  /** "Dr. Ashford" becomes "Dr. Helen Ashford" when the page spells the full name somewhere. */
  static String fullName(String name, String pageText) {
    if (name == null) {
      return null;
    }
    String n = SPACES.matcher(DR_SPACE.matcher(name).replaceFirst("Dr. ")).replaceAll(" ").strip();
    String[] parts = n.split(" ");
    if (parts.length != 2 || !parts[0].startsWith("Dr")) {
      return n;
    }
    // tried only where "Dr" starts a word: a leading \\b made the regex try every position of the
    // page's text
    Matcher m =
        Pattern.compile("Dr\\.?\\s+([A-Z][\\p{L}'’-]+)\\s+" + Pattern.quote(parts[1]) + "\\b")
            .matcher(pageText);
    Map<String, Integer> firsts = new LinkedHashMap<>();
    int i = pageText.indexOf("Dr");
    while (i >= 0) {
      boolean boundary =
          i == 0
              || !(Character.isLetterOrDigit(pageText.charAt(i - 1))
                  || pageText.charAt(i - 1) == '_');
      if (boundary && m.region(i, pageText.length()).lookingAt()) {
        firsts.merge(m.group(1), 1, Integer::sum);
        i = pageText.indexOf("Dr", m.end());
      } else {
        i = pageText.indexOf("Dr", i + 1);
      }
    }
    return firsts.entrySet().stream()
        .max(Map.Entry.comparingByValue())
        .map(e -> "Dr. " + e.getKey() + " " + parts[1])
        .orElse(n);
  }
}
