package org.qarchive.web.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qarchive.Fixtures;

/**
 * The staff side as an attacker sees it: every page and API without a session, every change without
 * a session, with a missing, wrong or another session's CSRF token, or from another origin, and
 * hostile or oversized uploads; each is refused and nothing is written.
 */
class StaffAdminSecurityTest {

  @TempDir Path tmp;
  AdminTestServer s;
  String runId;
  final String entry = Fixtures.seed().id();

  static byte[] zip(Map<String, String> files) throws Exception {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(b)) {
      for (var e : files.entrySet()) {
        z.putNextEntry(new ZipEntry(e.getKey()));
        z.write(e.getValue().getBytes(StandardCharsets.UTF_8));
        z.closeEntry();
      }
    }
    return b.toByteArray();
  }

  static String post(int i) {
    return "<html><head><title>t</title><link rel=canonical href='http://h.example/2014/01/p"
        + i
        + "/'></head><body class='single'><article class='post'><h1 class='entry-title'>Post "
        + i
        + "</h1><div class='entry-content'><p>Q: Is swelling number "
        + i
        + " normal?</p><p>A: Yes, swelling "
        + i
        + " goes down.</p></div></article></body></html>";
  }

  @BeforeEach
  void start() throws Exception {
    s = new AdminTestServer(tmp.resolve("index"));
    AdminTestServer.Client alice = s.client();
    assertEquals(303, alice.signIn(AdminTestServer.ALICE, AdminTestServer.PASSWORD).statusCode());
    HttpResponse<String> up =
        alice.upload("two.zip", zip(Map.of("a.html", post(1), "b.html", post(2))), alice.csrf());
    assertEquals(303, up.statusCode(), up.body());
    runId = up.headers().firstValue("Location").orElseThrow().replace("/admin/imports/", "");
    waitForImport(alice, runId);
  }

  @AfterEach
  void stop() throws Exception {
    s.close();
  }

  static void waitForImport(AdminTestServer.Client c, String id) throws Exception {
    for (int i = 0; i < 600; i++) {
      String json = c.get("/admin/api/imports/" + id).body();
      if (json.contains("\"running\":false")) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("import " + id + " did not finish");
  }

  List<String> pages() {
    return List.of(
        "/admin/imports",
        "/admin/imports/" + runId,
        "/admin/imports/" + runId + "/report.json",
        "/admin/entries",
        "/admin/entries?show=hidden",
        "/admin/entries/" + entry,
        "/admin/synonyms",
        "/admin/clinic",
        "/admin/audit",
        "/admin/no-such-page");
  }

  /** Every change, with a body that would change something if it were accepted. */
  Map<String, Map<String, String>> changes() {
    Map<String, Map<String, String>> m = new LinkedHashMap<>();
    m.put("/admin/entries/" + entry, Map.of("title", "Defaced title", "answer", "Defaced."));
    for (String what : List.of("hide", "delete", "unhide", "restore", "revert")) {
      m.put("/admin/entries/" + entry + "/" + what, Map.of());
    }
    m.put("/admin/synonyms", Map.of("synonyms", "botox, poison\n"));
    m.put("/admin/synonyms/reset", Map.of());
    m.put("/admin/clinic/clinic.properties", Map.of("text", "name = Defaced Clinic\n"));
    m.put("/admin/clinic/emergency-triggers.txt", Map.of("text", "\n"));
    m.put("/admin/clinic/facet-stoplist.txt", Map.of("text", "botox\n"));
    m.put("/admin/imports/" + runId + "/again", Map.of());
    m.put("/admin/imports/" + runId + "/cancel", Map.of());
    m.put("/admin/sign-out", Map.of());
    return m;
  }

  private String audit() throws Exception {
    Path f = s.dir.resolve(AuditLog.FILE_NAME);
    return Files.exists(f) ? Files.readString(f) : "";
  }

  @Test
  void everyPageWithoutASessionLeadsToTheSignInPageAndShowsNothing() throws Exception {
    AdminTestServer.Client stranger = s.client();
    for (String p : pages()) {
      HttpResponse<String> r = stranger.get(p);
      assertEquals(303, r.statusCode(), p);
      assertEquals("/admin", r.headers().firstValue("Location").orElse(""), p);
      assertFalse(r.body().contains("Post 1"), p);
      assertFalse(r.body().contains("swelling"), p);
    }
    HttpResponse<String> api = stranger.get("/admin/api/imports/" + runId);
    assertEquals(401, api.statusCode());
    assertFalse(api.body().contains("files"));
    // a made-up session id is no session
    stranger.cookies.put(StaffAdmin.SESSION_COOKIE, "A".repeat(43));
    assertEquals(303, stranger.get("/admin/entries").statusCode());
  }

  @Test
  void everyChangeWithoutASessionIsRefusedAndWritesNothing() throws Exception {
    String before = s.staffState();
    String audit = audit();
    AdminTestServer.Client stranger = s.client();
    for (var c : changes().entrySet()) {
      Map<String, String> form = new LinkedHashMap<>(c.getValue());
      form.put("csrf", "guessed-token");
      HttpResponse<String> r = stranger.post(c.getKey(), form);
      assertEquals(403, r.statusCode(), c.getKey());
    }
    HttpResponse<String> up =
        stranger.upload("evil.zip", zip(Map.of("x.html", post(9))), "guessed-token");
    assertEquals(403, up.statusCode());
    byte[] big = new byte[3 << 20];
    new java.util.Random(2).nextBytes(big);
    // refused before it is read: the body is dropped so the client sees the page, not a reset
    HttpResponse<String> bigUp = stranger.upload("big.zip", big, "guessed-token");
    assertEquals(403, bigUp.statusCode());
    assertTrue(bigUp.body().contains("Sign in again"), bigUp.body());
    assertEquals(before, s.staffState());
    assertEquals(audit, audit());
    assertTrue(s.searcher.get(entry).isPresent());
    assertEquals(Fixtures.seed().title(), s.searcher.get(entry).get().title());
  }

  @Test
  void everyChangeWithAMissingWrongOrAnothersCsrfTokenIsRefusedAndWritesNothing() throws Exception {
    AdminTestServer.Client alice = s.client();
    alice.signIn(AdminTestServer.ALICE, AdminTestServer.PASSWORD);
    AdminTestServer.Client bob = s.client();
    bob.signIn(AdminTestServer.BOB, AdminTestServer.BOB_PASSWORD);
    String bobsToken = bob.csrf();
    String alicesToken = alice.csrf();
    assertNotEquals(alicesToken, bobsToken, "every session has a token of its own");
    String before = s.staffState();
    String audit = audit();
    List<String> tokens = new ArrayList<>();
    tokens.add(null); // missing
    tokens.add("x".repeat(43)); // wrong
    tokens.add(bobsToken); // another's session's
    tokens.add(alicesToken.substring(0, 42)); // almost right
    for (String token : tokens) {
      for (var c : changes().entrySet()) {
        Map<String, String> form = new LinkedHashMap<>(c.getValue());
        if (token != null) {
          form.put("csrf", token);
        }
        HttpResponse<String> r = alice.post(c.getKey(), form);
        assertEquals(403, r.statusCode(), c.getKey() + " with token " + token);
      }
      HttpResponse<String> up = alice.upload("evil.zip", zip(Map.of("x.html", post(9))), token);
      assertEquals(403, up.statusCode(), "upload with token " + token);
    }
    assertEquals(before, s.staffState());
    assertEquals(audit, audit());
    assertEquals(200, alice.get("/admin/entries").statusCode(), "alice is still signed in");
  }

  @Test
  void aChangeFromAnotherOriginIsRefusedEvenWithTheRightToken() throws Exception {
    AdminTestServer.Client alice = s.client();
    alice.signIn(AdminTestServer.ALICE, AdminTestServer.PASSWORD);
    String token = alice.csrf();
    String before = s.staffState();
    for (String evil : List.of("http://evil.example", "null", "http://localhost.evil.example")) {
      alice.origin = evil;
      HttpResponse<String> r =
          alice.post("/admin/entries/" + entry + "/hide", Map.of("csrf", token));
      assertEquals(403, r.statusCode(), evil);
      HttpResponse<String> up = alice.upload("evil.zip", zip(Map.of("x.html", post(9))), token);
      assertEquals(403, up.statusCode(), evil);
    }
    assertEquals(before, s.staffState());
    // and the same request from the archive's own page works, so the refusals above mean something
    alice.origin = s.origin();
    assertEquals(
        303, alice.post("/admin/entries/" + entry + "/hide", Map.of("csrf", token)).statusCode());
    assertNotEquals(before, s.staffState());
  }

  @Test
  void hostileUploadNamesAreRefusedAndNothingIsWritten() throws Exception {
    AdminTestServer.Client alice = s.client();
    alice.signIn(AdminTestServer.ALICE, AdminTestServer.PASSWORD);
    String token = alice.csrf();
    String before = s.staffState();
    byte[] zip = zip(Map.of("x.html", post(9)));
    Path outside = tmp.resolve("x.zip");
    for (String name :
        List.of(
            "../../x.zip",
            "..\\..\\x.zip",
            "/etc/cron.d/x.zip",
            tmp.resolve("x.zip").toString(),
            "C:\\Windows\\x.zip",
            "C:x.zip",
            "a\0b.zip",
            "a\u0001b.zip",
            "..zip",
            ".hidden.zip",
            "-rf.zip",
            "x.exe",
            "x.zip.sh",
            "%2e%2e%2fx.zip",
            "")) {
      HttpResponse<String> r = alice.upload(name, zip, token);
      assertTrue(
          r.statusCode() == 400 || r.statusCode() == 415,
          name + " gave " + r.statusCode() + "\n" + r.body());
    }
    assertEquals(before, s.staffState(), "no run, no kept file, no half-written upload");
    assertFalse(Files.exists(outside));
    assertFalse(Files.exists(s.dir.getParent().resolve("x.zip")));
    try (Stream<Path> incoming = Files.list(s.dir.resolve("imports").resolve(".incoming"))) {
      assertEquals(0, incoming.count(), "nothing half-written in the incoming folder");
    }
  }

  @Test
  void anUploadOverTheLimitIsRefusedWith413AndNothingIsKept() throws Exception {
    s.close();
    s = new AdminTestServer(tmp.resolve("small-limit"), Fixtures.small(), 256 * 1024, null);
    AdminTestServer.Client alice = s.client();
    alice.signIn(AdminTestServer.ALICE, AdminTestServer.PASSWORD);
    String token = alice.csrf();
    String before = s.staffState();
    byte[] big = new byte[600 * 1024];
    new java.util.Random(1).nextBytes(big);
    // the size is declared: refused by it, the body read and dropped so the client sees the answer
    HttpResponse<String> declared = alice.upload("big.zip", big, token);
    assertEquals(413, declared.statusCode());
    assertTrue(declared.body().contains("The file is too large"), declared.body());
    assertTrue(declared.body().contains("256 KB"), declared.body());
    // streamed without a length: cut off at the limit, the partial file deleted
    String boundary = "----qarchiveTestBoundary7MA4YWxk";
    byte[] body = AdminTestServer.multipart(boundary, token, "big.zip", big);
    HttpRequest chunked =
        HttpRequest.newBuilder(URI.create(s.origin() + "/admin/imports"))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .header("Origin", s.origin())
            .header(
                "Cookie",
                StaffAdmin.SESSION_COOKIE + "=" + alice.cookies.get(StaffAdmin.SESSION_COOKIE))
            .timeout(Duration.ofSeconds(60))
            .POST(
                HttpRequest.BodyPublishers.ofInputStream(
                    () -> new java.io.ByteArrayInputStream(body)))
            .build();
    HttpResponse<String> streamed = alice.send(chunked);
    assertEquals(413, streamed.statusCode());
    assertTrue(streamed.body().contains("Nothing was kept"), streamed.body());
    assertEquals(before, s.staffState());
    try (Stream<Path> incoming = Files.list(s.dir.resolve("imports").resolve(".incoming"))) {
      assertEquals(0, incoming.count(), "the partial upload is deleted");
    }
  }

  @Test
  void aHalfWrittenUploadLeftByACrashIsDeletedAtStart() throws Exception {
    Path incoming = s.dir.resolve("imports").resolve(".incoming");
    Files.createDirectories(incoming);
    Files.write(incoming.resolve("0123456789abcdef.part"), new byte[1000]);
    s.close();
    s = new AdminTestServer(tmp.resolve("index"), List.of(), 1024 * 1024, null);
    try (Stream<Path> left = Files.list(incoming)) {
      assertEquals(0, left.count());
    }
  }

  @Test
  void signingInGivesAFreshHttpOnlyStrictSessionAndSigningOutEndsIt() throws Exception {
    AdminTestServer.Client alice = s.client();
    HttpResponse<String> first = alice.signIn(AdminTestServer.ALICE, AdminTestServer.PASSWORD);
    String cookie =
        first.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith(StaffAdmin.SESSION_COOKIE + "="))
            .findFirst()
            .orElseThrow();
    assertTrue(cookie.contains("HttpOnly"), cookie);
    assertTrue(cookie.contains("SameSite=Strict"), cookie);
    assertTrue(cookie.contains("Path=/admin"), cookie);
    assertFalse(cookie.contains("Secure"), "plain http on localhost: " + cookie);
    String id1 = alice.cookies.get(StaffAdmin.SESSION_COOKIE);
    String token = alice.csrf();
    assertEquals(303, alice.post("/admin/sign-out", Map.of("csrf", token)).statusCode());
    AdminTestServer.Client replay = s.client();
    replay.cookies.put(StaffAdmin.SESSION_COOKIE, id1);
    assertEquals(303, replay.get("/admin/entries").statusCode(), "signed out is signed out");
    alice.signIn(AdminTestServer.ALICE, AdminTestServer.PASSWORD);
    assertNotEquals(id1, alice.cookies.get(StaffAdmin.SESSION_COOKIE), "a new id each sign-in");

    // a session id planted in the browser before sign-in is never the one used after it
    AdminTestServer.Client planted = s.client();
    String fixed = "F".repeat(43);
    planted.cookies.put(StaffAdmin.SESSION_COOKIE, fixed);
    assertEquals(
        303, planted.signIn(AdminTestServer.BOB, AdminTestServer.BOB_PASSWORD).statusCode());
    assertNotEquals(fixed, planted.cookies.get(StaffAdmin.SESSION_COOKIE));
    AdminTestServer.Client attacker = s.client();
    attacker.cookies.put(StaffAdmin.SESSION_COOKIE, fixed);
    assertEquals(303, attacker.get("/admin/entries").statusCode());
  }

  @Test
  void behindHttpsTheSessionCookieIsSecure() throws Exception {
    s.close();
    s =
        new AdminTestServer(
            tmp.resolve("https"), Fixtures.small(), 1024 * 1024, "https://archive.example");
    AdminTestServer.Client alice = s.client();
    HttpResponse<String> r = alice.signIn(AdminTestServer.ALICE, AdminTestServer.PASSWORD);
    assertTrue(
        r.headers().allValues("Set-Cookie").stream()
            .anyMatch(c -> c.startsWith(StaffAdmin.SESSION_COOKIE) && c.contains("; Secure")),
        r.headers().allValues("Set-Cookie").toString());
  }

  @Test
  void removingAnAccountOrChangingItsPasswordEndsItsSessionsAtOnce() throws Exception {
    AdminTestServer.Client bob = s.client();
    bob.signIn(AdminTestServer.BOB, AdminTestServer.BOB_PASSWORD);
    AdminTestServer.Client alice = s.client();
    alice.signIn(AdminTestServer.ALICE, AdminTestServer.PASSWORD);
    assertEquals(200, bob.get("/admin/entries").statusCode());
    StaffAccounts accounts = new StaffAccounts(s.dir, new PasswordHash()); // as the command does
    accounts.passwd(AdminTestServer.BOB, "a brand new passphrase".toCharArray());
    assertEquals(303, bob.get("/admin/entries").statusCode());
    accounts.remove(AdminTestServer.ALICE);
    assertEquals(303, alice.get("/admin/entries").statusCode());
    assertEquals(401, alice.signIn(AdminTestServer.ALICE, AdminTestServer.PASSWORD).statusCode());
    assertEquals(303, bob.signIn(AdminTestServer.BOB, "a brand new passphrase").statusCode());
  }

  @Test
  void aSessionEndsAfterHalfAnHourUnused() throws Exception {
    AdminTestServer.Client alice = s.client();
    alice.signIn(AdminTestServer.ALICE, AdminTestServer.PASSWORD);
    s.clock.advance(Duration.ofMinutes(29));
    assertEquals(200, alice.get("/admin/entries").statusCode());
    s.clock.advance(Duration.ofMinutes(29));
    assertEquals(200, alice.get("/admin/entries").statusCode(), "each request keeps it alive");
    s.clock.advance(Duration.ofMinutes(31));
    assertEquals(303, alice.get("/admin/entries").statusCode());
  }

  @Test
  void wrongPasswordsSlowFurtherTriesForTheAccountAndTheAddress() throws Exception {
    AdminTestServer.Client mallory = s.client();
    for (int i = 0; i < SignInThrottle.FREE_FAILURES; i++) {
      assertEquals(401, mallory.signIn(AdminTestServer.ALICE, "guess number " + i).statusCode());
    }
    HttpResponse<String> slowed = mallory.signIn(AdminTestServer.ALICE, AdminTestServer.PASSWORD);
    assertEquals(429, slowed.statusCode(), "even the right password waits");
    assertEquals("1", slowed.headers().firstValue("Retry-After").orElse(""));
    assertTrue(slowed.body().contains("Too many wrong passwords"));
    s.clock.advance(Duration.ofSeconds(1));
    assertEquals(401, mallory.signIn(AdminTestServer.ALICE, "one more guess").statusCode());
    HttpResponse<String> longer = mallory.signIn(AdminTestServer.ALICE, AdminTestServer.PASSWORD);
    assertEquals(429, longer.statusCode());
    assertEquals("2", longer.headers().firstValue("Retry-After").orElse(""), "the wait doubles");
    // the address is slowed for other accounts too
    assertEquals(
        429, s.client().signIn(AdminTestServer.BOB, AdminTestServer.BOB_PASSWORD).statusCode());
    s.clock.advance(Duration.ofSeconds(2));
    assertEquals(303, mallory.signIn(AdminTestServer.ALICE, AdminTestServer.PASSWORD).statusCode());
    String audit = audit();
    assertTrue(audit.contains("\"action\":\"sign-in failed\""), audit);
    assertFalse(audit.contains("guess number"), "passwords never reach the audit log");
  }

  @Test
  void theSignInFormNeedsItsOwnTokenSoNoSiteCanSignSomeoneIn() throws Exception {
    AdminTestServer.Client c = s.client();
    c.get("/admin");
    HttpResponse<String> r =
        c.post(
            "/admin/sign-in",
            Map.of(
                "login",
                "forged",
                "name",
                AdminTestServer.ALICE,
                "password",
                AdminTestServer.PASSWORD));
    assertEquals(403, r.statusCode());
    assertFalse(c.cookies.containsKey(StaffAdmin.SESSION_COOKIE));
  }

  @Test
  void adminAnswersAreNeverCachedIndexedOrFramed() throws Exception {
    AdminTestServer.Client alice = s.client();
    alice.signIn(AdminTestServer.ALICE, AdminTestServer.PASSWORD);
    for (String p : List.of("/admin", "/admin/entries", "/admin/entries/" + entry)) {
      HttpResponse<String> r = alice.get(p);
      assertEquals("no-store", r.headers().firstValue("Cache-Control").orElse(""), p);
      assertEquals("DENY", r.headers().firstValue("X-Frame-Options").orElse(""), p);
      assertTrue(
          r.headers()
              .firstValue("Content-Security-Policy")
              .orElse("")
              .contains("frame-ancestors 'none'"),
          p);
      assertTrue(r.headers().firstValue("X-Robots-Tag").orElse("").contains("noindex"), p);
    }
  }

  @Test
  void thePublicPagesNeverLinkToTheAdminOrMentionIt() throws Exception {
    AdminTestServer.Client visitor = s.client();
    for (String p :
        List.of(
            "/",
            "/?q=botox",
            "/?q=zzzqqq",
            "/qa/" + entry + "?q=botox",
            "/qa/no-such-entry",
            "/embed/demo",
            "/robots.txt",
            "/sitemap.xml",
            "/opensearch.xml",
            "/openapi.yaml",
            "/static/app.js",
            "/embed.js",
            "/api/search?q=botox",
            "/no/such/page")) {
      String body = visitor.get(p).body().toLowerCase(java.util.Locale.ROOT);
      assertFalse(body.contains("/admin"), p);
      assertFalse(body.contains("staff"), p);
      assertFalse(body.contains("sign in"), p);
    }
  }

  @Test
  void aSecondUploadWhileAnImportRunsIsToldSoWithALinkToIt() throws Exception {
    AdminTestServer.Client alice = s.client();
    alice.signIn(AdminTestServer.ALICE, AdminTestServer.PASSWORD);
    s.gate = new java.util.concurrent.CountDownLatch(1); // the first import is held running
    HttpResponse<String> first =
        alice.upload("first.zip", zip(Map.of("f.html", post(5))), alice.csrf());
    assertEquals(303, first.statusCode(), first.body());
    String running = first.headers().firstValue("Location").orElseThrow();
    String before = s.staffState();
    AdminTestServer.Client bob = s.client();
    bob.signIn(AdminTestServer.BOB, AdminTestServer.BOB_PASSWORD);
    HttpResponse<String> second = bob.upload("two.zip", zip(Map.of("z.html", post(7))), bob.csrf());
    assertEquals(409, second.statusCode(), second.body());
    assertTrue(second.body().contains("An import is running"));
    assertTrue(second.body().contains("href=\"" + running + "\""), second.body());
    assertEquals(before, s.staffState(), "the second file was not kept");
    HttpResponse<String> again =
        bob.post("/admin/imports/" + runId + "/again", Map.of("csrf", bob.csrf()));
    assertEquals(409, again.statusCode(), "importing an earlier upload again waits too");
    s.gate.countDown();
    waitForImport(alice, running.replace("/admin/imports/", ""));
    HttpResponse<String> after = bob.upload("two.zip", zip(Map.of("z.html", post(7))), bob.csrf());
    assertEquals(303, after.statusCode(), "once it ended, the next import starts");
    waitForImport(
        bob, after.headers().firstValue("Location").orElseThrow().replace("/admin/imports/", ""));
  }
}
