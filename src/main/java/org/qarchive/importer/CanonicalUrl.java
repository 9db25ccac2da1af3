package org.qarchive.importer;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import org.qarchive.importer.fast.PageScan;

/**
 * A page's address and capture time: undoes Wayback rewriting and the usual URL variants so that
 * every copy of a post maps to one URL and one key, and finds the address a page states (canonical
 * link, {@code og:url}) or the one its file's path or WARC record gives.
 */
public final class CanonicalUrl {

  private static final Pattern WAYBACK =
      Pattern.compile(
          "^(?:https?://(?:web\\.)?archive\\.org)?/?web/(\\d{4,14})(?:[a-z]{2}_)?/+(.*)$");
  private static final Pattern SCHEME_ONE_SLASH = Pattern.compile("^(https?):/+(?!/)");
  private static final DateTimeFormatter TS =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmss", Locale.ROOT);
  // compiled once: String.replaceFirst and matches compile their pattern on every call
  private static final Pattern HTTP_ANY = Pattern.compile("(?i)^https?://.*");
  private static final Pattern URL_PARTS = Pattern.compile("^(?i)(https?)://([^/]+)(.*)$");
  private static final Pattern WAYBACK_PATH =
      Pattern.compile("web\\.archive\\.org/web/[^/]+/(.*)$");
  private static final Pattern WAYBACK_FOLDER = Pattern.compile("^(?:.*/)?web\\.archive\\.org/");
  private static final Pattern DEFAULT_PORT = Pattern.compile(":(80|443)$");
  private static final Pattern INDEX_HTML = Pattern.compile("/index\\.html?$");
  private static final Pattern SCHEME = Pattern.compile("^https?://");
  private static final Pattern HTML_AFTER_QUERY = Pattern.compile("\\.html?$(?<=\\?.{0,2000})");
  private static final Pattern ARCHIVE_HOST =
      Pattern.compile("^(https?://)(?:web\\.)?archive\\.org");
  private static final Pattern AMP = Pattern.compile("/amp/?$");
  private static final Pattern WWW = Pattern.compile("^www\\.");
  private static final Pattern PAGE_FILE = Pattern.compile("(?i).*\\.(html?|php|aspx?)$");
  private static final Pattern HOST_NAME = Pattern.compile("(?i)(?:[a-z0-9-]+\\.)+[a-z]{2,}");
  private static final Pattern HTTP_URL = Pattern.compile("(?i)^https?://[^/]+.*");
  private static final Pattern HTTP_PATH = Pattern.compile("(?i)^https?://[^/]+/.+");
  private static final Pattern SCHEME_HOST = Pattern.compile("^[a-zA-Z]+://[^/]*");
  private static final Pattern SHORTLINK = Pattern.compile("\\?(?:p|page_id)=\\d+$");
  private static final Pattern WAYBACK_HREF =
      Pattern.compile("^(?:https?://web\\.archive\\.org)?/web/(\\d{14})");
  private static final Evaluator LINKS = QueryParser.parse("a[href], link[href]");
  private static final Evaluator COMMENT_LINKS =
      QueryParser.parse("a[href*=#comments], a[href*=#respond]");
  private static final Evaluator COMMENTS_OR_WIDGET =
      QueryParser.parse(".comment, .comments-area, #comments, .comment-list, .widget, aside");

  private CanonicalUrl() {}

