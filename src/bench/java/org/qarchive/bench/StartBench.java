package org.qarchive.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Start-up and memory of the real server: launches {@code java -Xmx256m -jar qarchive.jar serve} as
 * a child process, times it to the first answered search, with and without an AppCDS archive, then
 * puts it under HTTP load while sampling its resident memory and logging its garbage collections.
 */
final class StartBench {

  private static final Pattern GC_PAUSE = Pattern.compile("Pause.*?(\\d+(?:\\.\\d+)?)ms\\s*$");

  private StartBench() {}

  /** A served child process. */
  private record Child(Process process, int port, double startMs) {}

  static void run(
      BenchReport report,
      Path java,
      Path jar,
      Path index,
      Path workDir,
      List<String> queries,
      double seconds,
      PrintWriter log)
      throws Exception {
    String s = "start_memory";
    Path dir = Files.createDirectories(workDir.resolve("start"));
    Path gcLog = dir.resolve("gc.log");
    Files.deleteIfExists(gcLog);

    log.println("start: plain JVM, then under load ...");
    log.flush();
    Child plain = launch(java, jar, index, dir, List.of("-Xlog:gc:file=" + gcLog));
    double rssMb;
    TimedLoop.Result load;
    try {
      List<String> targets =
          queries.stream().map(q -> "/api/search?q=" + HttpProbe.encode(q)).toList();
      long pid = plain.process().pid();
      long[] maxRssKb = {rss(pid)};
      Thread sampler =
          Thread.ofPlatform()
              .daemon()
              .start(
                  () -> {
                    while (!Thread.currentThread().isInterrupted()) {
                      maxRssKb[0] = Math.max(maxRssKb[0], rss(pid));
                      try {
                        Thread.sleep(50);
                      } catch (InterruptedException e) {
                        return;
                      }
                    }
                  });
      load = HttpBench.run(plain.port(), targets, 2, seconds);
      sampler.interrupt();
      sampler.join();
      rssMb = Math.max(maxRssKb[0], rss(pid)) / 1024.0;
    } finally {
      stop(plain.process());
    }

    log.println("start: with AppCDS (first run writes the archive) ...");
    log.flush();
    Path jsa = dir.resolve("qarchive.jsa");
    Files.deleteIfExists(jsa);
    List<String> cds =
        List.of("-XX:SharedArchiveFile=" + jsa, "-XX:+AutoCreateSharedArchive", "-Xlog:cds=off");
    Child training = launch(java, jar, index, dir, cds);
    stop(training.process());
    Child withCds = null;
    if (Files.exists(jsa)) {
      withCds = launch(java, jar, index, dir, cds);
      stop(withCds.process());
    }

    report.add(s, "start_ms", "launch to first answered search, -Xmx256m", plain.startMs(), "ms");
    if (withCds != null) {
      report.add(
          s,
          "start_ms_cds",
          "launch to first answered search, with AppCDS",
          withCds.startMs(),
          "ms");
      report.add(
          s, "cds_saving", "AppCDS saves", 100 * (1 - withCds.startMs() / plain.startMs()), "%");
      report.add(
          s,
          "start_ms_cds_training",
          "first run with AppCDS (writes the archive)",
          training.startMs(),
          "ms");
    } else {
      report.note(s, "the JVM wrote no AppCDS archive at " + jsa + "; no CDS figure");
    }
    report.addAtMost(
        s, "rss_mb_under_load", "resident memory under 2-client load (max)", rssMb, "MB", 400);
    report.add(
        s,
        "load_requests_per_second",
        "/api/search requests/s of the child, 2 clients",
        load.perSecond(),
        "/s");
    double[] gc = gcPauses(gcLog);
    report.add(s, "gc_pauses", "GC pauses over start and load", gc[0], "pauses");
    report.add(s, "gc_pause_total_ms", "GC pause total over start and load", gc[1], "ms");
    double life = (plain.startMs() / 1000 + load.seconds());
    report.addAtMost(
        s,
        "gc_pause_share",
        "share of the child's life spent in GC pauses",
        100 * gc[1] / 1000 / life,
        "%",
        5);
    report.add(s, "gc_pause_max_ms", "longest GC pause", gc[2], "ms");
    report.note(
        s, "child JVM: " + java + " -Xmx256m -jar " + jar + " serve --no-import; GC log " + gcLog);
  }

  private static Child launch(Path java, Path jar, Path index, Path dir, List<String> jvmOptions)
      throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    List<String> cmd = new ArrayList<>();
    cmd.add(java.toString());
    cmd.add("-Xmx256m");
    cmd.addAll(jvmOptions);
    cmd.addAll(
        List.of(
            "-jar",
            jar.toString(),
            "serve",
            "--no-import",
            "--index",
            index.toString(),
            "--host",
            "127.0.0.1",
            "--port",
            Integer.toString(port)));
    long t0 = System.nanoTime();
    Process p =
        new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("serve.log").toFile()))
            .start();
    long deadline = t0 + TimeUnit.SECONDS.toNanos(60);
    try (HttpProbe probe = new HttpProbe("127.0.0.1", port)) {
      while (System.nanoTime() < deadline) {
        if (!p.isAlive()) {
          throw new IOException(
              "the server exited with " + p.exitValue() + "; see " + dir.resolve("serve.log"));
        }
        try {
          if (probe.get("/api/search?q=botox").status() == 200) {
            return new Child(p, port, (System.nanoTime() - t0) / 1e6);
          }
        } catch (IOException notYet) {
          probe.close();
        }
        Thread.sleep(5);
      }
    }
    stop(p);
    throw new IOException("the server did not answer within 60 s; see " + dir.resolve("serve.log"));
  }

  /**
   * Asks the child to shut down (SIGTERM runs its shutdown hooks, and the JVM writes a CDS archive
   * then).
   */
  private static void stop(Process p) throws InterruptedException {
    p.destroy();
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      p.waitFor(10, TimeUnit.SECONDS);
    }
  }

  /** VmRSS of the process in KB, or 0 where /proc does not tell. */
  static long rss(long pid) {
    try {
      for (String line :
          Files.readAllLines(
              Path.of("/proc", Long.toString(pid), "status"), StandardCharsets.UTF_8)) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | NumberFormatException gone) {
      return 0;
    }
    return 0;
  }

  /** Count, total ms and longest ms of the pauses in a {@code -Xlog:gc} file. */
  static double[] gcPauses(Path gcLog) throws IOException {
    double count = 0;
    double total = 0;
    double max = 0;
    if (!Files.exists(gcLog)) {
      return new double[] {0, 0, 0};
    }
    for (String line : Files.readAllLines(gcLog, StandardCharsets.UTF_8)) {
      Matcher m = GC_PAUSE.matcher(line);
      if (m.find()) {
        double ms = Double.parseDouble(m.group(1));
        count++;
        total += ms;
        max = Math.max(max, ms);
      }
    }
    return new double[] {count, total, max};
  }
}
