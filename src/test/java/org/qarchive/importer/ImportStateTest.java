package org.qarchive.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qarchive.importer.ImportReport.FileOutcome;

class ImportStateTest {

  @TempDir Path tmp;

  private final MemorySink sink = new MemorySink();
  private ImportState state = ImportState.empty();
  private Importer last;

  private static String post(String q, String a) {
    return "<html><head><title>t</title></head><body class='single'><article class='post'><h1 class='entry-title'>T</h1>"
        + "<div class='entry-content'><p>Q: "
        + q
        + "</p><p>A: "
        + a
        + "</p></div></article></body></html>";
  }

  private Path page(String name, String html, String mtime) throws Exception {
    Path p = tmp.resolve("site").resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, html);
    Files.setLastModifiedTime(p, FileTime.from(Instant.parse(mtime)));
    return p;
  }

  private ImportReport importSite() throws Exception {
    last = new Importer(ImportOptions.defaults());
    ImportReport r = last.run(List.of(tmp.resolve("site")), sink, state);
    Path file = tmp.resolve(ImportState.FILE_NAME);
    last.lastState().save(file, "commit-1");
    state = ImportState.load(file, "commit-1");
    return r;
  }

  private static FileOutcome outcome(ImportReport r, String file) {
    return r.rows().stream().filter(x -> x.file().equals(file)).findFirst().orElseThrow().outcome();
  }

  @Test
  void reimportOfAnUnchangedFolderReadsNothingAndReportsEverythingUnchanged() throws Exception {
    page("h.com/2013/05/a/index.html", post("A?", "a"), "2014-01-01T00:00:00Z");
    page("h.com/2013/05/b/index.html", post("B?", "b"), "2014-01-01T00:00:00Z");
    page(
        "h.com/page/2/index.html",
        "<html><body class='home'>list</body></html>",
        "2014-01-01T00:00:00Z");
    page("h.com/broken.html", "", "2014-01-01T00:00:00Z");
    ImportReport first = importSite();
    assertEquals(2, first.imported());
    int upserts = sink.upserts;

    ImportReport again = importSite();
    assertEquals(0, last.extracted(), "no page parsed");
    assertEquals(upserts, sink.upserts, "nothing written");
    assertEquals(4, again.skipped());
    assertEquals(0, again.imported());
    assertEquals(2, again.unchanged());
    assertEquals(FileOutcome.UNCHANGED, outcome(again, "h.com/2013/05/a/index.html"));
    assertEquals(FileOutcome.LISTING, outcome(again, "h.com/page/2/index.html"));
    assertEquals(FileOutcome.FAILED, outcome(again, "h.com/broken.html"));

    ImportReport third = importSite();
    assertEquals(2, third.unchanged(), "the state written by a skipping run skips as well");
    assertEquals(0, last.extracted());
  }

  @Test
  void aTouchedFileIsReadAgainAndItsChangeStored() throws Exception {
    page("h.com/2013/05/a/index.html", post("A?", "a"), "2014-01-01T00:00:00Z");
    page("h.com/2013/05/b/index.html", post("B?", "b"), "2014-01-01T00:00:00Z");
    importSite();
    page("h.com/2013/05/b/index.html", post("B?", "b, revised"), "2014-02-01T00:00:00Z");
    ImportReport r = importSite();
    assertEquals(1, last.extracted());
    assertEquals(1, r.updated());
    assertEquals(1, r.unchanged());
    assertEquals(FileOutcome.IMPORTED, outcome(r, "h.com/2013/05/b/index.html"));
    assertEquals(FileOutcome.UNCHANGED, outcome(r, "h.com/2013/05/a/index.html"));
  }

  @Test
  void aNewerCopyBesideAnUnchangedOneStillWins() throws Exception {
    page("h.com/2013/05/x/index.html", post("Old?", "old"), "2014-01-01T00:00:00Z");
    importSite();
    // a newer copy of the same post that sorts before the unchanged one
    page("a-mirror/h.com/2013/05/x/index.html", post("New?", "new"), "2015-01-01T00:00:00Z");
    ImportReport r = importSite();
    assertEquals(1, last.extracted(), "only the new copy is read");
    assertEquals(1, sink.entries.size());
    assertEquals("New?", sink.entries.values().iterator().next().question());
    assertEquals(1, r.updated());
    assertEquals(FileOutcome.DUPLICATE, outcome(r, "h.com/2013/05/x/index.html"));

    // and an older copy added later loses to the stored newer one
    page("b-mirror/h.com/2013/05/x/index.html", post("Oldest?", "oldest"), "2013-01-01T00:00:00Z");
    ImportReport r2 = importSite();
    assertEquals(1, last.extracted());
    assertEquals("New?", sink.entries.values().iterator().next().question());
    assertEquals(1, r2.unchanged());
    assertEquals(FileOutcome.DUPLICATE, outcome(r2, "b-mirror/h.com/2013/05/x/index.html"));
    assertEquals(FileOutcome.UNCHANGED, outcome(r2, "a-mirror/h.com/2013/05/x/index.html"));
  }

  @Test
  void whenOneCopyChangesEveryCopyOfThatPostIsReadAgain() throws Exception {
    page("h.com/2013/05/x/index.html", post("Old?", "old"), "2014-01-01T00:00:00Z");
    page("m/h.com/2013/05/x/index.html", post("New?", "new"), "2015-01-01T00:00:00Z");
    page("h.com/2013/05/y/index.html", post("Y?", "y"), "2014-01-01T00:00:00Z");
    importSite();
    // the newer copy becomes older than the other: the other must win again, so both are read
    Files.setLastModifiedTime(
        tmp.resolve("site/m/h.com/2013/05/x/index.html"),
        FileTime.from(Instant.parse("2013-01-01T00:00:00Z")));
    ImportReport r = importSite();
    assertEquals(2, last.extracted());
    assertEquals(
        "Old?",
        sink.entries.values().stream()
            .filter(e -> e.url().contains("/x/"))
            .findFirst()
            .orElseThrow()
            .question());
    assertEquals(FileOutcome.DUPLICATE, outcome(r, "m/h.com/2013/05/x/index.html"));
    assertEquals(FileOutcome.UNCHANGED, outcome(r, "h.com/2013/05/y/index.html"));
  }

  @Test
  void aSurnameInAChangedPageIsCompletedFromAnUnchangedPageThatWasNotRead() throws Exception {
    page(
        "h.com/2013/05/a/index.html",
        post("A?", "a").replace("<p>A: a</p>", "<p>Dr. Jane Roe answers: a</p>"),
        "2014-01-01T00:00:00Z");
    page(
        "h.com/2013/06/b/index.html",
        post("B?", "b").replace("<p>A: b</p>", "<p>Dr. Roe answers: b</p>"),
        "2014-01-01T00:00:00Z");
    importSite();
    page(
        "h.com/2013/06/b/index.html",
        post("B?", "b").replace("<p>A: b</p>", "<p>Dr. Roe answers: b, revised</p>"),
        "2014-02-01T00:00:00Z");
    ImportReport r = importSite();
    assertEquals(1, last.extracted());
    assertEquals(1, r.updated());
    assertEquals(
        List.of("Dr. Jane Roe", "Dr. Jane Roe"),
        sink.entries.values().stream().map(e -> e.answeredBy()).toList());
  }

  @Test
  void entriesOfAFileThatDisappearedStayInTheIndex() throws Exception {
    Path a = page("h.com/2013/05/a/index.html", post("A?", "a"), "2014-01-01T00:00:00Z");
    page("h.com/2013/05/b/index.html", post("B?", "b"), "2014-01-01T00:00:00Z");
    importSite();
    Files.delete(a);
    ImportReport r = importSite();
    assertEquals(0, last.extracted());
    assertEquals(1, r.rows().size());
    assertEquals(
        2, sink.entries.size(), "kept; 'qarchive import' never deletes what a vanished file held");
  }

  @Test
  void aStateWrittenForAnotherCommitOrDamagedIsIgnored() throws Exception {
    page("h.com/2013/05/a/index.html", post("A?", "a"), "2014-01-01T00:00:00Z");
    importSite();
    Path file = tmp.resolve(ImportState.FILE_NAME);
    assertEquals(1, ImportState.load(file, "commit-1").size());
    assertEquals(0, ImportState.load(file, "commit-2").size());
    Files.writeString(file, Files.readString(file) + "garbage\n");
    assertEquals(0, ImportState.load(file, "commit-1").size());
    assertEquals(0, ImportState.load(tmp.resolve("missing.tsv"), "commit-1").size());
  }

  @Test
  void recordsReadBackAsSavedWithTabsAndLineBreaksInTextMadeSpaces() throws Exception {
    ImportState.FileRecord plain =
        new ImportState.FileRecord(
            "/a/b.html",
            123,
            1_400_000_000_000L,
            FileOutcome.IMPORTED,
            2,
            null,
            "b.html",
            "h.com/2013/05/b/",
            Instant.parse("2014-05-01T10:00:00.123456789Z"),
            "h.com",
            List.of("Dr. Jane Roe", "Dr. Kessler’s Esthétique"),
            List.of("b-1", "b-2"));
    ImportState.FileRecord awkward =
        new ImportState.FileRecord(
            "/a/c\td.html",
            0,
            -1,
            FileOutcome.FAILED,
            0,
            "bad\r\nthing\there",
            "c\nd.html",
            null,
            null,
            null,
            List.of(),
            List.of());
    Path file = tmp.resolve(ImportState.FILE_NAME);
    new ImportState("", java.util.Map.of(plain.path(), plain, awkward.path(), awkward))
        .save(file, "commit-9");

    ImportState back = ImportState.load(file, "commit-9");
    assertEquals(2, back.size());
    assertEquals(plain, back.get("/a/b.html"));
    assertEquals(
        new ImportState.FileRecord(
            "/a/c d.html",
            0,
            -1,
            FileOutcome.FAILED,
            0,
            "bad  thing here",
            "c d.html",
            null,
            null,
            null,
            List.of(),
            List.of()),
        back.get("/a/c d.html"));
    assertEquals(0, ImportState.load(file, "commit-8").size(), "written for another commit");
  }

  @Test
  void captureTimesReadBackAsInstantParseReadsThem() {
    for (String t :
        List.of(
            "2014-01-01T00:00:00Z",
            "1999-12-31T23:59:59Z",
            "2016-02-29T12:34:56Z",
            "0001-01-01T00:00:00Z",
            "1969-07-20T20:17:40Z",
            "2014-05-01T10:00:00.250Z",
            "2014-05-01T10:00:00.123456789Z",
            "2026-03-17T22:17:14.773046970Z",
            "2026-03-17T22:17:14.000001Z",
            "2014-05-01T10:00:00.001Z",
            "+10000-01-01T00:00:00Z")) {
      assertEquals(Instant.parse(t), ImportState.instant(t), t);
      assertEquals(t, ImportState.instant(t).toString());
    }
    for (String odd :
        List.of(
            "2015-02-29T00:00:00Z",
            "2014-13-01T00:00:00Z",
            "2014-01-01T24:00:00Z",
            "2014-01-01T00:60:00Z",
            "2014-01-01T23:59:60Z",
            "2014-01-01T00:00:00X",
            "2014-0a-01T00:00:00Z",
            "2014-01-01T00:00:00.5Z",
            "2014-01-01T00:00:00.12Z",
            "2014-01-01T00:00:00.Z",
            "2014-01-01T00:00:00.1234567890Z",
            "2014-01-01T00:00:00.12a4Z",
            "2014-01-01T00:00:00,5Z",
            "2014-01-01T00:00:00.-5Z")) {
      assertEquals(outcome(() -> Instant.parse(odd)), outcome(() -> ImportState.instant(odd)), odd);
    }
  }

  private static String outcome(java.util.function.Supplier<Instant> parse) {
    try {
      return parse.get().toString();
    } catch (RuntimeException e) {
      return e.getClass().getName();
    }
  }
}
