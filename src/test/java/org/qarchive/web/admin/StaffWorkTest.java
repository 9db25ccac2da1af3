package org.qarchive.web.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qarchive.Fixtures;
import org.qarchive.archive.QaEntry;
import org.qarchive.importer.ImportHistory;
import org.qarchive.index.EntryEdits;

/** What staff do, over HTTP against a real server: import, correct, hide, synonyms, audit. */
class StaffWorkTest {

  @TempDir Path tmp;
  AdminTestServer s;
  AdminTestServer.Client alice;
  final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void start() throws Exception {
    s = new AdminTestServer(tmp.resolve("index"));
    alice = s.client();
    assertEquals(303, alice.signIn(AdminTestServer.ALICE, AdminTestServer.PASSWORD).statusCode());
  }

  @AfterEach
  void stop() throws Exception {
    s.close();
  }

  static byte[] site(int n, String extra) throws Exception {
    Map<String, String> pages = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      pages.put("blog/p" + i + "/index.html", StaffAdminSecurityTest.post(i));
    }
    if (extra != null) {
      pages.put("blog/extra/index.html", extra);
    }
    return StaffAdminSecurityTest.zip(pages);
  }

  private String upload(String name, byte[] bytes) throws Exception {
    HttpResponse<String> r = alice.upload(name, bytes, alice.csrf());
    assertEquals(303, r.statusCode(), r.body());
    String id = r.headers().firstValue("Location").orElseThrow().replace("/admin/imports/", "");
    StaffAdminSecurityTest.waitForImport(alice, id);
    return id;
  }

  private JsonNode api(String path) throws Exception {
    return json.readTree(s.client().get(path).body());
  }

  private String publicSearchIds(String q) throws Exception {
    StringBuilder ids = new StringBuilder();
    for (JsonNode h :
        api("/api/search?q="
                + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8))
            .path("hits")) {
      ids.append(h.path("id").asText()).append(' ');
    }
    return ids.toString();
  }

  private HttpResponse<String> action(String path, Map<String, String> form) throws Exception {
    Map<String, String> f = new LinkedHashMap<>(form);
    f.put("csrf", alice.csrf());
    return alice.post(path, f);
  }

  @Test
  void anUploadedZipImportsInTheBackgroundWithProgressAReportAndAHistory() throws Exception {
    HttpResponse<String> r = alice.upload("site.zip", site(40, null), alice.csrf());
    assertEquals(303, r.statusCode(), r.body());
    String location = r.headers().firstValue("Location").orElseThrow();
    String id = location.replace("/admin/imports/", "");
    HttpResponse<String> page = alice.get(location);
    assertEquals(200, page.statusCode());
    StaffAdminSecurityTest.waitForImport(alice, id);
    String report = alice.get(location).body();
    assertTrue(report.contains("Import of site.zip"), report);
    assertTrue(report.contains("<dt>New entries</dt><dd>40</dd>"), report);
    assertTrue(report.contains("Outcome: <strong>done</strong>"), report);

    HttpResponse<String> download = alice.get(location + "/report.json");
    assertEquals(200, download.statusCode());
    assertTrue(
        download.headers().firstValue("Content-Disposition").orElse("").contains("attachment"));
    JsonNode rows = json.readTree(download.body()).path("rows");
    assertEquals(40, rows.size());
    assertTrue(rows.get(0).path("file").asText().startsWith("site.zip!/blog/"));

    String filtered = alice.get(location + "?outcome=failed").body();
    assertTrue(filtered.contains("0 files match"), filtered);
    String history = alice.get("/admin/imports").body();
    assertTrue(history.contains("site.zip"));
    assertTrue(history.contains("href=\"/admin/imports/" + id + "\""));
    assertTrue(publicSearchIds("swelling 7 normal").contains("p7"), "searchable at once");
    String audit = alice.get("/admin/audit?user=alice").body();
    for (String a : List.of("upload", "import started", "import finished", "sign-in")) {
      assertTrue(audit.contains(">" + a + "<"), a + " in\n" + audit);
    }
  }

  @Test
  void aCorrectionIsSearchableAtOnceAndSurvivesEveryLaterImportOfThePage() throws Exception {
    String run = upload("site.zip", site(5, null));
    String id = QaEntry.idFor("http://h.example/2014/01/p3/", 0);
    String form = alice.get("/admin/entries/" + id).body();
    assertTrue(form.contains("Is swelling number 3 normal?"), form);
    HttpResponse<String> saved =
        action(
            "/admin/entries/" + id,
            Map.of(
                "title", "Post 3, corrected",
                "question", "Is swelling number 3 normal?",
                "answer", "Swelling after a zebrafinch bite goes down in days.",
                "date", "2014-01-09",
                "answered_by", "Dr. Dean Kane",
                "categories", "Corrected category",
                "tags", "swelling\nbites"));
    assertEquals(303, saved.statusCode(), saved.body());
    assertTrue(saved.headers().firstValue("Location").orElse("").endsWith("?done=corrected"));
    assertTrue(publicSearchIds("zebrafinch").contains(id), "the corrected text is searchable");
    assertFalse(publicSearchIds("swelling 3 goes down").contains(id + " x"));

    // the same upload imported again, then a changed copy of the page: the correction stays
    HttpResponse<String> again = action("/admin/imports/" + run + "/again", Map.of());
    assertEquals(303, again.statusCode());
    StaffAdminSecurityTest.waitForImport(
        alice, again.headers().firstValue("Location").orElseThrow().replace("/admin/imports/", ""));
    String changed =
        StaffAdminSecurityTest.post(3).replace("goes down", "goes down slowly, updated");
    upload("site-again.zip", StaffAdminSecurityTest.zip(Map.of("blog/p3/index.html", changed)));
    QaEntry shown = s.staffSearcher.get(id).orElseThrow();
    assertEquals("Swelling after a zebrafinch bite goes down in days.", shown.answer());
    assertEquals("Post 3, corrected", shown.title());
    assertEquals(List.of("Corrected category"), shown.categories());
    assertEquals(List.of("swelling", "bites"), shown.tags());
    assertEquals(java.time.LocalDate.of(2014, 1, 9), shown.date());
    String page = alice.get("/admin/entries/" + id).body();
    assertTrue(page.contains("goes down slowly, updated"), "the new original is shown as imported");

    // taking the correction back shows the page as last imported
    assertEquals(303, action("/admin/entries/" + id + "/revert", Map.of()).statusCode());
    assertTrue(
        s.staffSearcher.get(id).orElseThrow().answer().contains("goes down slowly, updated"));
    assertFalse(publicSearchIds("zebrafinch").contains(id));
  }

  @Test
  void aRefusedCorrectionSaysWhyAndChangesNothing() throws Exception {
    String id = Fixtures.seed().id();
    String before = s.staffState();
    HttpResponse<String> badDate =
        action("/admin/entries/" + id, Map.of("title", "New title", "date", "03/02/2015"));
    assertEquals(400, badDate.statusCode());
    assertTrue(badDate.body().contains("yyyy-mm-dd"), badDate.body());
    assertTrue(badDate.body().contains("value=\"New title\""), "what was typed is kept");
    HttpResponse<String> empty =
        action("/admin/entries/" + id, Map.of("question", " ", "answer", ""));
    assertEquals(400, empty.statusCode());
    assertTrue(empty.body().contains("needs a question or an answer"), empty.body());
    HttpResponse<String> huge = action("/admin/entries/" + id, Map.of("title", "x".repeat(1001)));
    assertEquals(400, huge.statusCode());
    assertEquals(before, s.staffState());
    assertEquals(404, alice.get("/admin/entries/no-such-entry").statusCode());
    assertEquals(
        404, action("/admin/entries/no-such-entry/hide", Map.of()).statusCode(), "nothing to hide");
  }

  @Test
  void aFormLargerThanTheServerReadsIsRefusedWithAClearPageAndNothingChanges() throws Exception {
    String before = s.staffState();
    HttpResponse<String> r =
        action("/admin/entries/" + Fixtures.seed().id(), Map.of("answer", "word ".repeat(60_000)));
    assertEquals(413, r.statusCode());
    assertTrue(r.body().contains("The form is too large"), r.body());
    assertEquals(before, s.staffState());
  }

  @Test
  void anUploadedZipThatTriesToEscapeOrExplodeIsReportedAndNothingLandsOutside() throws Exception {
    java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
    try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(b)) {
      for (String evil : List.of("../../../../evil.html", "/etc/evil.html", "ok/../../evil.html")) {
        z.putNextEntry(new java.util.zip.ZipEntry(evil));
        z.write(StaffAdminSecurityTest.post(1).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        z.closeEntry();
      }
      z.putNextEntry(new java.util.zip.ZipEntry("bomb.html"));
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 40; i++) {
        z.write(zeros); // 40 MB of zeros: a ratio only a bomb has
      }
      z.closeEntry();
      z.putNextEntry(new java.util.zip.ZipEntry("fine/index.html"));
      z.write(StaffAdminSecurityTest.post(2).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      z.closeEntry();
    }
    String run = upload("hostile.zip", b.toByteArray());
    String report = alice.get("/admin/imports/" + run + "?outcome=failed").body();
    assertTrue(report.contains("unsafe entry name"), report);
    assertTrue(report.contains("zip bomb"), report);
    assertFalse(Files.exists(tmp.resolve("evil.html")));
    assertFalse(Files.exists(s.dir.resolve("evil.html")));
    assertFalse(Files.exists(Path.of("/etc/evil.html")));
  }

  @Test
  void hidingAnEntryTakesItOffEveryPublicPageAtOnceAndUnhidingBringsItBack() throws Exception {
    String id = Fixtures.seed().id();
    assertTrue(publicSearchIds("botox eyebrows").contains(id));
    assertEquals(200, s.client().get("/qa/" + id).statusCode());
    assertEquals(303, action("/admin/entries/" + id + "/hide", Map.of()).statusCode());

    assertFalse(publicSearchIds("botox eyebrows").contains(id), "search");
    assertFalse(s.client().get("/?q=botox+eyebrows").body().contains(id), "search page");
    assertEquals(404, s.client().get("/qa/" + id).statusCode(), "entry page");
    assertEquals(404, s.client().get("/api/qa/" + id).statusCode(), "API");
    assertFalse(s.client().get("/sitemap.xml").body().contains(id), "sitemap");
    assertFalse(
        s.client()
            .get("/api/suggest?q=botox+and")
            .body()
            .toLowerCase(java.util.Locale.ROOT)
            .contains("toner"),
        "suggestions");
    assertFalse(
        s.client().get("/api/search?q=botox&instant=1").body().contains(id), "the embed's search");
    String staffList = alice.get("/admin/entries?show=hidden").body();
    assertTrue(staffList.contains(id), "staff still find it");
    assertTrue(alice.get("/admin/entries?q=eyebrows").body().contains(id));

    assertEquals(303, action("/admin/entries/" + id + "/unhide", Map.of()).statusCode());
    assertTrue(publicSearchIds("botox eyebrows").contains(id));
    assertEquals(200, s.client().get("/qa/" + id).statusCode());

    assertEquals(303, action("/admin/entries/" + id + "/delete", Map.of()).statusCode());
    assertEquals(404, s.client().get("/api/qa/" + id).statusCode());
    assertTrue(alice.get("/admin/entries?show=deleted").body().contains(id), "in the trash");
    assertEquals(303, action("/admin/entries/" + id + "/restore", Map.of()).statusCode());
    assertEquals(200, s.client().get("/api/qa/" + id).statusCode(), "deleting can be undone");
    String audit = alice.get("/admin/audit?action=hide").body();
    assertTrue(audit.contains("entry:") || audit.contains(id), audit);
    assertTrue(audit.contains(">alice<"));
  }

  @Test
  void aWordPressExportUploadsLikeAnArchive() throws Exception {
    byte[] xml;
    try (InputStream in =
        StaffWorkTest.class.getResourceAsStream("/org/qarchive/importer/wordpress-export.xml")) {
      xml = in.readAllBytes();
    }
    String run = upload("clinic.WordPress.2014-03-07.xml", xml);
    assertTrue(publicSearchIds("fly tummy tuck").length() > 0);
    String report = alice.get("/admin/imports/" + run).body();
    assertTrue(report.contains("<dt>New entries</dt><dd>2</dd>"), report);
    assertTrue(report.contains("comments left out (comments are not answers)"), report);
  }

  @Test
  void cancellingAnImportKeepsTheArchiveAsItWas() throws Exception {
    int before = s.searcher.count();
    s.gate = new java.util.concurrent.CountDownLatch(1);
    HttpResponse<String> r = alice.upload("site.zip", site(30, null), alice.csrf());
    String id = r.headers().firstValue("Location").orElseThrow().replace("/admin/imports/", "");
    String running = alice.get("/admin/imports/" + id).body();
    assertTrue(running.contains("<progress"), running);
    assertTrue(running.contains("http-equiv=\"refresh\""), "the page refreshes itself without JS");
    HttpResponse<String> cancel = action("/admin/imports/" + id + "/cancel", Map.of());
    assertEquals(303, cancel.statusCode());
    s.gate.countDown();
    StaffAdminSecurityTest.waitForImport(alice, id);
    assertEquals(
        ImportHistory.Status.CANCELLED, new ImportHistory(s.dir).get(id).orElseThrow().status());
    s.searcher.refresh();
    assertEquals(before, s.searcher.count());
    assertTrue(alice.get("/admin/imports/" + id).body().contains("cancelled"));
  }

  @Test
  void editedSynonymsApplyToTheNextSearchWithoutARestart() throws Exception {
    String seed = Fixtures.seed().id();
    assertFalse(publicSearchIds("zebrafinch").contains(seed));
    HttpResponse<String> bad =
        action("/admin/synonyms", Map.of("synonyms", "zebrafinch, botox\na => \n"));
    assertEquals(400, bad.statusCode());
    assertTrue(bad.body().contains("Not saved"), bad.body());
    assertFalse(Files.exists(s.dir.resolve(StaffAdmin.SYNONYMS_FILE)));

    assertEquals(
        303, action("/admin/synonyms", Map.of("synonyms", "zebrafinch, botox\n")).statusCode());
    assertTrue(publicSearchIds("zebrafinch").contains(seed), "in force at once");
    assertTrue(alice.get("/admin/synonyms").body().contains("zebrafinch, botox"));
    assertEquals(303, action("/admin/synonyms/reset", Map.of()).statusCode());
    assertFalse(publicSearchIds("zebrafinch").contains(seed));
    assertFalse(Files.exists(s.dir.resolve(StaffAdmin.SYNONYMS_FILE)));
  }

  @Test
  void theEntriesListPagesThroughAndMarksCorrectedEntries() throws Exception {
    String id = Fixtures.seed().id();
    action("/admin/entries/" + id, Map.of("title", "Botox and toner, corrected"));
    EntryEdits.Edit e = s.edits.get(id);
    assertNotNull(e);
    assertEquals("alice", e.by());
    String corrected = alice.get("/admin/entries?show=corrected").body();
    assertTrue(corrected.contains("Botox and toner, corrected"), corrected);
    assertTrue(corrected.contains("corrected"));
    String all = alice.get("/admin/entries").body();
    assertTrue(all.contains(Fixtures.small().size() + " entries"), all);
    String entry = alice.get("/admin/entries/" + id).body();
    assertTrue(entry.contains("As imported"), "the original is shown beside a corrected field");
  }

  interface Check {
    boolean holds() throws Exception;
  }

  /** Whether {@code c} comes to hold within five seconds. */
  private static boolean eventually(Check c) throws Exception {
    for (int i = 0; i < 50; i++) {
      if (c.holds()) {
        return true;
      }
      Thread.sleep(100);
    }
    return c.holds();
  }

  @Test
  void staffEditTheClinicsSettingsAndPatientsSeeThemWithoutARestart() throws Exception {
    String page = alice.get("/admin/clinic").body();
    assertTrue(page.contains("emergency_number"), "the shipped clinic.properties is shown");
    assertTrue(page.contains("chest pain"), "and the shipped emergency phrases");
    // a mistake is refused, naming the line; the text as typed stays in the box, nothing is written
    HttpResponse<String> bad =
        action(
            "/admin/clinic/clinic.properties",
            Map.of("text", "name = Kane <Plastic> Surgery\nphone = call us\n"));
    assertEquals(400, bad.statusCode());
    assertTrue(bad.body().contains("Not saved: clinic.properties: line 2"), bad.body());
    assertTrue(bad.body().contains("Kane &lt;Plastic&gt; Surgery"), "kept as typed, escaped");
    assertTrue(
        bad.body()
            .contains(
                "id=\"clinic-text\" name=\"text\" rows=\"20\" spellcheck=\"false\" autofocus aria-invalid=\"true\""));
    assertFalse(Files.exists(s.configDir.resolve("clinic.properties")));
    assertFalse(s.client().get("/").body().contains("Kane"));

    HttpResponse<String> ok =
        action(
            "/admin/clinic/clinic.properties",
            Map.of("text", "name = Kane <Plastic> Surgery\nphone = (410) 555-0199\n"));
    assertEquals(303, ok.statusCode(), ok.body());
    // the public server reads the folder every second
    assertTrue(
        eventually(() -> s.client().get("/").body().contains("Kane &lt;Plastic&gt; Surgery")),
        "in force without a restart, escaped");
    assertTrue(s.client().get("/").body().contains("(410) 555-0199"));

    // the emergency phrases: a phrase staff add makes a search an emergency at once
    assertFalse(api("/api/search?q=purple+toes+after+surgery").path("emergency").isObject());
    assertEquals(
        303,
        action("/admin/clinic/emergency-triggers.txt", Map.of("text", "purple toes\n"))
            .statusCode());
    assertTrue(
        eventually(
            () -> api("/api/search?q=purple+toes+after+surgery").path("emergency").isObject()));

    String audit = alice.get("/admin/audit?user=alice").body();
    assertTrue(audit.contains(">clinic settings<"), audit);
    assertTrue(audit.contains("clinic.properties") && audit.contains("emergency-triggers.txt"));
  }
}
