package org.qarchive.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.concurrent.TimeUnit;

/** Helpers for the real server started as a child process by the soak and load tests. */
public final class ChildServer {

  private ChildServer() {}

  /** A TCP port that was free a moment ago. */
  public static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /**
   * Waits until the child answers {@code /healthz} on 127.0.0.1, failing if it exits or takes over
   * a minute.
   */
  public static void waitUntilUp(Process server, int port)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      if (!server.isAlive()) {
        throw new IOException("the server exited with " + server.exitValue());
      }
      try (HttpProbe probe = new HttpProbe("127.0.0.1", port)) {
        if (probe.get("/healthz").status() == 200) {
          return;
        }
      } catch (IOException notYet) {
        Thread.sleep(100);
      }
    }
    throw new IOException("the server did not start within 60 s");
  }
}
