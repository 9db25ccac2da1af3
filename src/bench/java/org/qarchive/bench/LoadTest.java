package org.qarchive.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The load test of the hardening issue: a real server (child JVM, {@code -Xmx256m}) over an index
 * of generated entries, {@code connections} keep-alive clients replaying patient queries for {@code
 * seconds} on loopback, three times: idle, while an import runs (a child importer re-importing
 * pages into the served index in a loop), and while {@code hostile} more connections send the
 * hostile queries. Reports p50/p99, requests/s and errors per phase.
 */
public final class LoadTest {

  private LoadTest() {}

  /**
   * What to run.
   *
   * @param workDir where indexes and pages are cached
   * @param medquad MedQuAD JSON Lines grown into the corpus
   * @param pages archived pages the import phase imports
   * @param entries index size
   * @param connections concurrent search clients
   * @param hostile additional clients sending hostile queries in the last phase
   * @param seconds length of each phase
   * @param seed corpus seed
   */
  public record Options(
      Path workDir,
      Path medquad,
      Path pages,
      int entries,
      int connections,
      int hostile,
      double seconds,
      long seed) {}

  public static BenchReport run(Options o, Path java, Path jar, PrintWriter log) throws Exception {
    BenchReport report =
        new BenchReport(List.of("idle", "during_import", "with_hostile", "server"));
    report.meta("cores", Runtime.getRuntime().availableProcessors());
    report.meta("jdk", Runtime.version().toString());
    report.meta("entries", o.entries());
    report.meta("connections", o.connections());
    report.meta("hostile_connections", o.hostile());
    report.meta("seconds_per_phase", o.seconds());
    CorpusGenerator gen = new CorpusGenerator(CorpusGenerator.loadMedquad(o.medquad()), o.seed());
    Path cached = BenchIndex.obtain(o.workDir(), gen, o.entries(), log);
    // the import phase writes into the served index: serve a copy so the cache stays as built
    Path index = o.workDir().resolve("load-index");
    BenchIndex.deleteTree(index);
    copy(cached, index);
    List<String> targets =
        BenchQueries.builtIn().stream().map(q -> "/api/search?q=" + HttpProbe.encode(q)).toList();
    List<String> hostileTargets =
        HostileQueries.all().stream().map(p -> "/api/search?" + p.queryString()).toList();
    Path dir = Files.createDirectories(o.workDir().resolve("load"));
    Process server = null;
    try {
      int port = ChildServer.freePort();
      server =
          new ProcessBuilder(
                  List.of(
                      java.toString(),
                      "-Xmx256m",
                      "-jar",
                      jar.toString(),
                      "serve",
                      "--no-import",
                      "--no-search-log",
                      "--index",
                      index.toString(),
                      "--host",
                      "127.0.0.1",
                      "--port",
                      Integer.toString(port)))
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("serve.log").toFile())
              .start();
      ChildServer.waitUntilUp(server, port);
      log.println("load: warming up ...");
      log.flush();
      HttpBench.run(port, targets, 2, Math.min(10, o.seconds() / 2));

      phase(report, "idle", port, targets, o, log);

      AtomicBoolean importing = new AtomicBoolean(true);
      AtomicInteger imports = new AtomicInteger();
      Thread importer =
          Thread.ofPlatform()
              .start(
                  () -> {
                    while (importing.get()) {
                      try {
                        Process p =
                            new ProcessBuilder(
                                    List.of(
                                        java.toString(),
                                        "-Xmx512m",
                                        "-jar",
                                        jar.toString(),
                                        "import",
                                        "--index",
                                        index.toString(),
                                        o.pages().toString()))
                                .redirectErrorStream(true)
                                .redirectOutput(
                                    ProcessBuilder.Redirect.appendTo(
                                        dir.resolve("import.log").toFile()))
                                .start();
                        while (!p.waitFor(100, TimeUnit.MILLISECONDS)) {
                          if (!importing.get()) {
                            p.destroy();
                          }
                        }
                        imports.incrementAndGet();
                      } catch (IOException | InterruptedException e) {
                        return;
                      }
                    }
                  });
      try {
        phase(report, "during_import", port, targets, o, log);
      } finally {
        importing.set(false);
        importer.join();
      }
      report.note(
          "during_import", imports.get() + " imports of " + o.pages() + " ran during the phase");

      AtomicBoolean attacking = new AtomicBoolean(true);
      AtomicInteger hostileFive = new AtomicInteger();
      AtomicInteger hostileSent = new AtomicInteger();
      List<Thread> attackers = new ArrayList<>();
      for (int c = 0; c < o.hostile(); c++) {
        int offset = c;
        attackers.add(
            Thread.ofPlatform()
                .start(
                    () -> {
                      try (HttpProbe probe = new HttpProbe("127.0.0.1", port)) {
                        for (int i = offset; attacking.get(); i++) {
                          int status =
                              probe.get(hostileTargets.get(i % hostileTargets.size())).status();
                          hostileSent.incrementAndGet();
                          if (status >= 500) {
                            hostileFive.incrementAndGet();
                          }
                        }
                      } catch (IOException e) {
                        hostileFive.incrementAndGet();
                      }
                    }));
      }
      try {
        phase(report, "with_hostile", port, targets, o, log);
      } finally {
        attacking.set(false);
        for (Thread t : attackers) {
          t.join();
        }
      }
      report.add(
          "with_hostile",
          "hostile_sent",
          "hostile queries sent by " + o.hostile() + " connections",
          hostileSent.get(),
          "");
      report.addAtMost(
          "with_hostile",
          "hostile_5xx",
          "hostile queries answered 5xx or dropped",
          hostileFive.get(),
          "",
          1);
      String serveLog = Files.readString(dir.resolve("serve.log"));
      boolean crashed =
          serveLog.contains("OutOfMemoryError") || serveLog.contains("StackOverflowError");
      report.add(
          "server",
          "alive",
          "server still running after the phases (1 = yes)",
          server.isAlive() ? 1 : 0,
          "");
      report.add(
          "server",
          "oom_or_soe",
          "OutOfMemoryError or StackOverflowError in the log (1 = yes)",
          crashed ? 1 : 0,
          "");
      return report;
    } finally {
      if (server != null) {
        server.destroy();
        server.waitFor(30, TimeUnit.SECONDS);
      }
    }
  }

  private static void phase(
      BenchReport report, String name, int port, List<String> targets, Options o, PrintWriter log)
      throws Exception {
    log.printf(
        Locale.ROOT,
        "load: %s, %d connections for %.0f s ...%n",
        name,
        o.connections(),
        o.seconds());
    log.flush();
    TimedLoop.Result r = HttpBench.run(port, targets, o.connections(), o.seconds());
    Latencies l = r.latencies();
    report.add(
        name,
        "per_second",
        name + ": /api/search requests/s, " + o.connections() + " connections",
        r.perSecond(),
        "/s");
    report.add(name, "p50_ms", name + ": p50", l.percentileMs(50), "ms");
    report.add(name, "p99_ms", name + ": p99", l.percentileMs(99), "ms");
    report.addAtMost(name, "errors", name + ": answers that were not 200", r.errors(), "", 1);
  }

  private static void copy(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        if (Files.isRegularFile(f) && !f.getFileName().toString().equals("write.lock")) {
          Files.copy(f, to.resolve(f.getFileName()));
        }
      }
    }
  }
}
