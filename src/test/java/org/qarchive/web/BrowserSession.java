package org.qarchive.web;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.sun.net.httpserver.HttpServer;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.qarchive.SharedData;
import org.qarchive.search.ArchiveSearcher;

/**
 * One archive server, one "clinic" host page server on another origin and one headless Chromium,
 * shared by every browser test class in the run (the extension keeps it in the root store, which
 * closes it at the end).
 *
 * <p>The archive is addressed as {@code localhost}, the clinic page as {@code 127.0.0.1}: two
 * origins, so the embed really runs cross-origin and needs CORS.
 */
final class BrowserSession implements AutoCloseable {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  final Path dir;
  final ArchiveSearcher searcher;
  final WebServer archive;
  final HttpServer clinic;
  final ChromeDriver driver;
  private final Path profile;

  private BrowserSession() throws IOException {
    requireChromium();
    dir = Files.createTempDirectory("qarchive-browser-index");
    org.qarchive.Fixtures.index(dir, WebFixtures.entries());
    searcher = new ArchiveSearcher(dir);
    clinic = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    String clinicOrigin = "http://127.0.0.1:" + clinic.getAddress().getPort();
    archive =
        new WebServer(
                searcher,
                // a fixed public URL keeps the snippet on the demo page, and so the screenshot, the
                // same every run
                new WebConfig(
                    "127.0.0.1",
                    0,
                    List.of(clinicOrigin),
                    null,
                    List.of(),
                    "https://archive.example",
                    dir))
            .start();
    clinic.createContext(
        "/",
        ex -> {
          byte[] body = clinicPage().getBytes(StandardCharsets.UTF_8);
          ex.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
          ex.sendResponseHeaders(200, body.length);
          ex.getResponseBody().write(body);
          ex.close();
        });
    // the clinic page again, under the Content-Security-Policy given as ?policy=, with the clinic's
    // own script that records every violation the browser reports
    clinic.createContext(
        "/csp",
        ex -> {
          String query = ex.getRequestURI().getRawQuery();
          String policy =
              URLDecoder.decode(query == null ? "" : query.replaceFirst("^policy=", ""), UTF_8);
          byte[] body = clinicPage("<script src=\"/watch.js\"></script>").getBytes(UTF_8);
          ex.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
          ex.getResponseHeaders().add("Content-Security-Policy", policy);
          ex.sendResponseHeaders(200, body.length);
          ex.getResponseBody().write(body);
          ex.close();
        });
    clinic.createContext(
        "/watch.js",
        ex -> {
          byte[] body =
              ("window.__violations = [];"
                      + "document.addEventListener('securitypolicyviolation', function (e) {"
                      + " window.__violations.push(e.violatedDirective + ' ' + e.blockedURI); });")
                  .getBytes(UTF_8);
          ex.getResponseHeaders().add("Content-Type", "text/javascript");
          ex.sendResponseHeaders(200, body.length);
          ex.getResponseBody().write(body);
          ex.close();
        });
    clinic.start();
    profile = Files.createTempDirectory("qarchive-chromium");
    driver = newDriver(true, profile);
  }

  /** The archive's base URL, as the browser sees it. */
  String archiveUrl() {
    return "http://localhost:" + archive.port();
  }

  /** The clinic page on another origin that embeds the search box. */
  String clinicUrl() {
    return "http://127.0.0.1:" + clinic.getAddress().getPort() + "/";
  }

  /** The clinic page under {@code policy}; {@code window.__violations} lists what it blocked. */
  String clinicUrlWithCsp(String policy) {
    return clinicUrl() + "csp?policy=" + URLEncoder.encode(policy, UTF_8);
  }

  /**
   * A page that tries hard to break the box: hostile CSS, and the snippet exactly as the README
   * gives it.
   */
  private String clinicPage() {
    return clinicPage(
        "<style>input, button { background: red !important; font-size: 40px !important; }"
            + " div { display: inline; }</style>");
  }

  private String clinicPage(String head) {
    return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Kane Clinic</title>"
        + head
        + "</head><body><header><h1>Kane Clinic</h1></header><main><p>Ask us anything:</p>"
        + "<script src=\""
        + archiveUrl()
        + "/embed.js\" data-qarchive async></script>"
        + "<p>Clinic text after the box.</p></main></body></html>";
  }

  WebDriverWait waitFor(WebDriver d) {
    return new WebDriverWait(d, Duration.ofSeconds(10));
  }

  Object js(WebDriver d, String script, Object... args) {
    return ((JavascriptExecutor) d).executeScript(script, args);
  }

  /** Saves a screenshot into docs/screenshots, checked in and shown in the README. */
  void screenshot(ChromeDriver d, String name) throws IOException {
    Path out = Path.of("docs", "screenshots", name + ".png");
    Files.createDirectories(out.getParent());
    Files.write(out, d.getScreenshotAs(OutputType.BYTES));
  }

  static String axeSource() {
    try (InputStream in = BrowserSession.class.getResourceAsStream("/axe/axe.min.js")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Skips when Chromium is missing on a developer machine; fails in CI, where it must be installed.
   */
  static void requireChromium() {
    boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (present) {
      return;
    }
    String why =
        "browser tests need "
            + CHROMIUM
            + " and "
            + CHROMEDRIVER
            + " (apt-get install chromium chromium-driver)";
    if (SharedData.inCi()) {
      Assertions.fail(why);
    }
    Assumptions.abort(why);
  }

  /**
   * A fresh headless Chromium; {@code javascript == false} turns scripts off through the content
   * settings.
   */
  static ChromeDriver newDriver(boolean javascript, Path profile) {
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    ChromeOptions o = new ChromeOptions();
    o.setBinary(CHROMIUM.toFile());
    o.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1200,900",
        "--user-data-dir=" + profile);
    if (!javascript) {
      o.setExperimentalOption(
          "prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
    }
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
            .usingAnyFreePort()
            .build();
    ChromeDriver d = new ChromeDriver(service, o);
    d.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    return d;
  }

  static void deleteTree(Path p) {
    try (Stream<Path> s = Files.walk(p)) {
      s.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException e) {
      // a temp folder left behind is harmless
    }
  }

  @Override
  public void close() throws Exception {
    try {
      driver.quit();
    } finally {
      archive.close();
      clinic.stop(0);
      searcher.close();
      deleteTree(dir);
      deleteTree(profile);
    }
  }

  /** Gives browser test classes the shared session as a {@code @BeforeAll} or test parameter. */
  static final class Extension implements BeforeAllCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NS =
        ExtensionContext.Namespace.create(BrowserSession.class);

    @Override
    public void beforeAll(ExtensionContext context) {
      get(context);
    }

    private static BrowserSession get(ExtensionContext context) {
      return context
          .getRoot()
          .getStore(NS)
          .computeIfAbsent(
              BrowserSession.class,
              k -> {
                try {
                  return new BrowserSession();
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              },
              BrowserSession.class);
    }

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext c) {
      return p.getParameter().getType() == BrowserSession.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext c) {
      return get(c);
    }
  }
}
