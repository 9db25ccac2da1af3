package org.qarchive.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Stored markup and a hostile query never run, wherever they are shown: page, entry, error page and
 * embed.
 */
@ExtendWith(BrowserSession.Extension.class)
class XssBrowserTest {

  static final String QUERY = "scar \"><svg onload=window.__pwned=1>";
  static final String QUERY_URL = "scar+%22%3E%3Csvg+onload%3Dwindow.__pwned%3D1%3E";

  static BrowserSession s;
  static ChromeDriver d;

  @BeforeAll
  static void session(BrowserSession session) {
    s = session;
    d = session.driver;
  }

  @BeforeEach
  void blank() {
    d.get("about:blank");
  }

  private void assertNotPwned() throws InterruptedException {
    Thread.sleep(150); // let any onload/onerror that slipped through fire
    assertEquals(
        true,
        s.js(d, "return typeof window.__pwned === 'undefined'"),
        "script ran on " + d.getCurrentUrl());
  }

  @Test
  void searchPageShowsStoredMarkupAndTheQueryAsText() throws Exception {
    d.get(s.archiveUrl() + "/?q=" + QUERY_URL);
    assertNotPwned();
    assertEquals(QUERY, d.findElement(By.id("q")).getDomProperty("value"));
    d.get(s.archiveUrl() + "/?q=scar+cream");
    assertTrue(
        d.findElement(By.cssSelector("li.hit h2"))
            .getText()
            .contains("<img src=x onerror=window.__pwned=1>"));
    assertTrue(d.getPageSource().contains("Scars &lt;img"), "facet label escaped");
    assertNotPwned();
    d.findElement(By.cssSelector("input[name=category][value^=Scars]"))
        .click(); // JS submits the filter
    s.waitFor(d).until(x -> x.getCurrentUrl().contains("category=Scars"));
    assertNotPwned();
  }

  @Test
  void entryPageShowsStoredMarkupAsText() throws Exception {
    d.get(s.archiveUrl() + "/qa/" + WebFixtures.hostile().id() + "?q=" + QUERY_URL);
    assertTrue(
        d.findElement(By.tagName("h1")).getText().contains("<img src=x onerror=window.__pwned=1>"));
    assertTrue(
        d.findElement(By.cssSelector("section.answer"))
            .getText()
            .contains("\"><svg onload=window.__pwned=1>"));
    assertNotPwned();
  }

  @Test
  void errorPagesEchoNothingExecutable() throws Exception {
    d.get(s.archiveUrl() + "/qa/%22%3E%3Csvg%20onload=window.__pwned=1%3E");
    assertTrue(d.findElement(By.cssSelector("[role=alert]")).isDisplayed());
    assertNotPwned();
    d.get(s.archiveUrl() + "/?q=" + QUERY_URL + "&year=%3Csvg%20onload=window.__pwned=1%3E");
    assertTrue(d.findElement(By.cssSelector("[role=alert]")).getText().contains("'year'"));
    assertNotPwned();
  }

  @Test
  void embedRendersHostileSnippetsAndSuggestionsAsText() throws Exception {
    d.get(s.clinicUrl());
    WebElement host =
        s.waitFor(d).until(x -> x.findElement(By.cssSelector("[data-qarchive-ready]")));
    SearchContext box = host.getShadowRoot();
    box.findElement(By.cssSelector("input"))
        .sendKeys("scar cream <img src=x onerror=window.__pwned=1>");
    s.waitFor(d)
        .until(
            x ->
                "true"
                    .equals(
                        box.findElement(By.cssSelector("input")).getDomAttribute("aria-expanded")));
    String text = box.findElement(By.cssSelector("[role=listbox]")).getText();
    assertTrue(text.contains("Scar cream question <img src=x onerror=window.__pwned=1>"), text);
    assertTrue(
        box.findElements(
                By.cssSelector("[role=listbox] img, [role=listbox] svg, [role=listbox] script"))
            .isEmpty());
    assertNotPwned();
  }
}
