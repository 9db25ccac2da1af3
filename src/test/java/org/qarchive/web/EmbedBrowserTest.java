package org.qarchive.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

/** The embeddable box on a clinic page served from another origin, driven like a visitor would. */
@ExtendWith(BrowserSession.Extension.class)
class EmbedBrowserTest {

  static BrowserSession s;
  static ChromeDriver d;

  @BeforeAll
  static void session(BrowserSession session) {
    s = session;
    d = session.driver;
  }

  private SearchContext openBox(String url) {
    d.get(url);
    WebElement host =
        s.waitFor(d).until(x -> x.findElement(By.cssSelector("[data-qarchive-ready]")));
    return host.getShadowRoot();
  }

  private static WebElement input(SearchContext box) {
    return box.findElement(By.cssSelector("input"));
  }

  private void waitExpanded(SearchContext box) {
    s.waitFor(d).until(x -> "true".equals(input(box).getDomAttribute("aria-expanded")));
  }

  @Test
  void searchesFromAPageOnAnotherOriginThroughCors() {
    SearchContext box = openBox(s.clinicUrl());
    assertTrue(
        s.clinicUrl().startsWith("http://127.0.0.1:")
            && s.archiveUrl().startsWith("http://localhost:"));
    input(box).sendKeys("rhinoplasty");
    waitExpanded(box);
    List<WebElement> options = box.findElements(By.cssSelector("[role=option]"));
    assertTrue(options.size() >= 2, "answers and 'see all'");
    assertTrue(
        options.get(0).getText().contains("Swelling after rhinoplasty"), options.get(0).getText());
    assertTrue(
        options
            .get(0)
            .findElement(By.cssSelector("mark"))
            .getText()
            .equalsIgnoreCase("rhinoplasty"));
    // the host page's hostile CSS does not reach into the shadow root
    assertNotEquals("rgba(255, 0, 0, 1)", input(box).getCssValue("background-color"));
    assertNotEquals("40px", input(box).getCssValue("font-size"));
  }

  @Test
  void comboboxWorksWithTheKeyboardAlone() {
    SearchContext box = openBox(s.clinicUrl());
    new Actions(d).sendKeys(Keys.TAB).perform();
    assertEquals(
        "combobox",
        (String)
            s.js(d, "return document.activeElement.shadowRoot.activeElement.getAttribute('role')"));
    new Actions(d).sendKeys("swelling").perform();
    waitExpanded(box);
    new Actions(d).sendKeys(Keys.ARROW_DOWN).perform();
    String active = input(box).getDomAttribute("aria-activedescendant");
    WebElement first = box.findElements(By.cssSelector("[role=option]")).get(0);
    assertEquals(first.getDomAttribute("id"), active);
    assertEquals("true", first.getDomAttribute("aria-selected"));
    assertEquals(
        input(box).getDomAttribute("aria-controls"),
        box.findElement(By.cssSelector("[role=listbox]")).getDomAttribute("id"));
    new Actions(d).sendKeys(Keys.ESCAPE).perform();
    assertEquals("false", input(box).getDomAttribute("aria-expanded"));
    new Actions(d).sendKeys(Keys.ARROW_DOWN).perform();
    waitExpanded(box);
    new Actions(d).sendKeys(Keys.ARROW_DOWN).sendKeys(Keys.ARROW_UP).sendKeys(Keys.ENTER).perform();
    s.waitFor(d).until(x -> x.getCurrentUrl().startsWith(s.archiveUrl() + "/qa/"));
    assertTrue(d.getCurrentUrl().contains("?q=swelling"), d.getCurrentUrl());
    assertTrue(
        d.findElement(By.tagName("h1")).getText().toLowerCase(Locale.ROOT).contains("swelling"));
  }

