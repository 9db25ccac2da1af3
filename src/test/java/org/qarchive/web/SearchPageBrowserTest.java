package org.qarchive.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/** The search page in a real browser: with JavaScript off it still searches, filters and pages. */
@ExtendWith(BrowserSession.Extension.class)
class SearchPageBrowserTest {

  static BrowserSession s;

  @BeforeAll
  static void session(BrowserSession session) {
    s = session;
  }

  private static List<String> titles(ChromeDriver d) {
    return d.findElements(By.cssSelector("li.hit h2")).stream().map(WebElement::getText).toList();
  }

  @Test
  void searchesFiltersAndPaginatesWithoutJavaScript() throws Exception {
    Path profile = Files.createTempDirectory("qarchive-nojs");
    ChromeDriver d = BrowserSession.newDriver(false, profile);
    try {
      d.get(s.archiveUrl() + "/");
      d.findElement(By.id("q")).sendKeys("swelling", Keys.ENTER);
      s.waitFor(d).until(x -> x.getCurrentUrl().contains("q=swelling"));
      // app.js would have added a datalist: its absence shows scripts really are off
      assertTrue(d.findElements(By.id("q-suggestions")).isEmpty(), "JavaScript ran");
      String count = d.findElement(By.id("count")).getText();
      assertTrue(count.matches("\\d+ answers for swelling · page 1 of \\d+"), count);
      List<String> first = titles(d);
      // ten answers a page: near duplicates of a shown answer are folded under it as "N similar
      // answers"
      int folded = d.findElements(By.cssSelector("li.hit details.similar li")).size();
      assertEquals(10, first.size() + folded, first + " + " + folded + " folded");
      assertTrue(folded > 0, "the fixtures repeat questions, so some must fold");

      d.findElement(By.cssSelector("a[rel=next]")).click();
      s.waitFor(d).until(x -> x.getCurrentUrl().contains("page=2"));
      assertTrue(d.findElement(By.id("count")).getText().contains("page 2 of"));
      assertNotEquals(first, titles(d));
      assertEquals(
          "2",
          d.findElement(By.cssSelector("nav.pages a[aria-current=page]"))
              .getText()
              .replaceAll("\\D", ""));

      d.findElement(By.cssSelector("label[for^=f-category-]")).isDisplayed();
      WebElement rhinoplasty =
          d.findElement(By.cssSelector("input[name=category][value=Rhinoplasty]"));
      rhinoplasty.click();
      d.findElement(By.cssSelector("button.apply")).click();
      s.waitFor(d).until(x -> x.getCurrentUrl().contains("category=Rhinoplasty"));
      assertTrue(
          d.findElement(By.cssSelector("input[name=category][value=Rhinoplasty]")).isSelected());
      assertTrue(titles(d).stream().allMatch(t -> t.contains("rhinoplasty")), titles(d).toString());

      d.findElement(By.linkText("newest first")).click();
      s.waitFor(d).until(x -> x.getCurrentUrl().contains("sort=date"));
      List<String> dates =
          d.findElements(By.cssSelector("li.hit time")).stream()
              .map(e -> e.getDomAttribute("datetime"))
              .toList();
      assertEquals(dates.stream().sorted(java.util.Comparator.reverseOrder()).toList(), dates);
    } finally {
      d.quit();
      BrowserSession.deleteTree(profile);
    }
  }

  @Test
  void resultsUpdateWhileTypingWhenJavaScriptIsOn() throws Exception {
    ChromeDriver d = s.driver;
    d.get(s.archiveUrl() + "/?q=botox");
    WebElement q = d.findElement(By.id("q"));
    q.clear();
    q.sendKeys("facelift");
    s.waitFor(d).until(x -> x.findElement(By.id("count")).getText().contains("facelift"));
    assertTrue(d.getCurrentUrl().contains("q=facelift"));
    assertTrue(titles(d).get(0).toLowerCase(Locale.ROOT).contains("facelift"));
    assertEquals("polite", d.findElement(By.id("count")).getDomAttribute("aria-live"));
    s.waitFor(d).until(x -> !x.findElements(By.cssSelector("#q-suggestions option")).isEmpty());
    d.get(s.archiveUrl() + "/?q=swelling");
    s.screenshot(d, "search");
  }
}
