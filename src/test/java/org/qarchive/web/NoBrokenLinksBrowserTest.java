package org.qarchive.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.qarchive.Fixtures;

/**
 * What a real browser asks for on each kind of page, the scripts' suggestions and searches
 * included, never gets a 404: counted by the server itself, in its metrics.
 */
@ExtendWith(BrowserSession.Extension.class)
class NoBrokenLinksBrowserTest {

  private static final Pattern NOT_FOUND =
      Pattern.compile("qarchive_http_requests_total\\{[^}]*status=\"404\"\\} (\\d+)");

  /** Requests the scripts make on their own: the page's suggestions, the embed's searches. */
  private static final Pattern SCRIPTED =
      Pattern.compile(
          "qarchive_http_requests_total\\{[^}]*route=\"/api/(suggest|search)\"[^}]*status=\"200\"\\} (\\d+)");

  private static long sum(String metrics, Pattern p, int group) {
    long n = 0;
    Matcher m = p.matcher(metrics);
    while (m.find()) {
      n += Long.parseLong(m.group(group));
    }
    return n;
  }

  private static String metrics(BrowserSession s) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(s.archiveUrl() + "/metrics")).build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  @Test
  void noPageMakesTheBrowserRequestAnythingThatIsNotThere(BrowserSession s) throws Exception {
    ChromeDriver d = s.driver;
    String before = metrics(s);
    for (String path :
        List.of(
            "/",
            "/?q=swelling",
            "/?q=qqqzzzxxx",
            "/qa/" + Pages.pathPart(Fixtures.seed().id()) + "?q=botox",
            "/embed/demo")) {
      d.get(s.archiveUrl() + path);
      s.waitFor(d).until(x -> "complete".equals(s.js(x, "return document.readyState")));
      if (path.equals("/")) {
        // the page's script asks for suggestions as the visitor types
        d.findElement(By.id("q")).sendKeys("swel");
        Thread.sleep(600);
      }
    }
    d.get(s.clinicUrl()); // the embed on another site
    s.waitFor(d).until(x -> !x.findElements(By.cssSelector("[data-qarchive-ready]")).isEmpty());
    Thread.sleep(500);
    String after = metrics(s);
    assertEquals(sum(before, NOT_FOUND, 1), sum(after, NOT_FOUND, 1), "404s while browsing");
    // the count moved, so the 404 count standing still means something (headless Chromium asks
    // for no icons on its own: NoBrokenLinksTest requests /favicon.ico as browsers do)
    assertTrue(
        sum(after, SCRIPTED, 2) > sum(before, SCRIPTED, 2), "the scripts' requests were counted");
  }
}
