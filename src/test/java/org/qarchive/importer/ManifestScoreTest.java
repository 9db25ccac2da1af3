package org.qarchive.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.qarchive.SharedData;
import org.qarchive.bench.ManifestScore;

class ManifestScoreTest {

  static Path shared() {
    return SharedData.require("data/sample-archive").getParent().getParent();
  }

  @Test
  void importsEveryManifestQuestionOnceWithExactFieldsFromTheSampleArchive() throws Exception {
    Path shared = shared();
    MemorySink sink = new MemorySink();
    ImportReport report =
        new Importer(ImportOptions.defaults())
            .run(List.of(shared.resolve("data/sample-archive")), sink);
    ManifestScore.Result r =
        ManifestScore.score(
            shared.resolve("data/sample-archive.manifest.jsonl"), sink.entries.values());
    System.out.println("sample-archive: " + r);
    r.problems().forEach(p -> System.out.println("  " + p));
    System.out.println(report.summary());
    assertEquals(1.0, r.recall(), 1e-9);
    assertEquals(1.0, r.precision(), 1e-9);
    assertTrue(r.questionF1() >= 0.98, "question F1 " + r.questionF1());
    assertTrue(r.answerF1() >= 0.98, "answer F1 " + r.answerF1());
    assertTrue(r.dateExact() >= 0.98, "date " + r.dateExact());
    assertTrue(r.locationExact() >= 0.98, "location " + r.locationExact());
    assertTrue(r.answeredByExact() >= 0.98, "answered by " + r.answeredByExact());
    assertTrue(r.credentialsExact() >= 0.98, "credentials " + r.credentialsExact());
    assertTrue(r.categoriesExact() >= 0.98, "categories " + r.categoriesExact());
    assertTrue(r.tagsExact() >= 0.98, "tags " + r.tagsExact());
  }

  @Test
  void tokenF1IsOneForEqualTextsAndZeroForDisjointOnes() {
    assertEquals(1.0, ManifestScore.tokenF1("Is it safe?", "is it  safe"), 1e-9);
    assertEquals(0.0, ManifestScore.tokenF1("alpha beta", "gamma"), 1e-9);
    assertEquals(6.0 / 7, ManifestScore.tokenF1("a b c d", "a b c"), 1e-9);
  }
}
