package org.qarchive.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.qarchive.Fixtures;
import org.qarchive.SharedData;
import org.qarchive.archive.QaEntry;
import org.qarchive.cli.ImportFlow;
import org.qarchive.importer.ImportOptions;
import org.qarchive.index.Analysis;
import org.qarchive.index.EntryEdits;
import org.qarchive.search.ArchiveSearcher;
import org.qarchive.search.Synonyms;
import org.qarchive.web.admin.PasswordHash;
import org.qarchive.web.admin.StaffAccounts;
import org.qarchive.web.admin.StaffAdmin;

/**
 * The staff side in Chromium, as clinic staff use it: sign in, upload a zip of the sample archive,
 * watch it import, read the report, correct an answer and find the correction by searching, hide an
 * entry and see it gone from the public search and the embedded box, import again and find the
 * correction still there; every staff page passes axe-core, every form works with JavaScript off.
 * Writes the screenshots of docs/staff.md.
 */
@ExtendWith(BrowserSession.Extension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StaffBrowserTest {

  static final String NAME = "maria";
  static final String PASSWORD = "front desk passphrase";
  static final String TREMOR_URL =
      "http://blog.example-clinic.com/2012/05/what-research-or-clinical-trials-is-being-done-for-tremor/";
  static final String RETT_URL =
      "http://blog.example-clinic.com/2015/04/dr-helen-ashford-qa-what-is-rett-syndrome/";

  static BrowserSession s;
  static ChromeDriver d;
  static Path dir;
  static Path zip;
  static EntryEdits edits;
  static ArchiveSearcher searcher;
  static ArchiveSearcher staffSearcher;
  static StaffAdmin admin;
  static WebServer server;
  static volatile CountDownLatch gate;

  @BeforeAll
  static void start(BrowserSession session) throws Exception {
    s = session;
    d = session.driver;
    Path sample = SharedData.require("data/sample-archive");
    dir = Files.createTempDirectory("qarchive-staff-browser");
    Path index = dir.resolve("index");
    zip = dir.resolve("clinic-blog-wayback.zip");
    zipFolder(sample, zip);
    Fixtures.index(index, List.of(Fixtures.seed()));
    new StaffAccounts(index, new PasswordHash()).add(NAME, PASSWORD.toCharArray());
    edits = EntryEdits.open(index);
    Synonyms synonyms = Synonyms.load(null, Analysis.DEFAULT);
    searcher = new ArchiveSearcher(index, synonyms, edits);
    staffSearcher = ArchiveSearcher.seeingHidden(index, synonyms);
    admin =
        new StaffAdmin(
            new StaffAdmin.Setup(
                index,
                null,
                null,
                100L * 1024 * 1024,
                edits,
                () -> staffSearcher,
                () -> {
                  searcher.refresh();
                  staffSearcher.refresh();
                },
                (inputs, control, history, runId, source, by) -> {
                  CountDownLatch g = gate;
                  if (g != null) {
                    try {
                      g.await();
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                      throw new IOException(e);
                    }
                  }
                  return ImportFlow.run(
                      index,
                      inputs,
                      ImportOptions.defaults().withControl(control),
                      false,
                      history,
                      runId,
                      source,
                      by);
                },
                new StaffAdmin.SynonymsInUse() {
                  @Override
                  public Text current() {
                    return new Text("tummy tuck, abdominoplasty\nnose job, rhinoplasty\n", "test");
                  }

                  @Override
                  public void use(String text) {}
                },
                Clock.systemUTC()),
            dir.resolve("config"));
    server =
        new WebServer(
                searcher,
                new WebConfig("127.0.0.1", 0, List.of("*"), null, List.of(), null, index)
                    .withConfigDir(dir.resolve("config")))
            .with(admin)
            .start();
  }

  @AfterAll
  static void stop() throws Exception {
    if (server == null) {
      return; // skipped before anything started: the sample archive is absent
    }
    d.manage().deleteAllCookies();
    server.close();
    admin.close();
    searcher.close();
    staffSearcher.close();
    BrowserSession.deleteTree(dir);
  }

  static void zipFolder(Path folder, Path out) throws IOException {
    try (OutputStream o = Files.newOutputStream(out);
        ZipOutputStream z = new ZipOutputStream(o);
        Stream<Path> files = Files.walk(folder)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        z.putNextEntry(new ZipEntry(folder.relativize(f).toString().replace('\\', '/')));
        Files.copy(f, z);
        z.closeEntry();
      }
    }
  }

  static String base() {
    return "http://localhost:" + server.port();
  }

  static String axe(ChromeDriver driver) {
    s.js(driver, BrowserSession.axeSource());
    return (String)
        driver.executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}})"
                + ".then(r => done(r.violations.map(v => v.id + ': ' + v.help + ' at '"
                + " + v.nodes.map(n => JSON.stringify(n.target)).join(', ')).join('\\n')))"
                + ".catch(e => done('axe failed: ' + e));");
  }

  /** Times and durations that change every run, made fixed so the screenshots stay the same. */
  static void steadyScreenshot(ChromeDriver driver, String name) throws IOException {
    s.js(
        driver,
        "const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);"
            + "const runs = new Map();"
            + "while (w.nextNode()) { const n = w.currentNode;"
            + " n.nodeValue = n.nodeValue"
            + ".replace(/\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} UTC/g, '2026-03-02 10:15:00 UTC')"
            + ".replace(/Took \\d+\\.\\d s/g, 'Took 6.2 s')"
            // import run ids hold their start time and a random part: one fixed id per run shown
            + ".replace(/\\d{8}-\\d{6}-[0-9a-f]{6}/g, id => { if (!runs.has(id))"
            + " runs.set(id, '20260302-1015' + String(10 + runs.size * 7) + '-c0ffee'); return runs.get(id); }); }");
    s.screenshot(driver, name);
  }

  /** Waits up to a minute: the machine that runs the suite may be busy with other builds. */
  static org.openqa.selenium.support.ui.WebDriverWait patient(ChromeDriver driver) {
    org.openqa.selenium.support.ui.WebDriverWait w =
        new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofMinutes(1));
    w.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    return w;
  }

  static void signIn(ChromeDriver driver) {
    driver.get(base() + "/admin");
    driver.findElement(By.id("name")).sendKeys(NAME);
    driver.findElement(By.id("password")).sendKeys(PASSWORD);
    driver.findElement(By.cssSelector("form[action='/admin/sign-in'] button")).click();
    patient(driver).until(x -> x.findElements(By.id("upload")).size() == 1);
  }

  /**
   * Waits for the progress page to become the report. The heading is read in one script call: the
   * page refreshes itself, and an element found before a refresh and read after it failed with
   * "Node with given id does not belong to the document" rather than a stale-element error.
   */
  static void waitForReport(ChromeDriver driver) {
    new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofMinutes(3))
        .until(
            x ->
                String.valueOf(
                        driver.executeScript(
                            "var h = document.querySelector('h1'); return h ? h.textContent : '';"))
                    .strip()
                    .startsWith("Import of"));
  }

  @Test
  @Order(1)
  void staffSignInUploadTheArchiveWatchItImportAndReadTheReport() throws Exception {
    d.manage().deleteAllCookies();
    d.get(base() + "/admin");
    assertEquals("Staff sign-in", d.findElement(By.tagName("h1")).getText());
    assertEquals("", axe(d), "sign-in page");
    s.screenshot(d, "staff-sign-in");
    signIn(d);
    assertEquals("", axe(d), "import page");
    steadyScreenshot(d, "staff-import");

    gate = new CountDownLatch(1); // held at the start, so the progress page can be seen
    d.findElement(By.id("file")).sendKeys(zip.toString());
    d.findElement(By.cssSelector("#upload button[type=submit]")).click();
    patient(d).until(x -> x.findElements(By.id("progress")).size() == 1);
    String progressUrl = d.getCurrentUrl();
    assertTrue(progressUrl.contains("/admin/imports/"), progressUrl);
    assertEquals("", axe(d), "progress page");
    steadyScreenshot(d, "staff-progress");
    gate.countDown();
    gate = null;
    // no reload from here: the page follows the import and turns into its report by itself
    waitForReport(d);
    assertEquals(progressUrl, d.getCurrentUrl());
    String report = d.findElement(By.tagName("main")).getText();
    assertTrue(report.contains("Outcome: done"), report);
    assertTrue(report.contains("New entries"), report);
    assertEquals("", axe(d), "report page");
    steadyScreenshot(d, "staff-report");

    new Select(d.findElement(By.id("outcome"))).selectByValue("failed");
    d.findElement(By.cssSelector("form.filters button")).click();
    patient(d).until(x -> x.getCurrentUrl().contains("outcome=failed"));
    List<WebElement> rows = d.findElements(By.cssSelector("table.report tbody tr"));
    assertFalse(rows.isEmpty(), "the sample archive has broken files");
    for (WebElement r : rows) {
      assertTrue(r.getText().contains("failed"), r.getText());
    }
    d.get(base() + "/admin/imports");
    assertEquals("", axe(d), "history page");
    assertTrue(d.findElement(By.tagName("table")).getText().contains("clinic-blog-wayback.zip"));
  }

  @Test
  @Order(2)
  void aCorrectedAnswerIsFoundBySearchingAndAHiddenEntryIsGoneFromSearchAndEmbed()
      throws Exception {
    String tremor = QaEntry.idFor(TREMOR_URL, 0);
    d.get(base() + "/admin/entries?q=tremor+clinical+trials");
    assertEquals("", axe(d), "entries page");
    d.findElement(By.cssSelector("a[href='/admin/entries/" + tremor + "']")).click();
    WebElement answer = d.findElement(By.id("f-answer"));
    answer.clear();
    answer.sendKeys(
        "Researchers study tremor genes and new drugs; the zebrafinch study of 2012 showed how"
            + " birdsong circuits control fine movement.");
    d.findElement(By.cssSelector("form.stacked button[type=submit]")).click();
    patient(d).until(x -> x.getCurrentUrl().contains("done=corrected"));
    assertTrue(d.findElement(By.cssSelector(".flash")).getText().contains("saved"));
    assertEquals("", axe(d), "entry page");
    steadyScreenshot(d, "staff-correct");

    d.get(base() + "/?q=zebrafinch");
    List<WebElement> hits = d.findElements(By.cssSelector("li.hit h2 a"));
    assertEquals(1, hits.size());
    assertTrue(hits.get(0).getAttribute("href").contains(tremor));

    String rett = QaEntry.idFor(RETT_URL, 0);
    d.get(base() + "/?q=rett+syndrome");
    assertTrue(d.getPageSource().contains(rett), "the entry is public before it is hidden");
    d.get(base() + "/admin/entries/" + rett);
    d.findElement(By.cssSelector("form[action$='/hide'] button")).click();
    patient(d).until(x -> x.getCurrentUrl().contains("done=hidden"));
    d.get(base() + "/?q=rett+syndrome");
    assertFalse(d.getPageSource().contains(rett), "gone from the search page");
    d.get(base() + "/qa/" + rett);
    assertTrue(d.getTitle().startsWith("Not found"), d.getTitle());

    d.get(base() + "/embed/demo");
    WebElement host = patient(d).until(x -> x.findElement(By.cssSelector("[data-qarchive-ready]")));
    SearchContext box = host.getShadowRoot();
    // "syndrome" finds many answers; the hidden one must not be among them
    box.findElement(By.cssSelector("input")).sendKeys("syndrome");
    patient(d)
        .until(
            x ->
                "true"
                    .equals(
                        box.findElement(By.cssSelector("input")).getDomAttribute("aria-expanded")));
    List<WebElement> options = box.findElements(By.cssSelector("[role=option]"));
    assertTrue(options.size() > 2, "the box shows other answers");
    for (WebElement option : options) {
      assertFalse(
          option.getText().toLowerCase(Locale.ROOT).contains("what is rett syndrome"),
          "the embed offers the hidden entry: " + option.getText());
    }
  }

  @Test
  @Order(3)
  void importingTheArchiveAgainKeepsTheCorrection() throws Exception {
    d.get(base() + "/admin/imports");
    d.findElement(By.cssSelector("table a")).click();
    d.findElement(By.cssSelector("form[action$='/again'] button")).click();
    waitForReport(d);
    assertTrue(d.findElement(By.tagName("main")).getText().contains("Outcome: done"));
    d.get(base() + "/?q=zebrafinch");
    assertEquals(1, d.findElements(By.cssSelector("li.hit")).size(), "still corrected");
    String tremor = QaEntry.idFor(TREMOR_URL, 0);
    assertTrue(staffSearcher.get(tremor).orElseThrow().answer().contains("zebrafinch"));
    d.get(base() + "/?q=rett+syndrome");
    assertFalse(d.getPageSource().contains(QaEntry.idFor(RETT_URL, 0)), "still hidden");
    for (String page :
        List.of("/admin/synonyms", "/admin/clinic", "/admin/audit", "/admin/entries?show=hidden")) {
      d.get(base() + page);
      assertEquals("", axe(d), page);
    }
    d.get(base() + "/admin/audit");
    String audit = d.findElement(By.tagName("table")).getText();
    for (String action : List.of("sign-in", "upload", "correct", "hide", "import again")) {
      assertTrue(audit.contains(action), action + " in\n" + audit);
    }
    steadyScreenshot(d, "staff-audit");
  }

  @Test
  @Order(4)
  void everyFormWorksWithJavaScriptOff() throws Exception {
    Path profile = Files.createTempDirectory("qarchive-chromium-nojs");
    ChromeDriver plain = BrowserSession.newDriver(false, profile);
    try {
      signIn(plain);
      // a small upload: the running page refreshes itself until the report is there
      Path one = dir.resolve("one-page.zip");
      try (OutputStream o = Files.newOutputStream(one);
          ZipOutputStream z = new ZipOutputStream(o)) {
        z.putNextEntry(new ZipEntry("blog/post/index.html"));
        z.write(
            ("<html><head><title>t</title><link rel=canonical href='http://h.example/2020/01/nojs/'>"
                    + "</head><body class='single'><article class='post'><h1 class='entry-title'>"
                    + "No script post</h1><div class='entry-content'><p>Q: Does the quokkapine"
                    + " form work?</p><p>A: It works without scripts.</p></div></article></body></html>")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        z.closeEntry();
      }
      gate = new CountDownLatch(1);
      plain.findElement(By.id("file")).sendKeys(one.toString());
      plain.findElement(By.cssSelector("#upload button[type=submit]")).click();
      patient(plain).until(x -> x.findElements(By.id("progress")).size() == 1);
      gate.countDown();
      gate = null;
      waitForReport(plain); // by the page's own refresh
      String entry = QaEntry.idFor("http://h.example/2020/01/nojs/", 0);
      plain.get(base() + "/admin/entries/" + entry);
      WebElement title = plain.findElement(By.id("f-title"));
      title.clear();
      title.sendKeys("No script post, corrected");
      plain.findElement(By.cssSelector("form.stacked button[type=submit]")).click();
      patient(plain).until(x -> x.getCurrentUrl().contains("done=corrected"));
      plain.findElement(By.cssSelector("form[action$='/delete'] button")).click();
      patient(plain).until(x -> x.getCurrentUrl().contains("done=deleted"));
      plain.findElement(By.cssSelector("form[action$='/restore'] button")).click();
      patient(plain).until(x -> x.getCurrentUrl().contains("done=restored"));
      assertEquals("No script post, corrected", searcher.get(entry).orElseThrow().title());
      plain.get(base() + "/admin/entries");
      plain.findElement(By.id("q")).sendKeys("quokkapine");
      plain.findElement(By.cssSelector("form.filters button")).click();
      patient(plain).until(x -> x.getCurrentUrl().contains("q=quokkapine"));
      assertTrue(plain.getPageSource().contains(entry));
      plain.get(base() + "/admin");
      plain.findElement(By.cssSelector("form.sign-out button")).click();
      patient(plain).until(x -> x.findElements(By.id("password")).size() == 1);
      plain.get(base() + "/admin/entries");
      assertEquals(1, plain.findElements(By.id("password")).size(), "signed out");
    } finally {
      plain.quit();
      BrowserSession.deleteTree(profile);
    }
  }
}
