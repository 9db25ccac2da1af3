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
    server = new WebServer(searcher, new WebConfig("127.0.0.1", 0, List.of("*"), null)).start();
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
    var b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
    if (origin != null) {
      b.header("Origin", origin);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
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
  void searchPageWorksWithoutJavaScriptAndEscapesTheQuery() throws Exception {
    var r = get("/?q=%22%3E%3Csvg+onload%3Dalert(1)%3E+botox");
    assertEquals(200, r.statusCode());
    assertFalse(r.body().contains("<svg"), "query echoed unescaped");
    assertTrue(r.body().contains("&quot;&gt;&lt;svg onload=alert(1)&gt; botox"));
    assertTrue(r.body().contains("<mark>"));
    assertTrue(r.headers().firstValue("content-security-policy").orElse("").contains("script-src 'self'"));
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
    for (String q : List.of("%2F%5B%2F", "%22", "(((((a", "a%5E99999999999", "*%3A*", "%5B*+TO+*%5D", "%00%FF")) {
      int status = get("/api/search?q=" + q).statusCode();
      assertTrue(status == 200 || status == 400, q + " -> " + status);
      status = get("/?q=" + q).statusCode();
      assertTrue(status == 200 || status == 400, q + " -> " + status);
    }
  }

  @Test
  void corsAllowsConfiguredOriginsOnTheApi() throws Exception {
    var r = get("/api/search?q=botox", "http://clinic.example");
    assertEquals("*", r.headers().firstValue("access-control-allow-origin").orElse(""));
    assertTrue(r.headers().firstValue("access-control-allow-credentials").isEmpty());
  }

  @Test
  void healthReportsTheEntryCount() throws Exception {
    var r = get("/healthz");
    assertEquals(200, r.statusCode());
    assertEquals(5, new ObjectMapper().readTree(r.body()).get("entries").asInt());
  }
}
