package org.qarchive;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Locates {@code ../shared} (data and tools) and generates archives with its make-archive tool. */
public final class SharedData {

  private SharedData() {}

  /** The shared folder; tests that need it are skipped outside CI when it is absent, and fail in CI. */
  public static Path dir() {
    Path p = Path.of(System.getProperty("qarchive.shared", "../shared")).toAbsolutePath().normalize();
    if (System.getenv("CI") == null) {
      assumeTrue(Files.isDirectory(p), "shared data not found at " + p);
    } else if (!Files.isDirectory(p)) {
      throw new IllegalStateException("shared data not found at " + p);
    }
    return p;
  }

  /** Generates an archive of {@code pages} content pages with seed {@code seed} into {@code out}/site. */
  public static Path makeArchive(Path out, int pages, int seed) throws IOException, InterruptedException {
    Path site = out.resolve("site");
    Process p =
        new ProcessBuilder(
                List.of(
                    "python3",
                    dir().resolve("tools/make-archive").toString(),
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
    if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
      throw new IOException("make-archive failed with " + p.exitValue());
    }
    return site;
  }
}
