package org.qarchive.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qarchive.SharedData;
import org.qarchive.archive.Version;
import org.qarchive.index.Fields;
import org.qarchive.index.IndexBackup;
import org.qarchive.index.IndexInfo;

/**
 * Follows the checklist in docs/operations.md line by line, as written, in a fresh temporary
 * folder: the dist tarball is built, unpacked and served from, the index is backed up while served
 * and restored, and an index written by an older qarchive is upgraded. Runs after {@code package},
 * so the tarball holds the jar this build made.
 */
class OperationsChecklistIT {

  static final Path DOC = Path.of("docs", "operations.md");

  /** The fixture index the last schema-1 qarchive wrote (see UpgradeTest). */
  static final List<String> SCHEMA_1_FILES = List.of("_0.cfe", "_0.cfs", "_0.si", "segments_1");

  @TempDir Path tmp;

  /** The lines between the checklist markers, without the code fence. */
  static String checklist() throws IOException {
    String doc = Files.readString(DOC, StandardCharsets.UTF_8);
    Matcher m =
        Pattern.compile("(?s)<!-- checklist:[^>]*-->\\s*```sh\\n(.*?)```\\s*<!-- /checklist -->")
            .matcher(doc);
    assertTrue(m.find(), "docs/operations.md has no checklist block between the markers");
    return m.group(1);
  }

  @Test
  void theChecklistRunsAsWrittenFromTheTarballToAnUpgradedIndex() throws Exception {
    for (String tool : List.of("bash", "tar", "curl")) {
      if (!onPath(tool)) {
        String why = "the operations checklist needs " + tool + " (apt-get install " + tool + ")";
        if (SharedData.inCi()) {
          fail(why);
        }
        Assumptions.abort(why);
      }
    }
    boolean systemd = onPath("systemd-analyze");
    if (!systemd && SharedData.inCi()) {
      fail("CI=true: systemd-analyze must be installed to check the service unit");
    }
    Path work = Files.createDirectories(tmp.resolve("work"));
    Path old = Files.createDirectories(tmp.resolve("schema-1-index"));
    for (String name : SCHEMA_1_FILES) {
      try (InputStream in =
          OperationsChecklistIT.class.getResourceAsStream("/org/qarchive/index/schema-1/" + name)) {
        Files.copy(in, old.resolve(name));
      }
    }
    Path script = tmp.resolve("checklist.sh");
    Files.writeString(script, checklist(), StandardCharsets.UTF_8);
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }

    ProcessBuilder pb =
        new ProcessBuilder("bash", "-e", "-o", "pipefail", "-x", script.toString())
            .directory(work.toFile())
            .redirectErrorStream(true)
            .redirectOutput(tmp.resolve("checklist.log").toFile());
    pb.environment().put("QARCHIVE_SRC", Path.of("").toAbsolutePath().toString());
    pb.environment().put("OLD_INDEX", old.toString());
    pb.environment().put("PORT", Integer.toString(port));
    Process p = pb.start();
    boolean done = p.waitFor(15, TimeUnit.MINUTES);
    String log;
    try {
      if (!done) {
        p.destroyForcibly();
      }
    } finally {
      // the served archive, if a failed line left it running
      stopServer(work);
      log = Files.readString(tmp.resolve("checklist.log"), StandardCharsets.UTF_8);
    }
    System.out.println("OperationsChecklistIT log:\n" + log);
    assertTrue(done, "the checklist did not finish in 15 minutes:\n" + log);
    assertEquals(0, p.exitValue(), "a checklist line failed:\n" + log);

    // 1-2: the tarball, named after the pom's version, with a runtime of its own
    String tarball = "qarchive-" + Version.current() + "-linux-x64.tar.gz";
    assertTrue(Files.isRegularFile(work.resolve("dist").resolve(tarball)), tarball);
    Path app = work.resolve("qarchive");
    assertTrue(Files.isExecutable(app.resolve("runtime/bin/java")));
    assertFalse(Files.exists(app.resolve("runtime/jmods")), "a trimmed runtime, not a JDK");
    assertFalse(Files.exists(app.resolve("runtime/bin/javac")), "a runtime, not a JDK");
    assertTrue(log.contains("qarchive " + Version.current() + "\n"), "--version");
    assertTrue(
        log.contains("at " + app.toRealPath().resolve("runtime")), "the bundled runtime ran");
    // 3: the unit was checked, or the line said why not
    if (systemd) {
      assertTrue(log.contains("+ systemd-analyze verify ./qarchive.service"), log);
      assertEquals(0, Files.size(work.resolve("unit-check.log")), "systemd's warnings");
    } else {
      assertTrue(log.contains("systemd-analyze is not installed: the unit was not checked"), log);
    }
    // 4: served from the unpacked tarball
    assertTrue(
        Files.readString(work.resolve("serve.log"), StandardCharsets.UTF_8)
            .contains("qarchive " + Version.current() + " serving"),
        "the server's first line");
    assertTrue(log.contains("\"version\":\"" + Version.current() + "\""), "/healthz");
    String serveLog = Files.readString(work.resolve("serve.log"), StandardCharsets.UTF_8);
    if (System.getProperty("os.name").equals("Linux")
        && List.of("amd64", "x86_64").contains(System.getProperty("os.arch"))) {
      // the trimmed runtime runs ONNX Runtime, unpacked under the state folder's tmp
      assertTrue(serveLog.contains("(ranking: hybrid)"), serveLog);
    }
    // 5: the restored index is the backed-up one
    int served = IndexInfo.read(work.resolve("index")).entries();
    assertTrue(served > 0);
    assertEquals(served, IndexInfo.read(work.resolve("restored")).entries());
    assertTrue(
        Files.isRegularFile(work.resolve("backups/first").resolve(IndexBackup.MANIFEST)),
        "the backup's manifest");
    // 6: the older index was told apart, then rebuilt with every entry
    assertTrue(log.contains("schema:      1\n"), "stats shows the old schema");
    assertTrue(log.contains("run 'qarchive reindex --index old-index'"), "and what to run");
    assertTrue(
        log.contains(
            "Rebuilt 47 entries in old-index from schema 1 to schema " + Fields.SCHEMA_VERSION),
        log);
    assertEquals(Fields.SCHEMA_VERSION, IndexInfo.read(work.resolve("old-index")).schemaVersion());
    assertEquals(47, IndexInfo.read(work.resolve("old-index")).entries());
    assertFalse(log.contains("Exception"), "no stack trace anywhere:\n" + log);
  }

  /** Stops the checklist's server by the id it wrote, and anything it started. */
  private static void stopServer(Path work) throws IOException {
    Path pid = work.resolve("serve.pid");
    if (!Files.exists(pid)) {
      return;
    }
    long id = Long.parseLong(Files.readString(pid, StandardCharsets.UTF_8).strip());
    ProcessHandle.of(id)
        .ifPresent(
            h -> {
              h.descendants().forEach(ProcessHandle::destroy);
              h.destroy();
            });
  }

  private static boolean onPath(String tool) {
    String path = System.getenv("PATH");
    List<Path> dirs = new ArrayList<>();
    for (String d : (path == null ? "" : path).split(":")) {
      if (!d.isEmpty()) {
        dirs.add(Path.of(d));
      }
    }
    try (Stream<Path> s = dirs.stream()) {
      return s.anyMatch(d -> Files.isExecutable(d.resolve(tool)));
    }
  }
}
