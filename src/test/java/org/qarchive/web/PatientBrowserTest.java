package org.qarchive.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.qarchive.SampleArchive;
import org.qarchive.search.ArchiveSearcher;

/**
 * What a patient sees in Chromium on the sample archive, with a clinic's settings: the emergency
 * notice on the page and at the top of the embed's dropdown, the embed's visible "No answers
 * found", its words from data- attributes, the print style; axe-core finds nothing on these pages.
 */
@ExtendWith(BrowserSession.Extension.class)
class PatientBrowserTest {

  static BrowserSession s;
  static ChromeDriver d;
  static Path tmp;
  static ArchiveSearcher searcher;
  static WebServer server;
  static HttpServer clinicSite;

  static final String EMERGENCY = "chest pain and shortness of breath right now";

  @BeforeAll
  static void start(BrowserSession session) throws Exception {
    s = session;
    d = session.driver;
    tmp = Files.createTempDirectory("qarchive-patient-browser");
    Path config = tmp.resolve("config");
    Files.createDirectories(config);
    Files.writeString(
        config.resolve("clinic.properties"),
        """
        name = Kane Plastic Surgery
        phone = (410) 555-0100
        contact_url = https://kane.example/contact
        consultation_url = https://kane.example/consultation
        """);
    searcher = new ArchiveSearcher(SampleArchive.index());
    server =
        new WebServer(
                searcher,
                new WebConfig("127.0.0.1", 0, List.of("*"), null)
                    .withConfigDir(config)
                    .withArchiveDir(SampleArchive.archive()))
            .start();
    clinicSite = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    clinicSite.createContext(
        "/",
        ex -> {
          byte[] body = translatedPage().getBytes(StandardCharsets.UTF_8);
          ex.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
          ex.sendResponseHeaders(200, body.length);
          ex.getResponseBody().write(body);
          ex.close();
        });
    clinicSite.start();
  }

  @AfterAll
  static void stop() throws Exception {
    if (clinicSite != null) {
      clinicSite.stop(0);
    }
    if (server != null) {
      server.close();
    }
    if (searcher != null) {
      searcher.close();
    }
    BrowserSession.deleteTree(tmp);
  }

  static String url(String path) {
    return "http://localhost:" + server.port() + path;
  }

