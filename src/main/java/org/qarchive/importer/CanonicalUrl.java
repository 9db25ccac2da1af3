package org.qarchive.importer;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Undoes Wayback rewriting and the usual URL variants so that every copy of a post maps to one URL
 * and one key.
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
    Matcher m = Pattern.compile("^(?i)(https?)://([^/]+)(.*)$").matcher(u);
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
    Matcher wb = Pattern.compile("web\\.archive\\.org/web/[^/]+/(.*)$").matcher(p);
    if (wb.find()) {
      return Optional.of(clean("/web/19700101000000/" + wb.group(1)));
    }
    // mirror naming: "index.html?s=x.html" is the saved form of "/?s=x"
    p = HTML_AFTER_QUERY.matcher(p).replaceFirst("");
    String[] segs = p.split("/");
    for (int i = 0; i < segs.length; i++) {
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
}
