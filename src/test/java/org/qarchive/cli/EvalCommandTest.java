package org.qarchive.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalCommandTest {

  @TempDir Path dir;

  @Test
  void indexesTheCorpusRunsEveryQueryAndScoresTheRun() throws Exception {
    Path corpus = dir.resolve("corpus.jsonl");
    Files.writeString(
        corpus,
        String.join(
            "\n",
            "{\"id\":\"d1\",\"title\":\"Tummy tuck scar\",\"question\":\"How long does the scar fade?\","
                + "\"answer\":\"An abdominoplasty scar fades in a year.\",\"url\":\"\",\"extra\":1}",
            "{\"id\":\"d2\",\"title\":\"Rhinoplasty swelling\",\"question\":\"\",\"answer\":\"Swelling lasts a year.\"}",
            "{\"id\":\"d3\",\"title\":\"Empty\",\"question\":\"\",\"answer\":\"\"}",
            ""));
    Path queries = dir.resolve("queries.tsv");
    Files.writeString(queries, "q1\ttummy tuck\nq2\tnose job swelling\n");
    Path qrels = dir.resolve("qrels.txt");
    Files.writeString(qrels, "q1 0 d1 4\nq2 0 d2 3\nq2 0 d1 0\n");
    Path run = dir.resolve("run.txt");
    StringWriter out = new StringWriter();
    int code =
        Main.run(
            new String[] {
              "eval",
              "--corpus",
              corpus.toString(),
              "--queries",
              queries.toString(),
              "--qrels",
              qrels.toString(),
              "--run",
              run.toString()
            },
            new PrintWriter(out, true),
            new PrintWriter(new StringWriter(), true));
    assertEquals(0, code, out.toString());
    assertTrue(out.toString().contains("indexed 2 documents (1 skipped"), out.toString());
    assertTrue(out.toString().contains("nDCG@10 1.0000"), out.toString());
    List<String> lines = Files.readAllLines(run);
    assertEquals("q1 Q0 d1 1 100.0000 qarchive", lines.get(0));
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("q2 Q0 d2 1 ")), lines.toString());
  }

  @Test
  void aMissingFileIsBadInput() {
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            new String[] {
              "eval",
              "--corpus",
              dir.resolve("nope.jsonl").toString(),
              "--queries",
              dir.resolve("nope.tsv").toString()
            },
            new PrintWriter(new StringWriter(), true),
            new PrintWriter(err, true));
    assertEquals(Main.EXIT_DATA, code);
    assertTrue(err.toString().contains("no such file"), err.toString());
  }
}
