package org.qarchive.web.admin;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.qarchive.Fixtures;
import org.qarchive.archive.QaEntry;
import org.qarchive.cli.ImportFlow;
import org.qarchive.importer.ImportOptions;
import org.qarchive.index.Analysis;
import org.qarchive.index.EntryEdits;
import org.qarchive.search.ArchiveSearcher;
import org.qarchive.search.Synonyms;
import org.qarchive.web.WebConfig;
import org.qarchive.web.WebServer;

/**
 * A real archive server with the staff side on a free port, over an index of its own, with two
 * staff accounts (alice and bob), a clock tests can move, and the real import flow.
 */
final class AdminTestServer implements AutoCloseable {

  static final String ALICE = "alice";
  static final String BOB = "bob";
  static final String PASSWORD = "correct horse battery";
  static final String BOB_PASSWORD = "bob's long passphrase";

  /** A clock tests move forward. */
  static final class TestClock extends Clock {
    private volatile Instant now = Instant.parse("2026-01-05T09:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  final Path dir;

  /** The clinic's settings folder, beside the index folder; staff edit it at /admin/clinic. */
  final Path configDir;

  final TestClock clock = new TestClock();
  final EntryEdits edits;
  final ArchiveSearcher searcher;
  final ArchiveSearcher staffSearcher;
  final StaffAdmin admin;
  final WebServer server;
  final String publicUrl;

  /** When set, imports wait for it before they start: a test can hold one running. */
  volatile java.util.concurrent.CountDownLatch gate;

  AdminTestServer(Path dir, List<QaEntry> entries, long maxUpload, String publicUrl)
      throws IOException {
    this.dir = dir;
    this.configDir = dir.resolveSibling(dir.getFileName() + "-config");
    this.publicUrl = publicUrl;
    Fixtures.index(dir, entries);
    this.edits = EntryEdits.open(dir);
    Synonyms synonyms = Synonyms.load(null, Analysis.DEFAULT);
    this.searcher = new ArchiveSearcher(dir, synonyms, edits);
    this.staffSearcher = ArchiveSearcher.seeingHidden(dir, synonyms);
    StaffAccounts accounts = new StaffAccounts(dir, new PasswordHash());
    if (accounts.list().isEmpty()) {
      accounts.add(ALICE, PASSWORD.toCharArray());
      accounts.add(BOB, BOB_PASSWORD.toCharArray());
    }
    this.admin =
        new StaffAdmin(
            new StaffAdmin.Setup(
                dir,
                "Test archive",
                publicUrl,
                maxUpload,
                edits,
                () -> staffSearcher,
                () -> {
                  searcher.refresh();
                  staffSearcher.refresh();
                },
                (inputs, control, history, runId, source, by) -> {
                  java.util.concurrent.CountDownLatch g = gate;
                  if (g != null) {
                    try {
                      g.await();
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                      throw new IOException("interrupted", e);
                    }
                  }
                  return ImportFlow.run(
                      dir,
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
                    Path f = dir.resolve(StaffAdmin.SYNONYMS_FILE);
                    try {
                      return Files.exists(f)
                          ? new Text(Files.readString(f), "staff")
                          : new Text("tummy tuck, abdominoplasty\n", "test list");
                    } catch (IOException e) {
                      throw new java.io.UncheckedIOException(e);
                    }
                  }

                  @Override
                  public void use(String t) {
                    Synonyms next =
                        t == null
                            ? Synonyms.load(null, Analysis.DEFAULT)
                            : Synonyms.parse(t, Analysis.DEFAULT, "staff");
                    searcher.useSynonyms(next);
                    staffSearcher.useSynonyms(next);
                  }
                },
                clock),
            configDir);
    this.server =
        new WebServer(
                searcher,
                new WebConfig(
                        "127.0.0.1", 0, List.of("*"), "Test archive", List.of(), publicUrl, dir)
                    .withConfigDir(configDir))
            .with(admin)
            .start();
  }

  AdminTestServer(Path dir) throws IOException {
    this(dir, Fixtures.small(), 50L * 1024 * 1024, null);
  }

  String origin() {
    return "http://localhost:" + server.port();
  }

  /** A client with a cookie jar of its own, like one browser. */
  Client client() {
    return new Client();
  }

  @Override
  public void close() throws Exception {
    try {
      server.close();
      admin.close();
    } finally {
      searcher.close();
      staffSearcher.close();
    }
  }

  /** Everything under the index folder that staff actions write, to check that nothing changed. */
  String staffState() throws IOException {
    StringJoiner j = new StringJoiner("\n");
    for (String f :
        List.of(EntryEdits.FILE_NAME, StaffAdmin.SYNONYMS_FILE, StaffAccounts.FILE_NAME)) {
      Path p = dir.resolve(f);
      j.add(f + "=" + (Files.exists(p) ? Files.readString(p) : "<absent>"));
    }
    for (org.qarchive.site.SiteConfig.File f : org.qarchive.site.SiteConfig.File.values()) {
      Path p = configDir.resolve(f.fileName());
      j.add(f.fileName() + "=" + (Files.exists(p) ? Files.readString(p) : "<absent>"));
    }
    Path imports = dir.resolve("imports");
    if (Files.isDirectory(imports)) {
      try (var s = Files.walk(imports)) {
        s.sorted()
            .filter(p -> !p.equals(imports) && !p.getFileName().toString().equals(".incoming"))
            .forEach(p -> j.add(dir.relativize(p).toString()));
      }
    }
    return j.toString();
  }

  /** One browser: cookies, and the last page's CSRF token. */
  final class Client {
    final HttpClient http =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    final Map<String, String> cookies = new LinkedHashMap<>();
    String origin = AdminTestServer.this.origin();
    HttpResponse<String> last;

    private HttpRequest.Builder request(String path) {
      HttpRequest.Builder b =
          HttpRequest.newBuilder(URI.create(AdminTestServer.this.origin() + path))
              .timeout(Duration.ofSeconds(60));
      if (!cookies.isEmpty()) {
        StringJoiner c = new StringJoiner("; ");
        cookies.forEach((k, v) -> c.add(k + "=" + v));
        b.header("Cookie", c.toString());
      }
      return b;
    }

    HttpResponse<String> send(HttpRequest r) throws IOException, InterruptedException {
      HttpResponse<String> res = http.send(r, HttpResponse.BodyHandlers.ofString());
      for (String sc : res.headers().allValues("Set-Cookie")) {
        String pair = sc.split(";", 2)[0];
        int eq = pair.indexOf('=');
        String name = pair.substring(0, eq);
        String value = pair.substring(eq + 1);
        if (value.isEmpty() || sc.contains("Max-Age=0")) {
          cookies.remove(name);
        } else {
          cookies.put(name, value);
        }
      }
      last = res;
      return res;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
      return send(request(path).GET().build());
    }

    HttpResponse<String> post(String path, Map<String, String> form)
        throws IOException, InterruptedException {
      HttpRequest.Builder b =
          request(path)
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(formBody(form)));
      if (origin != null) {
        b.header("Origin", origin);
      }
      return send(b.build());
    }

    /** Signs in; returns the sign-in answer. */
    HttpResponse<String> signIn(String name, String password)
        throws IOException, InterruptedException {
      HttpResponse<String> page = get("/admin");
      String token = field(page.body(), "login");
      return post("/admin/sign-in", Map.of("login", token, "name", name, "password", password));
    }

    /** The CSRF token of the start page. */
    String csrf() throws IOException, InterruptedException {
      return field(get("/admin").body(), "csrf");
    }

    /** Uploads a file with the import page's form. */
    HttpResponse<String> upload(String fileName, byte[] content, String csrf)
        throws IOException, InterruptedException {
      String boundary = "----qarchiveTestBoundary7MA4YWxk";
      byte[] body = multipart(boundary, csrf, fileName, content);
      HttpRequest.Builder b =
          request("/admin/imports")
              .header("Content-Type", "multipart/form-data; boundary=" + boundary)
              .POST(HttpRequest.BodyPublishers.ofByteArray(body));
      if (origin != null) {
        b.header("Origin", origin);
      }
      return send(b.build());
    }
  }

  static byte[] multipart(String boundary, String csrf, String fileName, byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (csrf != null) {
      out.writeBytes(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n"
                  + csrf
                  + "\r\n")
              .getBytes(StandardCharsets.UTF_8));
    }
    out.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + fileName.replace("\"", "%22")
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    out.writeBytes(content);
    out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  static String formBody(Map<String, String> form) {
    StringJoiner j = new StringJoiner("&");
    form.forEach(
        (k, v) ->
            j.add(
                URLEncoder.encode(k, StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return j.toString();
  }

  /** The value of the hidden field {@code name} in a page. */
  static String field(String html, String name) {
    Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(html);
    if (!m.find()) {
      throw new AssertionError("no field " + name + " in\n" + html);
    }
    return m.group(1);
  }
}
