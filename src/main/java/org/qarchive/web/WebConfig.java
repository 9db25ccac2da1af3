package org.qarchive.web;

import java.util.List;
import java.util.Objects;

/**
 * How the web server is set up.
 *
 * @param host interface to bind, e.g. {@code 0.0.0.0} or {@code 127.0.0.1}
 * @param port TCP port; 0 picks a free one
 * @param corsOrigins origins allowed to call the search API from a browser ({@code *} for any); empty for none
 * @param siteName the name shown in page titles
 */
public record WebConfig(String host, int port, List<String> corsOrigins, String siteName) {

  public WebConfig {
    Objects.requireNonNull(host, "host");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be between 0 and 65535");
    }
    corsOrigins = List.copyOf(Objects.requireNonNullElse(corsOrigins, List.of()));
    siteName = Objects.requireNonNullElse(siteName, "Ask the Doctor — answer archive");
  }

  /** Defaults for a local server on {@code port}. */
  public static WebConfig onPort(int port) {
    return new WebConfig("0.0.0.0", port, List.of("*"), null);
  }
}
