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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qarchive.Fixtures;
import org.qarchive.archive.QaEntry;
import org.qarchive.search.ArchiveSearcher;

/**
 * The clinic's voice as staff set it in the config folder: on every page, in the notices and in the
 * API for the embed; changed without a restart; a bad file never takes it away.
 */
class ClinicVoicePagesTest {

  @TempDir static Path tmp;
  static ArchiveSearcher searcher;
  static WebServer server;
  static final HttpClient http = HttpClient.newHttpClient();

  static final String CLINIC =
      """
      name = Kane Plastic Surgery
      phone = (410) 555-0100
      contact_url = https://kane.example/contact
      consultation_url = https://kane.example/book?from=archive&x=1
      disclaimer = Our answers are general information & no substitute for a visit.
      emergency_number = 112
      """;

  static final String UNDATED_URL = "http://blog.example-clinic.com/undated-swelling-question/";
  static final QaEntry UNDATED =
      new QaEntry(
          QaEntry.idFor(UNDATED_URL, 0),
          UNDATED_URL,
          "Swelling that comes and goes",
          "My cheeks swell in the morning after filler.",
          null,
          "Morning swelling after filler is common and settles.",
          "Dr. Dean Kane",
          null,
          null,
          List.of("Fillers"),
          List.of("q&a", "swelling"),
          "blog.example-clinic.com/undated-swelling-question/index.html");

  static final String CAPTURED_URL = "http://blog.example-clinic.com/2015/11/keloid-question/";
  static final QaEntry CAPTURED =
      new QaEntry(
          QaEntry.idFor(CAPTURED_URL, 0),
          CAPTURED_URL,
          "Keloid after ear piercing",
          "Can a keloid come back after removal?",
          null,
          "Keloids can recur; steroid injections lower the chance.",
          "Dr. Dean Kane",
          null,
          LocalDate.of(2015, 11, 3),
          List.of("Scars"),
          List.of("keloid"),
          "web.archive.org/web/20160902192318/http:/blog.example-clinic.com/2015/11/keloid-question/index.html");

  @BeforeAll
  static void start() throws Exception {
    Path index = tmp.resolve("index");
    List<QaEntry> entries = new ArrayList<>(WebFixtures.entries());
    entries.add(UNDATED);
    entries.add(CAPTURED);
    Fixtures.index(index, entries);
    Path config = tmp.resolve("config");
    Files.createDirectories(config);
    Files.writeString(config.resolve("clinic.properties"), CLINIC);
    searcher = new ArchiveSearcher(index);
    server =
        new WebServer(
                searcher, new WebConfig("127.0.0.1", 0, List.of("*"), null).withConfigDir(config))
            .start();
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    searcher.close();
  }

  static HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void everyPageSpeaksInTheClinicsVoice() throws Exception {
    for (String path :
        List.of(
            "/",
            "/?q=swelling",
            "/?q=zzzqqq",
            "/qa/" + UNDATED.id(),
            "/nowhere",
            "/?q=x&year=abc",
            "/embed/demo")) {
      String html = get(path).body();
      assertTrue(html.contains("Kane Plastic Surgery"), path);
      assertTrue(html.contains("<a href=\"tel:4105550100\">(410) 555-0100</a>"), path);
      assertTrue(
          html.contains("Our answers are general information &amp; no substitute for a visit."),
          path);
      assertTrue(html.contains("href=\"https://kane.example/contact\""), path);
      assertTrue(
          html.contains("href=\"https://kane.example/book?from=archive&amp;x=1\">Ask the doctor"),
          path);
      assertTrue(html.contains("href=\"tel:112\""), path + ": the configured emergency number");
      assertFalse(html.contains("Answers are general information, not medical advice."), path);
    }
  }

  @Test
  void theAgeNoticeSendsThePatientToTheClinic() throws Exception {
    String html = get("/qa/" + CAPTURED.id()).body();
    assertTrue(
        html.contains(
            "ago and may not reflect current practice. Ask Kane Plastic Surgery about your own case:"
                + " call <a href=\"tel:4105550100\">(410) 555-0100</a> or <a href=\""
                + "https://kane.example/book?from=archive&amp;x=1\">book a consultation</a>."),
        html);
  }

  @Test
  void anUndatedEntrySaysDateUnknownAndStillWarnsItMayBeDated() throws Exception {
    String html = get("/qa/" + UNDATED.id()).body();
    assertTrue(html.contains("Date unknown"), html);
    assertTrue(html.contains("We do not know when this answer was published"), html);
    String results = get("/?q=cheeks+swell").body();
    assertTrue(results.contains("<p class=\"meta\">date unknown · answered by Dr. Dean Kane"));
  }

  @Test
  void readTheOriginalOpensTheWaybackCaptureItWasImportedFrom() throws Exception {
    String html = get("/qa/" + CAPTURED.id()).body();
    assertTrue(
        html.contains(
            "href=\"https://web.archive.org/web/20160902192318/"
                + CAPTURED_URL
                + "\">Read the original post</a>"
                + " (the Internet Archive's copy of 2016-09-02)"),
        html);
    assertFalse(html.contains("href=\"" + CAPTURED_URL + "\""), "the dead blog is not the link");
    assertEquals(404, get("/qa/" + CAPTURED.id() + "/archived").statusCode(), "no folder served");
  }

  @Test
  void entryTermsHideBookkeepingTags() throws Exception {
    String html = get("/qa/" + UNDATED.id()).body();
    assertTrue(html.contains("#swelling"));
    assertFalse(html.contains("#q&amp;a"), html);
  }

  @Test
  void theEmergencyNoticeUsesTheClinicsNumbers() throws Exception {
    String html = get("/?q=I+think+I+am+having+a+stroke").body();
    assertTrue(
        html.contains("If this is an emergency, call <a href=\"tel:112\">112</a> now"), html);
    assertTrue(
        html.contains("call Kane Plastic Surgery at <a href=\"tel:4105550100\">(410) 555-0100</a>"),
        html);
    JsonNode api =
        new ObjectMapper()
            .readTree(get("/api/search?q=I+want+to+kill+myself&instant=1").body())
            .get("emergency");
    assertEquals("crisis", api.get("kind").asText());
    assertEquals("112", api.get("call").asText());
    assertEquals("(410) 555-0100", api.get("clinic_phone").asText());
    assertTrue(api.get("crisis_message").asText().contains("988"));
    JsonNode clinic = new ObjectMapper().readTree(get("/api/clinic").body());
    assertEquals("Kane Plastic Surgery", clinic.get("name").asText());
    assertEquals("tel:112", clinic.get("emergency_href").asText());
  }
}
