package org.qarchive.importer;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.qarchive.SharedData;
import org.qarchive.bench.ManifestScore;

/**
 * Generates fresh archives with {@code make-archive} so the importer is checked on pages it was
 * never tuned on.
 */
class FreshArchiveTest {

  @TempDir Path tmp;

  static ManifestScore.Result generateAndScore(Path tmp, int pages, String seed) throws Exception {
    Path dir = tmp.resolve("archive-" + seed);
    Path site = SharedData.makeArchive(dir, pages, Integer.parseInt(seed));
    MemorySink sink = new MemorySink();
    new Importer(ImportOptions.defaults()).run(List.of(site), sink);
    return ManifestScore.score(dir.resolve("manifest.jsonl"), sink.entries.values());
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
