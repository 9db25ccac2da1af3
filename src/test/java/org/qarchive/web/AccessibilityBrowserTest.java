package org.qarchive.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.qarchive.Fixtures;

/** axe-core finds no WCAG A/AA violation on any kind of page we serve. */
@ExtendWith(BrowserSession.Extension.class)
class AccessibilityBrowserTest {

  static BrowserSession s;
  static String axe;

  @BeforeAll
  static void session(BrowserSession session) {
    s = session;
    axe = BrowserSession.axeSource();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/",
        "/?q=swelling&category=Rhinoplasty",
        "/?q=swelling&page=2",
        "/?q=zzzqqq",
        "ENTRY",
        "/qa/no-such-entry",
        "/embed/demo"
      })
  void pageHasNoAxeViolations(String path) {
    ChromeDriver d = s.driver;
    d.get(
        s.archiveUrl()
            + (path.equals("ENTRY") ? "/qa/" + Fixtures.seed().id() + "?q=botox" : path));
    if (path.startsWith("/embed")) {
      // audit the box with its listbox open too
      s.waitFor(d).until(x -> x.findElements(By.cssSelector("[data-qarchive-ready]")).size() == 2);
      d.findElement(By.cssSelector("[data-qarchive-ready]"))
          .getShadowRoot()
          .findElement(By.cssSelector("input"))
          .sendKeys("botox");
      s.waitFor(d)
          .until(
              x ->
                  "true"
                      .equals(
                          x.findElement(By.cssSelector("[data-qarchive-ready]"))
                              .getShadowRoot()
                              .findElement(By.cssSelector("input"))
                              .getDomAttribute("aria-expanded")));
    }
    s.js(d, axe);
    Object violations =
        d.executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}})"
                + ".then(r => done(r.violations.map(v => v.id + ': ' + v.help + ' at '"
                + " + v.nodes.map(n => JSON.stringify(n.target)).join(', ')).join('\\n')))"
                + ".catch(e => done('axe failed: ' + e));");
    assertEquals("", violations, path);
  }
}
