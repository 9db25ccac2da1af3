package org.qarchive.web;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * How the web server is set up.
 *
 * @param host interface to bind, e.g. {@code 0.0.0.0} or {@code 127.0.0.1}
 * @param port TCP port; 0 picks a free one
 * @param corsOrigins origins allowed to call the search API from a browser ({@code *} for any);
 *     empty for none
 * @param siteName the name shown in page titles
 * @param frameAncestors origins that may frame our pages (CSP {@code frame-ancestors}); empty for
 *     none
 * @param publicUrl the archive's public base URL ({@code https://archive.example}) for canonical
 *     links, the sitemap and OpenSearch; null to derive it from each request's Host header
 * @param indexDir the index folder, for size and last-import metrics; null when unknown
 * @param maxConcurrentSearches searches allowed to run at once; more wait briefly, then get 429
 * @param trustedProxies addresses or CIDR ranges of reverse proxies whose {@code X-Forwarded-Proto}
 *     and {@code X-Forwarded-Host} are believed; empty for none
 * @param configDir the clinic's config folder ({@link org.qarchive.site.SiteConfig}), reloaded on
 *     change; null for the shipped defaults
 * @param archiveDir the folder the index was imported from, whose files are served as the archived
 *     copies of the original posts; null when they are not to be served
 */
public record WebConfig(
    String host,
    int port,
    List<String> corsOrigins,
    String siteName,
    List<String> frameAncestors,
    String publicUrl,
    Path indexDir,
    int maxConcurrentSearches,
    List<String> trustedProxies,
    Path configDir,
    Path archiveDir) {

  /**
   * Concurrent searches by default: enough to keep every core busy while one waits on I/O, few
   * enough to bound memory.
   */
  public static final int DEFAULT_MAX_CONCURRENT_SEARCHES =
      Math.max(4, 4 * Runtime.getRuntime().availableProcessors());

  public WebConfig {
    Objects.requireNonNull(host, "host");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be between 0 and 65535");
    }
    corsOrigins = List.copyOf(Objects.requireNonNullElse(corsOrigins, List.of()));
    siteName = Objects.requireNonNullElse(siteName, "Ask the Doctor — answer archive");
    frameAncestors = List.copyOf(Objects.requireNonNullElse(frameAncestors, List.of()));
    for (String a : frameAncestors) {
      // the value lands in a header: a ';' or newline would let it add directives
      if (!a.matches("'self'|\\*|[a-zA-Z][a-zA-Z0-9+.-]*://[A-Za-z0-9.*:\\[\\]-]+")) {
        throw new IllegalArgumentException("frame ancestor must be 'self', * or an origin: " + a);
      }
    }
    if (maxConcurrentSearches < 1) {
      throw new IllegalArgumentException("max concurrent searches must be at least 1");
    }
    if (publicUrl != null) {
      publicUrl = publicUrl.strip().replaceAll("/+$", "");
      if (!publicUrl.matches("https?://[^/\\s]+(/[^\\s]*)?")) {
        throw new IllegalArgumentException("public URL must be an http(s) URL: " + publicUrl);
      }
    }
    trustedProxies = List.copyOf(Objects.requireNonNullElse(trustedProxies, List.of()));
    TrustedProxies.parse(
        trustedProxies); // names a bad address now rather than at the first request
  }

  /** Without trusted proxies. */
  public WebConfig(
      String host,
      int port,
      List<String> corsOrigins,
      String siteName,
      List<String> frameAncestors,
      String publicUrl,
      Path indexDir,
      int maxConcurrentSearches) {
    this(
        host,
        port,
        corsOrigins,
        siteName,
        frameAncestors,
        publicUrl,
        indexDir,
        maxConcurrentSearches,
        List.of());
  }

  /** Without a config folder or archived copies. */
  public WebConfig(
      String host,
      int port,
      List<String> corsOrigins,
      String siteName,
      List<String> frameAncestors,
      String publicUrl,
      Path indexDir,
      int maxConcurrentSearches,
      List<String> trustedProxies) {
    this(
        host,
        port,
        corsOrigins,
        siteName,
        frameAncestors,
        publicUrl,
        indexDir,
        maxConcurrentSearches,
        trustedProxies,
        null,
        null);
  }

  /** Without framing, public URL or index folder. */
  public WebConfig(String host, int port, List<String> corsOrigins, String siteName) {
    this(host, port, corsOrigins, siteName, List.of(), null, null, DEFAULT_MAX_CONCURRENT_SEARCHES);
  }

  /** With the default cap on concurrent searches. */
  public WebConfig(
      String host,
      int port,
      List<String> corsOrigins,
      String siteName,
      List<String> frameAncestors,
      String publicUrl,
      Path indexDir) {
    this(
        host,
        port,
        corsOrigins,
        siteName,
        frameAncestors,
        publicUrl,
        indexDir,
        DEFAULT_MAX_CONCURRENT_SEARCHES);
  }

  /** Defaults for a local server on {@code port}. */
  public static WebConfig onPort(int port) {
    return new WebConfig("0.0.0.0", port, List.of("*"), null);
  }

  /** This config with the index folder set, so metrics can report its size and last import. */
  public WebConfig withIndexDir(Path dir) {
    return new WebConfig(
        host,
        port,
        corsOrigins,
        siteName,
        frameAncestors,
        publicUrl,
        dir,
        maxConcurrentSearches,
        trustedProxies,
        configDir,
        archiveDir);
  }

  /** This config with another cap on concurrent searches. */
  public WebConfig withMaxConcurrentSearches(int max) {
    return new WebConfig(
        host,
        port,
        corsOrigins,
        siteName,
        frameAncestors,
        publicUrl,
        indexDir,
        max,
        trustedProxies,
        configDir,
        archiveDir);
  }

  /** This config trusting the forwarding headers of these proxies (addresses or CIDR ranges). */
  public WebConfig withTrustedProxies(List<String> proxies) {
    return new WebConfig(
        host,
        port,
        corsOrigins,
        siteName,
        frameAncestors,
        publicUrl,
        indexDir,
        maxConcurrentSearches,
        proxies,
        configDir,
        archiveDir);
  }

  /** This config reading the clinic's settings from {@code dir} (null: the shipped defaults). */
  public WebConfig withConfigDir(Path dir) {
    return new WebConfig(
        host,
        port,
        corsOrigins,
        siteName,
        frameAncestors,
        publicUrl,
        indexDir,
        maxConcurrentSearches,
        trustedProxies,
        dir,
        archiveDir);
  }

  /**
   * This config serving the archived pages under {@code dir} as the entries' original posts (null:
   * none served).
   */
  public WebConfig withArchiveDir(Path dir) {
    return new WebConfig(
        host,
        port,
        corsOrigins,
        siteName,
        frameAncestors,
        publicUrl,
        indexDir,
        maxConcurrentSearches,
        trustedProxies,
        configDir,
        dir);
  }
}