  static String q(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  /** A clinic page in German: every word of the box comes from data- attributes. */
  static String translatedPage() {
    return "<!doctype html><html lang=\"de\"><head><meta charset=\"utf-8\"><title>Praxis</title></head>"
        + "<body><main><div data-qarchive data-label=\"Antworten durchsuchen\""
        + " data-placeholder=\"Ihre Frage\" data-button=\"Suchen\" data-answers=\"Antworten\""
        + " data-no-results=\"Keine Antworten gefunden\" data-ask=\"Fragen Sie den Arzt\""
        + " data-see-all=\"Alle {n} Antworten\" data-emergency=\"Im Notfall sofort {number} anrufen\""
        + " data-emergency-message=\"Brustschmerzen brauchen sofort Hilfe.\""
        + " data-clinic-call=\"Oder rufen Sie {clinic} an:\" data-disclaimer=\"Keine medizinische Beratung.\""
        + " data-date-unknown=\"Datum unbekannt\"></div>"
        + "<script src=\"http://localhost:"
        + server.port()
        + "/embed.js\" async></script></main></body></html>";
  }

  private SearchContext box(String pageUrl) {
    d.get(pageUrl);
    return s.waitFor(d)
        .until(x -> x.findElement(By.cssSelector("[data-qarchive-ready]")))
        .getShadowRoot();
  }

  private void type(SearchContext box, String text) {
    WebElement input = box.findElement(By.cssSelector("input"));
    input.click();
    input.sendKeys(text);
  }

  private String axe() {
    s.js(d, BrowserSession.axeSource());
    return (String)
        d.executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}})"
                + ".then(r => done(r.violations.map(v => v.id + ': ' + v.help + ' at '"
                + " + v.nodes.map(n => JSON.stringify(n.target)).join(', ')).join('\\n')))"
                + ".catch(e => done('axe failed: ' + e));");
  }

  @Test
  void anEmergencyQueryShowsTheNoticeFirstOnThePage() throws Exception {
    d.get(url("/?q=" + q(EMERGENCY)));
    WebElement notice = d.findElement(By.cssSelector("section.emergency"));
    assertTrue(notice.isDisplayed());
    assertTrue(
        notice.getText().startsWith("If this is an emergency, call 911 now"), notice.getText());
    assertTrue(notice.getText().contains("(410) 555-0100"), notice.getText());
    WebElement firstHit = d.findElement(By.cssSelector("li.hit"));
    assertTrue(notice.getRect().getY() < firstHit.getRect().getY(), "above the results");
    assertTrue(
        notice.getRect().getY() + notice.getRect().getHeight() < 900, "in view without scrolling");
    assertEquals("", axe());
    s.screenshot(d, "emergency");
  }

  @Test
  void aQuestionTheArchiveCannotAnswerSaysSoAboveTheLooseMatches() throws Exception {
    d.get(url("/?q=" + q("can i get botox while pregnant")));
    WebElement note = d.findElement(By.id("loose-note"));
    assertTrue(note.isDisplayed());
    assertTrue(note.getText().startsWith("No answer closely matches your question."));
    assertTrue(note.getText().contains("book a consultation"), note.getText());
    WebElement firstHit = d.findElement(By.cssSelector("li.hit"));
    assertTrue(note.getRect().getY() < firstHit.getRect().getY(), "above the answers");
    assertEquals("", axe());
    s.screenshot(d, "no-close-match");
  }

  @Test
  void theEmbedSaysSoToo() {
    SearchContext box = box(url("/embed/demo"));
    type(box, "can i get botox while pregnant");
    WebElement note = s.waitFor(d).until(x -> box.findElement(By.cssSelector(".note")));
    s.waitFor(d).until(x -> note.isDisplayed());
    assertTrue(
        note.getText().startsWith("No answer closely matches your question"), note.getText());
    WebElement firstOption = box.findElement(By.cssSelector("[role=option]"));
    assertTrue(note.getRect().getY() < firstOption.getRect().getY());
  }

  @Test
  void theNoticeComesAndGoesWhileTyping() {
    d.get(url("/?q=swelling"));
    assertTrue(d.findElements(By.cssSelector("section.emergency")).isEmpty());
    WebElement q = d.findElement(By.id("q"));
    q.clear();
    q.sendKeys("heavy bleeding after surgery");
    s.waitFor(d).until(x -> !x.findElements(By.cssSelector("section.emergency")).isEmpty());
    q.clear();
    q.sendKeys("bleeding gums");
    s.waitFor(d).until(x -> x.findElements(By.cssSelector("section.emergency")).isEmpty());
  }

  @Test
  void theEmbedPutsTheEmergencyNoticeAtTheTopOfItsDropdown() throws Exception {
    SearchContext box = box(url("/embed/demo"));
    type(box, EMERGENCY);
    WebElement em = s.waitFor(d).until(x -> box.findElement(By.cssSelector(".em")));
    s.waitFor(d).until(x -> em.isDisplayed());
    assertTrue(em.getText().startsWith("If this is an emergency, call 911 now"), em.getText());
    WebElement call = em.findElement(By.cssSelector("a[href='tel:911']"));
    assertTrue(call.isDisplayed());
    WebElement firstOption = box.findElement(By.cssSelector("[role=option]"));
    assertTrue(em.getRect().getY() < firstOption.getRect().getY(), "above the answers");
    assertEquals("", axe());
    s.screenshot(d, "embed-emergency");
    // a look-alike clears it
    WebElement input = box.findElement(By.cssSelector("input"));
    input.clear();
    input.sendKeys("chest lift");
    s.waitFor(d).until(x -> !em.isDisplayed());
  }

  @Test
  void theEmbedSaysNoAnswersFoundWhereEveryoneCanSeeIt() {
    SearchContext box = box(url("/embed/demo"));
    type(box, "zzqqxxy");
    WebElement note = s.waitFor(d).until(x -> box.findElement(By.cssSelector(".note")));
    s.waitFor(d).until(x -> note.isDisplayed());
    assertTrue(note.getText().startsWith("No answers found"), note.getText());
    assertTrue(note.getText().contains("Ask the doctor"), "somewhere to go: " + note.getText());
    assertEquals(
        "https://kane.example/consultation",
        note.findElement(By.cssSelector("a")).getDomAttribute("href"));
  }

  @Test
  void theEmbedTakesItsWordsFromDataAttributes() {
    SearchContext box = box("http://127.0.0.1:" + clinicSite.getAddress().getPort() + "/");
    assertEquals("Suchen", box.findElement(By.cssSelector("button")).getText());
    WebElement input = box.findElement(By.cssSelector("input"));
    assertEquals("Ihre Frage", input.getDomAttribute("placeholder"));
    type(box, "zzqqxxy");
    WebElement note = box.findElement(By.cssSelector(".note"));
    s.waitFor(d).until(x -> note.isDisplayed());
    assertTrue(note.getText().startsWith("Keine Antworten gefunden"), note.getText());
    assertTrue(note.getText().contains("Fragen Sie den Arzt"), note.getText());
    input.clear();
    input.sendKeys(EMERGENCY);
    WebElement em = box.findElement(By.cssSelector(".em"));
    s.waitFor(d).until(x -> em.isDisplayed());
    assertTrue(em.getText().startsWith("Im Notfall sofort 911 anrufen"), em.getText());
    assertTrue(em.getText().contains("Brustschmerzen brauchen sofort Hilfe."), em.getText());
    assertTrue(em.getText().contains("Oder rufen Sie Kane Plastic Surgery an: (410) 555-0100"));
    assertTrue(box.findElement(By.cssSelector(".h")).getText().equalsIgnoreCase("Antworten"));
    assertTrue(
        box.findElement(By.cssSelector(".foot"))
            .getText()
            .startsWith("Keine medizinische Beratung."));
  }

  @Test
  void printingLeavesTheAnswerAndTheClinicAndDropsTheControls() {
    JsonHit hit = firstHit("tremor");
    d.get(url("/qa/" + hit.id() + "?q=tremor"));
    try {
      assertTrue(d.findElement(By.cssSelector("form.search")).isDisplayed(), "on screen");
      d.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
      assertFalse(d.findElement(By.cssSelector("form.search")).isDisplayed());
      assertTrue(d.findElement(By.cssSelector("section.answer")).isDisplayed());
      assertTrue(d.findElement(By.cssSelector("header p.clinic")).getText().contains("555-0100"));
      assertEquals(
          "rgba(0, 0, 0, 0)",
          d.findElement(By.cssSelector("mark")).getCssValue("background-color"),
          "marks print without a colour fill");
    } finally {
      d.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
    }
  }

  record JsonHit(String id) {}

  private JsonHit firstHit(String query) {
    d.get(url("/api/search?q=" + q(query)));
    String body = d.findElement(By.tagName("body")).getText();
    int at = body.indexOf("\"id\":\"") + 6;
    return new JsonHit(body.substring(at, body.indexOf('"', at)));
  }
}
