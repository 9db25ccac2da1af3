package org.qarchive.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.qarchive.SharedData;
import org.qarchive.bench.ManifestScore;

/**
 * The clinic's Q&A blog as nine other platforms render it ({@code
 * src/scripts/make-platform-archive}, filled with MedQuAD Q&As in the label forms real Q&A blogs
 * use) is imported completely and exactly: the goals, recall and precision of at least 0.99
 * and every field at least 0.98. The seed here (11) differs from the one the rules were checked
 * against while they were written (1), so the Q&As, dates, forms' order and names are new to them.
 */
class PlatformArchivesTest {

  @TempDir Path tmp;

  static Path generate(Path out, String platform, int posts, String seed, List<String> extra)
      throws IOException, InterruptedException {
    Path medquad = SharedData.require("data/medquad/medquad.jsonl");
    List<String> cmd = new ArrayList<>(List.of("python3", "src/scripts/make-platform-archive"));
    cmd.addAll(extra);
    cmd.addAll(
        List.of(
            "--platform",
            platform,
            "--posts",
            Integer.toString(posts),
            "--seed",
            seed,
            "--medquad",
            medquad.toString(),
            "--out",
            out.resolve("archive").toString(),
            "--manifest",
            out.resolve("manifest.jsonl").toString()));
    Process p;
    try {
      p =
          new ProcessBuilder(cmd)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
    } catch (IOException e) {
      Assumptions.abort("make-platform-archive needs python3: " + e.getMessage());
      throw e;
    }
    assertTrue(p.waitFor(5, TimeUnit.MINUTES), "make-platform-archive finished");
    assertEquals(0, p.exitValue(), "make-platform-archive " + platform);
    return out.resolve("archive");
  }

  static ManifestScore.Result importAndScore(Path dir) throws IOException {
    MemorySink sink = new MemorySink();
    new Importer(ImportOptions.defaults()).run(List.of(dir.resolve("archive")), sink);
    return ManifestScore.score(dir.resolve("manifest.jsonl"), sink.entries.values());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "blogger",
        "tumblr",
        "squarespace",
        "ghost",
        "medium",
        "wix",
        "drupal",
        "static",
        "forum"
      })
  void everyPlatformsArchiveIsImportedCompletelyAndExactly(String platform) throws Exception {
    meetsTheGoals(platform, List.of());
  }

  /**
   * The platforms held back from the rules, a pair at a time, each pair written only after the
   * rules before it were done and run against them once (their first runs are in docs/import.md):
   * kept here so that no later change loses them. Joomla and Typepad; Substack and Weebly; Jekyll
   * and LiveJournal; a WordPress block theme whose head gives the time in UTC, and Hugo with
   * PaperMod; HubSpot, whose short posts sit beside a strip of related posts, and Movable Type,
   * whose extended entries continue the answer and whose categories are marked rel=tag; Blogger's
   * Contempo theme and WordPress's Twenty Twelve, exact at their first run.
   */
  @ParameterizedTest
  @CsvSource({
    "joomla, src/scripts/heldback-platforms.py",
    "typepad, src/scripts/heldback-platforms.py",
    "substack, src/scripts/heldback-platforms-2.py",
    "weebly, src/scripts/heldback-platforms-2.py",
    "jekyll, src/scripts/heldback-platforms-3.py",
    "livejournal, src/scripts/heldback-platforms-3.py",
    "wp-block, src/scripts/heldback-platforms-4.py",
    "hugo-papermod, src/scripts/heldback-platforms-4.py",
    "hubspot, src/scripts/heldback-platforms-5.py",
    "movabletype, src/scripts/heldback-platforms-5.py",
    "blogger-contempo, src/scripts/heldback-platforms-6.py",
    "wp-twentytwelve, src/scripts/heldback-platforms-6.py"
  })
  void theHeldBackPlatformsToo(String platform, String file) throws Exception {
    meetsTheGoals(platform, List.of("--extra-platforms", file));
  }

  private void meetsTheGoals(String platform, List<String> extra) throws Exception {
    Path dir = tmp.resolve(platform);
    Files.createDirectories(dir);
    generate(dir, platform, 40, "11", extra);
    ManifestScore.Result r = importAndScore(dir);
    System.out.println(platform + ": " + r);
    r.problems().stream().limit(10).forEach(x -> System.out.println("  " + x));
    assertTrue(r.expected() >= 40, "one Q&A or more a post: " + r);
    assertTrue(r.recall() >= 0.99, "recall " + r);
    assertTrue(r.precision() >= 0.99, "precision " + r);
    assertTrue(r.questionF1() >= 0.98 && r.answerF1() >= 0.98, r.toString());
    assertTrue(r.dateExact() >= 0.98 && r.locationExact() >= 0.98, r.toString());
    assertTrue(r.answeredByExact() >= 0.98 && r.credentialsExact() >= 0.98, r.toString());
    assertTrue(r.categoriesExact() >= 0.98 && r.tagsExact() >= 0.98, r.toString());
  }
}