  /**
   * The capture timestamp of a Wayback URL or path such as {@code /web/20130618175842/http://...}.
   */
  static Optional<Instant> waybackTimestamp(String urlOrPath) {
    if (urlOrPath == null) {
      return Optional.empty();
    }
    Matcher m = WAYBACK.matcher(stripLeadingHost(urlOrPath));
    if (!m.find()) {
      return Optional.empty();
    }
    String ts = (m.group(1) + "00000000000000").substring(0, 14);
    try {
      return Optional.of(LocalDateTime.parse(ts, TS).toInstant(ZoneOffset.UTC));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** The original URL inside a Wayback URL, or the input unchanged. */
  static String unwrapWayback(String url) {
    String u = stripLeadingHost(url.strip());
    Matcher m = WAYBACK.matcher(u);
    if (m.find()) {
      String inner = m.group(2);
      Matcher s = SCHEME_ONE_SLASH.matcher(inner);
      inner = s.find() ? s.group(1) + "://" + inner.substring(s.end()) : inner;
      if (!HTTP_ANY.matcher(inner).matches()) {
        inner = "http://" + inner;
      }
      return inner;
    }
    return url.strip();
  }

  private static String stripLeadingHost(String u) {
    // "web.archive.org/web/..." as a mirror folder path
    return ARCHIVE_HOST
        .matcher(WAYBACK_FOLDER.matcher(u).replaceFirst("/"))
        .replaceFirst("$1archive.org");
  }

  /**
   * The clean URL of a post: Wayback unwrapped, fragment, {@code replytocom}/{@code utm_*}/{@code
   * share} parameters and {@code amp/} dropped, host lower-cased, trailing slash kept for
   * directory-like paths.
   */
  static String clean(String url) {
    String u = unwrapWayback(url);
    int hash = u.indexOf('#');
    if (hash >= 0) {
      u = u.substring(0, hash);
    }
    String query = "";
    int q = u.indexOf('?');
    if (q >= 0) {
      query = u.substring(q + 1);
      u = u.substring(0, q);
    }
    StringBuilder kept = new StringBuilder();
    for (String p : query.split("&")) {
      String key = p.contains("=") ? p.substring(0, p.indexOf('=')) : p;
      if (p.isEmpty()
          || key.equals("replytocom")
          || key.startsWith("utm_")
          || key.equals("share")
          || key.equals("amp")
          || key.equals("relatedposts_hit")
          || key.equals("noamp")) {
        continue;
      }
      kept.append(kept.isEmpty() ? "?" : "&").append(p);
    }
    Matcher m = URL_PARTS.matcher(u);
    if (!m.matches()) {
      return u + kept;
    }
    String scheme = m.group(1).toLowerCase(Locale.ROOT);
    String host = DEFAULT_PORT.matcher(m.group(2).toLowerCase(Locale.ROOT)).replaceFirst("");
    String path = m.group(3);
    path = AMP.matcher(INDEX_HTML.matcher(path).replaceFirst("/")).replaceFirst("/");
    if (path.isEmpty()) {
      path = "/";
    }
    if (!path.endsWith("/") && !path.substring(path.lastIndexOf('/') + 1).contains(".")) {
      path = path + "/";
    }
    return scheme + "://" + host + path + kept;
  }

  /**
   * The key two copies of one post share: clean URL without scheme and {@code www.}, lower-cased.
   */
  public static String key(String url) {
    return WWW.matcher(SCHEME.matcher(clean(url)).replaceFirst(""))
        .replaceFirst("")
        .toLowerCase(Locale.ROOT);
  }

  /**
   * A URL guessed from a mirror path such as {@code blog.example.com/2013/05/slug/index.html} or a
   * Wayback folder; empty when the first segment does not look like a host.
   */
  static Optional<String> fromMirrorPath(String sourceName) {
    String p = sourceName.replace('\\', '/');
    int bang = p.lastIndexOf('!');
    if (bang >= 0) {
      p = p.substring(bang + 1);
    }
    Matcher wb = WAYBACK_PATH.matcher(p);
    if (wb.find()) {
      return Optional.of(clean("/web/19700101000000/" + wb.group(1)));
    }
    // mirror naming: "index.html?s=x.html" is the saved form of "/?s=x"
    p = HTML_AFTER_QUERY.matcher(p).replaceFirst("");
    String[] segs = p.split("/");
    // the last segment is the file's own name ("notes.txt"), never a host
    for (int i = 0; i < segs.length - 1; i++) {
      if (HOST_NAME.matcher(segs[i]).matches() && !PAGE_FILE.matcher(segs[i]).matches()) {
        StringBuilder path = new StringBuilder();
        for (int j = i + 1; j < segs.length; j++) {
          path.append('/').append(segs[j]);
        }
        return Optional.of(clean("http://" + segs[i] + (path.isEmpty() ? "/" : path.toString())));
      }
    }
    return Optional.empty();
  }

  /**
   * When the Wayback Machine captured the page: from its path or WARC target, else from the
   * toolbar's or the page's own links into the Wayback Machine (the most common capture time among
   * them); null for a page that is no Wayback capture.
   */
  static Instant captureTime(Document doc, PageScan scan, String sourceName, String urlHint) {
    Optional<Instant> t = waybackTimestamp(sourceName.replace('\\', '/'));
    if (t.isEmpty() && urlHint != null) {
      t = waybackTimestamp(urlHint);
    }
    if (t.isPresent()) {
      return t.get();
    }
    // the toolbar (found by the caller's one scan) or any link into the Wayback Machine marks a
    // capture
    boolean toolbar = false;
    for (Element e : scan.waybackChrome()) {
      if (e.id().equals("wm-ipp") || e.id().equals("wm-ipp-base")) {
        toolbar = true;
        break;
      }
    }
    if (!toolbar && !scan.waybackLink()) {
      return null;
    }
    Element canonical = scan.firstCanonicalAnywhere();
    if (canonical != null) {
      Matcher m = WAYBACK_HREF.matcher(canonical.attr("href"));
      if (m.find()) {
        return waybackTimestamp("/web/" + m.group(1) + "/").orElse(null);
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
        .flatMap(e -> waybackTimestamp("/web/" + e.getKey() + "/"))
        .orElse(null);
  }

  /**
   * The page's canonical URL: its canonical link or {@code og:url}, else the address its file's
   * path or WARC record gives (a shortlink copy traced to the post through its comment links), or
   * null when nothing tells.
   */
  static String ofPage(Document doc, PageScan scan, String sourceName, String urlHint) {
    Element link = scan.canonicalLinks().isEmpty() ? null : scan.canonicalLinks().get(0);
    for (Element e : Arrays.asList(link, scan.ogUrl())) {
      if (e != null) {
        String v = e.hasAttr("href") ? e.attr("href") : e.attr("content");
        String u = unwrapWayback(v);
        if (HTTP_URL.matcher(u).matches()) {
          return clean(u);
        }
      }
    }
    String guessed = fromName(sourceName, urlHint);
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
  static String fromName(String sourceName, String urlHint) {
    return urlHint != null && HTTP_ANY.matcher(urlHint).matches()
        ? clean(urlHint)
        : fromMirrorPath(sourceName).orElse(null);
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
      String u = unwrapWayback(a.attr("href"));
      if (HTTP_PATH.matcher(u).matches()) {
        seen.add(clean(u));
      }
    }
    return seen.size() == 1 ? seen.iterator().next() : null;
  }

  /** The path of a URL, without scheme, host and query. */
  static String pathOf(String url) {
    String p = SCHEME_HOST.matcher(url).replaceFirst("");
    int q = p.indexOf('?');
    return q >= 0 ? p.substring(0, q) : p;
  }
}
