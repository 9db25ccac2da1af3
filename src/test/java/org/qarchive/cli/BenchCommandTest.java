package org.qarchive.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qarchive.bench.BenchReport;

class BenchCommandTest {

  @TempDir Path tmp;

  @Test
  void aTinyBenchWritesEverySectionWithItsFigures() throws Exception {
    Path medquad = tmp.resolve("medquad.jsonl");
    Files.writeString(
        medquad,
        """
        {"focus": "Botox", "qtype": "treatment", "question": "What is Botox used for?", "answer": "Botox relaxes the muscles that cause wrinkles. It lasts three to four months."}
        {"focus": "Rhinoplasty", "qtype": "outlook", "question": "How long does swelling last after a nose job?", "answer": "Most swelling settles in a few weeks. The tip can stay swollen for a year."}
        """,
        StandardCharsets.UTF_8);
    Path pages =
        Files.createDirectories(tmp.resolve("pages/blog.example-clinic.com/2013/05/botox"));
    Files.writeString(
        pages.resolve("index.html"),
        "<html><head><title>Botox and toners</title></head><body><article><h1>Botox and toners</h1>"
            + "<p>Question from England, AR: Can I use facial toners after botox?</p>"
            + "<p>Answer from Dr. Dean Kane: Wait two weeks before using toners.</p></article></body></html>",
        StandardCharsets.UTF_8);
    Path queries = tmp.resolve("queries.txt");
    Files.writeString(
        queries,
        "q1\tbotox\nnose job swelling\n# a comment\n\nwhat is botox used for\n",
        StandardCharsets.UTF_8);
    Path out = tmp.resolve("out/bench.json");

    MainTest.Run run =
        MainTest.run(
            "bench",
            "--entries",
            "300",
            "--seconds",
            "0.3",
            "--no-start",
            "--pages-dir",
            tmp.resolve("pages").toString(),
            "--queries",
            queries.toString(),
            "--medquad",
            medquad.toString(),
            "--work-dir",
            tmp.resolve("work").toString(),
            "--out",
            out.toString());

    assertEquals(0, run.code(), run.err());
    assertTrue(run.out().contains("measure") && run.out().contains("ok?"), run.out());
    JsonNode json = new ObjectMapper().readTree(out.toFile());
    assertTrue(json.get("meta").get("cores").asInt() > 0);
    JsonNode sections = json.get("sections");
    for (String s : BenchReport.SECTIONS) {
      assertNotNull(sections.get(s), s);
    }
    assertEquals(
        "not asked for (--no-start)", sections.get("start_memory").get("skipped").asText());
    for (String s : new String[] {"import", "search", "http", "autocomplete"}) {
      assertTrue(sections.get(s).get("skipped").isNull(), s + " was skipped");
      assertFalse(sections.get(s).get("rows").isEmpty(), s + " has no figures");
    }
    assertTrue(
        keys(sections.get("search"))
            .containsAll(Set.of("p50_ms_300", "p99_ms_300", "per_second_300")));
    assertTrue(
        keys(sections.get("http"))
            .containsAll(
                Set.of(
                    "p50_ms_c1",
                    "p99_ms_c8",
                    "p50_ms_plain_c1",
                    "overhead_p50_ms",
                    "overhead_facets_p50_ms")));
    assertTrue(
        keys(sections.get("import"))
            .containsAll(Set.of("pages_per_second", "share_of_ceiling", "reimport_s")));
    assertTrue(keys(sections.get("autocomplete")).contains("p99_ms_300"));
  }

  @Test
  void quickAndFullExcludeEachOther() {
    MainTest.Run run = MainTest.run("bench", "--quick", "--full", "--no-start");
    assertEquals(Main.EXIT_USAGE, run.code(), run.err());
  }

  private static Set<String> keys(JsonNode section) {
    Set<String> keys = new HashSet<>();
    section.get("rows").forEach(r -> keys.add(r.get("key").asText()));
    return keys;
  }
}
