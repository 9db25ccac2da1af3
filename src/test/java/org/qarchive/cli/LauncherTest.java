package org.qarchive.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bash launcher finds a JDK 21+ even when the default java is older, and says so clearly when
 * there is none.
 */
class LauncherTest {

  @TempDir Path tmp;

  record Result(int code, String out) {}

  private Result launch(Map<String, String> env, String... args) throws Exception {
    List<String> cmd =
        new java.util.ArrayList<>(List.of("bash", Path.of("qarchive").toAbsolutePath().toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().remove("JAVA_HOME");
    pb.environment().putAll(env);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Result(p.waitFor(), out);
  }

  /** A folder holding only a fake 'java' that claims to be version 17. */
  private Path fakeOldJava() throws IOException {
    Path bin = Files.createDirectories(tmp.resolve("old/bin"));
    Path java = bin.resolve("java");
    Files.writeString(
        java,
        "#!/bin/sh\necho '    java.specification.version = 17' >&2\n",
        StandardCharsets.UTF_8);
    java.toFile().setExecutable(true);
    return bin;
  }

  @Test
  void withoutAnyJdk21ItSaysSoInOneLineAndExitsNonZero() throws Exception {
    Path oldBin = fakeOldJava();
    Result r =
        launch(
            Map.of(
                "JAVA_HOME", oldBin.getParent().toString(),
                "PATH", oldBin + ":/usr/bin:/bin",
                "QARCHIVE_JVM_DIRS", tmp.resolve("nothing-here").toString()),
            "--version");
    assertEquals(69, r.code(), r.out());
    assertEquals(1, r.out().strip().lines().count(), r.out());
    assertTrue(r.out().contains("needs Java 21 or newer"), r.out());
  }

  @Test
  void anOldDefaultJavaIsPassedOverForANewerJdkInTheSystemFolder() throws Exception {
    Path current = Path.of(System.getProperty("java.home"));
    assumeTrue(Runtime.version().feature() >= 21);
    Path oldBin = fakeOldJava();
    Result r =
        launch(
            Map.of(
                "JAVA_HOME", oldBin.getParent().toString(),
                "PATH", oldBin + ":" + System.getenv("PATH"),
                "QARCHIVE_JVM_DIRS", current.toString()),
            "--version");
    assertEquals(0, r.code(), r.out());
    assertTrue(r.out().contains("qarchive 0.1.0"), r.out());
  }
}
