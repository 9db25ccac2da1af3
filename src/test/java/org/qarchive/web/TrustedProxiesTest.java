package org.qarchive.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qarchive.Fixtures;
import org.qarchive.search.ArchiveSearcher;

/**
 * Behind a TLS proxy the links we write say https and the public host, but only when the proxy is
 * one we trust: the same headers from anyone else change nothing. Over real HTTP.
 */
class TrustedProxiesTest {

  @TempDir Path dir;

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private String robots(WebConfig config, String proto, String host) throws Exception {
    try (ArchiveSearcher searcher = new ArchiveSearcher(dir);
        WebServer server = new WebServer(searcher, config).start()) {
      HttpRequest.Builder b =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/robots.txt"));
      if (proto != null) {
        b.header("X-Forwarded-Proto", proto);
      }
      if (host != null) {
        b.header("X-Forwarded-Host", host);
      }
      HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, r.statusCode());
      String sitemap =
          r.body().lines().filter(l -> l.startsWith("Sitemap: ")).findFirst().orElseThrow();
      return sitemap.substring("Sitemap: ".length()).replace(":" + server.port(), ":PORT");
    }
  }

  private static WebConfig trusting(String... proxies) {
    return new WebConfig("127.0.0.1", 0, List.of("*"), null).withTrustedProxies(List.of(proxies));
  }

  @Test
  void aTrustedProxysSchemeAndHostMakeTheLinks() throws Exception {
    Fixtures.index(dir, Fixtures.small());
    assertEquals(
        "https://archive.example/sitemap.xml",
        robots(trusting("127.0.0.1"), "https", "archive.example"));
    assertEquals(
        "https://archive.example/sitemap.xml",
        robots(trusting("127.0.0.0/8", "::1"), "https", "archive.example"));
    // several proxies append; the nearest, trusted one's value counts
    assertEquals(
        "https://archive.example/sitemap.xml",
        robots(trusting("127.0.0.1"), "http, https", "evil.example, archive.example"));
  }

  @Test
  void theSameHeadersFromAnUntrustedAddressAreIgnored() throws Exception {
    Fixtures.index(dir, Fixtures.small());
    String plain = "http://127.0.0.1:PORT/sitemap.xml";
    assertEquals(plain, robots(trusting(), "https", "evil.example"));
    assertEquals(plain, robots(trusting("10.0.0.0/8", "192.168.1.7"), "https", "evil.example"));
    // from a trusted proxy, a header that is no host or scheme is ignored too
    assertEquals(plain, robots(trusting("127.0.0.1"), "javascript", "evil.example/<x>"));
    // a configured public URL wins over any header
    assertEquals(
        "https://archive.example/sitemap.xml",
        robots(
            new WebConfig(
                    "127.0.0.1", 0, List.of("*"), null, List.of(), "https://archive.example", null)
                .withTrustedProxies(List.of("127.0.0.1")),
            "http",
            "evil.example"));
  }

  @Test
  void addressesAndRangesAreMatchedWithoutNameLookups() {
    TrustedProxies p = TrustedProxies.parse(List.of("10.1.0.0/16", "::1", "192.168.0.7"));
    assertTrue(p.trusts("10.1.200.3"));
    assertFalse(p.trusts("10.2.0.1"));
    assertTrue(p.trusts("0:0:0:0:0:0:0:1"));
    assertTrue(p.trusts("[::1]"));
    assertTrue(p.trusts("192.168.0.7"));
    assertFalse(p.trusts("192.168.0.8"));
    assertFalse(p.trusts("localhost"), "names are not looked up");
    assertFalse(TrustedProxies.NONE.trusts("127.0.0.1"));
    assertTrue(TrustedProxies.parse(List.of("172.16.0.0/12")).trusts("172.31.255.255"));
    assertFalse(TrustedProxies.parse(List.of("172.16.0.0/12")).trusts("172.32.0.1"));
    for (String bad : List.of("proxy.example", "10.0.0.0/33", "300.1.1.1", "10.0.0.0/x", "")) {
      assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse(List.of(bad)), bad);
    }
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new WebConfig("127.0.0.1", 0, List.of("*"), null)
                .withTrustedProxies(List.of("proxy.example")));
  }
}
