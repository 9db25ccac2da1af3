package org.qarchive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Locates {@code ../shared} (the large data sets and tools beside the project) and generates
 * archives with its make-archive tool.
 *
 * <p>A clone without {@code ../shared} still passes the suite: the tests that measure against the
 * data are skipped, and {@link SkipSummary} names them in one line at the end of the run. Under
 * {@code CI=true} a missing data set fails the test instead, so CI can never skip them silently.
 */
public final class SharedData {

  /** The start of every skip message from here, which {@link SkipSummary} groups by. */
  static final String SKIP_PREFIX = "needs ../shared";

  private SharedData() {}

  /** The shared folder, or a skip (a failure under CI) when it is absent. */
  public static Path dir() {
    return require("");
  }

  /**
   * {@code ../shared/relative}, a file or folder that must exist; absent, the calling test is
   * skipped outside CI and fails in CI.
   */
  public static Path require(String relative) {
    Path root =
        Path.of(System.getProperty("qarchive.shared", "../shared")).toAbsolutePath().normalize();
    Path p = relative.isEmpty() ? root : root.resolve(relative);
    if (!Files.exists(p)) {
      String why = SKIP_PREFIX + (relative.isEmpty() ? "" : "/" + relative) + ", absent at " + p;
      if (inCi()) {
        Assertions.fail(why + " (CI=true: the data sets must be there)");
      }
      Assumptions.abort(why);
    }
    return p;
  }

  /** Whether this run is CI's, where nothing may be skipped for a missing tool or data set. */
  public static boolean inCi() {
    String ci = System.getenv("CI");
    return ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false") && !ci.equals("0");
  }

  /**
   * Generates an archive of {@code pages} content pages with seed {@code seed} into {@code
   * out}/site.
   */
  public static Path makeArchive(Path out, int pages, int seed)
      throws IOException, InterruptedException {
    Path tool = require("tools/make-archive");
    Path site = out.resolve("site");
    Process p;
    try {
      p =
          new ProcessBuilder(
                  List.of(
                      "python3",
                      tool.toString(),
                      "--out",
                      site.toString(),
                      "--pages",
                      Integer.toString(pages),
                      "--seed",
                      Integer.toString(seed),
                      "--manifest",
                      out.resolve("manifest.jsonl").toString()))
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
    } catch (IOException e) {
      String why = SKIP_PREFIX + "/tools/make-archive, which needs python3: " + e.getMessage();
      if (inCi()) {
        Assertions.fail(why);
      }
      Assumptions.abort(why);
      throw e;
    }
    if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
      throw new IOException("make-archive failed with " + p.exitValue());
    }
    return site;
  }
}
