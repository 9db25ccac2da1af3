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

  /**
   * The tarball's launcher, in a fake install whose "java" prints the arguments it was given: an
   * import of a small archive runs with the JIT's quick compiler only, a large one (here: over a
   * limit set to 0 KB) and every other command with the full JIT. The development launcher holds
   * the same rule, word for word.
   */
  @Test
  void anImportOfASmallArchiveRunsWithTheQuickCompilerOnly() throws Exception {
    Path home = tmp.resolve("install");
    Files.createDirectories(home.resolve("bin"));
    Files.createDirectories(home.resolve("lib"));
    Files.createDirectories(home.resolve("runtime/bin"));
    Files.copy(Path.of("src/dist/bin/qarchive"), home.resolve("bin/qarchive"));
    Files.writeString(home.resolve("lib/qarchive.jar"), "", StandardCharsets.UTF_8);
    Path java = home.resolve("runtime/bin/java");
    Files.writeString(java, "#!/bin/sh\necho \"java $*\"\n", StandardCharsets.UTF_8);
    java.toFile().setExecutable(true);
    Path pages = Files.createDirectories(tmp.resolve("pages"));
    Files.writeString(pages.resolve("a.html"), "<p>x</p>".repeat(1000), StandardCharsets.UTF_8);
    String quick = "-XX:TieredStopAtLevel=1";

    String small = dist(home, Map.of(), "import", pages.toString(), "--index", "idx");
    assertTrue(small.contains(quick) && small.contains("import " + pages), small);
    String large =
        dist(
            home,
            Map.of("QARCHIVE_QUICK_JIT_BELOW_KB", "0"),
            "import",
            "--index",
            "idx",
            pages.toString());
    assertTrue(!large.contains(quick) && large.contains("import --index idx " + pages), large);
    String serve = dist(home, Map.of(), "serve", "--index", pages.toString());
    assertTrue(!serve.contains(quick), serve);

    String rule = rule(Path.of("src/dist/bin/qarchive"));
    assertTrue(rule.contains("quick_jit_below_kb=") && rule.contains("du -sk"), rule);
    assertEquals(rule, rule(Path.of("qarchive")));
  }

  private String dist(Path home, Map<String, String> env, String... args) throws Exception {
    List<String> cmd =
        new java.util.ArrayList<>(List.of("sh", home.resolve("bin/qarchive").toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).directory(tmp.toFile());
    pb.environment().remove("JAVA_OPTS");
    pb.environment().remove("QARCHIVE_STATE_DIR");
    pb.environment().putAll(env);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), out);
    return out;
  }

  /** The launcher's lines from the size limit to the end of the size function. */
  private static String rule(Path launcher) throws IOException {
    String text = Files.readString(launcher, StandardCharsets.UTF_8);
    int from = text.indexOf("# An import of up to");
    int to = text.indexOf("\n}\n", text.indexOf("import_kb() {"));
    assertTrue(from >= 0 && to > from, launcher.toString());
    return text.substring(from, to);
  }
}
