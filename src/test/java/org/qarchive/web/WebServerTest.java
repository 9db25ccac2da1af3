package org.qarchive.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qarchive.Fixtures;
import org.qarchive.index.IndexInfo;
import org.qarchive.search.ArchiveSearcher;

class WebServerTest {

  @TempDir static Path dir;
  static ArchiveSearcher searcher;
  static WebServer server;
  static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    Fixtures.index(dir, Fixtures.small());
    searcher = new ArchiveSearcher(dir);
    server =
        new WebServer(
                searcher,
                new WebConfig(
                    "127.0.0.1", 0, List.of("http://clinic.example"), null, List.of(), null, dir))
            .start();
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    searcher.close();
  }

  static HttpResponse<String> get(String path) throws Exception {
    return get(path, null);
  }

  static HttpResponse<String> get(String path, String origin) throws Exception {
    return send("GET", path, origin);
  }

  static HttpResponse<String> send(String method, String path, String origin) throws Exception {
    var b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
    b.method(method, HttpRequest.BodyPublishers.noBody());
    if (origin != null) {
      b.header("Origin", origin);
      b.header("Access-Control-Request-Method", "GET");
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static JsonNode json(HttpResponse<String> r) throws Exception {
    return new ObjectMapper().readTree(r.body());
  }

  @Test
  void apiSearchReturnsTheSeedFirstWithMarkedSnippets() throws Exception {
    var r = get("/api/search?q=botox+eyebrows");
    assertEquals(200, r.statusCode());
    assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("application/json"));
    JsonNode body = new ObjectMapper().readTree(r.body());
    assertTrue(body.get("total").asInt() >= 1);
    assertTrue(body.has("took_ms"));
    JsonNode first = body.get("hits").get(0);
    assertEquals(Fixtures.seed().id(), first.get("id").asText());
    assertEquals("Dr. Dean Kane", first.get("answered_by").asText());
    assertTrue(first.get("question").asText().contains("<mark>eyebrows</mark>"));
    for (String key : List.of("id", "url", "title", "date", "answered_by", "question", "answer")) {
      assertTrue(first.has(key), key);
    }
  }

  @Test
  void apiSearchStatesItsOwnSearchTimeInServerTiming() throws Exception {
    var r = get("/api/search?q=botox");
    String timing = r.headers().firstValue("server-timing").orElseThrow();
    assertTrue(timing.matches("search;dur=\\d+\\.\\d{3}"), timing);
    double ms = Double.parseDouble(timing.substring(timing.indexOf('=') + 1));
    assertTrue(ms > 0 && ms < 60_000, timing);
  }

  @Test
  void searchPageWorksWithoutJavaScriptAndEscapesTheQuery() throws Exception {
    var r = get("/?q=%22%3E%3Csvg+onload%3Dalert(1)%3E+botox");
    assertEquals(200, r.statusCode());
    assertFalse(r.body().contains("<svg"), "query echoed unescaped");
    assertTrue(r.body().contains("&quot;&gt;&lt;svg onload=alert(1)&gt; botox"));
    assertTrue(r.body().contains("<mark>"));
    assertTrue(
        r.headers().firstValue("content-security-policy").orElse("").contains("script-src 'self'"));
    assertEquals("nosniff", r.headers().firstValue("x-content-type-options").orElse(""));
  }

  @Test
  void entryPageShowsTheWholeAnswerWithMatchesMarked() throws Exception {
    var r = get("/qa/" + Fixtures.seed().id() + "?q=botox");
    assertEquals(200, r.statusCode());
    assertTrue(r.body().contains("Board Certified Plastic Surgeon from Baltimore"));
    assertTrue(r.body().contains("<mark>Botox</mark> and Facial Toners produce opposite effects"));
    assertTrue(r.body().contains("may not reflect current practice"));
  }

  @Test
  void storedMarkupIsEscapedOnTheEntryPage() throws Exception {
    String id = Fixtures.small().get(4).id();
    var r = get("/qa/" + id);
    assertFalse(r.body().contains("<img src=x"));
    assertFalse(r.body().contains("<script>alert"));
  }

  @Test
  void unknownEntryIs404WithAnEscapedPage() throws Exception {
    var r = get("/qa/%3Cscript%3E");
    assertEquals(404, r.statusCode());
    assertFalse(r.body().contains("<script>"));
  }

  @Test
  void badParameterIs400NamingIt() throws Exception {
    var r = get("/api/search?q=botox&page=abc");
    assertEquals(400, r.statusCode());
    assertTrue(new ObjectMapper().readTree(r.body()).get("error").asText().contains("'page'"));
    assertEquals(400, get("/api/search?q=botox&page=100000000&size=100000000").statusCode());
  }

  @Test
  void hostileQueriesNeverGive5xx() throws Exception {
    for (String q :
        List.of(
            "%2F%5B%2F", "%22", "(((((a", "a%5E99999999999", "*%3A*", "%5B*+TO+*%5D", "%00%FF")) {
      int status = get("/api/search?q=" + q).statusCode();
      assertTrue(status == 200 || status == 400, q + " -> " + status);
      status = get("/?q=" + q).statusCode();
      assertTrue(status == 200 || status == 400, q + " -> " + status);
    }
  }

  @Test
  void corsAllowsConfiguredOriginsOnTheApi() throws Exception {
    var r = get("/api/search?q=botox", "http://clinic.example");
    assertEquals(
        "http://clinic.example", r.headers().firstValue("access-control-allow-origin").orElse(""));
    assertTrue(r.headers().firstValue("access-control-allow-credentials").isEmpty());
    assertTrue(r.headers().allValues("vary").toString().contains("Origin"));
  }

  @Test
  void corsIsRefusedToOtherOriginsAndOffTheSearchEndpoints() throws Exception {
    assertTrue(
        get("/api/search?q=botox", "http://evil.example")
            .headers()
            .firstValue("access-control-allow-origin")
            .isEmpty());
    assertTrue(
        get("/metrics", "http://clinic.example")
            .headers()
            .firstValue("access-control-allow-origin")
            .isEmpty());
    assertEquals(
        "http://clinic.example",
        get("/embed.js", "http://clinic.example")
            .headers()
            .firstValue("access-control-allow-origin")
            .orElse(""));
  }

  @Test
  void preflightIsAnsweredForAllowedOriginsOnly() throws Exception {
    var r = send("OPTIONS", "/api/suggest?q=bo", "http://clinic.example");
    assertEquals(204, r.statusCode());
    assertEquals(
        "http://clinic.example", r.headers().firstValue("access-control-allow-origin").orElse(""));
    assertTrue(r.headers().firstValue("access-control-allow-methods").orElse("").contains("GET"));
    assertTrue(r.headers().firstValue("access-control-allow-credentials").isEmpty());
    var refused = send("OPTIONS", "/api/qa/x", "http://evil.example");
    assertTrue(refused.headers().firstValue("access-control-allow-origin").isEmpty());
  }

  @Test
  void asYouTypeAndFacetsZeroSearchesSkipTheFacetCountsButKeepTheShape() throws Exception {
    JsonNode full = json(get("/api/search?q=&size=50"));
    assertTrue(full.get("total_exact").asBoolean());
    assertFalse(full.get("facets").get("category").isEmpty());
    for (String skip : List.of("instant=1", "facets=0")) {
      JsonNode r = json(get("/api/search?q=&size=50&" + skip));
      assertEquals(full.get("total").asInt(), r.get("total").asInt(), skip);
      assertTrue(r.get("total_exact").asBoolean(), skip);
      assertEquals(full.get("hits"), r.get("hits"), skip);
      for (String f : SearchParams.FACETS) {
        assertTrue(r.get("facets").get(f).isEmpty(), skip + " " + f);
      }
    }
  }

  @Test
  void apiSearchFiltersByRepeatedFacetParametersAndReportsFacets() throws Exception {
    JsonNode all = json(get("/api/search?q=&size=50"));
    assertEquals(5, all.get("total").asInt());
    JsonNode categories = all.get("facets").get("category");
    assertTrue(
        categories.toString().contains("{\"value\":\"Botox\",\"count\":1}"), categories.toString());
    JsonNode botox = json(get("/api/search?category=Botox"));
    assertEquals(1, botox.get("total").asInt());
    assertEquals(Fixtures.seed().id(), botox.get("hits").get(0).get("id").asText());
    assertEquals(
        5, json(get("/api/search?category=Botox&category=Ask+the+Doctor")).get("total").asInt());
    assertEquals(0, json(get("/api/search?category=Botox&year=2014")).get("total").asInt());
    JsonNode r = json(get("/api/search?q=botox&exact=1"));
    assertEquals("none", r.get("relaxation").asText());
    assertTrue(r.has("corrected_query"));
    assertTrue(r.get("hits").get(0).has("similar_ids"));
  }

  @Test
  void badFilterValuesAre400NamingTheParameter() throws Exception {
    for (String[] c :
        new String[][] {
          {"year=13", "'year'"},
          {"sort=best", "'sort'"},
          {"exact=yes", "'exact'"},
          {"size=0", "'size'"},
          {"category=" + "x".repeat(300), "'category'"}
        }) {
      var r = get("/api/search?q=botox&" + c[0]);
      assertEquals(400, r.statusCode(), c[0]);
      assertTrue(json(r).get("error").asText().contains(c[1]), r.body());
      var page = get("/?q=botox&" + c[0]);
      assertEquals(400, page.statusCode(), c[0]);
      assertTrue(page.body().contains("role=\"alert\""));
    }
  }

  @Test
  void suggestFacetsAndEntryApi() throws Exception {
    assertTrue(
        json(get("/api/suggest?q=swell"))
            .get("suggestions")
            .toString()
            .contains("Swelling after rhinoplasty"));
    assertEquals(0, json(get("/api/suggest?q=")).get("suggestions").size());
    assertEquals(400, get("/api/suggest?q=" + "a".repeat(300)).statusCode());
    assertTrue(json(get("/api/facets")).get("facets").get("year").size() >= 4);
    JsonNode e = json(get("/api/qa/" + Fixtures.seed().id()));
    assertEquals("Board Certified Plastic Surgeon from Baltimore", e.get("credentials").asText());
    var missing = get("/api/qa/nope");
    assertEquals(404, missing.statusCode());
    assertTrue(
        missing.headers().firstValue("content-type").orElse("").startsWith("application/json"));
  }

  @Test
  void searchPageOffersFacetsSortingAndAHelpfulEmptyState() throws Exception {
    String body = get("/?q=botox").body();
    assertTrue(body.contains("name=\"category\" value=\"Botox\""), body);
    assertTrue(body.contains("href=\"/?q=botox&amp;sort=date\""));
    assertTrue(body.contains("aria-live=\"polite\""));
    assertTrue(body.contains("<link rel=\"search\""));
    assertTrue(body.contains("<link rel=\"canonical\""));
    String filtered = get("/?q=botox&category=Botox").body();
    assertTrue(filtered.contains("value=\"Botox\" checked"));
    String empty = get("/?q=zzzqqq&category=Botox").body();
    assertTrue(empty.contains("No answers for <strong>zzzqqq</strong>"));
    assertTrue(empty.contains("the same words without filters"));
  }

  @Test
  void wrongMethodAndUnknownPathGetOurEscapedPagesWithSecurityHeaders() throws Exception {
    var r = send("POST", "/", null);
    assertEquals(405, r.statusCode());
    assertTrue(r.body().contains("role=\"alert\""), r.body());
    var nf = get("/nothing/%3Csvg%20onload=alert(1)%3E");
    assertEquals(404, nf.statusCode());
    assertFalse(nf.body().contains("<svg"));
    assertTrue(
        nf.headers()
            .firstValue("content-security-policy")
            .orElse("")
            .contains("frame-ancestors 'none'"));
    assertEquals(404, get("/api/nothing").statusCode());
    assertTrue(json(get("/api/nothing")).has("error"));
  }

  @Test
  void discoveryFilesListTheEntries() throws Exception {
    var sitemap = get("/sitemap.xml");
    assertTrue(
        sitemap.headers().firstValue("content-type").orElse("").startsWith("application/xml"));
    assertTrue(
        sitemap
            .body()
            .contains("/qa/" + Fixtures.seed().id() + "</loc><lastmod>2013-05-14</lastmod>"));
    assertEquals(
        6, sitemap.body().split("<url>", -1).length - 1); // the start page and five entries
    var os = get("/opensearch.xml");
    assertTrue(
        os.body().contains("template=\"http://127.0.0.1:" + server.port() + "/?q={searchTerms}\""));
    assertTrue(get("/openapi.yaml").body().startsWith("openapi: 3"));
    assertTrue(get("/robots.txt").body().contains("Sitemap: "));
  }

  @Test
  void metricsCountRequestsByRouteAndReportTheIndex() throws Exception {
    get("/qa/" + Fixtures.seed().id());
    get("/qa/nope");
    String m = get("/metrics").body();
    assertTrue(
        m.contains(
            "qarchive_http_requests_total{method=\"GET\",route=\"/qa/{id}\",status=\"200\"}"),
        m);
    assertTrue(
        m.contains(
            "qarchive_http_requests_total{method=\"GET\",route=\"/qa/{id}\",status=\"404\"}"),
        m);
    assertTrue(
        m.contains(
            "qarchive_http_request_duration_seconds_bucket{method=\"GET\",route=\"/qa/{id}\",le=\"+Inf\"}"));
    assertTrue(m.contains("qarchive_index_documents 5"));
    assertTrue(
        m.contains("qarchive_index_size_bytes " + IndexInfo.read(dir).sizeBytes() + "\n"), m);
  }

  @Test
  void embedScriptAndDemoAreServed() throws Exception {
    var js = get("/embed.js");
    assertTrue(js.headers().firstValue("content-type").orElse("").startsWith("text/javascript"));
    assertTrue(js.body().contains("attachShadow"));
    String demo = get("/embed/demo").body();
    assertTrue(demo.contains("<script src=\"/embed.js\" data-qarchive async></script>"));
    assertTrue(
        demo.contains(
            "&lt;script src=&quot;http://127.0.0.1:" + server.port() + "/embed.js&quot;"));
  }

  @Test
  void healthReportsTheEntryCount() throws Exception {
    var r = get("/healthz");
    assertEquals(200, r.statusCode());
    assertEquals(5, new ObjectMapper().readTree(r.body()).get("entries").asInt());
  }
}
