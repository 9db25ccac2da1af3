package org.qarchive.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A minimal HTTP/1.1 client over one keep-alive socket, for load on loopback: it costs the measured
 * server next to nothing (no pools, no futures, no header maps), which matters when client and
 * server share two cores. It reads Content-Length and chunked bodies and reconnects when the server
 * closes.
 */
final class HttpProbe implements AutoCloseable {

  /**
   * A response: its status and body, and the server's own time for it from a {@code Server-Timing:
   * search;dur=MS} header (NaN without one).
   */
  record Response(int status, byte[] body, double serverMs) {}

  private final String host;
  private final int port;
  private Socket socket;
  private InputStream in;
  private OutputStream out;

  HttpProbe(String host, int port) {
    this.host = host;
    this.port = port;
  }

  static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /**
   * GETs {@code target} (path and query); retries once on a fresh connection if a kept-alive one
   * was closed.
   */
  Response get(String target) throws IOException {
    boolean reused = socket != null;
    try {
      return exchange(target);
    } catch (IOException e) {
      close();
      if (!reused) {
        throw e;
      }
      return exchange(target);
    }
  }

  private Response exchange(String target) throws IOException {
    if (socket == null) {
      socket = new Socket();
      socket.setTcpNoDelay(true);
      socket.connect(new InetSocketAddress(host, port), 5_000);
      socket.setSoTimeout(30_000);
      in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
      out = socket.getOutputStream();
    }
    out.write(
        ("GET "
                + target
                + " HTTP/1.1\r\nHost: "
                + host
                + ":"
                + port
                + "\r\nAccept: application/json\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    out.flush();
    String status = line();
    String[] parts = status.split(" ", 3);
    if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
      throw new IOException("not an HTTP response: " + status);
    }
    int code = Integer.parseInt(parts[1]);
    long length = -1;
    boolean chunked = false;
    boolean closeAfter = false;
    double serverMs = Double.NaN;
    for (String h = line(); !h.isEmpty(); h = line()) {
      int colon = h.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String name = h.substring(0, colon).strip().toLowerCase(Locale.ROOT);
      String value = h.substring(colon + 1).strip().toLowerCase(Locale.ROOT);
      switch (name) {
        case "content-length" -> length = Long.parseLong(value);
        case "transfer-encoding" -> chunked = value.contains("chunked");
        case "connection" -> closeAfter = value.contains("close");
        case "server-timing" -> serverMs = serverMs(value);
        default -> {}
      }
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    if (chunked) {
      for (long n = Long.parseLong(line().split(";")[0].strip(), 16);
          n > 0;
          n = Long.parseLong(line().split(";")[0].strip(), 16)) {
        copy(n, body);
        line();
      }
      while (!line().isEmpty()) {
        // trailers
      }
    } else if (length >= 0) {
      copy(length, body);
    } else {
      in.transferTo(body);
      closeAfter = true;
    }
    if (closeAfter) {
      close();
    }
    return new Response(code, body.toByteArray(), serverMs);
  }

  /**
   * The {@code dur} of a Server-Timing value such as {@code search;dur=0.734}; NaN if it has none.
   */
  static double serverMs(String value) {
    for (String param : value.split(";")) {
      String p = param.strip();
      if (p.startsWith("dur=")) {
        try {
          return Double.parseDouble(p.substring(4));
        } catch (NumberFormatException e) {
          return Double.NaN;
        }
      }
    }
    return Double.NaN;
  }

  private void copy(long n, ByteArrayOutputStream to) throws IOException {
    byte[] buf = new byte[8192];
    while (n > 0) {
      int r = in.read(buf, 0, (int) Math.min(buf.length, n));
      if (r < 0) {
        throw new EOFException("connection closed in the middle of a body");
      }
      to.write(buf, 0, r);
      n -= r;
    }
  }

  private String line() throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) {
        throw new EOFException("connection closed");
      }
      if (c != '\r') {
        sb.append((char) c);
      }
    }
    return sb.toString();
  }

  @Override
  public void close() {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // closing a loopback socket we are done with; nothing to recover
      }
      socket = null;
    }
  }
}