  @Test
  void demoPageShowsTheBoxThemedWithAllSixPropertiesAndWhichSitesMayUseIt() throws Exception {
    SearchContext box = openBox(s.archiveUrl() + "/embed/demo");
    s.waitFor(d).until(x -> x.findElements(By.cssSelector("[data-qarchive-ready]")).size() == 2);
    SearchContext themed = d.findElement(By.cssSelector(".demo-themed")).getShadowRoot();
    WebElement button = themed.findElement(By.cssSelector("button"));
    WebElement field = themed.findElement(By.cssSelector("input"));
    // each of the six properties the page shows takes effect
    String shown =
        d.findElement(By.xpath("//h2[contains(., 'CSS custom properties')]/following::pre[1]"))
            .getText();
    for (String property :
        List.of(
            "--qarchive-accent: #6b2a7b",
            "--qarchive-font: Georgia, serif",
            "--qarchive-radius: 0",
            "--qarchive-text: #2b1a30",
            "--qarchive-bg: #fbf7fc",
            "--qarchive-border: #6b2a7b")) {
      assertTrue(shown.contains(property), property + " not shown in " + shown);
    }
    assertEquals("rgba(107, 42, 123, 1)", button.getCssValue("background-color"));
    assertTrue(
        field.getCssValue("font-family").startsWith("Georgia"), field.getCssValue("font-family"));
    assertEquals("0px", field.getCssValue("border-top-left-radius"));
    assertEquals("rgba(43, 26, 48, 1)", field.getCssValue("color"));
    assertEquals("rgba(251, 247, 252, 1)", field.getCssValue("background-color"));
    assertEquals("rgba(107, 42, 123, 1)", field.getCssValue("border-top-color"));
    // the CORS setting: this session's archive allows only the clinic's origin
    String sites = d.findElement(By.cssSelector("ul.cors")).getText();
    assertEquals(s.clinicUrl().replaceAll("/$", ""), sites.strip());
    input(box).sendKeys("botox");
    waitExpanded(box);
    s.screenshot(d, "embed");
  }

  /** The clinic's policy as the demo page and docs/embed.md give it, plus a strict rest. */
  private String clinicPolicy(String lines) {
    return "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; "
        + lines.replaceAll("/\\*[^*]*\\*/", "").replaceAll("\\s*\n\\s*", " ").strip();
  }

  @Test
  void worksOnAClinicPageWhoseContentSecurityPolicyHasTheLinesTheDocsGive() {
    String policy = clinicPolicy(Pages.cspLines(s.archiveUrl()));
    SearchContext box = openBox(s.clinicUrlWithCsp(policy));
    input(box).sendKeys("rhinoplasty");
    waitExpanded(box);
    List<WebElement> options = box.findElements(By.cssSelector("[role=option]"));
    assertTrue(
        options.get(0).getText().contains("Swelling after rhinoplasty"), options.get(0).getText());
    // the box's own styles apply under style-src 'self' (constructed style sheets)
    assertEquals(
        "rgba(11, 92, 173, 1)",
        box.findElement(By.cssSelector("button")).getCssValue("background-color"));
    assertEquals(List.of(), s.js(d, "return window.__violations"), "blocked under " + policy);
    // Enter without choosing an answer opens the results on the archive (form-action)
    new Actions(d).sendKeys(Keys.ESCAPE).perform();
    input(box).sendKeys(Keys.ENTER);
    s.waitFor(d).until(x -> x.getCurrentUrl().startsWith(s.archiveUrl() + "/?q=rhinoplasty"));
  }

  @Test
  void withoutTheConnectSrcLineTheClinicsPolicyBlocksTheSearches() {
    String lines = Pages.cspLines(s.archiveUrl()).replaceAll("connect-src[^;]*;", "");
    SearchContext box = openBox(s.clinicUrlWithCsp(clinicPolicy(lines)));
    input(box).sendKeys("rhinoplasty");
    s.waitFor(d)
        .until(
            x ->
                box.findElement(By.cssSelector("[role=status]"))
                    .getAttribute("textContent")
                    .contains("not available"));
    assertTrue(
        s.js(d, "return window.__violations.join(' ')").toString().contains("connect-src"),
        "the browser reported the blocked search");
  }
}
