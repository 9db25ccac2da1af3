package org.qarchive.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qarchive.Fixtures;
import org.qarchive.archive.EntryJson;
import org.qarchive.importer.ImportControl;
import org.qarchive.importer.ImportHistory;
import org.qarchive.importer.ImportOptions;
import org.qarchive.importer.ImportReport;
import org.qarchive.index.IndexInfo;

class ImportFlowTest {

  @TempDir Path tmp;

  private Path pages(int n) throws Exception {
    Path site = tmp.resolve("site");
    Files.createDirectories(site);
    for (int i = 0; i < n; i++) {
      Files.writeString(
          site.resolve("post-" + i + ".html"),
          "<html><head><title>t</title><link rel=canonical href='http://h.example/2014/01/p"
              + i
              + "/'></head><body class='single'><article class='post'><h1 class='entry-title'>Post "
              + i
              + "</h1><div class='entry-content'><p>Q: Question number "
              + i
              + "?</p><p>A: Answer number "
              + i
              + ".</p></div></article></body></html>",
          StandardCharsets.UTF_8);
    }
    return site;
  }

  @Test
  void everyImportIsRecordedWithItsCountsAndItsWholeReport() throws Exception {
    Path index = tmp.resolve("index");
    ImportReport r = ImportFlow.run(index, List.of(pages(3)), ImportOptions.defaults());
    List<ImportHistory.Run> runs = new ImportHistory(index).list();
    assertEquals(1, runs.size());
    ImportHistory.Run run = runs.get(0);
    assertEquals(ImportHistory.Status.DONE, run.status());
    assertEquals("command line", run.by());
    assertEquals("site/", run.source());
    assertEquals(3, run.count("imported"));
    assertEquals(r.imported(), run.count("imported"));
    JsonNode report =
        new ObjectMapper().readTree(new ImportHistory(index).report(run.id()).orElseThrow());
    assertEquals(3, report.get("rows").size());
  }

  @Test
  void aCancelledImportCommitsNothingAndIsRecordedAsCancelled() throws Exception {
    Path index = tmp.resolve("index");
    Fixtures.index(index, Fixtures.small());
    IndexInfo before = IndexInfo.read(index);
    ImportControl control = new ImportControl();
    control.cancel();
    ImportHistory history = new ImportHistory(index);
    assertThrows(
        ImportControl.CancelledException.class,
        () ->
            ImportFlow.run(
                index,
                List.of(pages(20)),
                ImportOptions.defaults().withControl(control),
                false,
                history,
                history.newId(),
                "site.zip",
                "alice"));
    IndexInfo after = IndexInfo.read(index);
    assertEquals(before.entries(), after.entries());
    assertEquals(before.lastImport(), after.lastImport());
    ImportHistory.Run run = history.list().get(0);
    assertEquals(ImportHistory.Status.CANCELLED, run.status());
    assertEquals("alice", run.by());
    assertEquals(ImportControl.Phase.FINISHED, control.snapshot().phase());
  }

  @Test
  void progressEndsAtEveryFileAndAFinishedClock() throws Exception {
    Path index = tmp.resolve("index");
    ImportControl control = new ImportControl();
    assertEquals(0, control.snapshot().fraction());
    ImportHistory history = new ImportHistory(index);
    ImportFlow.run(
        index,
        List.of(pages(7)),
        ImportOptions.defaults().withControl(control),
        false,
        history,
        history.newId(),
        "site/",
        "bob");
    ImportControl.Snapshot s = control.snapshot();
    assertEquals(ImportControl.Phase.FINISHED, s.phase());
    assertEquals(7, s.files());
    assertEquals(7, s.plannedFiles());
    assertEquals(1.0, s.fraction());
    assertNull(s.left());
    Thread.sleep(20);
    assertEquals(s.elapsed(), control.snapshot().elapsed(), "the clock stops at the end");
  }

  @Test
  void aRunWhoseProcessDiedReadsAsInterrupted() throws Exception {
    Path index = tmp.resolve("index");
    ImportHistory history = new ImportHistory(index);
    String id = history.newId();
    history.begin(id, "big.zip", "carol");
    assertEquals(ImportHistory.Status.RUNNING, history.get(id).orElseThrow().status());
    // another instance of this process, as after a restart: nobody here is running it
    ImportHistory.Run seen = new ImportHistory(index).get(id).orElseThrow();
    assertEquals(ImportHistory.Status.INTERRUPTED, seen.status());
    // and a run recorded by a process that is gone
    Path run = index.resolve("imports").resolve(id).resolve("run.json");
    JsonNode o = new ObjectMapper().readTree(Files.readString(run));
    ((com.fasterxml.jackson.databind.node.ObjectNode) o).put("pid", Long.MAX_VALUE);
    Files.writeString(run, o.toString());
    assertEquals(ImportHistory.Status.INTERRUPTED, history.get(id).orElseThrow().status());
  }

  @Test
  void aJsonLinesImportIsDescribedByItsFileName() throws Exception {
    Path jsonl = tmp.resolve("entries.jsonl");
    try (var w = Files.newBufferedWriter(jsonl, StandardCharsets.UTF_8)) {
      EntryJson.write(Fixtures.small(), w);
    }
    assertEquals("entries.jsonl", ImportFlow.describe(List.of(jsonl)));
    assertEquals("entries.jsonl and 1 more", ImportFlow.describe(List.of(jsonl, tmp)));
  }
}
