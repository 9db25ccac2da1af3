package org.qarchive.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.qarchive.cli.BadInputException;
import org.qarchive.cli.IndexOption;
import org.qarchive.cli.Main;
import org.qarchive.index.IndexInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code qarchive soak}: starts a real server in a child JVM with a small heap and sends every
 * hostile query many times to the API and the page, checking that each gets a normal answer or a
 * 400 within the time limit, that no answer is a 5xx, and that the server log holds no
 * OutOfMemoryError or StackOverflowError.
 */
@Command(
    name = "soak",
    mixinStandardHelpOptions = true,
    description =
        "Send hostile queries to a real server (child JVM, -Xmx256m) and check answers, latency and the log.")
public final class SoakCommand implements Callable<Integer> {

  @Mixin IndexOption index;

  @Option(
      names = "--repeat",
      defaultValue = "1000",
      description = "Times each query is sent to each path (default: ${DEFAULT-VALUE}).")
  int repeat;

  @Option(
      names = "--limit-ms",
      defaultValue = "250",
      description = "Slowest acceptable answer (default: ${DEFAULT-VALUE} ms).")
  long limitMs;

  @Option(
      names = "--heap",
      defaultValue = "256m",
      description = "Child server heap (default: ${DEFAULT-VALUE}).")
  String heap;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (!IndexInfo.read(index.dir).exists()) {
      throw new BadInputException("no index at " + index.dir + "; run 'qarchive import' first");
    }
    PrintWriter out = spec.commandLine().getOut();
    int port = ChildServer.freePort();
    Path log = Files.createTempFile("qarchive-soak", ".log");
    Process server = startServer(port, log);
    try {
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      ChildServer.waitUntilUp(server, port);
      // a fresh JVM interprets before it compiles: warm the search path so the limit measures
      // steady state
      for (int i = 0; i < 300; i++) {
        String q =
            List.of("botox", "saggy skin after botox", "tummy tuck scar", "nose job swelling")
                .get(i % 4);
        http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://127.0.0.1:"
                            + port
                            + "/api/search?q="
                            + java.net.URLEncoder.encode(q, StandardCharsets.UTF_8)))
                .build(),
            HttpResponse.BodyHandlers.discarding());
      }
      out.printf(
          Locale.ROOT,
          "%-28s %-5s %7s %7s %7s %7s  %s%n",
          "query",
          "path",
          "p50 ms",
          "p99 ms",
          "max ms",
          "slow",
          "statuses");
      int failures = 0;
      for (HostileQueries.Probe probe : HostileQueries.all()) {
        for (String path : List.of("/api/search", "/", "/api/suggest")) {
          long[] ms = new long[repeat];
          java.util.TreeMap<Integer, Integer> statuses = new java.util.TreeMap<>();
          int slow = 0;
          for (int i = 0; i < repeat; i++) {
            long t0 = System.nanoTime();
            int status =
                http.send(
                        HttpRequest.newBuilder(
                                URI.create(
                                    "http://127.0.0.1:" + port + path + "?" + probe.queryString()))
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                        HttpResponse.BodyHandlers.discarding())
                    .statusCode();
            ms[i] = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            statuses.merge(status, 1, Integer::sum);
            if (ms[i] > limitMs) {
              slow++;
            }
          }
          Arrays.sort(ms);
          boolean bad = slow > 0 || statuses.keySet().stream().anyMatch(s -> s != 200 && s != 400);
          failures += bad ? 1 : 0;
          out.printf(
              Locale.ROOT,
              "%-28s %-5s %7d %7d %7d %7d  %s%s%n",
              probe.name(),
              path.equals("/") ? "page" : path.endsWith("suggest") ? "sugg" : "api",
              ms[ms.length / 2],
              ms[(int) Math.min(ms.length - 1, Math.ceil(ms.length * 0.99) - 1)],
              ms[ms.length - 1],
              slow,
              statuses,
              bad ? "  FAIL" : "");
          out.flush();
        }
      }
      String serverLog = Files.readString(log, StandardCharsets.UTF_8);
      boolean crashed =
          serverLog.contains("OutOfMemoryError") || serverLog.contains("StackOverflowError");
      out.printf(
          Locale.ROOT,
          "%nserver alive: %s, OutOfMemoryError/StackOverflowError in log: %s%n",
          server.isAlive(),
          crashed ? "YES" : "none");
      out.printf(
          Locale.ROOT,
          "%d passed, %d failed%n",
          HostileQueries.all().size() * 3 - failures,
          failures);
      return failures == 0 && !crashed && server.isAlive() ? 0 : 1;
    } finally {
      server.destroy();
      server.waitFor(10, TimeUnit.SECONDS);
      Files.deleteIfExists(log);
    }
  }

  private Process startServer(int port, Path log) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd =
        new ArrayList<>(
            List.of(
                java,
                "-Xmx" + heap,
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "serve",
                "--no-import",
                "--host",
                "127.0.0.1",
                "--port",
                Integer.toString(port),
                "--index",
                index.dir.toString()));
    return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }
}
