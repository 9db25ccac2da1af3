package org.qarchive.importer;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** Generates fresh archives with {@code make-archive} so the importer is checked on pages it was never tuned on. */
class FreshArchiveTest {

  @TempDir Path tmp;

  static ManifestScore.Result generateAndScore(Path tmp, int pages, String seed) throws Exception {
    Path tool = Path.of(System.getProperty("qarchive.shared", "../shared"), "tools/make-archive");
    assumeTrue(Files.isRegularFile(tool), "make-archive not available");
    Path out = tmp.resolve("archive-" + seed);
    Process p;
    try {
      p = new ProcessBuilder("python3", tool.toString(), "--out", out.toString(), "--pages", String.valueOf(pages),
              "--seed", seed, "--manifest", tmp.resolve("manifest-" + seed + ".jsonl").toString())
          .redirectErrorStream(true).redirectOutput(tmp.resolve("make-archive.log").toFile()).start();
    } catch (java.io.IOException e) {
      assumeTrue(false, "python3 not available: " + e.getMessage());
      throw e;
    }
    assumeTrue(p.waitFor() == 0, "make-archive failed");
    MemorySink sink = new MemorySink();
    new Importer(ImportOptions.defaults()).run(List.of(out), sink);
    return ManifestScore.score(tmp.resolve("manifest-" + seed + ".jsonl"), sink.entries.values());
  }

  @ParameterizedTest
  @ValueSource(strings = {"7", "2024"})
  void freshArchivesAreImportedCompletelyAndExactly(String seed) throws Exception {
    ManifestScore.Result r = generateAndScore(tmp, 300, seed);
    System.out.println("fresh seed " + seed + ": " + r);
    r.problems().stream().limit(10).forEach(x -> System.out.println("  " + x));
    assertTrue(r.recall() >= 0.995, "recall " + r.recall());
    assertTrue(r.precision() >= 0.995, "precision " + r.precision());
    assertTrue(r.questionF1() >= 0.98 && r.answerF1() >= 0.98, r.toString());
    assertTrue(r.dateExact() >= 0.98 && r.locationExact() >= 0.98, r.toString());
    assertTrue(r.answeredByExact() >= 0.98 && r.credentialsExact() >= 0.98, r.toString());
    assertTrue(r.categoriesExact() >= 0.98 && r.tagsExact() >= 0.98, r.toString());
  }
}
