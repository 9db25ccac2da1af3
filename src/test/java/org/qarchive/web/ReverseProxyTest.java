package org.qarchive.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qarchive.Fixtures;
import org.qarchive.SharedData;
import org.qarchive.search.ArchiveSearcher;

/**
 * The shipped Caddy and nginx examples, run for real in front of a real qarchive, over HTTPS with a
 * certificate made for the test: qarchive's links say https and the proxy's host, a visitor's own
 * forwarding headers never get through, and the proxy's access log holds no question. Skipped with
 * one line where the proxy is not installed (fails under CI=true).
 */
class ReverseProxyTest {

  @TempDir static Path dir;
  static ArchiveSearcher searcher;
  static WebServer server;
  static Path cert;
  static Path key;
  static HttpClient https;

  @BeforeAll
  static void start() throws Exception {
    Fixtures.index(dir.resolve("index"), Fixtures.small());
    searcher = new ArchiveSearcher(dir.resolve("index"));
    server =
        new WebServer(
                searcher,
                new WebConfig("127.0.0.1", 0, List.of("*"), null)
                    .withTrustedProxies(List.of("127.0.0.1")))
            .start();
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    searcher.close();
  }

  /** A certificate for localhost, and a client that trusts it (and nothing else). */
  private static void certificate() throws Exception {
    requireTool("openssl", "openssl");
    cert = dir.resolve("cert.pem");
    key = dir.resolve("key.pem");
    if (!Files.exists(cert)) {
      run(
          List.of(
              "openssl",
              "req",
              "-x509",
              "-newkey",
              "rsa:2048",
              "-nodes",
              "-days",
              "2",
              "-subj",
              "/CN=localhost",
              "-addext",
              "subjectAltName=DNS:localhost",
              "-keyout",
              key.toString(),
              "-out",
              cert.toString()),
          dir);
    }
    KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
    trust.load(null, null);
    try (InputStream in = Files.newInputStream(cert)) {
      trust.setCertificateEntry(
          "test", CertificateFactory.getInstance("X.509").generateCertificate(in));
    }
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext ssl = SSLContext.getInstance("TLS");
    ssl.init(null, tmf.getTrustManagers(), null);
    https =
        HttpClient.newBuilder()
            .sslContext(ssl)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  @Test
  void theNginxExampleServesHttpsLinksAndKeepsQuestionsOutOfItsLog() throws Exception {
    requireTool("nginx", "nginx-light");
    certificate();
    Path work = Files.createDirectories(dir.resolve("nginx"));
    int httpPort = freePort();
    int tlsPort = freePort();
    String site =
        read("src/dist/nginx.conf")
            .replace("listen 80;", "listen 127.0.0.1:" + httpPort + ";")
            .replace("listen 443 ssl;", "listen 127.0.0.1:" + tlsPort + " ssl;")
            .replace("    listen [::]:80;\n", "")
            .replace("    listen [::]:443 ssl;\n", "")
            .replace("server_name archive.example;", "server_name localhost;")
            .replace("/etc/letsencrypt/live/archive.example/fullchain.pem", cert.toString())
            .replace("/etc/letsencrypt/live/archive.example/privkey.pem", key.toString())
            .replace("/var/log/nginx/qarchive.access.log", work.resolve("access.log").toString())
            .replace("127.0.0.1:7070", "127.0.0.1:" + server.port());
    assertFalse(
        site.lines().anyMatch(l -> !l.strip().startsWith("#") && l.contains("archive.example")),
        "every placeholder was replaced:\n" + site);
    Files.writeString(work.resolve("qarchive.conf"), site, StandardCharsets.UTF_8);
    Path conf = work.resolve("nginx.conf");
    Files.writeString(
        conf,
        "worker_processes 1;\ndaemon off;\npid "
            + work.resolve("nginx.pid")
            + ";\nerror_log "
            + work.resolve("error.log")
            + ";\nevents { worker_connections 64; }\nhttp {\n"
            + "  access_log off;\n"
            + "  client_body_temp_path "
            + work.resolve("tmp-body")
            + ";\n  proxy_temp_path "
            + work.resolve("tmp-proxy")
            + ";\n  include "
            + work.resolve("qarchive.conf")
            + ";\n}\n",
        StandardCharsets.UTF_8);
    List<String> nginx =
        List.of("nginx", "-e", work.resolve("error.log").toString(), "-p", work + "/", "-c");
    run(concat(nginx, conf.toString(), "-t"), work);
    Process p = start(concat(nginx, conf.toString()), work);
    try {
      waitForPort(tlsPort, p);
      String base = "https://localhost:" + tlsPort;
      // nginx's $host carries no port: behind the usual 443 the links need none
      assertEquals("https://localhost/sitemap.xml", sitemap(base, null));
      assertEquals(
          "https://localhost/sitemap.xml", sitemap(base, "evil.example"), "a visitor's header");
      assertTrue(get(base + "/embed/demo", null).body().contains("https://localhost/embed.js"));
      HttpResponse<String> redirect =
          https.send(
              HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort + "/?q=botox"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(301, redirect.statusCode());
      assertEquals(
          "https://localhost/?q=botox", redirect.headers().firstValue("location").orElse(""));
      assertEquals(
          200, get(base + "/api/search?q=herpes+after+filler", base + "/?q=acne").statusCode());
    } finally {
      stop(p);
    }
    String log = Files.readString(work.resolve("access.log"), StandardCharsets.UTF_8);
    assertTrue(log.contains("\"GET /api/search HTTP/1.1\" 200"), log);
    for (String secret : List.of("herpes", "acne", "q=", "127.0.0.1")) {
      assertFalse(log.contains(secret), secret + " in nginx's log:\n" + log);
    }
  }

  @Test
  void theCaddyExampleServesHttpsLinksAndKeepsQuestionsOutOfItsLog() throws Exception {
    requireTool("caddy", "caddy");
    certificate();
    Path work = Files.createDirectories(dir.resolve("caddy"));
    int httpPort = freePort();
    int tlsPort = freePort();
    String site =
        read("src/dist/Caddyfile")
            .replace(
                "archive.example {\n",
                "{\n\tadmin off\n\thttp_port "
                    + httpPort
                    + "\n\thttps_port "
                    + tlsPort
                    + "\n\tstorage file_system "
                    + work.resolve("data")
                    + "\n}\n\nhttps://localhost:"
                    + tlsPort
                    + " {\n\ttls "
                    + cert
                    + " "
                    + key
                    + "\n")
            .replace("/var/log/caddy/qarchive.log", work.resolve("access.log").toString())
            .replace("127.0.0.1:7070", "127.0.0.1:" + server.port());
    assertFalse(
        site.lines().anyMatch(l -> !l.strip().startsWith("#") && l.contains("archive.example")),
        "every placeholder was replaced:\n" + site);
    Path conf = work.resolve("Caddyfile");
    Files.writeString(conf, site, StandardCharsets.UTF_8);
    run(List.of("caddy", "validate", "--config", conf.toString(), "--adapter", "caddyfile"), work);
    Process p =
        start(List.of("caddy", "run", "--config", conf.toString(), "--adapter", "caddyfile"), work);
    try {
      waitForPort(tlsPort, p);
      String base = "https://localhost:" + tlsPort;
      // Caddy forwards the Host as the visitor sent it, port and all
      assertEquals(base + "/sitemap.xml", sitemap(base, null));
      assertEquals(base + "/sitemap.xml", sitemap(base, "evil.example"), "a visitor's header");
      assertTrue(get(base + "/embed/demo", null).body().contains(base + "/embed.js"));
      assertEquals(
          200, get(base + "/api/search?q=herpes+after+filler", base + "/?q=acne").statusCode());
    } finally {
      stop(p);
    }
    String log = Files.readString(work.resolve("access.log"), StandardCharsets.UTF_8);
    assertTrue(log.contains("\"uri\":\"/api/search\""), log);
    for (String secret : List.of("herpes", "acne", "q=", "127.0.0.1")) {
      assertFalse(log.contains(secret), secret + " in Caddy's log:\n" + log);
    }
  }

  private static String sitemap(String base, String spoofedHost) throws Exception {
    HttpResponse<String> r = get(base + "/robots.txt", null, spoofedHost);
    assertEquals(200, r.statusCode(), r.body());
    return r.body()
        .lines()
        .filter(l -> l.startsWith("Sitemap: "))
        .findFirst()
        .orElseThrow()
        .substring("Sitemap: ".length());
  }

  private static HttpResponse<String> get(String url, String referer) throws Exception {
    return get(url, referer, null);
  }

  private static HttpResponse<String> get(String url, String referer, String spoofedHost)
      throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20));
    if (referer != null) {
      b.header("Referer", referer);
    }
    if (spoofedHost != null) {
      b.header("X-Forwarded-Host", spoofedHost).header("X-Forwarded-Proto", "http");
    }
    return https.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Skips where the tool is missing, failing instead under CI=true, where it must be there. */
  private static void requireTool(String tool, String aptPackage) {
    for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (!d.isEmpty() && Files.isExecutable(Path.of(d, tool))) {
        return;
      }
    }
    String why = "the reverse proxy test needs " + tool + " (apt-get install " + aptPackage + ")";
    if (SharedData.inCi()) {
      fail(why);
    }
    Assumptions.abort(why);
  }

  private static String read(String path) throws IOException {
    return Files.readString(Path.of(path), StandardCharsets.UTF_8);
  }

  private static List<String> concat(List<String> head, String... tail) {
    List<String> all = new ArrayList<>(head);
    all.addAll(List.of(tail));
    return all;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static void run(List<String> cmd, Path work) throws Exception {
    Process p = new ProcessBuilder(cmd).directory(work.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), String.join(" ", cmd));
    assertEquals(0, p.exitValue(), String.join(" ", cmd) + "\n" + out);
  }

  private static Process start(List<String> cmd, Path work) throws IOException {
    ProcessBuilder pb =
        new ProcessBuilder(cmd)
            .directory(work.toFile())
            .redirectErrorStream(true)
            .redirectOutput(work.resolve("server.out").toFile());
    pb.environment().put("HOME", work.toString());
    pb.environment().put("XDG_DATA_HOME", work.resolve("data").toString());
    pb.environment().put("XDG_CONFIG_HOME", work.resolve("config").toString());
    return pb.start();
  }

  private static void waitForPort(int port, Process p) throws Exception {
    for (int i = 0; i < 100; i++) {
      if (!p.isAlive()) {
        fail("the proxy exited with " + p.exitValue());
      }
      try (Socket s = new Socket("127.0.0.1", port)) {
        return;
      } catch (IOException e) {
        Thread.sleep(100);
      }
    }
    fail("the proxy did not listen on " + port);
  }

  private static void stop(Process p) throws InterruptedException {
    p.descendants().forEach(ProcessHandle::destroy);
    p.destroy();
    if (!p.waitFor(10, TimeUnit.SECONDS)) {
      p.destroyForcibly();
    }
  }
}
