package org.qarchive.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qarchive.Fixtures;
import org.qarchive.search.ArchiveSearcher;

/**
 * Follows every link and asset of every kind of page we serve (start, results with paging, sorting
 * and facets, no results, did-you-mean, entry, embed demo, error page, and the discovery files),
 * and every link and asset of the pages those lead to: none may answer 404 or fail, and the icon
 * browsers ask for on their own is there.
 */
class NoBrokenLinksTest {

  /** Enough to visit every kind of link; more would only repeat facet and page combinations. */
  private static final int MAX_URLS = 400;

  private static final Pattern CSS_URL = Pattern.compile("url\\(\\s*['\"]?([^'\")]+)['\"]?\\s*\\)");

  @TempDir static Path dir;
  static ArchiveSearcher searcher;
  static WebServer server;
  static String origin;
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    Fixtures.index(dir, WebFixtures.entries());
    searcher = new ArchiveSearcher(dir);
    server =
        new WebServer(
                searcher, new WebConfig("127.0.0.1", 0, List.of("*"), null, List.of(), null, dir))
            .start();
    origin = "http://127.0.0.1:" + server.port();
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    searcher.close();
  }

  @Test
  void everyLinkAndAssetOnEveryKindOfPageAnswers() throws Exception {
    String entry = "/qa/" + Pages.pathPart(Fixtures.seed().id());
    Map<String, String> seeds = new LinkedHashMap<>();
    seeds.put("/", "start page");
    seeds.put("/?q=swelling", "results with paging, sorting and facets");
    seeds.put("/?q=qqqzzzxxx", "no results");
    seeds.put("/?q=swellin+rhinoplsty", "did you mean");
    seeds.put(entry + "?q=botox", "entry page");
    seeds.put("/embed/demo", "embed demo");
    seeds.put("/no-such-page", "error page");
    seeds.put("/opensearch.xml", "OpenSearch");
    seeds.put("/robots.txt", "robots.txt");
    seeds.put("/favicon.ico", "the icon browsers ask for unasked");

    Map<String, String> from = new LinkedHashMap<>(); // url -> the page that linked it
    Deque<String> queue = new ArrayDeque<>();
    seeds
        .keySet()
        .forEach(
            s -> {
              from.put(origin + s, "seed: " + seeds.get(s));
              queue.add(origin + s);
            });
    StringBuilder broken = new StringBuilder();
    int checked = 0;
    while (!queue.isEmpty() && checked < MAX_URLS) {
      String url = queue.poll();
      checked++;
      HttpResponse<String> r =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(url)).build(),
              HttpResponse.BodyHandlers.ofString());
      boolean expected404 = url.equals(origin + "/no-such-page");
      if (r.statusCode() != (expected404 ? 404 : 200)) {
        broken.append(r.statusCode()).append(' ').append(url).append(" (from ");
        broken.append(from.get(url)).append(")\n");
        continue;
      }
      String type = r.headers().firstValue("content-type").orElse("");
      for (String link : links(url, type, r.body())) {
        String absolute = resolve(url, link);
        if (absolute != null && absolute.startsWith(origin + "/") && !from.containsKey(absolute)) {
          from.put(absolute, url);
          queue.add(absolute);
        }
      }
    }
    assertEquals("", broken.toString(), "broken links and assets");
    assertTrue(checked > 60, "only " + checked + " URLs were reached: the crawl found too little");
    for (String must :
        List.of(
            "/static/app.css",
            "/static/app.js",
            "/embed.js",
            "/favicon.svg",
            "/openapi.yaml",
            "/sitemap.xml",
            entry)) {
      assertTrue(from.containsKey(origin + must), must + " was never linked");
    }
  }

  @Test
  void theIconsAreRealImages() throws Exception {
    HttpResponse<byte[]> ico =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(origin + "/favicon.ico")).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertEquals("image/x-icon", ico.headers().firstValue("content-type").orElse(""));
    byte[] b = ico.body();
    assertEquals(List.of(0, 0, 1, 0), List.of((int) b[0], (int) b[1], (int) b[2], (int) b[3]));
    HttpResponse<String> svg =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(origin + "/favicon.svg")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertTrue(svg.headers().firstValue("content-type").orElse("").startsWith("image/svg+xml"));
    assertTrue(svg.body().startsWith("<svg"), svg.body());
  }

  /** Everything a page, style sheet or discovery file points at. */
  private static List<String> links(String url, String type, String body) {
    if (type.startsWith("text/html")) {
      Document doc = Jsoup.parse(body, url);
      List<String> found = new ArrayList<>();
      for (Element e : doc.select("a[href], link[href]")) {
        found.add(e.attr("href"));
      }
      for (Element e : doc.select("script[src], img[src], iframe[src], source[src]")) {
        found.add(e.attr("src"));
      }
      for (Element e : doc.select("form[action]")) {
        found.add(e.attr("action"));
      }
      return found;
    }
    if (type.startsWith("text/css")) {
      List<String> found = new ArrayList<>();
      Matcher m = CSS_URL.matcher(body);
      while (m.find()) {
        if (!m.group(1).startsWith("data:")) {
          found.add(m.group(1));
        }
      }
      return found;
    }
    if (type.contains("xml") && !type.contains("svg")) {
      Document xml = Jsoup.parse(body, url, Parser.xmlParser());
      List<String> found = new ArrayList<>();
      xml.select("loc").forEach(e -> found.add(e.text()));
      xml.select("Url[template]")
          .forEach(e -> found.add(e.attr("template").replace("{searchTerms}", "botox")));
      return found;
    }
    if (type.startsWith("text/plain")) {
      return body.lines()
          .filter(l -> l.startsWith("Sitemap: "))
          .map(l -> l.substring("Sitemap: ".length()))
          .toList();
    }
    return List.of();
  }

  /** The absolute URL without its fragment; null for a link to this page's own anchor. */
  private static String resolve(String base, String link) {
    if (link.isBlank() || link.startsWith("#")) {
      return null;
    }
    String s = URI.create(base).resolve(link).toString(); // a malformed link fails the test
    int hash = s.indexOf('#');
    return hash < 0 ? s : s.substring(0, hash);
  }
}
